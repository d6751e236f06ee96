import Foundation
import Testing
@testable import KTOWriters

@Suite("Workbook writer (.xlsx)")
struct WorkbookWriterTests {
    func read(_ workbook: Workbook) throws -> XLSXReading { try XLSXReading(WorkbookWriter.bytes(workbook)) }

    @Test func packageHasEveryPartInOrderAndWellFormed() throws {
        let book = try read(SampleWorkbook.workbook)
        #expect(book.entries.map(\.name) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
            "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml",
        ])
        // Every entry parsed as XML (XLSXReading throws otherwise).
        #expect(book.parts.count == book.entries.count)
        // Every part other than the content types is declared, and every relationship target exists.
        let overrides = Set(book.parts["[Content_Types].xml"]?.all("Override").compactMap { $0["PartName"] } ?? [])
        for entry in book.entries where !entry.name.hasSuffix(".rels") && entry.name != "[Content_Types].xml" {
            #expect(overrides.contains("/" + entry.name), "\(entry.name) has no content type")
        }
        let targets = book.parts["xl/_rels/workbook.xml.rels"]?.all("Relationship").compactMap { $0["Target"] } ?? []
        for target in targets { #expect(book.entries.contains { $0.name == "xl/" + target }, "missing \(target)") }
        let sheets = book.parts["xl/workbook.xml"]?.descendants("sheet") ?? []
        #expect(sheets.map { $0["name"] } == ["Inhoud", "Rapportcijfers", "Lastige tekst", "Getallen", "Jan's tabel (2015)"])
        // Each sheet's r:id points at the worksheet part of the same number.
        let relations = Dictionary(uniqueKeysWithValues: (book.parts["xl/_rels/workbook.xml.rels"]?.all("Relationship") ?? []).map { ($0["Id"] ?? "", $0["Target"] ?? "") })
        for (k, sheet) in sheets.enumerated() { #expect(relations[sheet["r:id"] ?? ""] == "worksheets/sheet\(k + 1).xml") }
        let core = try #require(book.parts["docProps/core.xml"])
        #expect(core.first("dc:title")?.text == "Tabellenboek & <voorbeeld>")
        #expect(core.first("dc:creator")?.text == "kto tests")
        #expect(core.descendants("dcterms:created").isEmpty && core.descendants("dcterms:modified").isEmpty)
    }

    @Test func hostileTextStaysTextExactly() throws {
        let book = try read(SampleWorkbook.workbook)
        let cells = book.cells(3)
        for (k, item) in SampleWorkbook.hostile.enumerated() {
            let cell = try #require(cells["B\(k + 2)"])
            #expect(cell.type == "s", "\(item.label) is not a string cell")
            #expect(!cell.hasFormula)
            #expect(cell.text == item.expected, "\(item.label)")
        }
        // No cell anywhere in the workbook is a formula or an inline type other than shared strings.
        for index in 1...5 {
            for (reference, cell) in book.cells(index) {
                #expect(!cell.hasFormula, "\(reference)")
                #expect(cell.type == nil || cell.type == "s", "\(reference)")
            }
        }
        // The x-escape was written escaped (Excel would otherwise show "A blijft letterlijk").
        let shared = try #require(book.entries.first { $0.name == "xl/sharedStrings.xml" })
        #expect(String(decoding: shared.bytes, as: UTF8.self).contains("_x005F_x0041_ blijft letterlijk"))
    }

    @Test func textOverTheLimitIsCutWithAMarker() throws {
        let book = try read(SampleWorkbook.workbook)
        let cell = try #require(book.cells(3)["B\(SampleWorkbook.hostile.count + 2)"])
        let text = try #require(cell.text)
        #expect(text.utf16.count <= 32_767)
        #expect(text.utf16.count > 32_700)
        #expect(text.hasSuffix(CellText.truncationMarker))
        #expect(SampleWorkbook.longText.hasPrefix(String(text.dropLast(CellText.truncationMarker.count))))
        // Cut between characters, never inside a surrogate pair or an emoji sequence.
        let emoji = String(repeating: "👩‍👩‍👧", count: 5_000)  // 8 UTF-16 units each
        let cut = CellText.prepared(emoji)
        #expect(cut.utf16.count <= 32_767)
        #expect(cut.dropLast(CellText.truncationMarker.count).allSatisfy { $0 == "👩‍👩‍👧" })
        // Exactly at the limit nothing is cut.
        let full = String(repeating: "a", count: 32_767)
        #expect(CellText.prepared(full) == full)
    }

    @Test func numbersAreNumbersWithTheirFormats() throws {
        let book = try read(SampleWorkbook.workbook)
        let styles = try #require(book.parts["xl/styles.xml"])
        let xfs = try #require(styles.first("cellXfs")).all("xf")
        var codes = ["0": "General", "1": "0", "2": "0.00", "3": "#,##0"]
        for format in styles.first("numFmts")?.all("numFmt") ?? [] { codes[format["numFmtId"] ?? ""] = format["formatCode"] }
        let cells = book.cells(4)
        let expectedCodes: [NumberFormat: String] = [
            .general: "General", .whole: "0", .oneDecimal: "0.0", .twoDecimals: "0.00", .thousands: "#,##0",
            .percentWhole: "0\"%\"", .percentOneDecimal: "0.0\"%\"",
        ]
        for (k, number) in SampleWorkbook.numbers.enumerated() {
            let cell = try #require(cells["B\(k + 2)"])
            #expect(cell.type == nil)
            #expect(cell.value.flatMap(Double.init) == number.value)
            let xf = try #require(cell.style < xfs.count ? xfs[cell.style] : nil)
            #expect(codes[xf["numFmtId"] ?? ""] == expectedCodes[number.format])
        }
        #expect(cells["B2"]?.value == "0")
        #expect(cells["B4"]?.value == "1e-05")
        #expect(cells["B7"]?.value == "123456789")
        #expect(XMLText.number(-0.0) == "0")
        #expect(XMLText.number(-7.25) == "-7.25")
    }

    @Test func styleIndicesAreConsistent() throws {
        let book = try read(SampleWorkbook.workbook)
        let styles = try #require(book.parts["xl/styles.xml"])
        func count(_ name: String) -> Int { styles.first(name)?.all(name == "fonts" ? "font" : name == "fills" ? "fill" : name == "borders" ? "border" : "xf").count ?? -1 }
        // Every count attribute matches the elements present.
        for list in ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"] {
            let element = try #require(styles.first(list))
            #expect(Int(element["count"] ?? "") == element.children.count, "\(list)")
        }
        let custom = Set(styles.first("numFmts")?.all("numFmt").compactMap { $0["numFmtId"].flatMap(Int.init) } ?? [])
        #expect(custom.allSatisfy { $0 >= 164 })
        let xfs = styles.first("cellXfs")?.all("xf") ?? []
        #expect(xfs.count == CellStyle.allCases.count * NumberFormat.allCases.count)
        for xf in xfs {
            let id = Int(xf["numFmtId"] ?? "") ?? -1
            #expect([0, 1, 2, 3].contains(id) || custom.contains(id))
            #expect((Int(xf["fontId"] ?? "") ?? -1) < count("fonts"))
            #expect((Int(xf["fillId"] ?? "") ?? -1) < count("fills"))
            #expect((Int(xf["borderId"] ?? "") ?? -1) < count("borders"))
        }
        // xf 0 is plain: Excel gives it to unstyled cells.
        #expect(xfs.first?["numFmtId"] == "0" && xfs.first?["fontId"] == "0" && xfs.first?["fillId"] == "0")
        // Every cell's style exists; headers have the fill and border, titles the 14 pt font.
        for index in 1...5 {
            for (reference, cell) in book.cells(index) { #expect(cell.style >= 0 && cell.style < xfs.count, "\(reference)") }
        }
        let header = try #require(book.cells(2)["A4"])
        #expect(xfs[header.style]["fillId"] == "2" && xfs[header.style]["borderId"] == "1")
        let title = try #require(book.cells(2)["A1"])
        let fonts = styles.first("fonts")?.all("font") ?? []
        #expect(fonts[Int(xfs[title.style]["fontId"] ?? "") ?? 0].first("sz")?["val"] == "14")
        // Shared string counts match the cells that use them.
        let sst = try #require(book.parts["xl/sharedStrings.xml"])
        let references = (1...5).reduce(0) { $0 + book.cells($1).values.filter { $0.type == "s" }.count }
        #expect(Int(sst["count"] ?? "") == references)
        #expect(Int(sst["uniqueCount"] ?? "") == book.strings.count)
        #expect(Set(book.strings).count == book.strings.count)
    }

    /// Sheets are written on all cores with their own string tables; the workbook's table must
    /// still list every text once, in order of first use over the sheets in order, and each cell
    /// must point at its text there.
    @Test func sharedStringsInFirstUseOrderOverTheSheets() throws {
        let workbook = Workbook(sheets: [
            Worksheet(name: "Een", rows: [[.text("x"), .text("y")], [.text("x")]]),
            Worksheet(name: "Twee", rows: [[.text("y"), .text("z"), .text("x")]]),
            Worksheet(name: "Drie", rows: [[.number(7, format: .whole)], [.text("w"), .text("z")]]),
        ])
        let book = try read(workbook)
        #expect(book.strings == ["x", "y", "z", "w"])
        #expect(book.cells(2)["A1"]?.value == "1" && book.cells(2)["B1"]?.value == "2" && book.cells(2)["C1"]?.value == "0")
        #expect(book.cells(3)["A2"]?.value == "3" && book.cells(3)["B2"]?.value == "2")
        #expect(book.cells(3)["A2"]?.text == "w")
        #expect(book.parts["xl/sharedStrings.xml"]?["count"] == "8")
        // The same bytes every time, whatever order the cores finished in.
        #expect(try WorkbookWriter.bytes(workbook) == WorkbookWriter.bytes(workbook))
    }

    @Test func layoutFrozenPanesPrintSetupAndLinks() throws {
        let book = try read(SampleWorkbook.workbook)
        let grades = try #require(book.sheet(2))
        let pane = try #require(grades.descendants("pane").first)
        #expect(pane.attributes == ["xSplit": "1", "ySplit": "4", "topLeftCell": "B5", "activePane": "bottomRight", "state": "frozen"])
        let onlyRows = try #require(book.sheet(3)?.descendants("pane").first)
        #expect(onlyRows.attributes == ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        #expect(book.sheet(1)?.descendants("pane").isEmpty == true)
        #expect(book.sheet(1)?.descendants("sheetView").first?["tabSelected"] == "1")
        #expect(book.sheet(2)?.descendants("sheetView").first?["tabSelected"] == nil)

        let setup = try #require(grades.first("pageSetup"))
        #expect(setup.attributes == ["paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"])
        #expect(grades.first("sheetPr")?.first("pageSetUpPr")?["fitToPage"] == "1")
        #expect(book.sheet(1)?.first("pageSetup")?.attributes == ["paperSize": "9", "orientation": "portrait"])
        #expect(grades.first("mergeCells")?.all("mergeCell").map { $0["ref"] } == ["A1:E1", "A2:E2"])
        #expect(grades.first("dimension")?["ref"] == "E\(SampleWorkbook.gemeenten + 5)".replacingOccurrences(of: "E", with: "A1:E"))

        let names = book.parts["xl/workbook.xml"]?.descendants("definedName") ?? []
        #expect(names.map(\.attributes) == [["name": "_xlnm.Print_Titles", "localSheetId": "1"]])
        #expect(names.first?.text == "'Rapportcijfers'!$4:$4")

        let links = book.sheet(1)?.descendants("hyperlink") ?? []
        #expect(links.map { $0["ref"] } == ["A5", "A6", "A7", "A8"])
        #expect(links.map { $0["location"] } == ["'Rapportcijfers'!A1", "'Lastige tekst'!A1", "'Getallen'!A1", "'Jan''s tabel (2015)'!A1"])
        #expect(links.allSatisfy { $0["r:id"] == nil })
        #expect(book.sheet(5)?.descendants("hyperlink").first?["location"] == "'Inhoud'!A1")
        #expect(book.cells(1)["A5"]?.text == "Rapportcijfers")
    }

    @Test func columnWidthsFitOrFollowTheGivenOnes() throws {
        let book = try read(SampleWorkbook.workbook)
        func widths(_ index: Int) -> [Double] { book.sheet(index)?.descendants("col").compactMap { $0["width"].flatMap(Double.init) } ?? [] }
        // Fixed widths are written as given.
        #expect(widths(3) == [18, 60])
        // Fitted: within 8-60; the title (merged, and a title) does not widen column A.
        let grades = widths(2)
        #expect(grades.count == 5)
        #expect(grades.allSatisfy { (8...60).contains($0) })
        #expect(grades[0] < 20)  // "Gemeente 60" and the header, not the 32-character title
        // "% onvoldoende" is the longest header word pair; its column is wider than the n column.
        #expect(grades[3] > grades[1])
        // Long text is capped at 60.
        let long = try read(Workbook(sheets: [Worksheet(name: "a", rows: [[.text(String(repeating: "x", count: 500))]])]))
        #expect(long.sheet(1)?.descendants("col").first?["width"] == "60")
        // A width given for some columns only: the rest are fitted.
        let partial = try read(Workbook(sheets: [Worksheet(name: "a", rows: [[.text("a"), .text(String(repeating: "y", count: 20))]], columnWidths: [30])]))
        let partialWidths = partial.sheet(1)?.descendants("col").compactMap { $0["width"].flatMap(Double.init) }
        #expect(partialWidths == [30, 22])
    }

    @Test func cellReferences() {
        #expect(CellReference.column(0) == "A")
        #expect(CellReference.column(25) == "Z")
        #expect(CellReference.column(26) == "AA")
        #expect(CellReference.column(701) == "ZZ")
        #expect(CellReference.column(702) == "AAA")
        #expect(CellReference.column(16_383) == "XFD")
        #expect(CellReference.name(row: 1_048_575, column: 16_383) == "XFD1048576")
        #expect(CellReference.name(row: 0, column: 0) == "A1")
        #expect(CellReference.name(row: 9, column: 27) == "AB10")
        // Every name against the definition: letters in bijective base 26, then the row number.
        func letters(_ index: Int) -> String {
            var n = index + 1
            var text = ""
            while n > 0 {
                text = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + text
                n = (n - 1) / 26
            }
            return text
        }
        for column in Array(0..<800) + [16_382, 16_383, 20_000] {
            #expect(CellReference.column(column) == letters(column))
            for row in [0, 8, 9, 99, 12_345, 1_048_575, Int.max - 1] {
                #expect(CellReference.name(row: row, column: column) == letters(column) + String(row + 1))
                // The bytes a sheet's cells get, appended after what is there.
                var out: [UInt8] = [0x3C]
                CellReference.append(row: row, column: column, to: &out)
                #expect(out == [0x3C] + Array((letters(column) + String(row + 1)).utf8))
            }
        }
    }

    @Test func emptyTextKeepsOnlyTheStyleAndEmptyRowsKeepTheirPlace() throws {
        let book = try read(Workbook(sheets: [Worksheet(name: "a", rows: [[.text("kop", style: .header), .text("", style: .header)], [], [.empty, .number(1)]])]))
        let cells = book.cells(1)
        #expect(cells["B1"]?.type == nil && cells["B1"]?.value == nil)
        #expect(cells["B1"]?.style == Stylesheet.index(.header, .general))
        #expect(cells["A3"] == nil)
        #expect(cells["B3"]?.value == "1")
        #expect(book.sheet(1)?.descendants("row").map { $0["r"] } == ["1", "3"])
        #expect(book.strings == ["kop"])
    }

    @Test func sameWorkbookSameBytes() throws {
        let first = try WorkbookWriter.bytes(SampleWorkbook.workbook)
        let second = try WorkbookWriter.bytes(SampleWorkbook.workbook)
        #expect(first == second)
        var changed = SampleWorkbook.workbook
        changed.sheets[0].rows[0] = [.text("Ander", style: .title)]
        #expect(try WorkbookWriter.bytes(changed) != first)
    }

    static let errorCases: [(String, Workbook, WorkbookError)] = {
        func book(_ sheet: Worksheet) -> Workbook { Workbook(sheets: [sheet]) }
        let overlapA = CellRange(rows: 0...1, columns: 0...1), overlapB = CellRange(rows: 1...2, columns: 1...2)
        return [
            ("geen bladen", Workbook(sheets: []), .noSheets),
            ("lege naam", book(Worksheet(name: "", rows: [])), .invalidSheetName("", problem: .empty)),
            ("dubbele naam", Workbook(sheets: [Worksheet(name: "Blad", rows: []), Worksheet(name: "BLAD", rows: [])]), .duplicateSheetName("BLAD")),
            ("NaN", book(Worksheet(name: "a", rows: [[.empty, .number(.nan)]])), .nonFiniteNumber(sheet: "a", row: 0, column: 1)),
            ("oneindig", book(Worksheet(name: "a", rows: [[], [.number(-.infinity)]])), .nonFiniteNumber(sheet: "a", row: 1, column: 0)),
            ("koppeling", book(Worksheet(name: "a", rows: [[.link(text: "x", sheet: "b")]])), .unknownLinkTarget(sheet: "a", row: 0, column: 0, target: "b")),
            ("kolommen", book(Worksheet(name: "a", rows: [[], Array(repeating: .empty, count: 16_385)])), .tooManyColumns(sheet: "a", row: 1, count: 16_385)),
            ("breedte", book(Worksheet(name: "a", rows: [], columnWidths: [10, 256])), .invalidColumnWidth(sheet: "a", column: 1, width: 256)),
            ("vaste rijen", book(Worksheet(name: "a", rows: [], frozenRows: -1)), .invalidFrozenPane(sheet: "a", rows: -1, columns: 0)),
            ("titelrijen", book(Worksheet(name: "a", rows: [], repeatRows: -1...0)), .invalidRepeatRows(sheet: "a", rows: -1...0)),
            ("samenvoegen buiten", book(Worksheet(name: "a", rows: [], merges: [CellRange(rows: 0...0, columns: 0...16_384)])),
             .invalidMerge(sheet: "a", range: CellRange(rows: 0...0, columns: 0...16_384))),
            ("overlap", book(Worksheet(name: "a", rows: [], merges: [overlapB, overlapA])), .overlappingMerges(sheet: "a", first: overlapA, second: overlapB)),
        ]
    }()

    @Test(arguments: errorCases.indices)
    func refusesWhatTheFormatCannotHold(_ index: Int) {
        let (label, workbook, error) = Self.errorCases[index]
        #expect(throws: error, "\(label)") { try WorkbookWriter.bytes(workbook) }
        #expect(!error.description.isEmpty)
    }

    @Test func refusesMoreRowsThanExcelHas() {
        let rows = [[WorkbookCell]](repeating: [], count: 1_048_577)
        #expect(throws: WorkbookError.tooManyRows(sheet: "a", count: 1_048_577)) {
            try WorkbookWriter.bytes(Workbook(sheets: [Worksheet(name: "a", rows: rows)]))
        }
    }

    /// Writes the sample workbook to `$KTO_XLSX_SAMPLE_OUT` when set, for the independent checks
    /// in Tests/Fixtures/xlsx-writer/ (openpyxl, LibreOffice). Does nothing otherwise.
    @Test func writesTheSampleWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["KTO_XLSX_SAMPLE_OUT"], !path.isEmpty else { return }
        try Data(WorkbookWriter.bytes(SampleWorkbook.workbook)).write(to: URL(fileURLWithPath: path))
    }
}
