import Foundation
import Testing
import KTOImport
@testable import KTOModel

/// The parallel read of a data file (`Loader+Parallel.swift`) must give exactly the sequential
/// read: the same dataset (every column, ids, lines, groups), the same ledger and the same error.
/// Files under `DatasetLoader.minimumPartBytes` per thread are read on the calling thread, so these
/// tests either use a file of several MiB or lower `minimumPartSize` (a test seam) to make small
/// files take the parallel path, and check through `partLog` that it was taken.
@Suite("Parallel loader equals sequential loader")
struct ParallelLoaderTests {
    /// MiniStudy's codebook with a coded open question beside `goed`, and a missing code 998
    /// for `cijfer` that the data never uses: it keeps `cijfer` in two bytes per row while the
    /// other code columns take one (`CodeColumn`), so every read here mixes both widths.
    static let codebook = MiniStudy.codebook.replacingOccurrences(of: "99=weet niet|98=n.v.t.", with: "99=weet niet|98=n.v.t.|998=geweigerd")
        + "goed_codes;multi;Open;Goed;Wat is goed? (gecodeerd);;1=Stipt|2=Vriendelijk|3=Anders;;;-\n"

    /// A study folder with the codebook and the given data files; the loader for it.
    struct Setup {
        let folder = TempFolder()
        let loader: DatasetLoader
        let files: [Study.DataFile]

        /// - Parameter top: study lines before MiniStudy's (such as a weighting).
        init(_ data: [[UInt8]], top: String = "") throws {
            folder.write("codebook.csv", ParallelLoaderTests.codebook)
            var names: [String] = []
            for (k, bytes) in data.enumerated() {
                names.append("data\(k + 1).csv")
                folder.write(names[k], bytes: bytes)
            }
            let studyPath = folder.write("kto.study", top + MiniStudy.study(data: names.joined(separator: ", ")))
            let study = try Study.load(path: studyPath)
            let codebook = try Codebook.load(path: study.codebook.path, displayName: study.codebook.displayName)
            loader = DatasetLoader(study: study, codebook: codebook)
            files = study.dataFiles
        }

        /// Whether large exports are mapped (`FileMapping`) or read into a buffer.
        var mapsLargeFiles = true

        /// Loads with `threads` threads (1: sequential) and parts of at least `partSize` bytes,
        /// `partsPerThread` per thread (1: cut into as many parts as threads).
        func load(
            threads: Int, partSize: Int = DatasetLoader.minimumPartBytes, partsPerThread: Int = 1, strict: Bool = false,
            reserve: ByteReserve? = nil, progress: ((String, Int, Int) -> Void)? = nil
        ) -> Outcome {
            var loader = self.loader
            loader.mapsLargeFiles = mapsLargeFiles
            loader.parallelism = threads
            loader.partsPerThread = partsPerThread
            loader.minimumPartSize = partSize
            loader.strict = strict
            let log = PartLog()
            loader.partLog = log
            do {
                let (dataset, ledgers) = try loader.load(files: files, meting: "2015", progress: progress, reserve: reserve)
                return Outcome(result: .success(.init(dataset: dataset, ledgers: ledgers)), parts: log.entries)
            } catch {
                return Outcome(result: .failure(.init(error)), parts: log.entries)
            }
        }
    }

    struct Loaded {
        var dataset: Dataset
        var ledgers: [RowLedger]
    }

    struct Outcome {
        /// The dataset and ledgers, or the error.
        var result: Result<Loaded, Failure>
        /// Per file read in parts: (parts, parts merged as read).
        var parts: [(parts: Int, merged: Int)]

        /// An error, compared by every stored property (`dump`: kind, file, line, column, line text).
        struct Failure: Error, Equatable {
            var text: String
            var error: any Error

            init(_ error: any Error) {
                self.error = error
                text = ""
                dump(error, to: &text)
            }

            static func == (a: Failure, b: Failure) -> Bool { a.text == b.text }
        }
        var loaded: Loaded? { try? result.get() }
    }

