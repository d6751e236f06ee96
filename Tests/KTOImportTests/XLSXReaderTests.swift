import Foundation
import Testing
@testable import KTOImport

/// The workbooks of Tests/Fixtures/xlsx (openpyxl, LibreOffice, hand-written XML; see
/// make_fixtures.py). Expected tables come from openpyxl reading the files back.
enum XLSXFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func bytes(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: folder.appendingPathComponent(name))).map { [UInt8]($0) } ?? []
    }

    static var expected: [String: Any] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    struct Table: Sendable, CustomTestStringConvertible {
        var file: String
        var sheet: String
        var index: Int
        var testDescription: String { "\(file) \(sheet)" }
    }

    static var tables: [Table] {
        ((expected["tables"] as? [[String: Any]]) ?? []).enumerated().map { k, t in
            Table(file: t["file"] as? String ?? "", sheet: t["requested"] as? String ?? "", index: k)
        }
    }

    struct Hostile: Sendable, CustomTestStringConvertible {
        var file: String
        var error: String
        var sheet: String?
        var testDescription: String { "\(file) \(sheet ?? "") → \(error)" }
    }

    static var hostile: [Hostile] {
        ((expected["hostile"] as? [[String: Any]]) ?? []).map {
            Hostile(file: $0["file"] as? String ?? "", error: $0["error"] as? String ?? "", sheet: $0["sheet"] as? String)
        }
    }

    static func kind(_ error: XLSXError) -> String {
        switch error {
        case .unreadableFile: return "unreadableFile"
        case .notXLSX: return "notXLSX"
        case .passwordProtected: return "passwordProtected"
        case .archive: return "archive"
        case .missingPart: return "missingPart"
        case .malformedXML: return "malformedXML"
        case .noSheets: return "noSheets"
        case .sheetNotFound: return "sheetNotFound"
        case .emptySheet: return "emptySheet"
        case .emptyHeader: return "emptyHeader"
        case .duplicateHeader: return "duplicateHeader"
        case .badCell: return "badCell"
        case .tooLarge: return "tooLarge"
        }
    }

    /// The expected cell from openpyxl's value: nil → empty, t → text, b → boolean, n → number.
    static func cell(_ json: Any) -> (cell: TableCell, isDate: Bool) {
        guard let object = json as? [String: Any] else { return (.empty, false) }
        if let text = object["t"] as? String { return (.text(text), false) }
        if let flag = object["b"] as? Bool { return (.boolean(flag), false) }
        // Numbers are repr() text: Foundation's JSON number parsing is not correctly rounded.
        let number = (object["n"] as? String).flatMap(Double.init) ?? .nan
        return (.number(number), object["date"] as? Bool ?? false)
    }
}

@Suite("XLSX reader")
struct XLSXReaderTests {
    @Test func fixturesArePresent() {
        #expect(XLSXFixture.tables.count == 5)
        #expect(XLSXFixture.hostile.count == 12)
    }

    @Test(arguments: XLSXFixture.tables)
    func tableEqualsOpenpyxl(_ fixture: XLSXFixture.Table) throws {
        let want = try #require((XLSXFixture.expected["tables"] as? [[String: Any]])?[fixture.index])
        let table = try XLSXReader.read(path: XLSXFixture.path(fixture.file), displayName: fixture.file, sheet: fixture.sheet)
        #expect(table.format == .xlsx)
        #expect(table.file == fixture.file)
        #expect(table.sheet == want["sheet"] as? String)
        #expect(table.columns.map(\.name) == want["names"] as? [String])
        let dates = try #require(want["dateColumns"] as? [Bool])
        #expect(table.columns.map { $0.dateEpoch == .excelDays } == dates)
        #expect(table.columns.allSatisfy { $0.storage == .mixed && $0.cells.count == table.rowCount })
        let rows = try #require(want["rows"] as? [[String: Any]])
        #expect(table.rowCount == rows.count)
        #expect(table.rowNumbers == rows.map { $0["row"] as? Int ?? 0 })
        for (r, row) in rows.enumerated() where r < table.rowCount {
            let cells = try #require(row["cells"] as? [Any])
            for (k, json) in cells.enumerated() where k < table.columns.count {
                let (expected, isDate) = XLSXFixture.cell(json)
                let got = table.columns[k].cells[r]
                let place = table.place(row: r, column: k)
                if isDate, case .number(let e) = expected, case .number(let g) = got {
                    // openpyxl rounds dates to whole microseconds: compare to a millisecond.
                    #expect(abs(e - g) < 1e-8, "\(place)")
                } else {
                    #expect(got == expected, "\(place)")
                }
            }
        }
    }

