import Foundation
import Testing
@testable import KTOImport

/// Damaged and hostile files: each gives its own clear error, never a crash or a runaway
/// allocation.
@Suite("SAV reader: damaged and hostile files")
struct SAVHostileTests {
    /// hostile.tsv (written by make_fixtures.py): each damaged copy and the error it must give.
    @Test func committedHostileFiles() throws {
        let expected: [String: SAVError.Kind] = [
            "hostile-bad-magic.sav": .notASystemFile(magic: Array("$FL9".utf8)),
            "hostile-not-spss.sav": .notASystemFile(magic: Array("id;n".utf8)),
            "hostile-huge-count.sav": .caseCountMismatch(declared: 2_000_000_000, found: 5),
            "hostile-truncated-header.sav": .truncated(offset: 100),
            "hostile-bad-record.sav": .badRecordType(42, offset: 176),
        ]
        let manifest = try String(contentsOfFile: SAVFixtures.path("hostile.tsv"), encoding: .utf8)
        let listed = manifest.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(listed.count == 8)
        for row in listed {
            let file = String(row[0])
            do {
                _ = try SAVFixtures.read(file)
                Issue.record("\(file) was read")
            } catch {
                #expect(error.file == file)
                #expect(error.message.hasPrefix(file + ": "))
                if let kind = expected[file] {
                    #expect(error.kind == kind, "\(file)")
                } else if row[1] == "corruptCompressedData" {
                    // detail: offset=N case=C variable=V
                    let fields = Dictionary(uniqueKeysWithValues: row[2].split(separator: " ").map {
                        let kv = $0.split(separator: "=")
                        return (String(kv[0]), String(kv[1]))
                    })
                    #expect(error.kind == .corruptCompressedData(
                        offset: Int(fields["offset"] ?? "") ?? -1, case: Int(fields["case"] ?? "") ?? -1, variable: fields["variable"] ?? ""))
                } else if row[1] == "partialCase" {
                    guard case .partialCase = error.kind else { Issue.record("\(file): \(error.kind)"); continue }
                } else if row[1] == "zlib" {
                    guard case .zlib(_, block: 1) = error.kind else { Issue.record("\(file): \(error.kind)"); continue }
                } else {
                    Issue.record("unexpected manifest row \(row)")
                }
            }
        }
    }

    /// The data offset of a fixture: just after the termination record (999, 0).
    static func dataOffset(_ bytes: [UInt8]) -> Int {
        let marker: [UInt8] = [0xE7, 0x03, 0, 0, 0, 0, 0, 0]
        for i in stride(from: 176, through: bytes.count - 8, by: 1) where Array(bytes[i..<(i + 8)]) == marker { return i + 8 }
        return bytes.count
    }

    /// Every proper prefix of every fixture is refused: inside the dictionary as truncated, in
    /// the data as truncated, a partial case or too few cases.
    @Test(arguments: ["pspp-uncompressed.sav", "pspp-bytecode.sav", "pspp-zlib.zsav", "pyreadstat-bytecode.sav", "pyreadstat-zlib.zsav"])
    func everyTruncationIsAnError(file: String) {
        let bytes = SAVFixtures.bytes(file)
        let data = Self.dataOffset(bytes)
        #expect(data < bytes.count)
        for length in 0..<bytes.count {
            switch SAVFixtures.read(bytes: Array(bytes[..<length]), name: file) {
            case .success:
                Issue.record("\(file) cut to \(length) bytes was read")
            case .failure(let error):
                switch error.kind {
                case .truncated: break
                case .partialCase, .caseCountMismatch, .inconsistent:
                    #expect(length >= data, "\(file) cut to \(length): \(error.kind)")
                default:
                    Issue.record("\(file) cut to \(length): \(error.kind)")
                }
            }
        }
    }

    /// Deterministic byte corruption anywhere: a table or an error, never a crash.
    @Test(arguments: ["pspp-bytecode.sav", "pspp-zlib.zsav", "pyreadstat-plain.sav", "handmade-bigendian.sav"])
    func corruptedBytesNeverCrash(file: String) {
        let original = SAVFixtures.bytes(file)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        var errors = 0
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<(1 + Int(next() % 4)) {
                let at = Int(next() % UInt64(bytes.count))
                bytes[at] = UInt8(truncatingIfNeeded: next())
            }
            if case .failure = SAVFixtures.read(bytes: bytes, name: file, maxCells: 1_000_000) { errors += 1 }
        }
        #expect(errors > 0)
    }

    @Test func unknownCaseCountReadsToTheEndCode() throws {
        var f = SAVTestFile(compression: 1, cases: -1)
        f.variable("A")
        f.variable("S", width: 8)
        f.end()
        // Case 1: 3, "ab"; case 2: SYSMIS, blanks; then the end code.
        f.group([103, 253, 255, 254, 252], raw: [Array("ab      ".utf8)])
        let table = try SAVFixtures.read(bytes: f.bytes).get()
        #expect(table.rowCount == 2)
        #expect(table.columns[0].cells == [.number(3), .empty])
        #expect(table.columns[1].cells == [.text("ab"), .empty])
    }

    @Test func unknownCaseCountReadsToEndOfFile() throws {
        var f = SAVTestFile(compression: 0, cases: -1)
        f.variable("A")
        f.end()
        for v in [1.5, -2, 1e-300] { f.double(v) }
        let table = try SAVFixtures.read(bytes: f.bytes).get()
        #expect(table.columns[0].cells == [.number(1.5), .number(-2), .number(1e-300)])
    }

    /// Bytecode with cases 1...5 of one numeric variable, the header declaring `declared`.
    static func fiveCases(declared: Int32, endCode: Bool = true) -> [UInt8] {
        var f = SAVTestFile(compression: 1, cases: declared)
        f.variable("A")
        f.end()
        f.group([101, 102, 103, 104, 105] + (endCode ? [252] : []))
        return f.bytes
    }

    @Test func declaredCountAgainstTheData() throws {
        #expect(try SAVFixtures.read(bytes: Self.fiveCases(declared: 5)).get().rowCount == 5)
        #expect(try SAVFixtures.read(bytes: Self.fiveCases(declared: -1, endCode: false)).get().rowCount == 5)
        for declared: Int32 in [0, 3, 4] {
            #expect(SAVFixtures.read(bytes: Self.fiveCases(declared: declared)).errorKind
                == .caseCountMismatch(declared: Int(declared), found: 5), "declared \(declared)")
        }
        for declared: Int32 in [6, 7, 1000] {
            #expect(SAVFixtures.read(bytes: Self.fiveCases(declared: declared)).errorKind
                == .caseCountMismatch(declared: Int(declared), found: 5), "declared \(declared)")
        }
        // Uncompressed: 3 declared, 2 present.
        var f = SAVTestFile(cases: 3)
        f.variable("A")
        f.end()
        f.double(1)
        f.double(2)
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .caseCountMismatch(declared: 3, found: 2))
    }

    /// A file of over a thousand columns (once read by another path than narrow files).
    @Test(arguments: [Int32(0), 1])
    func veryWideFile(compression: Int32) throws {
        let width = 1024 + 40
        var f = SAVTestFile(compression: compression, cases: 3)
        for k in 0..<width { f.variable("V\(k)") }
        f.variable("S", width: 8)
        f.end()
        for r in 0..<3 {
            if compression == 0 {
                for k in 0..<width { f.double(Double(k % 50 + r)) }
                f.text(r == 1 ? "" : "r\(r)", width: 8)
            } else {
                var codes = (0..<width).map { UInt8(100 + $0 % 50 + r) } + [r == 1 ? 254 : 253]
                while codes.count % 8 != 0 { codes.append(0) }
                for start in stride(from: 0, to: codes.count, by: 8) {
                    let group = Array(codes[start..<(start + 8)])
                    f.group(group, raw: group.contains(253) ? [Array("r\(r)      ".utf8)] : [])
                }
            }
        }
        let table = try SAVFixtures.read(bytes: f.bytes).get()
        #expect(table.columns.count == width + 1)
        #expect(table.columns[7].cells == [.number(7), .number(8), .number(9)])
        #expect(table.columns[width - 1].cells.count == 3)
        #expect(table.columns[width].cells == [.text("r0"), .empty, .text("r2")])
        // Damaged: a number code in the string of case 2.
        if compression == 1 {
            var bad = f.bytes
            let offset = bad.lastIndex(of: 254) ?? 0
            bad[offset] = 101
            if case .corruptCompressedData(_, 2, "S") = SAVFixtures.read(bytes: bad).errorKind {} else {
                Issue.record("corrupt code accepted")
            }
        }
    }

    /// Random cases written uncompressed and as bytecode read the same: 12 numeric variables
    /// in a row (the decoder's eight-at-a-time path), then a string, then 3 more numbers.
    @Test func bytecodeEqualsUncompressed() throws {
        var state: UInt64 = 12345
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var cases: [[SAVTestFile.Element]] = []
        for _ in 0..<997 {
            var row: [SAVTestFile.Element] = []
            for k in 0..<16 {
                if k == 12 {
                    let words = ["        ", "ja      ", "nee     ", "één     "]
                    var b = Array(words[next() % 4].utf8)
                    b = Array(b.prefix(8)) + Array(repeating: 0x20, count: max(0, 8 - b.count))
                    row.append(.text(b))
                    continue
                }
                switch next() % 10 {
                case 0: row.append(.number(nil))
                case 1: row.append(.number(Double(next() % 1000) / 7))
                case 2: row.append(.number(Double(next() % 300 - 120)))
                default: row.append(.number(Double(next() % 5 + 1)))
                }
            }
            cases.append(row)
        }
        func file(compressed: Bool) -> [UInt8] {
            var f = SAVTestFile(compression: compressed ? 1 : 0, cases: Int32(cases.count))
            for k in 0..<16 { k == 12 ? f.variable("S", width: 8) : f.variable("V\(k)") }
            f.encoding("UTF-8")
            f.end()
            compressed ? f.compressedRows(cases) : f.rows(cases)
            return f.bytes
        }
        let plain = try SAVFixtures.read(bytes: file(compressed: false)).get()
        let packed = try SAVFixtures.read(bytes: file(compressed: true)).get()
        #expect(plain.rowCount == 997)
        #expect(packed.columns == plain.columns)
        #expect(plain.columns[0].cells.contains(.empty) && plain.columns[12].cells.contains(.text("één")))
    }

    @Test func zeroBytesInAStringAreBlank() throws {
        // Code 100 (value 0 with bias 100) in a string stands for eight NUL bytes.
        var f = SAVTestFile(compression: 1, cases: 2)
        f.variable("S", width: 8)
        f.end()
        f.group([100, 253], raw: [Array("x\0\0\0\0\0\0\0".utf8)])
        let table = try SAVFixtures.read(bytes: f.bytes).get()
        #expect(table.columns[0].cells == [.empty, .text("x")])
    }

    @Test func numberCodeInAStringIsCorrupt() {
        var f = SAVTestFile(compression: 1, cases: 1)
        f.variable("A")
        f.variable("S", width: 8)
        f.end()
        f.group([103, 101])  // A = 3, then 1 for the string S
        let start = f.bytes.count - 8
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .corruptCompressedData(offset: start + 1, case: 1, variable: "S"))
    }

    @Test func systemMissingInAStringIsCorrupt() {
        var f = SAVTestFile(compression: 1, cases: 2)
        f.variable("A")
        f.variable("S", width: 8)
        f.end()
        f.group([103, 254, 104, 255])  // case 2's string is SYSMIS
        let start = f.bytes.count - 8
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .corruptCompressedData(offset: start + 3, case: 2, variable: "S"))
    }

    @Test func blanksInANumberAreCorrupt() {
        var f = SAVTestFile(compression: 1, cases: 1)
        f.variable("A")
        f.end()
        f.group([254])
        let start = f.bytes.count - 8
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .corruptCompressedData(offset: start, case: 1, variable: "A"))
    }

    @Test func rawValueCutOff() {
        var f = SAVTestFile(compression: 1, cases: 1)
        f.variable("A")
        f.end()
        f.group([253])
        f.bytes += [1, 2, 3]
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .truncated(offset: f.bytes.count))
    }

    @Test func headerProblems() {
        #expect(SAVFixtures.read(bytes: SAVTestFile(compression: 3).bytes).errorKind == .unsupportedCompression(3))
        #expect(SAVFixtures.read(bytes: SAVTestFile(layout: 7).bytes).errorKind
            == .inconsistent("onbekende indelingscode (layout_code) 7 in de kop"))
        if case .inconsistent = SAVFixtures.read(bytes: SAVTestFile(magic: "$FL3", compression: 1).bytes).errorKind {} else {
            Issue.record("$FL3 with bytecode compression accepted")
        }
        #expect(SAVFixtures.read(bytes: [0x5B, 0xC6, 0xD3, 0xF2] + Array(repeating: 0, count: 200)).errorKind
            == .unsupportedEncoding("EBCDIC"))
        #expect(SAVFixtures.read(bytes: []).errorKind == .truncated(offset: 0))
        let zip = SAVError(.notASystemFile(magic: [0x50, 0x4B, 3, 4]), file: "export.sav")
        #expect(SAVFixtures.read(bytes: [0x50, 0x4B, 3, 4, 0, 0]).errorKind == zip.kind)
        #expect(zip.detail == "dit is geen SPSS-systeembestand (.sav/.zsav): het begint met 'PK\\x03\\x04' in plaats van $FL2 of $FL3 (het lijkt een zip- of Excelbestand)")
    }

    @Test func unsupportedEncodingIsNamed() {
        var f = SAVTestFile()
        f.variable("A")
        f.encoding("windows-1250")
        f.end()
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .unsupportedEncoding("windows-1250"))
        var g = SAVTestFile()
        g.variable("A")
        g.extensionRecord(subtype: 3, size: 4, count: 8, data: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
            1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0xE2, 0x04, 0, 0])  // character code 1250
        g.end()
        #expect(SAVFixtures.read(bytes: g.bytes).errorKind == .unsupportedEncoding("windows-1250"))
    }

    @Test func latin9AndCodePages() throws {
        var f = SAVTestFile(cases: 1)
        f.variable("S", width: 8)
        f.encoding("ISO-8859-15")
        f.end()
        f.bytes += [0xA4, 0xBD, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20]  // € œ in Latin-9
        #expect(try SAVFixtures.read(bytes: f.bytes).get().columns[0].cells == [.text("€œ")])
    }

    @Test func hugeDeclaredCountsAreTruncationNotAllocation() {
        // A value label record claiming 2^31-1 labels in a tiny file.
        var f = SAVTestFile()
        f.variable("A")
        f.int(3); f.int(Int32.max)
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .truncated(offset: f.bytes.count))
        // An extension record of 2^31-1 × 2^31-1 bytes.
        var g = SAVTestFile()
        g.variable("A")
        g.extensionRecord(subtype: 99, size: Int32.max, count: Int32.max, data: [])
        #expect(SAVFixtures.read(bytes: g.bytes).errorKind == .truncated(offset: g.bytes.count))
        // A document of 2^31-1 lines.
        var h = SAVTestFile()
        h.int(6); h.int(Int32.max)
        #expect(SAVFixtures.read(bytes: h.bytes).errorKind == .truncated(offset: h.bytes.count))
    }

    @Test func valueLabelsSharedByManyVariablesAreCapped() {
        // 70,000 labels × 80 variables = 5.6 million entries from 1.1 MB of labels.
        var f = SAVTestFile()
        for k in 0..<80 { f.variable("V\(k)") }
        f.int(3); f.int(70_000)
        for k in 0..<70_000 {
            f.double(Double(k))
            f.bytes += [1, UInt8(ascii: "x")] + Array(repeating: 0x20, count: 6)
        }
        f.int(4); f.int(80)
        for k in 1...80 { f.int(Int32(k)) }
        f.end()
        #expect(SAVFixtures.read(bytes: f.bytes).errorKind == .tooLarge("meer dan 5000000 waardelabels"))
    }

    @Test func unknownRecordsAndDocumentsAreSkipped() throws {
        var f = SAVTestFile(cases: 1)
        f.variable("A")
        f.int(6); f.int(1); f.text("een regel documentatie", width: 80)
        f.extensionRecord(subtype: 42, size: 8, count: 2, data: Array(repeating: 0xAB, count: 16))
        f.extensionRecord(subtype: 11, size: 4, count: 3, data: Array(repeating: 0, count: 12))
        f.end()
        f.double(12)
        #expect(try SAVFixtures.read(bytes: f.bytes).get().columns[0].cells == [.number(12)])
    }

    @Test func cellCapIsEnforced() {
        var f = SAVTestFile(cases: 3)
        f.variable("A")
        f.variable("B")
        f.end()
        for v in 0..<6 { f.double(Double(v)) }
        if case .tooLarge = SAVFixtures.read(bytes: f.bytes, maxCells: 5).errorKind {} else { Issue.record("no cap") }
        #expect((try? SAVFixtures.read(bytes: f.bytes, maxCells: 6).get().rowCount) == 3)
    }

    @Test func continuationRecordsMustMatch() {
        var f = SAVTestFile()
        f.int(2); f.int(-1); f.int(0); f.int(0); f.int(0); f.int(0); f.text("", width: 8)
        f.end()
        if case .inconsistent = SAVFixtures.read(bytes: f.bytes).errorKind {} else { Issue.record("orphan continuation accepted") }
        var g = SAVTestFile()
        g.int(2); g.int(20); g.int(0); g.int(0); g.int(0); g.int(0); g.text("S", width: 8)  // needs 2 continuations
        g.variable("A")
        g.end()
        if case .inconsistent = SAVFixtures.read(bytes: g.bytes).errorKind {} else { Issue.record("missing continuation accepted") }
    }

    @Test func errorMessagesAreDutchWithTheFileName() {
        let e = SAVError(.caseCountMismatch(declared: 10, found: 7), file: "export.sav")
        #expect(DiagnosticRenderer.render(e) == "export.sav: de kop noemt 10 cases maar er staan er 7 in het bestand; het bestand is waarschijnlijk afgekapt of beschadigd")
        let c = SAVError(.corruptCompressedData(offset: 4042, case: 17, variable: "q_tel"), file: "export.sav")
        #expect(c.message.hasPrefix("export.sav: case 17, variabele q_tel: "))
    }

    @Test func missingFileIsUnreadable() {
        do {
            _ = try SAVReader.read(path: "/nonexistent/export.sav", displayName: "export.sav")
            Issue.record("read")
        } catch {
            #expect(error.kind == .unreadableFile(reason: "bestand bestaat niet"))
        }
    }
}

extension Result where Failure == SAVError {
    var errorKind: SAVError.Kind? {
        if case .failure(let e) = self { return e.kind }
        return nil
    }
}