    /// Every difference between a parallel outcome and the sequential one, as readable lines
    /// (the first differing row of each array, not the whole arrays).
    static func differences(_ a: Outcome, _ b: Outcome) -> [String] {
        switch (a.result, b.result) {
        case (.failure(let x), .failure(let y)):
            return x == y ? [] : ["errors differ: \(x.text) vs \(y.text)"]
        case (.failure(let x), .success), (.success, .failure(let x)):
            return ["only one read failed: \(x.text)"]
        case (.success(let x), .success(let y)):
            var out: [String] = []
            func compare<T: Equatable>(_ name: String, _ u: [T], _ v: [T]) {
                guard u != v else { return }
                let k = zip(u, v).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(u.count, v.count)
                out.append("\(name): counts \(u.count) vs \(v.count), first difference at \(k): "
                    + "\(k < u.count ? "\(u[k])" : "-") vs \(k < v.count ? "\(v[k])" : "-")")
            }
            compare("groups", x.dataset.groups, y.dataset.groups)
            compare("group", x.dataset.group, y.dataset.group)
            compare("ids", Array(x.dataset.ids), Array(y.dataset.ids))
            compare("lines", x.dataset.lines, y.dataset.lines)
            compare("weights", x.dataset.weights ?? [], y.dataset.weights ?? [])
            if (x.dataset.weights == nil) != (y.dataset.weights == nil) { out.append("weights: only one read has them") }
            compare("columns present", x.dataset.columns.map { $0 == nil }, y.dataset.columns.map { $0 == nil })
            for (v, variable) in x.dataset.codebook.variables.enumerated() {
                switch (x.dataset.columns[v], y.dataset.columns[v]) {
                case (.codes(let p)?, .codes(let q)?): compare(variable.code, p.codes, q.codes)
                case (.multi(let p)?, .multi(let q)?): compare(variable.code, p, q)
                case (.texts(let p)?, .texts(let q)?): compare(variable.code, p, q)
                case (nil, nil): break
                default: out.append("\(variable.code): column kinds differ")
                }
            }
            compare("ledger files", x.ledgers.map(\.file), y.ledgers.map(\.file))
            for (l, m) in zip(x.ledgers, y.ledgers) where l != m {
                compare("\(l.file) rejections", l.rejections, m.rejections)
                compare("\(l.file) cell issues", l.cellIssues, m.cellIssues)
                if (l.rowsRead, l.rowsUsed, l.blankLines, l.labelsMatched) != (m.rowsRead, m.rowsUsed, m.blankLines, m.labelsMatched) {
                    out.append("\(l.file) counts: read/used/blank/labels \(l.rowsRead)/\(l.rowsUsed)/\(l.blankLines)/\(l.labelsMatched) "
                        + "vs \(m.rowsRead)/\(m.rowsUsed)/\(m.blankLines)/\(m.labelsMatched)")
                }
                if out.isEmpty { out.append("\(l.file): ledgers differ") }
            }
            return out
        }
    }

    // MARK: - Several MiB, the loader's own part size

    @Test func severalMiBReadInTwoThreeAndFourPartsEqualsSequential() throws {
        var export = SyntheticExport(seed: 2015)
        // 4.3 MiB: four parts of at least 1 MiB each at the loader's own threshold.
        let bytes = export.bytes(minimumSize: 4_300_000)
        let setup = try Setup([bytes])
        let sequential = setup.load(threads: 1)
        #expect(sequential.parts.isEmpty, "one thread: no parts")
        let loaded = try #require(sequential.loaded)
        try export.expectMatches(loaded.dataset, loaded.ledgers[0])
        let widths = ["cijfer", "stipt", "traject"].map { code -> Bool? in
            guard case .codes(let column)? = loaded.dataset.column(code) else { return nil }
            return column.isNarrow
        }
        #expect(widths == [false, true, true], "cijfer wide (998), the others narrow")
        // The file has every kind of rejected row, blank lines, labels and unusable cells.
        let ledger = loaded.ledgers[0]
        #expect(export.rejectionKinds.count == 6 && Set(ledger.rejections.map(\.reason.kind)).count == 6)
        #expect(ledger.blankLines > 0 && ledger.labelsMatched > 0)
        #expect(ledger.cellIssues.map(\.variable) == ["cijfer", "stipt", "wisselen", "traject", "goed_codes"])
        #expect(ledger.cellIssues.allSatisfy { $0.outOfRange > 0 && $0.examples.count == 5 })
        for threads in 2...4 {
            let parallel = setup.load(threads: threads)
            #expect(parallel.parts.map(\.parts) == [threads], "\(threads) threads: cut into \(threads) parts")
            #expect(parallel.parts.map(\.merged) == [threads], "\(threads) threads: every part merged as read")
            #expect(Self.differences(parallel, sequential) == [], "\(threads) threads")
        }
    }

