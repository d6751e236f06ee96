import Testing
@testable import KTOImport

/// Parses `text` (as UTF-8 bytes unless `bytes` is given) and returns header + decoded records.
func parse(_ bytes: [UInt8], separator: CSVDialect? = nil, encoding: TextEncoding? = nil) throws -> (header: [String], rows: [[String]], reader: CSVReader, summary: CSVReader.PassSummary, lines: [Int]) {
    let source = try SourceText(bytes: bytes, file: "t.csv", encoding: encoding)
    let reader = try CSVReader(source: source, dialect: separator)
    var rows: [[String]] = []
    var lines: [Int] = []
    let summary = try reader.forEachRecord { record in
        rows.append((0..<record.count).map { k in record.withBytes(k) { SourceText.decode($0, windows1252: source.encoding == .windows1252) } })
        lines.append(record.line)
    }
    return (reader.header, rows, reader, summary, lines)
}

func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

struct DialectCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var separator: UInt8
    var header: [String]
    var rows: [[String]]
    var testDescription: String { name }
}

@Suite("CSV reader: dialects and quoting")
struct CSVReaderDialectTests {
    static let cases: [DialectCase] = [
        .init(name: "semicolon CRLF", input: "a;b;c\r\n1;2;3\r\n4;5;6\r\n", separator: 59, header: ["a", "b", "c"], rows: [["1", "2", "3"], ["4", "5", "6"]]),
        .init(name: "comma LF", input: "a,b\n1,2\n", separator: 44, header: ["a", "b"], rows: [["1", "2"]]),
        .init(name: "tab CR only", input: "a\tb\r1\t2\r3\t4", separator: 9, header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        .init(name: "pipe", input: "a|b\n1|2\n", separator: 124, header: ["a", "b"], rows: [["1", "2"]]),
        .init(name: "decimal comma does not fool the sniffer", input: "id;cijfer;tekst\n1;7,5;goed\n2;6,0;ok, prima\n3;8;x\n", separator: 59, header: ["id", "cijfer", "tekst"], rows: [["1", "7,5", "goed"], ["2", "6,0", "ok, prima"], ["3", "8", "x"]]),
        .init(name: "quoted separator and doubled quotes", input: "a;b\n\"x;y\";\"zei \"\"ja\"\"\"\n", separator: 59, header: ["a", "b"], rows: [["x;y", "zei \"ja\""]]),
        .init(name: "newline inside quotes (LF and CRLF)", input: "a;b\r\n\"regel 1\r\nregel 2\";2\r\n\"x\ny\";3\r\n", separator: 59, header: ["a", "b"], rows: [["regel 1\r\nregel 2", "2"], ["x\ny", "3"]]),
        .init(name: "empty fields and trailing separator", input: "a;b;c\n;;\n1;;3\n", separator: 59, header: ["a", "b", "c"], rows: [["", "", ""], ["1", "", "3"]]),
        .init(name: "no final newline", input: "a;b\n1;2", separator: 59, header: ["a", "b"], rows: [["1", "2"]]),
        .init(name: "blank lines skipped", input: "a;b\n\n1;2\r\n\r\n3;4\n\n", separator: 59, header: ["a", "b"], rows: [["1", "2"], ["3", "4"]]),
        .init(name: "quoted empty field", input: "a;b\n\"\";2\n", separator: 59, header: ["a", "b"], rows: [["", "2"]]),
        .init(name: "header trimmed", input: " a ; b \n1;2\n", separator: 59, header: ["a", "b"], rows: [["1", "2"]]),
        .init(name: "quoted header with separator", input: "\"a;1\",b\n1,2\n", separator: 44, header: ["a;1", "b"], rows: [["1", "2"]]),
    ]

    @Test(arguments: cases)
    func parses(_ c: DialectCase) throws {
        let result = try parse(utf8(c.input))
        #expect(result.reader.dialect.separator == c.separator, "\(c.name): sniffed separator")
        #expect(result.header == c.header, "\(c.name)")
        #expect(result.rows == c.rows, "\(c.name)")
    }

    @Test func overrideBeatsSniffing() throws {
        // Sniffing would choose ';' here; the override says ','.
        let result = try parse(utf8("a;b,c\n1;2,3\n"), separator: .comma)
        #expect(result.header == ["a;b", "c"])
        #expect(result.rows == [["1;2", "3"]])
        #expect(result.reader.sniffed == false)
    }

    @Test func recordLinesCountEmbeddedNewlines() throws {
        let result = try parse(utf8("a;b\n\"x\ny\";1\n2;3\n\n4;5\n"))
        #expect(result.lines == [2, 4, 6])
        #expect(result.summary.records == 3)
        #expect(result.summary.blankLines == 1)
        #expect(result.summary.lines == 6)
    }

    @Test func fieldCountsVary() throws {
        let result = try parse(utf8("a;b;c\n1;2\n1;2;3;4\n"))
        #expect(result.rows.map(\.count) == [2, 4])
    }

    @Test func strayTextAfterClosingQuoteMarksRecord() throws {
        let source = try SourceText(bytes: utf8("a;b\n\"x\"y;2\n1;2\n"), file: "t.csv")
        let reader = try CSVReader(source: source)
        var strays: [Int?] = []
        _ = try reader.forEachRecord { strays.append($0.strayAfterQuote.map { source.column(ofByte: $0) }) }
        #expect(strays == [4, nil])
    }
}

struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var kind: ImportError.Kind
    var line: Int
    var column: Int?
    var testDescription: String { name }
}

