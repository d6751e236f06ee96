import Testing
@testable import KTOImport

@Suite("Encodings")
struct EncodingTests {
    @Test func windows1252HighBytesMapLikeWindows() {
        // 0x80 € 0x91 ‘ 0x92 ’ 0x93 “ 0x94 ” 0x96 – 0x97 — 0x85 … 0xE9 é 0xEB ë 0xEF ï
        let bytes: [UInt8] = [0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0xE9, 0xEB, 0xEF]
        let text = bytes.withUnsafeBufferPointer { Windows1252.decode($0) }
        #expect(text == "€‘’“”–—…éëï")
    }

    @Test func everyWindows1252ByteDecodes() {
        // Every byte has a mapping; undefined ones become the C1 control of the same number.
        for byte in UInt8.min...UInt8.max {
            let text = [byte].withUnsafeBufferPointer { Windows1252.decode($0) }
            #expect(text.unicodeScalars.count == 1, "byte \(byte)")
        }
        #expect(Windows1252.scalar(for: 0x81) == 0x81)
        #expect(Windows1252.scalar(for: 0x9F) == 0x178)
    }

    struct DetectCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var expected: TextEncoding
        var testDescription: String { name }
    }

    static let detectCases: [DetectCase] = [
        .init(name: "ascii", bytes: Array("a;b\n1;2\n".utf8), expected: .utf8),
        .init(name: "utf-8 without BOM", bytes: Array("naam\nJosé\n".utf8), expected: .utf8),
        .init(name: "utf-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("a\n".utf8), expected: .utf8BOM),
        .init(name: "utf-16 LE BOM", bytes: [0xFF, 0xFE, 0x61, 0x00], expected: .utf16LE),
        .init(name: "utf-16 BE BOM", bytes: [0xFE, 0xFF, 0x00, 0x61], expected: .utf16BE),
        .init(name: "windows-1252 é", bytes: Array("Jos".utf8) + [0xE9, 0x0A], expected: .windows1252),
        .init(name: "windows-1252 € at end", bytes: Array("prijs ".utf8) + [0x80], expected: .windows1252),
        .init(name: "truncated utf-8 sequence", bytes: Array("ab".utf8) + [0xC3], expected: .windows1252),
        .init(name: "overlong utf-8 is not utf-8", bytes: [0xC0, 0xAF], expected: .windows1252),
        .init(name: "utf-8 surrogate is not utf-8", bytes: [0xED, 0xA0, 0x80], expected: .windows1252),
        .init(name: "bomless utf-16 LE", bytes: Array("a;b\n1;2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), expected: .utf16LE),
        .init(name: "long ascii then utf-8", bytes: Array((String(repeating: "x", count: 100) + "ë").utf8), expected: .utf8),
    ]

    @Test(arguments: detectCases)
    func detects(_ c: DetectCase) {
        let detected = c.bytes.withUnsafeBufferPointer { TextEncoding.detect($0) }
        #expect(detected == c.expected, "\(c.name)")
    }

    static func utf16(_ s: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in s.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    @Test(arguments: [false, true])
    func utf16RoundTrip(bigEndian: Bool) throws {
        let text = "naam;opmerking\r\nZoë;“prima” 😀 €\r\n"
        let result = try parse(Self.utf16(text, bigEndian: bigEndian, bom: true))
        #expect(result.header == ["naam", "opmerking"])
        #expect(result.rows == [["Zoë", "“prima” 😀 €"]])
    }

    /// The UTF-8 check (32 bytes a step over ASCII, and in pieces on several threads for a large
    /// file) against the standard library's own validation, on texts of valid characters of
    /// every length mixed with broken sequences, cut into 1 to 7 pieces at every kind of byte.
    @Test func utf8CheckAgreesWithTheStandardLibraryInAnyNumberOfPieces() {
        let valid: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array(repeating: 0x41, count: 37)]
        let broken: [[UInt8]] = [[0x80], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xFF]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var invalidSeen = 0
        for round in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<(4 + next(40)) {
                // One text in two is valid throughout.
                bytes += round % 2 == 0 || next(12) > 0 ? valid[next(valid.count)] : broken[next(broken.count)]
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if !expected { invalidSeen += 1 }
            bytes.withUnsafeBufferPointer { b in
                #expect(TextEncoding.isValidUTF8(b) == expected, "\(bytes)")
                for threads in 2...7 {
                    #expect(TextEncoding.isValidUTF8(b, threads: threads, minimumPart: 1) == expected, "\(threads) pieces: \(bytes)")
                }
            }
        }
        #expect(invalidSeen > 100 && invalidSeen < 400)
    }

    @Test func loneSurrogateInUTF16IsAnError() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xDC]
        #expect(throws: ImportError.self) { try SourceText(bytes: bytes, file: "x.csv") }
    }

    @Test func utf8BOMIsStripped() throws {
        let result = try parse([0xEF, 0xBB, 0xBF] + utf8("id;naam\n1;Zoë\n"))
        #expect(result.header == ["id", "naam"])
        #expect(result.rows == [["1", "Zoë"]])
    }

    @Test func windows1252FileDecodesPerField() throws {
        let bytes = Array("id;tekst\r\n1;".utf8) + [0x93] + Array("Top".utf8) + [0x94, 0x20, 0x80, 0x35, 0x30] + Array("\r\n".utf8)
        let result = try parse(bytes)
        #expect(result.reader.source.encoding == .windows1252)
        #expect(result.rows == [["1", "“Top” €50"]])
    }

    @Test func overrideEncoding() throws {
        // Valid UTF-8 that the user says is Windows-1252: "Ã©" is what they then get.
        let result = try parse(utf8("a\né\n"), encoding: .windows1252)
        #expect(result.rows == [["Ã©"]])
    }

    @Test func columnCountsCharactersNotBytes() throws {
        let source = try SourceText(bytes: utf8("éé;x\n"), file: "t")
        #expect(source.column(ofByte: 5) == 4)
        let latin = try SourceText(bytes: [0xE9, 0xE9, 0x3B, 0x78], file: "t")
        #expect(latin.column(ofByte: 3) == 4)
    }

    @Test func userNamesOfEncodings() {
        #expect(TextEncoding(userName: "UTF-8") == .utf8)
        #expect(TextEncoding(userName: "cp1252") == .windows1252)
        #expect(TextEncoding(userName: "utf-8-bom") == .utf8BOM)
        #expect(TextEncoding(userName: "ebcdic") == nil)
    }
}