    /// More parts than threads, as the loader cuts a file (four per thread): the threads take the
    /// parts in turn, and the result is still the sequential read's, every part merged.
    @Test func morePartsThanThreadsEqualsSequential() throws {
        var export = SyntheticExport(seed: 2018)
        // 8.7 MB: eight parts of at least 1 MB at the loader's own part size.
        let setup = try Setup([export.bytes(minimumSize: 8_700_000)])
        let sequential = setup.load(threads: 1)
        let loaded = try #require(sequential.loaded)
        try export.expectMatches(loaded.dataset, loaded.ledgers[0])
        for (threads, parts) in [(2, 8), (3, 8)] {
            var reports: [Int] = []
            let parallel = setup.load(threads: threads, partsPerThread: DatasetLoader.defaultPartsPerThread) { _, done, total in
                reports.append(done)
                #expect(done <= total)
            }
            #expect(parallel.parts.map(\.parts) == [parts] && parallel.parts.map(\.merged) == [parts], "\(threads) threads: \(parallel.parts)")
            #expect(Self.differences(parallel, sequential) == [], "\(threads) threads")
            // Progress on the calling thread only, never backwards, ending at the file's size.
            #expect(reports == reports.sorted(), "\(reports)")
            #expect(reports.last == setup.files.first.flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int })
        }
    }

    /// A weight column read in parts: the parts' weights appended in file order, as the
    /// sequential read has them (eight parts on two threads, and three on three).
    @Test func weightsReadInPartsEqualSequential() throws {
        var text = "respnr;gemeente;cijfer;stipt;wisselen;traject;goed;goed_codes;gewicht\r\n"
        let weights = ["0,5", "1", "1,25", "2", "0,75", "3,5"]
        let values: [Double] = [0.5, 1, 1.25, 2, 0.75, 3.5]
        var expected: [Double] = []
        for r in 0..<40_000 {
            let w = (r * 5) % weights.count
            let cells = [100_000 + r, 1 + r % 3, 1 + r % 10, 1 + r % 5, 1 + r % 4, 1 + r % 2].map(String.init)
            text += cells.joined(separator: ";") + ";;;" + weights[w] + "\r\n"
            expected.append(values[w])
        }
        let setup = try Setup([Array(text.utf8)], top: "weighting = variable\nweight = gewicht\n")
        let sequential = setup.load(threads: 1)
        let loaded = try #require(sequential.loaded)
        // Every row used, each with the weight written for it (rows 0-5: 0,5 3,5 0,75 2 1,25 1).
        #expect(loaded.dataset.weights == expected)
        #expect(Array(expected.prefix(6)) == [0.5, 3.5, 0.75, 2, 1.25, 1])
        for (threads, partsPerThread, parts) in [(2, DatasetLoader.defaultPartsPerThread, 8), (3, 1, 3)] {
            let parallel = setup.load(threads: threads, partSize: 64 << 10, partsPerThread: partsPerThread)
            #expect(parallel.parts.map(\.parts) == [parts] && parallel.parts.map(\.merged) == [parts], "\(parallel.parts)")
            #expect(Self.differences(parallel, sequential) == [], "\(threads) threads")
        }
    }