@Suite("CSV reader: fatal errors name line and column")
struct CSVReaderErrorTests {
    static let cases: [ErrorCase] = [
        .init(name: "unterminated quote in data", input: "a;b\n1;2\n3;\"open\n4;5\n", kind: .unterminatedQuote, line: 3, column: 3),
        .init(name: "unterminated quote after multibyte text", input: "a;b\néé;\"x\n", kind: .unterminatedQuote, line: 2, column: 4),
        .init(name: "unterminated quote in header", input: "a;\"b\n1;2\n", kind: .unterminatedQuote, line: 1, column: 3),
        .init(name: "empty file", input: "", kind: .emptyFile, line: 1, column: nil),
        .init(name: "only blank lines", input: "\r\n\r\n", kind: .emptyFile, line: 1, column: nil),
        .init(name: "header without names", input: ";;\n1;2;3\n", kind: .headerWithoutNames, line: 1, column: 1),
        .init(name: "duplicate header name", input: "id;Gemeente;x;gemeente\n", kind: .duplicateHeaderName("gemeente", firstColumn: 2), line: 1, column: 15),
        .init(name: "header after blank lines", input: "\n\na;a\n", kind: .duplicateHeaderName("a", firstColumn: 1), line: 3, column: 3),
    ]

    @Test(arguments: cases)
    func reports(_ c: ErrorCase) throws {
        do {
            _ = try parse(utf8(c.input))
            Issue.record("\(c.name): expected an error")
        } catch let error as ImportError {
            #expect(error.kind == c.kind, "\(c.name)")
            #expect(error.place.line == c.line, "\(c.name): line")
            #expect(error.place.column == c.column, "\(c.name): column")
            #expect(error.place.file == "t.csv")
        }
    }

    /// Excel writes `a;b;;;` when a sheet once had more columns: the reader names them `""` and
    /// leaves the decision to the caller (the loader ignores them when every cell is empty).
    @Test func unnamedColumnsAreLeftToTheCaller() throws {
        let reader = try CSVReader(source: try SourceText(bytes: utf8("a;;c;;\n1;;3;;\n"), file: "t.csv"))
        #expect(reader.header == ["a", "", "c", "", ""])
        #expect(reader.unnamedColumns == [1, 3, 4])
    }

    @Test func rendersWithCaret() throws {
        do {
            _ = try parse(utf8("a;b\n1;\"open\n"))
            Issue.record("expected an error")
        } catch let error as ImportError {
            let text = DiagnosticRenderer.render(error)
            #expect(text == "t.csv:2:3: aanhalingsteken wordt niet afgesloten: het veld dat hier begint loopt door tot het einde van het bestand\n    1;\"open\n      ^")
        }
    }

    /// Finding 8 of the trust issue: the line was cut at 200 characters, so a caret past column
    /// 200 pointed at the wrong place. A long line is shown as a window around the column.
    @Test func caretOnALongLineStaysUnderItsColumn() throws {
        struct Problem: Diagnostic {
            var location: KTOImport.SourceLocation?
            var message: String
            var lineText: String?
        }
        let fields = (1...120).map { "v\($0)" }
        let line = fields.joined(separator: ";")
        let column = line.distance(from: line.startIndex, to: try #require(line.range(of: "v87;")).lowerBound) + 1
        let text = DiagnosticRenderer.render(Problem(location: KTOImport.SourceLocation(file: "t.csv", line: 5, column: column), message: "hier", lineText: line))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let shown = Array(lines[1].dropFirst(4))
        let caret = try #require(lines[2].dropFirst(4).firstIndex(of: "^"))
        let offset = lines[2].dropFirst(4).distance(from: lines[2].dropFirst(4).startIndex, to: caret)
        #expect(String(shown[offset..<offset + 4]) == "v87;")
        #expect(shown.first == "…" && shown.last == "…")
        #expect(shown.count <= DiagnosticRenderer.lineWidth + 2)
        // A short line is shown whole.
        let short = DiagnosticRenderer.render(Problem(location: KTOImport.SourceLocation(file: "t.csv", line: 1, column: 3), message: "m", lineText: "a;bc;d"))
        #expect(short == "t.csv:1:3: m\n    a;bc;d\n      ^")
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: ImportError.self) { try SourceText(contentsOf: "/nonexistent/kto.csv") }
        do {
            _ = try SourceText(contentsOf: "/nonexistent/kto.csv", displayName: "kto.csv")
        } catch {
            #expect(error.description == "kto.csv:1: bestand kan niet worden gelezen: bestand bestaat niet")
        }
    }

    @Test func directoryIsUnreadable() {
        do {
            _ = try SourceText(contentsOf: "/tmp", displayName: "tmp")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadableFile(reason: "dit is een map, geen bestand"))
        }
    }
}
