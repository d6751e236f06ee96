import Foundation
import Testing
@testable import KTOImport

/// The quotes and line ends that the UTF-8 check counts in passing (`TextCounts`) are those of
/// a count of their own, and a partition cut from them obeys the partition's rules.
@Suite("Counts made while checking UTF-8, and the cut made from them")
struct TextCountsTests {
    /// Rows with every kind of byte the counts care about: quoted answers spanning lines and
    /// holding doubled quotes, CRLF, LF and lone CR line ends, characters of two to four bytes.
    static func text(bytes: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let answers = ["", "goed", "\"te laat, \"\"helaas\"\"\"", "\"twee\r\nregels\"", "café", "€ 12,50", "\"één\nnaïef 😀\"", "x"]
        let ends = ["\r\n", "\n", "\r"]
        var out = Array("respnr;cijfer;toelichting\r\n".utf8)
        var row = 0
        while out.count < bytes {
            row += 1
            let answer = answers[Int(next() % UInt64(answers.count))]
            let end = ends[next() % 10 == 0 ? Int(next() % 3) : 0]
            out += Array("\(row);\(next() % 10 + 1);\(answer)\(end)".utf8)
        }
        return out
    }

    @Test(arguments: [2, 3, 5, 16])
    func countsPerPieceAreTheCountsOfThePiece(_ threads: Int) {
        let bytes = Self.text(bytes: 400_000, seed: UInt64(threads))
        bytes.withUnsafeBufferPointer { b in
            let (valid, counts) = TextEncoding.checkUTF8(b, threads: threads, minimumPart: 20_000, counting: true)
            #expect(valid)
            guard let counts else {
                Issue.record("valid text split into pieces has counts")
                return
            }
            #expect(counts.pieces == threads && counts.cuts.first == 0 && counts.cuts.last == b.count)
            for k in 0..<counts.pieces {
                let own = CSVReader.count(b, from: counts.cuts[k], to: counts.cuts[k + 1])
                #expect(counts.quotes[k] == own.quotes && counts.lineEnds[k] == own.lineEnds, "piece \(k)")
                // No piece starts inside a character.
                #expect(k == 0 || b[counts.cuts[k]] & 0xC0 != 0x80)
            }
            // Without counting: the same answer and no counts; one piece: no counts.
            #expect(TextEncoding.checkUTF8(b, threads: threads, minimumPart: 20_000, counting: false) == (true, nil))
            #expect(TextEncoding.checkUTF8(b, threads: 1, counting: true) == (true, nil))
        }
    }

    /// Text that is not UTF-8 (a Windows-1252 `é` early in the first piece) is still counted
    /// to its end, in every piece: a Dutch Excel export is cut from the same counts.
    @Test func textThatIsNoUTF8IsCountedToo() {
        var bytes = Self.text(bytes: 200_000, seed: 9)
        bytes.insert(0xE9, at: 100)
        bytes.withUnsafeBufferPointer { b in
            let (valid, counts) = TextEncoding.checkUTF8(b, threads: 4, minimumPart: 20_000, counting: true)
            #expect(!valid)
            guard let counts else {
                Issue.record("text split into pieces has counts, valid or not")
                return
            }
            for k in 0..<counts.pieces {
                let own = CSVReader.count(b, from: counts.cuts[k], to: counts.cuts[k + 1])
                #expect(counts.quotes[k] == own.quotes && counts.lineEnds[k] == own.lineEnds, "piece \(k)")
            }
            #expect(TextEncoding.detect(b, threads: 4, counting: true).encoding == .windows1252)
        }
    }