    /// The parts are handed out once each, in order, however many threads take them; after
    /// `close` none is.
    @Test func partQueueHandsOutEachPartOnce() {
        let queue = PartQueue(first: 1, end: 2_001)
        final class Taken: @unchecked Sendable {
            let lock = NSLock()
            var parts: [Int] = []
        }
        let taken = Taken()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            var mine: [Int] = []
            while let k = queue.take() { mine.append(k) }
            #expect(mine == mine.sorted())
            taken.lock.withLock { taken.parts += mine }
        }
        #expect(taken.parts.sorted() == Array(1...2_000))
        let closed = PartQueue(first: 0, end: 10)
        #expect(closed.take() == 0)
        closed.close()
        #expect(closed.take() == nil)
    }

    /// A large export's bytes go into the memory of the export read before it (`ByteReserve`,
    /// as `LoadedStudy` reads large metingen one after the other): the same dataset and ledgers.
    @Test func anExportInAnEarlierExportsMemoryReadsTheSame() throws {
        var export = SyntheticExport(seed: 2016)
        let setup = try Setup([export.bytes(minimumSize: 4_300_000)])
        let plain = setup.load(threads: 2)
        #expect(plain.loaded != nil)
        // The buffer's path: large exports are otherwise mapped, and a mapping is no buffer.
        var unmapped = setup
        unmapped.mapsLargeFiles = false
        let reserve = ByteReserve()
        for round in 1...3 {
            #expect(Self.differences(unmapped.load(threads: 2, reserve: reserve), plain) == [], "round \(round)")
            #expect(Self.differences(unmapped.load(threads: 1, reserve: reserve), plain) == [], "round \(round), one thread")
        }
        #expect(reserve.reuses == 5, "every read after the first in the first one's memory")
    }

    /// A large export is mapped (`FileMapping`): the same dataset and ledgers as read into a
    /// buffer, in one part and in two. When another program cuts the export short while it is
    /// read, the load stops with that message, not with what it made of the rest.
    @Test func aMappedExportReadsTheSameAndStopsWhenCutShort() throws {
        var export = SyntheticExport(seed: 2017)
        // Over 8 MB: one thread reports its progress once before the end.
        let setup = try Setup([export.bytes(minimumSize: 8_700_000)])
        var unmapped = setup
        unmapped.mapsLargeFiles = false
        let read = unmapped.load(threads: 1)
        let loaded = try #require(read.loaded)
        try export.expectMatches(loaded.dataset, loaded.ledgers[0])
        for threads in [1, 2] {
            #expect(Self.differences(setup.load(threads: threads), read) == [], "\(threads) threads")
        }

        let path = setup.files[0].path
        let cut = setup.load(threads: 1) { _, done, total in
            if done < total { truncate(path, 1 << 20) }
        }
        #expect(cut.parts.isEmpty)
        guard case .failure(let failure) = cut.result else {
            Issue.record("the load of an export cut short while it was read succeeded")
            return
        }
        let error = try #require(failure.error as? ImportError)
        #expect(error.kind == .changedWhileRead && error.place.file == setup.files[0].displayName)
        #expect(error.message.contains("veranderde terwijl kto het las"))
    }

    /// An export written over in place while it is read (the same size, so nothing is cut
    /// short) is caught by its stamp, mapped or read into a buffer; one left alone loads.
    @Test(arguments: [true, false])
    func anExportWrittenWhileItIsReadStopsTheLoad(_ mapped: Bool) throws {
        var export = SyntheticExport(seed: 2018)
        var setup = try Setup([export.bytes(minimumSize: 8_700_000)])
        setup.mapsLargeFiles = mapped
        #expect(setup.load(threads: 1).loaded != nil)
        let path = setup.files[0].path
        let written = setup.load(threads: 1) { _, done, total in
            guard done < total, let handle = FileHandle(forWritingAtPath: path) else { return }
            // A digit of the first row, which was read long ago, changed in place.
            try? handle.seek(toOffset: 200)
            try? handle.write(contentsOf: Data("7".utf8))
            try? handle.close()
        }
        guard case .failure(let failure) = written.result else {
            Issue.record("the load of an export written while it was read succeeded")
            return
        }
        #expect((failure.error as? ImportError)?.kind == .changedWhileRead)
    }

    // MARK: - Small files, forced small parts: cuts everywhere

    /// The same small export shifted byte by byte (a growing first answer) and cut into 2...7
    /// parts: the cut targets land inside quoted answers, between CR and LF, on quotes and
    /// separators; every read must equal the sequential one.
    @Test func cutsAtEveryOffsetEqualSequential() throws {
        var landings = Landings()
        var fastPaths = 0
        var reads = 0
        for shift in 0..<72 {
            var export = SyntheticExport(seed: 7, firstAnswerPadding: shift)
            let bytes = export.bytes(rows: 36)
            let setup = try Setup([bytes])
            let sequential = setup.load(threads: 1, partSize: 1)
            let loaded = try #require(sequential.loaded)
            try export.expectMatches(loaded.dataset, loaded.ledgers[0])
            for parts in 2...7 {
                let parallel = setup.load(threads: parts, partSize: 1)
                reads += 1
                if parallel.parts.first?.parts == parts && parallel.parts.first?.merged == parts { fastPaths += 1 }
                landings.note(bytes, dataStart: export.dataStart, parts: parts)
                let diff = Self.differences(parallel, sequential)
                #expect(diff == [], "shift \(shift), \(parts) parts")
                if !diff.isEmpty { return }
            }
        }
        #expect(landings.insideQuotes > 0 && landings.betweenCRAndLF > 0 && landings.onQuote > 0, "\(landings)")
        // Rows whose duplicate id is the previous row's: a cut between the two sends the rest of
        // the file to the sequential read. Most reads must still take the parallel path.
        #expect(fastPaths * 2 > reads, "parallel path taken in \(fastPaths) of \(reads) reads")
    }

    /// Windows-1252, UTF-8 with BOM and UTF-16 LE exports (the parts cut the normalised bytes).
    @Test(arguments: [SyntheticExport.Encoding.windows1252, .utf8BOM, .utf16LE])
    func otherEncodingsEqualSequential(_ encoding: SyntheticExport.Encoding) throws {
        var export = SyntheticExport(seed: 31, encoding: encoding)
        let setup = try Setup([export.bytes(rows: 3000)])
        let sequential = setup.load(threads: 1, partSize: 4096)
        let loaded = try #require(sequential.loaded)
        #expect(loaded.ledgers[0].encoding == encoding.textEncoding)
        try export.expectMatches(loaded.dataset, loaded.ledgers[0])
        for threads in [2, 3, 5] {
            let parallel = setup.load(threads: threads, partSize: 4096)
            #expect(parallel.parts.first?.parts == threads)
            #expect(Self.differences(parallel, sequential) == [], "\(encoding), \(threads) parts")
        }
    }

    // MARK: - Pages faulted in ahead

    /// The row arrays' reserved room is faulted in ahead (`Array.prefault`): the elements, the
    /// count and the storage stay as they are, and the room fills without moving.
    @Test func prefaultingARowArrayChangesNothing() {
        var ids: [String] = []
        ids.reserveCapacity(100_000)
        ids += (0..<10).map { "r\($0)" }
        let base = ids.withUnsafeBufferPointer { $0.baseAddress }
        ids.prefault(0..<50_000)
        ids.prefault(90_000..<200_000)  // past the capacity: as far as it goes
        #expect(ids == (0..<10).map { "r\($0)" } && ids.capacity >= 100_000)
        ids += (10..<100_000).map { "r\($0)" }
        #expect(ids.withUnsafeBufferPointer { $0.baseAddress } == base)
        #expect(ids[99_999] == "r99999")
        let empty: [Int32] = []
        empty.prefault(0..<100_000)
        #expect(empty.isEmpty)
    }


    /// The blocks faulted in ahead cover the room without gaps, and none but a room smaller than
    /// a block is shorter than a block: a short last block (under `Prefault.minimumBytes` for a
    /// narrow column) was left to fault page by page in every part of a file read in parts.
    @Test func prefaultBlocksCoverTheRoomWithoutAShortLastBlock() {
        let block = PartReader.prefaultRows
        for room in [0, 1, block - 1, block, block + 1, 2 * block - 1, 2 * block, 2 * block + 1, 62_500, 250_003, 500_016] {
            var done = 0
            var sizes: [Int] = []
            while done < room {
                let next = PartReader.prefaultEnd(after: done, room: room)
                #expect(next > done && next <= room)
                sizes.append(next - done)
                done = next
            }
            #expect(done == room)
            if room >= block { #expect(sizes.allSatisfy { $0 >= block }, "room \(room): \(sizes)") }
            #expect(sizes.allSatisfy { $0 < 2 * block })
        }
    }
    // MARK: - Where the parallel path must fall back

    /// The last row repeats the first row's id: the parts share an id, so every part after the
    /// first is read again sequentially, and the duplicate names the first line.
    @Test func duplicateIDAcrossTheCutFallsBack() throws {
        var export = SyntheticExport(seed: 11)
        var bytes = export.bytes(rows: 2000)
        bytes += Array("1;2;7;4;2;1;dubbel;1;\r\n".utf8)
        let setup = try Setup([bytes])
        let sequential = setup.load(threads: 1, partSize: 1024)
        let ledger = try #require(sequential.loaded?.ledgers.first)
        #expect(ledger.rejections.last?.reason == .duplicateID("1", firstLine: 2))
        for threads in [2, 4, 6] {
            let parallel = setup.load(threads: threads, partSize: 1024)
            let entry = try #require(parallel.parts.first)
            #expect(entry.parts == threads && entry.merged < threads, "\(threads) parts: fell back (\(entry))")
            #expect(Self.differences(parallel, sequential) == [], "\(threads) parts")
        }
        // Four parts per thread, taken in turn: every part before the last merged as read.
        for threads in [2, 3] {
            let parallel = setup.load(threads: threads, partSize: 1024, partsPerThread: 4)
            let entry = try #require(parallel.parts.first)
            #expect(entry.parts == 4 * threads && entry.merged == entry.parts - 1, "\(threads) threads: \(entry)")
            #expect(Self.differences(parallel, sequential) == [], "\(threads) threads, four parts each")
        }
    }

    /// An id of the first file again in the second: the second file's later parts overlap the
    /// meting's ids, so they fall back; the rows and ledgers of both files are the sequential ones.
    @Test func duplicateIDFromAnEarlierFileFallsBack() throws {
        var first = SyntheticExport(seed: 12)
        var second = SyntheticExport(seed: 13, firstID: 100_001)
        var secondBytes = second.bytes(rows: 1500)
        secondBytes += Array("17;1;8;5;1;2;;;\r\n".utf8)
        let setup = try Setup([first.bytes(rows: 1500), secondBytes])
        let sequential = setup.load(threads: 1, partSize: 1024)
        let ledgers = try #require(sequential.loaded?.ledgers)
        #expect(ledgers.count == 2)
        #expect(ledgers[1].rejections.last?.reason.kind == "dubbel respondentnummer")
        for threads in [2, 3] {
            let parallel = setup.load(threads: threads, partSize: 1024)
            #expect(parallel.parts.count == 2 && parallel.parts[1].merged < threads, "\(parallel.parts)")
            #expect(Self.differences(parallel, sequential) == [], "\(threads) parts")
        }
    }

    /// An unterminated quote in the last row: the sequential read throws; the parallel read must
    /// throw the same error (kind, file, line, column and line text), not that of a later part.
    @Test func unterminatedQuoteNearTheEndGivesTheSameError() throws {
        var export = SyntheticExport(seed: 21)
        var bytes = export.bytes(rows: 2000)
        bytes += Array("999999;1;7;4;2;1;\"begint maar eindigt niet;1;\r\n1000000;2;8;4;2;1;x;;\r\n".utf8)
        let setup = try Setup([bytes])
        let sequential = setup.load(threads: 1, partSize: 1024)
        guard case .failure(let error) = sequential.result else {
            Issue.record("the sequential read should fail")
            return
        }
        let importError = try #require(error.error as? ImportError)
        #expect(importError.kind == .unterminatedQuote)
        #expect(importError.place == KTOImport.SourceLocation(file: "data1.csv", line: export.nextLine, column: 18))
        for threads in [2, 3, 4, 8] {
            let parallel = setup.load(threads: threads, partSize: 1024)
            #expect(Self.differences(parallel, sequential) == [], "\(threads) parts")
        }
    }

    /// A quote inside an unquoted field (`ab"c`) misleads the cutter's quote parity: later cuts
    /// land inside records, the parts do not meet, and the rest is read sequentially.
    @Test func strayQuoteInAnUnquotedFieldFallsBack() throws {
        var export = SyntheticExport(seed: 5)
        var bytes = Array("respnr;gemeente;cijfer;stipt;wisselen;traject;goed;goed_codes;opmerking\r\n".utf8)
        bytes += Array("1;1;7;4;2;1;zo\"n antwoord;1;\r\n".utf8)
        export.header = false
        export.nextID = 2
        export.nextLine = 3
        bytes += export.bytes(rows: 1500)
        let setup = try Setup([bytes])
        let sequential = setup.load(threads: 1, partSize: 1024)
        let texts = sequential.loaded?.dataset.column("goed")
        guard case .texts(let answers)? = texts else {
            Issue.record("no open answers read")
            return
        }
        #expect(answers.first == "zo\"n antwoord")
        var fellBack = 0
        for threads in 2...6 {
            let parallel = setup.load(threads: threads, partSize: 1024)
            if let entry = parallel.parts.first, entry.merged < entry.parts { fellBack += 1 }
            #expect(Self.differences(parallel, sequential) == [], "\(threads) parts")
        }
        #expect(fellBack > 0, "a misjudged cut should make some read fall back")
    }

    /// Under `--strict` the first rejected row is fatal; when it lies in a later part, that part
    /// stops, is read again sequentially, and the error names the file's line.
    @Test func strictModeStopsAtTheSameRow() throws {
        var export = SyntheticExport(seed: 3, clean: true)
        var bytes = export.bytes(rows: 2500)
        let badLine = export.nextLine
        bytes += Array("1999999;4;7;4;2;1;;;\r\n".utf8)
        var tail = SyntheticExport(seed: 4, clean: true, firstID: 50_000)
        tail.header = false
        tail.nextLine = badLine + 1
        bytes += tail.bytes(rows: 100)
        let setup = try Setup([bytes])
        let sequential = setup.load(threads: 1, partSize: 1024, strict: true)
        guard case .failure(let error) = sequential.result else {
            Issue.record("the strict read should fail")
            return
        }
        let strictError = try #require(error.error as? StrictModeError)
        #expect(strictError.location == KTOImport.SourceLocation(file: "data1.csv", line: badLine))
        for threads in [2, 3, 4] {
            let parallel = setup.load(threads: threads, partSize: 1024, strict: true)
            #expect(Self.differences(parallel, sequential) == [], "\(threads) parts")
        }
        // Without --strict the same file loads in parallel, every part merged as read: the bad
        // row is an unknown gemeente, which the parts check on their own.
        let lenient = setup.load(threads: 3, partSize: 1024)
        #expect(lenient.parts.first?.merged == 3)
        #expect(Self.differences(lenient, setup.load(threads: 1)) == [])
    }
}

/// Where the cut targets (`dataStart + CutPlan.target(k, of: parts, in: n - dataStart)`, as
/// `CSVReader.partition` computes them) fell in the sweep; the cutter moves forward from there to
/// a line start.
struct Landings: CustomStringConvertible {
    var insideQuotes = 0
    var betweenCRAndLF = 0
    var onQuote = 0

    mutating func note(_ bytes: [UInt8], dataStart: Int, parts: Int) {
        let n = bytes.count
        var inside = false
        var targets = Set((1..<parts).map { dataStart + CutPlan.target($0, of: parts, in: n - dataStart) })
        for i in dataStart..<n where !targets.isEmpty {
            if targets.remove(i) != nil {
                if inside && bytes[i] != 0x22 { insideQuotes += 1 }
                if bytes[i] == 0x0A && bytes[i - 1] == 0x0D { betweenCRAndLF += 1 }
                if bytes[i] == 0x22 { onQuote += 1 }
            }
            if bytes[i] == 0x22 { inside.toggle() }
        }
    }

    var description: String { "inside quotes \(insideQuotes), between CR and LF \(betweenCRAndLF), on a quote \(onQuote)" }
}