    @Test func sheetNamesInWorkbookOrder() throws {
        let names = try #require(XLSXFixture.expected["sheetNames"] as? [String: [String]])
        #expect(names.count == 4)
        for (file, want) in names {
            #expect(try XLSXReader.sheetNames(bytes: XLSXFixture.bytes(file)) == want)
        }
    }

    @Test func firstWorksheetWhenNoneNamed() throws {
        let table = try XLSXReader.read(bytes: XLSXFixture.bytes("basic.xlsx"), displayName: "basic.xlsx")
        #expect(table.sheet == "Blad1")
        // Sheet names compare without case, as Excel's do.
        #expect(try XLSXReader.read(bytes: XLSXFixture.bytes("basic.xlsx"), displayName: "b", sheet: "TWEEDE BLAD").rowCount == 5)
        #expect(table.place(row: 3, column: 1).description == "basic.xlsx:Blad1!B6")
    }

    @Test(arguments: XLSXFixture.hostile)
    func hostileFileGivesItsError(_ fixture: XLSXFixture.Hostile) {
        do {
            _ = try XLSXReader.read(path: XLSXFixture.path(fixture.file), displayName: fixture.file, sheet: fixture.sheet)
            Issue.record("\(fixture.file) was read")
        } catch {
            #expect(XLSXFixture.kind(error) == fixture.error)
            #expect(error.message.hasPrefix(fixture.file))
        }
    }

    /// The sheet's CRC is checked on another core while the sheet is read: a sheet whose bytes
    /// read well but whose recorded CRC is wrong is still refused as damaged, and the same
    /// workbook with its CRC intact reads.
    @Test func aSheetWithAWrongChecksumIsRefusedThoughItReads() throws {
        var bytes = XLSXFixture.bytes("basic.xlsx")
        _ = try XLSXReader.read(bytes: bytes, displayName: "basic.xlsx")
        // Central directory records (PK 1 2): CRC at +16, name length at +28, name at +46.
        var patched = 0
        var k = 0
        while k + 46 <= bytes.count {
            defer { k += 1 }
            guard bytes[k] == 0x50, bytes[k + 1] == 0x4B, bytes[k + 2] == 0x01, bytes[k + 3] == 0x02 else { continue }
            let nameLength = Int(bytes[k + 28]) | Int(bytes[k + 29]) << 8
            guard k + 46 + nameLength <= bytes.count else { continue }
            let name = String(decoding: bytes[(k + 46)..<(k + 46 + nameLength)], as: UTF8.self)
            guard name.hasPrefix("xl/worksheets/") else { continue }
            bytes[k + 16] ^= 0xFF
            patched += 1
        }
        #expect(patched >= 1)
        do {
            _ = try XLSXReader.read(bytes: bytes, displayName: "basic.xlsx")
            Issue.record("a sheet with a wrong CRC was read")
        } catch {
            guard case .archive(_, let zip) = error else { Issue.record("\(error)"); return }
            #expect(ZipFixture.kind(zip) == "crcMismatch")
        }
    }

