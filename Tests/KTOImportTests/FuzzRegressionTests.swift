import Foundation
import Testing
@testable import KTOImport

/// Inputs `kto-fuzz` found (Tests/Fixtures/fuzz, see its README), for the CSV reader.
@Suite("Fuzz regressions: the CSV reader")
struct CSVFuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz").path

    /// `"naam over` / `twee regels";a;a`: the second `a` is line 2, column 16 (it said line 1).
    @Test func headerErrorNamesItsOwnLine() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/header-multiline.csv")))
        let source = try SourceText(bytes: bytes, file: "export.csv")
        #expect(throws: ImportError(
            .duplicateHeaderName("a", firstColumn: 2), at: SourceLocation(file: "export.csv", line: 2, column: 16),
            lineText: "twee regels\";a;a")) {
            try CSVReader(source: source)
        }
    }

    /// `lineText(containingByte:)` (linear per message) gives, for every byte, the line that
    /// `lineText(_:)` (a scan from the start) gives for that byte's line number.
    @Test func lineTextOfAByteIsTheTextOfItsLine() throws {
        let text = "a;b\r\n\r\nc\rd\n\né;\"x\ny\"\r\n"
        let source = try SourceText(bytes: Array(text.utf8), file: "t.csv")
        var line = 1
        var i = 0
        let bytes = Array(text.utf8)
        while i <= bytes.count {
            #expect(source.lineText(containingByte: i) == source.lineText(line), "byte \(i), line \(line)")
            if i < bytes.count && (bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A))) { line += 1 }
            i += 1
        }
        #expect(line == 8)
    }

    /// `CSVRecord.line(ofByte:)`: line ends inside quoted fields (LF, CRLF, CR) count once each.
    @Test func lineOfByteCountsLineEndsInsideQuotes() throws {
        let text = "a;b;c\n1;\"x\ny\r\nz\rw\";3\n"
        let source = try SourceText(bytes: Array(text.utf8), file: "t.csv")
        var cursor = try CSVReader(source: source).makeCursor()
        let record = try #require(try cursor.next())
        #expect(record.line == 2)
        #expect(record.line(ofByte: record.offset(ofField: 0)) == 2)
        #expect(record.line(ofByte: record.offset(ofField: 1)) == 2)
        // "3" follows `w"` on line 5: x (2), y (3), z (4), w (5).
        let third = record.offset(ofField: 2)
        #expect(record.line(ofByte: third) == 5)
        #expect(source.column(ofByte: third) == 4)
    }
}
