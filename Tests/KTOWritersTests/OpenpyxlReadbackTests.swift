import Foundation
import Testing
@testable import KTOWriters

/// The sample workbook as openpyxl read it (Tests/Fixtures/xlsx-writer/openpyxl-readback.json, made
/// by check_with_openpyxl.py --dump) against the sample's definition: an independent reader found
/// every cell, type, value, number format, link, frozen pane, print title and merge the model asks
/// for. Regenerate the fixture when the sample changes (see the README there).
@Suite("Workbook writer: openpyxl read-back")
struct OpenpyxlReadbackTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx-writer/openpyxl-readback.json")

    func readback() throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixture)) as? [String: Any]
        return try #require(json?["sheets"] as? [[String: Any]])
    }

    /// What openpyxl should report for `cell`, in the dump's shape (nil: openpyxl sees no value).
    func expected(_ cell: WorkbookCell, at reference: String) -> [Any?]? {
        func text(_ value: String) -> Any {
            let prepared = CellText.prepared(value)
            guard prepared.count > 200 else { return prepared }
            return ["length": prepared.utf16.count, "start": String(prepared.prefix(20)), "end": String(prepared.suffix(20))]
        }
        let bold: Set<CellStyle> = [.bold, .title, .header, .headerRight]
        switch cell {
        case .empty: return nil
        case .text(let value, let style):
            return CellText.prepared(value).isEmpty ? nil : [reference, "s", text(value), "General", bold.contains(style), nil]
        case .number(let value, let format, let style):
            return [reference, "n", value, format.code, bold.contains(style), nil]
        case .link(let value, let sheet):
            return [reference, "s", text(value), "General", false, WorkbookWriter.quotedSheet(sheet) + "!A1"]
        }
    }

    /// Loose equality of JSON values and the expected ones (numbers compared as Double).
    func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil), (is NSNull, nil), (nil, is NSNull): return true
        case (let x as [Any?], let y as [Any?]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x as [Any], let y as [Any?]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { same(x[$0], y[$0]) }
        case (let x as String, let y as String): return x == y
        case (let x as Bool, let y as Bool): return x == y
        case (let x as String, let y as Double): return Double(x) == y  // numbers are dumped as text
        case (let x as NSNumber, let y as Int): return x.intValue == y
        default: return false
        }
    }

    @Test func openpyxlFoundWhatTheModelSays() throws {
        let sheets = try readback()
        let model = SampleWorkbook.workbook.sheets
        #expect(sheets.map { $0["name"] as? String } == model.map(\.name))
        for (sheet, read) in zip(model, sheets) {
            let freeze = sheet.frozenRows > 0 || sheet.frozenColumns > 0
                ? CellReference.name(row: sheet.frozenRows, column: sheet.frozenColumns) : nil
            #expect(read["freeze"] as? String == freeze, "\(sheet.name)")
            #expect(read["printTitles"] as? String == sheet.repeatRows.map { "$\($0.lowerBound + 1):$\($0.upperBound + 1)" }, "\(sheet.name)")
            #expect(read["orientation"] as? String == (sheet.landscape ? "landscape" : "portrait"))
            #expect(read["paperSize"] as? Int == 9)
            #expect(read["fitToPage"] as? Bool == sheet.fitToWidth)
            #expect(read["merges"] as? [String] == sheet.merges.map(\.reference).sorted())
            var cells: [[Any?]] = []
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    if let e = expected(cell, at: CellReference.name(row: r, column: c)) { cells.append(e) }
                }
            }
            let readCells = try #require(read["cells"] as? [[Any]])
            #expect(readCells.count == cells.count, "\(sheet.name)")
            for (got, want) in zip(readCells, cells) { #expect(same(got, want), "\(sheet.name): \(got) != \(want)") }
        }
    }
}
