import Foundation
import Testing
import KTOImport
import KTOText
@testable import KTOAnalysis
@testable import KTOWriters

/// The writers' shortcuts must give the bytes the plain code gives.
@Suite("Writer shortcuts agree with the plain code")
struct FastPathWriterTests {
    /// Texts built from pieces that HTMLEscaper changes and pieces it keeps, ASCII and not,
    /// including the UTF-8 neighbours of the removed controls (U+00A0 next to C1, U+2029/U+202F
    /// next to the bidi controls, U+FFFD next to U+FFFE).
    static let pieces = [
        "a", "Z", "7", " ", ",", ".", "-", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{1B}", "\u{7F}",
        "\u{80}", "\u{9F}", "\u{A0}", "é", "ë", "–", "▲", "▼", "−", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}",
        "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "😀", "€",
    ]

    @Test func inertTextIsExactlyWhatTheEscaperLeavesAlone() {
        var random = TestRandom(seed: 12345)
        func next() -> Int { random.next() }
        var inert = 0
        for _ in 0..<20_000 {
            let length = next() % 6
            let text = (0..<length).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            #expect(InertText.content(text) == HTMLEscaper.escapeContent(text), "\(Array(text.unicodeScalars))")
            #expect(InertText.attribute(text) == HTMLEscaper.escapeAttribute(text), "\(Array(text.unicodeScalars))")
            #expect(InertText.isInert(text, inAttribute: false) == (HTMLEscaper.escapeContent(text) == text))
            if InertText.isInert(text, inAttribute: true) { inert += 1 }
        }
        #expect(inert > 1000)
        for piece in Self.pieces {
            #expect(InertText.isInert(piece, inAttribute: false) == (HTMLEscaper.escapeContent(piece) == piece), "\(Array(piece.unicodeScalars))")
        }
    }

    /// Pieces for plain text: white space of every kind, the removed controls and their UTF-8
    /// neighbours, combining marks and a prepend character next to spaces.
    static let plainPieces = [
        "a", "Zo", "7", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{0}", "\u{7F}", "\u{80}", "\u{85}",
        "\u{9F}", "\u{A0}", "\u{A1}", "é", "e\u{301}", "\u{301}", "\u{600}", "\u{1680}", "\u{1681}", "\u{2000}", "\u{200A}",
        "\u{200B}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2030}", "\u{205F}", "\u{2060}",
        "\u{2066}", "\u{2069}", "\u{3000}", "\u{3001}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "–", "‘", "’", "😀", "&", "<",
    ]

    @Test func plainTextIsExactlyWhatTheCleanerLeavesAlone() {
        var random = TestRandom(seed: 4242)
        func next() -> Int { random.next() }
        var clean = 0
        for _ in 0..<20_000 {
            let text = (0..<(next() % 7)).map { _ in Self.plainPieces[next() % Self.plainPieces.count] }.joined()
            #expect(PlainText.singleLine(text) == TextCleaner.plain(text, singleLine: true), "\(Array(text.unicodeScalars))")
            #expect(PlainText.isClean(text) == (TextCleaner.plain(text, singleLine: true) == text) || !PlainText.isClean(text))
            if PlainText.isClean(text) { clean += 1 }
        }
        #expect(clean > 1000)
    }

    /// The text report's line handling as it was: trailing spaces cut by characters, lines wrapped
    /// by counting the line again for every word.
    static func plainTrim(_ line: String) -> String {
        var trimmed = Substring(line)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    static func plainWrap(_ text: String, indent: String, first: String?, width: Int) -> [String] {
        var lines: [String] = []
        var line = first ?? indent
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        if lineHasWord { lines.append(line) }
        return lines
    }

    @Test func textReportLinesAsBefore() {
        var random = TestRandom(seed: 77)
        func next() -> Int { random.next() }
        let words = ["a", "bb", "woord", "langerwoord", "é", "\u{301}x", "\u{600}", "\r\n", "–", "😀", "x\u{301}", "1234567890123"]
        let writer = TextReportWriter()
        for _ in 0..<5_000 {
            let text = (0..<(next() % 30)).map { _ in words[next() % words.count] }.joined(separator: next() % 5 == 0 ? "  " : " ")
            let width = 5 + next() % 40
            let indent = ["", "  ", "    - ", "\u{600}"][next() % 4]
            let first: String? = next() % 2 == 0 ? nil : "- "
            #expect(writer.wrap(text, indent: indent, first: first, width: width) == Self.plainWrap(text, indent: indent, first: first, width: width))
            let line = text + String(repeating: " ", count: next() % 3)
            #expect(TextReportWriter.trimmingTrailingSpaces(line) == Self.plainTrim(line), "\(Array(line.unicodeScalars))")
        }
        #expect(TextReportWriter.trimmingTrailingSpaces("x\u{600} ") == Self.plainTrim("x\u{600} "))
        #expect(TextReportWriter.trimmingTrailingSpaces("   ") == "")
    }

    @Test func quoteTextContainmentAsFoundation() {
        var random = TestRandom(seed: 5)
        func next() -> Int { random.next() }
        let pieces = ["a", "b", "ab", " ", "ba", "é", "e\u{301}", "\r", "\n", "\r\n", ""]
        for _ in 0..<20_000 {
            let text = (0..<(next() % 8)).map { _ in pieces[next() % pieces.count] }.joined()
            let part = (0..<(next() % 4)).map { _ in pieces[next() % pieces.count] }.joined()
            #expect(QuoteSelection.contains(text, part) == text.contains(part), "\(Array(text.unicodeScalars)) ⊇ \(Array(part.unicodeScalars))")
        }
    }

    @Test func spreadsheetCellsAsCSVCell() {
        var random = TestRandom(seed: 11)
        func next() -> Int { random.next() }
        let pieces = ["a", "7", ",5", " ", "-", "=", "+", "@", "\"", ";", ",", "\t", "\r", "\n", "\u{0}", "\u{7F}", "\u{80}",
                      "\u{9F}", "\u{A0}", "é", "–", "\u{202A}", "\u{2066}", "\u{FF1D}", "\u{FF0D}", "\u{FF21}", "\u{FFFD}", "\u{FFFE}", "😀"]
        var inert = 0
        for _ in 0..<20_000 {
            let value = (0..<(next() % 6)).map { _ in pieces[next() % pieces.count] }.joined()
            #expect(SpreadsheetCell.field(value) == CSVCell.field(value, separator: ";"), "\(Array(value.unicodeScalars))")
            if SpreadsheetCell.isInert(value) { inert += 1 }
        }
        #expect(inert > 1000)
        #expect(SpreadsheetCell.row(["a", "-3", "=1", "x;y"]) == CSVCell.row(["a", "-3", "=1", "x;y"], separator: ";"))
    }

    static func plainLines(_ text: String, width: Int, max: Int = 3) -> [String] {
        var result: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                result.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { result.append(line) }
        if result.count > max {
            result = Array(result.prefix(max))
            result[max - 1] += " …"
        }
        return result
    }

    @Test func chartLabelLinesAsBefore() {
        var random = TestRandom(seed: 13)
        func next() -> Int { random.next() }
        let words = ["a", "bb", "woord", "langerwoord", "é", "ë", "\u{A0}", "\u{301}x", "\r\n", "–", "😀", "1234567890123456789012345"]
        for round in 0..<5_000 {
            // Half the texts plain Latin (the byte path), half with anything; one or two spaces.
            let pool = round % 2 == 0 ? Array(words.prefix(7)) + ["1234567890123456789012345"] : words
            let text = (0..<(next() % 20)).map { _ in pool[next() % pool.count] + (next() % 5 == 0 ? " " : "") }.joined(separator: " ")
            let width = 3 + next() % 40
            #expect(SVGCharts.lines(text, width: width) == Self.plainLines(text, width: width))
        }
    }

    @Test func chartCoordinatesAsBefore() {
        var state: UInt64 = 7
        var values: [Double] = [0, -0.0, 0.04, 0.05, -0.05, 0.15, 0.25, 1.05, 2.675, 99.95, -12.34, 1e13 - 0.05, 1e13, 9.999e12, 5.55e12, 1e14, 1e15, 1e17, -1e-300]
        for _ in 0..<100_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append((unit - 0.3) * 1000)
            values.append((unit - 0.5) * pow10(Int(state % 18)))  // both trap beyond Int
        }
        for value in values {
            // The bytes a chart's markup gets for the coordinate.
            var bytes: [UInt8] = []
            SVGText.appendCoordinate(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == SVGCharts.plainN(value), "\(value)")
        }
    }

    /// A chart's markup pieces give the text of a String interpolation with the plain escaper
    /// and the plain coordinate: escaped content and attributes, coordinates, counts and our own
    /// markup.
    @Test func svgPiecesAsTheirText() {
        var random = TestRandom(seed: 77)
        func next() -> Int { random.next() }
        for _ in 0..<5_000 {
            let text = (0..<(next() % 6)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            let x = Double(next() % 100_000) / 37 - 900
            let count = next() % 2_000 - 1_000
            var svg = SVGText()
            svg += "<text a=\"\(attr: text)\" x=\"\(n: x)\">\(esc: text)</text>"
            svg += "<g>\(count)\(text.isEmpty ? "%" : "")</g>"
            let expected = "<text a=\"\(HTMLEscaper.escapeAttribute(text))\" x=\"\(SVGCharts.plainN(x))\">\(HTMLEscaper.escapeContent(text))</text>"
                + "<g>\(count)\(text.isEmpty ? "%" : "")</g>"
            #expect(svg.string == expected, "\(Array(text.unicodeScalars)) \(x)")
        }
    }

    func pow10(_ e: Int) -> Double { (0..<e).reduce(1.0) { x, _ in x * 10 } }

    @Test func resultsCSVNumbersAsBefore() {
        var out: [UInt8] = []
        for value in [0, -0.0, 1, -1, 649, 1e14, 999_999_999_999_999, 1e15, -1e15, 12.5, 1e-5, 13.998397435897436, .nan, .infinity, Double(Int64.max)] {
            out.removeAll()
            ResultsCSVWriter.append(value, &out)
            #expect(String(decoding: out, as: UTF8.self) == ResultsCSVWriter.number(value), "\(value)")
        }
        // Doubles of every magnitude, as written through `ByteOutput`.
        var state: UInt64 = 99
        for _ in 0..<50_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = Double(bitPattern: state)
            out.removeAll()
            ResultsCSVWriter.append(value, &out)
            #expect(String(decoding: out, as: UTF8.self) == ResultsCSVWriter.number(value), "\(value)")
        }
        for n in [0, 7, -12, 1234567890, Int.max, Int.min + 1] {
            out.removeAll()
            ResultsCSVWriter.appendInteger(Int64(n), &out)
            #expect(String(decoding: out, as: UTF8.self) == String(n))
        }
        out.removeAll()
        ResultsCSVWriter.appendInteger(Int64.min, &out)
        #expect(String(decoding: out, as: UTF8.self) == String(Int64.min))
    }

    /// results.csv's encoder (the first three fields copied while they repeat, flags copied and
    /// then looked at) against a plain encoding of each row: every field quoted by RFC 4180
    /// where it holds a comma, a quote or a line break.
    @Test func resultsCSVRowsAsThePlainEncoding() {
        var random = TestRandom(seed: 2026)
        func next() -> Int { random.next() }
        func text(_ maxLength: Int) -> String {
            (0..<(next() % (maxLength + 1))).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
        }
        func plain(_ field: String) -> String {
            guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let numbers: [Double?] = [nil, 0, 7, -2.5, 13.998397435897436, 1e-7, .nan]
        var rows: [ResultRow] = []
        for _ in 0..<3_000 {
            // Runs of rows with the same meting, group and variable, as a domain's rows come.
            if rows.isEmpty || next() % 4 == 0 {
                rows.append(ResultRow(meting: text(2), group: text(3), variable: text(2), measure: .count))
            } else {
                rows.append(rows[rows.count - 1])
            }
            rows[rows.count - 1].measure = ResultRow.Kind.allCases[next() % ResultRow.Kind.allCases.count]
            rows[rows.count - 1].category = text(3)
            rows[rows.count - 1].value = numbers[next() % numbers.count]
            rows[rows.count - 1].n = next() % 3 == 0 ? nil : next() % 1000
            rows[rows.count - 1].se = numbers[next() % numbers.count]
            rows[rows.count - 1].ciLow = numbers[next() % numbers.count]
            rows[rows.count - 1].ciHigh = numbers[next() % numbers.count]
            rows[rows.count - 1].flags = (0..<(next() % 4)).map { _ in text(2) }
        }
        var expected = ResultRow.columns.joined(separator: ",") + "\n"
        for row in rows {
            let fields = [
                row.meting, row.group, row.variable, row.measure.rawValue, row.category, ResultsCSVWriter.number(row.value),
                row.n.map(String.init) ?? "", ResultsCSVWriter.number(row.se), ResultsCSVWriter.number(row.ciLow),
                ResultsCSVWriter.number(row.ciHigh), row.flags.joined(separator: "|"),
            ]
            expected += fields.map(plain).joined(separator: ",") + "\n"
        }
        let bytes = ResultsCSVWriter.bytes(rows)
        #expect(bytes == Array(expected.utf8))
        #expect(bytes.contains(0x22), "some fields were quoted")
    }

    /// A workbook cell's stored text: the shortcut for texts stored as they are must give what the
    /// scalar-by-scalar rules give, and must be taken for ordinary texts.
    @Test func cellTextShortcutAgreesWithTheRules() {
        var random = TestRandom(seed: 777)
        func next() -> Int { random.next() }
        var stored = 0
        for _ in 0..<20_000 {
            let text = (0..<(next() % 7)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            #expect(CellText.prepared(text) == CellText.preparedByScalars(text), "\(Array(text.unicodeScalars))")
            if CellText.isStored(text) {
                stored += 1
                #expect(CellText.preparedByScalars(text) == text, "\(Array(text.unicodeScalars))")
            }
        }
        #expect(stored > 1000)
        for piece in Self.pieces {
            #expect(CellText.isStored(piece) == (CellText.preparedByScalars(piece) == piece), "\(Array(piece.unicodeScalars))")
        }
        // Past Excel's limit the text is cut, so it is not stored as it is.
        let long = String(repeating: "a", count: CellText.maxLength + 1)
        #expect(!CellText.isStored(long))
        #expect(CellText.prepared(long) == CellText.preparedByScalars(long))
        #expect(CellText.isStored(String(repeating: "a", count: CellText.maxLength)))
    }

    /// Widths and heights count characters; the byte count stands in only where it is the same.
    @Test func characterCountIsStringCount() {
        var random = TestRandom(seed: 31337)
        func next() -> Int { random.next() }
        for _ in 0..<20_000 {
            let text = (0..<(next() % 7)).map { _ in Self.plainPieces[next() % Self.plainPieces.count] }.joined()
            #expect(CharacterCount.of(text[...]) == text.count, "\(Array(text.unicodeScalars))")
            for word in text.split(separator: " ") { #expect(CharacterCount.of(word) == word.count) }
        }
        #expect(CharacterCount.of("a\r\nb"[...]) == 3)
    }

    /// The byte walks for the longest line, the longest word and the words of each line give
    /// what the `Character` definitions give, on texts of every kind of piece (combining marks,
    /// CR LF, NBSP and NEL, emoji), including the all-Latin-1 texts that take the byte path.
    @Test func textMeasuresMatchCharacterDefinitions() {
        var random = TestRandom(seed: 2718)
        func next() -> Int { random.next() }
        let latin = ["a", "Zo", "7", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "é", "ë", "\u{AD}", "\u{2FF}", "x y"]
        var byBytes = 0
        for round in 0..<20_000 {
            let pool = round % 2 == 0 ? Self.plainPieces : latin
            let text = (0..<(next() % 9)).map { _ in pool[next() % pool.count] }.joined()
            var bytes = text
            if bytes.withUTF8({ CharacterCount.simpleCount($0) }) != nil { byBytes += 1 }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(CharacterCount.longestLine(text) == lines.map(\.count).max(), "\(Array(text.unicodeScalars))")
            #expect(CharacterCount.longestWord(text) == (text.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0), "\(Array(text.unicodeScalars))")
            var expected: [Int?] = []
            for line in lines {
                expected += line.split(separator: " " as Character).map { $0.count as Int? }
                expected.append(nil)
            }
            var got: [Int?] = []
            CharacterCount.words(text) { got.append($0) }
            #expect(got == expected, "\(Array(text.unicodeScalars))")
        }
        // Both paths are exercised.
        #expect(byBytes > 8_000 && byBytes < 19_000)
    }
}

/// The tests' deterministic numbers (a 64-bit LCG, Knuth's constants; the high bits).
struct TestRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33)
    }
}