    @Test func errorsCarryTheirContext() {
        func error(_ file: String, sheet: String? = nil) -> XLSXError? {
            do {
                _ = try XLSXReader.read(bytes: XLSXFixture.bytes(file), displayName: file, sheet: sheet)
                return nil
            } catch {
                return error
            }
        }
        #expect(
            error("basic.xlsx", sheet: "Blad9")
                == .sheetNotFound(file: "basic.xlsx", sheet: "Blad9", available: ["Blad1", "Tweede blad", "Leeg"]))
        #expect(error("empty-header.xlsx") == .emptyHeader(file: "empty-header.xlsx", sheet: "Blad1", cell: "B1"))
        #expect(
            error("duplicate-header.xlsx")
                == .duplicateHeader(file: "duplicate-header.xlsx", sheet: "Sheet", name: "cijfer", cell: "C1", firstCell: "B1"))
        #expect(error("encrypted.xlsx") == .passwordProtected(file: "encrypted.xlsx"))
        #expect(error("missing-sheet-part.xlsx") == .missingPart(file: "missing-sheet-part.xlsx", part: "xl/worksheets/data.xml"))
        #expect(error("basic.xlsx", sheet: "Leeg") == .emptySheet(file: "basic.xlsx", sheet: "Leeg"))
        if case .archive(_, let zip) = error("bomb.xlsx") {
            #expect(ZipFixture.kind(zip) == "suspiciousRatio")
        } else {
            Issue.record("bomb.xlsx is not refused as a zip bomb")
        }
        if case .archive(_, let zip) = error("corrupt-deflate.xlsx") {
            #expect(["corruptData", "crcMismatch"].contains(ZipFixture.kind(zip)))
        } else {
            Issue.record("corrupt-deflate.xlsx is not refused as damaged")
        }
        if case .malformedXML(_, let part, let offset, _) = error("malformed.xlsx") {
            #expect(part == "xl/worksheets/data.xml")
            #expect(offset > 0)
        } else {
            Issue.record("malformed.xlsx is not refused as malformed XML")
        }
        if case .badCell(_, let sheet, let cell, _) = error("bad-shared-index.xlsx") {
            #expect(sheet == "Resultaten & meer")
            #expect(cell == "A7")
        } else {
            Issue.record("bad-shared-index.xlsx is not refused for its cell")
        }
        #expect(throws: XLSXError.unreadableFile(file: "weg.xlsx", reason: "bestand bestaat niet")) {
            try XLSXReader.read(path: XLSXFixture.path("weg.xlsx"), displayName: "weg.xlsx")
        }
    }

    @Test func cellCapIsApplied() {
        var limits = XLSXReader.Limits.standard
        limits.maxCells = 20
        #expect(throws: XLSXError.tooLarge(file: "b", sheet: "Blad1", detail: "meer dan 20 cellen (3 rijen × 8 kolommen)")) {
            try XLSXReader.read(bytes: XLSXFixture.bytes("basic.xlsx"), displayName: "b", limits: limits)
        }
    }

    /// Damaged sheet XML (bytes changed, cut short) must give a table or an error, never a crash.
    @Test func damagedSheetXMLNeverCrashes() throws {
        let package = try XLSXPackage(bytes: XLSXFixture.bytes("handmade.xlsx"), file: "h.xlsx", limits: .standard)
        let original = try package.part("xl/worksheets/data.xml")
        let parser = XLSXSheetParser(
            file: package.file, part: "xl/worksheets/data.xml", sheet: "S", sharedStrings: ["a", "b"], styles: XLSXStyles(),
            date1904: false)
        var seed: UInt64 = 42
        var failures = 0
        for round in 0..<2000 {
            var damaged = original
            for _ in 0..<(1 + round % 4) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let at = Int(seed >> 33) % damaged.count
                damaged[at] = Array("<>/=\"'&;x:cv0 9".utf8)[Int(seed >> 20) % 15]
            }
            if round % 5 == 0 { damaged.removeLast(Int(seed >> 40) % damaged.count) }
            // In one pass and, where it can be cut, in halves: the same table or the same error.
            func read(halvesFrom: Int) -> Result<DataTable, XLSXError> {
                Result { () throws(XLSXError) in
                    var builder = XLSXTableBuilder(file: "h.xlsx", sheet: "S", maxCells: 1000)
                    try parser.read(damaged, into: &builder, halvesFrom: halvesFrom)
                    return try builder.table()
                }
            }
            let one = read(halvesFrom: Int.max)
            #expect(one == read(halvesFrom: 0), "round \(round)")
            if case .failure = one { failures += 1 }
        }
        #expect(failures > 100)
    }
}