@Suite("Numbers")
struct NumberParserTests {
    static let cases: [(String, ParsedNumber)] = [
        ("7", .integer(7)), ("7,0", .integer(7)), ("7.0", .integer(7)), (" 7 ", .integer(7)),
        ("\t7\t", .integer(7)), ("+7", .integer(7)), ("-3", .integer(-3)), ("10", .integer(10)),
        ("7,5", .decimal(7.5)), ("6.25", .decimal(6.25)), ("-0,5", .decimal(-0.5)),
        ("", .empty), ("   ", .empty), ("weet niet", .text), ("n.v.t.", .text), ("7,5,1", .text),
        ("1.234,5", .text), ("7a", .text), (",5", .text), ("-", .text), ("7,", .integer(7)),
        ("\u{00A0}8\u{00A0}", .integer(8)),
        // Finding 9 of the trust issue: numbers were limited to 15 significant digits, so kto
        // could not read its own results.csv back. Any length now, exponents too.
        ("1234567890123456", .integer(1_234_567_890_123_456)), ("0.98148770590391082", .decimal(0.98148770590391082)),
        ("6.9512195121951219", .decimal(6.9512195121951219)), ("1.2345678901234567e-05", .decimal(1.2345678901234567e-05)),
        ("2E3", .integer(2000)), ("7e", .text), ("1e+", .text), ("99999999999999999999", .decimal(1e20)),
        ("-0,1234567890123456789", .decimal(-0.1234567890123456789)),
    ]

    /// Every Double that results.csv writes (`"\(value)"`, the shortest text that reads back the
    /// same) parses back to exactly that Double, with a decimal point or comma.
    @Test func resultsCSVNumbersRoundTrip() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double(bitPattern: (state >> 12) | 0x3FF0_0000_0000_0000) - 1 + Double(state % 100)
            let scaled = [value, value / 1e7, value * 1e-300, -value][Int(state >> 60) % 4]
            for text in ["\(scaled)", "\(scaled)".replacingOccurrences(of: ".", with: ",")] {
                let got = Array(text.utf8).withUnsafeBufferPointer { NumberParser.parse($0) }
                switch got {
                case .decimal(let v): #expect(v == scaled, "\(text)")
                case .integer(let v): #expect(Double(v) == scaled, "\(text)")
                default: Issue.record("'\(text)' did not parse")
                }
            }
        }
    }

    @Test func table() {
        for (k, (input, expected)) in Self.cases.enumerated() {
            let got = Array(input.utf8).withUnsafeBufferPointer { NumberParser.parse($0) }
            #expect(got == expected, "case \(k): '\(input)'")
        }
    }

    @Test func windows1252NoBreakSpace() {
        let got = [0xA0, 0x39, 0xA0].withUnsafeBufferPointer { NumberParser.parse($0) }
        #expect(got == .integer(9))
    }
}
