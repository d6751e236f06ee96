import Testing
@testable import KTOImport

/// A table rendered as the text the loader reads: cells exactly, and places mapped back.
@Suite("Tables as text")
struct TableTextTests {
    static let table = DataTable(
        file: "export.xlsx", format: .xlsx, sheet: "Blad1",
        columns: [
            DataColumn(name: "respnr", storage: .mixed, cells: [.number(1), .number(2), .number(3)]),
            DataColumn(name: "cijfer", storage: .mixed, cells: [.number(7), .number(-0.0), .number(7.5)]),
            DataColumn(name: "tekst", storage: .mixed, cells: [.text("a, \"b\""), .text("regel 1\nregel 2"), .empty]),
            DataColumn(name: "datum", storage: .mixed, dateEpoch: .excelDays, cells: [.number(45000), .number(45000.5), .empty]),
            DataColumn(name: "vink", storage: .mixed, cells: [.boolean(true), .boolean(false), .number(1e20)]),
        ],
        rowCount: 3, rowNumbers: [2, 5, 6])

    /// Whole numbers are written digit by digit (no String per number); the text must be what
    /// `String(Int64(value))` writes, and other numbers Swift's shortest form.
    @Test func numbersAreWrittenAsSwiftWritesThem() {
        let whole: [Double] = [0, -0.0, 1, 9, 10, 99, 100, -1, -128, 32_767, 123_456_789, 999_999_999_999_999, -999_999_999_999_999]
        for value in whole {
            var out: [UInt8] = []
            TableText.appendNumber(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(Int64(value)), "\(value)")
        }
        for value in [0.5, -12.25, 1e15, 1e20, -3.75e-7, Double.infinity, -Double.infinity, Double.nan] {
            var out: [UInt8] = []
            TableText.appendNumber(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "\(value)", "\(value)")
        }
    }

    @Test func cellsAreWrittenExactly() throws {
        let source = try TableText.render(Self.table)
        let text = String(decoding: source.bytes, as: UTF8.self)
        #expect(text == """
            respnr,cijfer,tekst,datum,vink
            1,7,"a, ""b\""",2023-03-15,1
            2,0,"regel 1
            regel 2",2023-03-15 12:00:00,0
            3,7.5,,,1e+20

            """)
    }

    @Test func placesAreTheTablesOwn() throws {
        let source = try TableText.render(Self.table)
        let reader = try CSVReader(source: source, dialect: .comma)
        var cursor = reader.makeCursor()
        var places: [String] = []
        while let record = try cursor.next() {
            // The last field of each record: its line (a record may span two) and column.
            let offset = record.offset(ofField: 4)
            places.append(source.location(line: record.line(ofByte: offset), column: source.column(ofByte: offset)).description)
        }
        #expect(places == ["export.xlsx:Blad1!E2", "export.xlsx:Blad1!E5", "export.xlsx:Blad1!E6"])
        // The header line and lines beyond the text have no table place.
        #expect(source.location(line: 1).table == nil)
        #expect(source.lineText(3) == nil)
    }

    @Test func spssCasesAndDates() throws {
        let table = DataTable(
            file: "kto.sav", format: .sav,
            columns: [
                DataColumn(name: "q_tel", storage: .numeric, cells: [.number(99), .empty]),
                DataColumn(name: "start", storage: .numeric, dateEpoch: .spssSeconds, cells: [.number(13_000_000_000), .number(10_010_217_600)]),
            ],
            rowCount: 2)
        let source = try TableText.render(table)
        #expect(String(decoding: source.bytes, as: UTF8.self) == "q_tel,start\n99,1994-09-26 23:06:40\n,1899-12-30\n")
        #expect(source.location(line: 3, column: 1).description == "kto.sav: case 2, variabele q_tel")
    }
}