    /// A large export read for several threads carries its counts, and the partition made from
    /// them cuts where the partition's rules say: at the first line start outside quotes from
    /// each piece's start on, with the line ends before it, found here by a plain scan.
    @Test(arguments: [(2, false), (3, false), (2, true)])
    func aPartitionFromTheCountsCutsByTheRules(_ parts: Int, _ windows1252: Bool) throws {
        var bytes = Self.text(bytes: parts * TextEncoding.minimumCheckPart + 50_000, seed: UInt64(parts))
        // A Windows-1252 `ë` in an answer: the text is no UTF-8, and is cut from the counts too.
        if windows1252 { bytes.insert(0xEB, at: bytes.count / 3) }
        let storage = ByteStorage(copying: bytes)
        let source = try SourceText(storage: storage, file: "t.csv", encoding: nil, threads: parts, counting: true)
        let counts = try #require(source.counts)
        #expect(counts.pieces == parts)
        #expect(source.encoding == (windows1252 ? .windows1252 : .utf8))
        let reader = try CSVReader(source: source, dialect: .semicolon)
        let partition = reader.partition(into: parts)
        #expect(partition.count == parts)

        // The reference: one scan from the first data record, as the parser sees the bytes.
        var lineStarts: [(offset: Int, lineEndsBefore: Int)] = []
        var inside = false
        var ends = 0
        var i = reader.dataStart
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x22 {
                inside.toggle()
            } else if c == 0x0A || (c == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                ends += 1
                if !inside { lineStarts.append((i + 1, ends)) }
            }
            i += 1
        }
        #expect(partition.starts[0] == reader.dataStart && partition.lineEndsBefore[0] == 0)
        #expect(partition.lineEnds == ends)
        for k in 1..<parts {
            let expected = try #require(lineStarts.first { $0.offset >= counts.cuts[k] })
            #expect(partition.starts[k] == expected.offset, "part \(k)")
            #expect(partition.lineEndsBefore[k] == expected.lineEndsBefore, "part \(k)")
        }
        // The same text without counts (no threads asked for) is cut by a count of its own.
        let plain = try SourceText(bytes: bytes, file: "t.csv")
        #expect(plain.counts == nil)
        #expect(try CSVReader(source: plain, dialect: .semicolon).partition(into: parts).lineEnds == ends)
    }

    /// A file read in more parts than threads (`pieces`) is checked in as many pieces, each at
    /// least the loader's smallest part (1 MB), so that its cut uses their counts.
    @Test func aFileIsCheckedInAsManyPiecesAsItsReadHasParts() throws {
        let bytes = Self.text(bytes: 5 * TextEncoding.minimumCountedPart + 50_000, seed: 9)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kto-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for mapping in [false, true] {
            for (pieces, expected) in [(4, 4), (8, 5), (64, 5)] {
                let source = try SourceText(contentsOf: path, threads: 2, pieces: pieces, reserve: nil, mapping: mapping)
                let counts = try #require(source.counts)
                #expect(counts.pieces == expected, "\(pieces) pieces asked, mapped: \(mapping)")
                #expect(counts.cuts.first == 0 && counts.cuts.last == bytes.count)
                #expect(try CSVReader(source: source, dialect: .semicolon).partition(into: expected).count == expected)
            }
            // Without `pieces`, as many as threads.
            #expect(try SourceText(contentsOf: path, threads: 2, reserve: nil, mapping: mapping).counts?.pieces == 2)
        }
    }

    /// The cut plan: cuts from 0 to the length, never backwards; under four pieces equal pieces;
    /// from four on, the last quarter half as long as the others (to a byte of rounding).
    @Test func theCutPlanHalvesTheLastQuarter() {
        for pieces in 1...70 {
            for length in [0, 1, 7, 1_000, 71_000_003, 709_000_000_123] {
                let cuts = (0...pieces).map { CutPlan.target($0, of: pieces, in: length) }
                #expect(cuts.first == 0 && cuts.last == length, "\(pieces) pieces of \(length)")
                #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0 <= $1 }, "\(pieces) pieces of \(length)")
                guard length >= 1_000_000 else { continue }
                let sizes = zip(cuts.dropFirst(), cuts).map { $0 - $1 }
                let short = pieces / 4
                let long = Double(length) / Double(2 * (pieces - short) + short) * 2
                for (k, size) in sizes.enumerated() {
                    let expected = k < pieces - short ? long : long / 2
                    #expect(abs(Double(size) - expected) <= 1, "\(pieces) pieces of \(length): piece \(k) is \(size), not \(expected)")
                }
            }
        }
        // Eight parts of 71 MB (two threads, four parts each): six of 10.1 MB, two of 5.1 MB.
        let eight = (0...8).map { CutPlan.target($0, of: 8, in: 71_000_000) }
        #expect(eight == [0, 10_142_857, 20_285_714, 30_428_571, 40_571_428, 50_714_285, 60_857_142, 65_928_571, 71_000_000])
    }
}
