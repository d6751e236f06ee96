import Testing
@testable import KTOReport
@testable import KTOWriters

/// The tables book as a workbook, from the hand-written model `TablesWorkbookModel`: read back with
/// the tests' strict zip reader and XML parser (XLSXReading), every expected cell written here from
/// the model by hand (row 5 is the first data row under a title, a note, the group headings and
/// the column headings).
@Suite("Tables book workbook")
struct TablesWorkbookWriterTests {
    let written: XLSXReading

    init() throws {
        written = try XLSXReading(TablesWorkbookWriter().bytes(TablesWorkbookModel.report, annexes: [TablesWorkbookModel.annex]))
    }

    static let expectedSheets = [
        "Inhoud", "Respons", "Werkwijze", "Dienstverlening a-b (x) met een", "Inhoud (2)", "Open vragen", "Meerkeuzevragen",
        "Open vragen niet gecodeerd", "Citaten", "Naar leeftijd", "Bijlage Aadorp",
    ]

    func book() throws -> XLSXReading { written }

    /// The sheet's index (from 1) by name.
    func index(_ name: String) throws -> Int {
        let names = try book().parts["xl/workbook.xml"]?.descendants("sheet").compactMap { $0["name"] } ?? []
        return try #require(names.firstIndex(of: name)).advanced(by: 1)
    }

    /// The number format code of a cell, looked up through styles.xml as a reader does.
    func format(_ cell: XLSXReading.Cell?) throws -> String? {
        guard let cell else { return nil }
        let styles = try #require(try book().parts["xl/styles.xml"])
        let xfs = try #require(styles.first("cellXfs")?.all("xf"))
        let id = try #require(Int(xfs[cell.style]["numFmtId"] ?? ""))
        let builtIn = [0: "General", 1: "0", 2: "0.00", 3: "#,##0"]
        if let code = builtIn[id] { return code }
        return styles.first("numFmts")?.all("numFmt").first { $0["numFmtId"] == String(id) }?["formatCode"]
    }

    /// A number cell's value and format.
    func number(_ sheet: String, _ reference: String) throws -> (value: Double, format: String)? {
        guard let cell = try book().cells(try index(sheet))[reference] else { return nil }
        #expect(cell.type == nil, "\(sheet)!\(reference) is not a number")
        return (try #require(cell.value.flatMap(Double.init)), try #require(try format(cell)))
    }

    func text(_ sheet: String, _ reference: String) throws -> String? {
        try book().cells(try index(sheet))[reference]?.text
    }

    @Test func sheetsInOrderWithNamesExcelAccepts() throws {
        let names = try book().parts["xl/workbook.xml"]?.descendants("sheet").compactMap { $0["name"] } ?? []
        #expect(names == Self.expectedSheets)
        for name in names {
            #expect(name.utf16.count <= 31)
            #expect(!name.contains { ":\\/?*[]".contains($0) })
        }
        // The contents sheet links to every other sheet, in order.
        let links = try book().sheet(1)?.descendants("hyperlink") ?? []
        #expect(links.map { $0["location"] } == Self.expectedSheets.dropFirst().map { "'\($0)'!A1" })
        #expect(links.first?["ref"] == "A6")
        #expect(try text("Inhoud", "A6") == "Respons")
        #expect(try text("Inhoud", "A1") == "Tabellenboek: Testonderzoek")
    }

    @Test func everyTableSheetFreezesItsHeadersAndPrintsLandscapeWithThemOnEveryPage() throws {
        let names = try book().parts["xl/workbook.xml"]?.descendants("definedName") ?? []
        for (k, name) in Self.expectedSheets.enumerated() where !["Inhoud", "Werkwijze"].contains(name) {
            let sheet = try #require(try book().sheet(k + 1))
            // Grouped figure columns: title, note, group headings, column headings; else no group row.
            let grouped = !["Respons", "Open vragen niet gecodeerd", "Citaten"].contains(name)
            let pane = try #require(sheet.descendants("pane").first, "\(name)")
            #expect(pane.attributes == ["ySplit": grouped ? "4" : "3", "topLeftCell": grouped ? "A5" : "A4", "activePane": "bottomLeft", "state": "frozen"], "\(name)")
            let titles = names.first { $0["localSheetId"] == String(k) }
            #expect(titles?.text == "'\(name)'!$3:$\(grouped ? 4 : 3)", "\(name)")
        }
        for k in Self.expectedSheets.indices {
            let setup = try #require(try book().sheet(k + 1)?.first("pageSetup"))
            #expect(setup.attributes == ["paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"])
        }
        let chapter = try #require(try book().sheet(4))
        #expect(chapter.first("mergeCells")?.all("mergeCell").map { $0["ref"] } == ["A2:O2", "F3:H3", "I3:K3", "L3:N3"])
    }

    @Test func aNoteMergedInOneRowWrapsWithinTheMergedWidth() {
        // 20 words of 5 letters; 54 characters a line in a merged width of 50 (10 pt: 0.9 of a
        // digit each): 9 words a line, 3 lines of 12.75 pt.
        let note = WorkbookCell.text(String(repeating: "woord ", count: 20), style: .noteWrapped)
        #expect(RowHeights.height([note], widths: [10, 40], merged: [0], spans: [0: 50]) == 38.25)
        // Merged over several rows (no span given): not estimated, as before.
        #expect(RowHeights.height([note], widths: [10, 40], merged: [0]) == nil)
    }

    @Test func chapterSheetHasEveryMetingAndBenchmarkWithNoteAndN() throws {
        let sheet = "Dienstverlening a-b (x) met een"
        let headers = try ["A", "B", "C", "D", "E", "F", "G", "H", "O"].map { try text(sheet, $0 + "4") }
        #expect(headers == ["Variabele", "Onderdeel", "Vraag", "Antwoord", "Maat", "waarde", "opm.", "n", "% zonder oordeel"])
        #expect(try ["F3", "I3", "L3"].map { try text(sheet, $0) } == ["Totaal 2015", "Totaal 2013", "Bench"])
        // The grade: exact value, one decimal shown; the mark beside it; n whole.
        #expect(try text(sheet, "A5") == "cijfer")
        #expect(try number(sheet, "F5")! == (7.46, "0.0"))
        #expect(try text(sheet, "G5") == "▲")
        #expect(try number(sheet, "H5")! == (300, "0"))
        #expect(try number(sheet, "I5")! == (7.2, "0.0"))
        #expect(try text(sheet, "J5") == nil)
        #expect(try number(sheet, "K5")! == (280, "0"))
        #expect(try number(sheet, "L5")! == (7, "0.0"))
        #expect(try text(sheet, "M5") == "▲")
        #expect(try book().cells(try index(sheet))["N5"] == nil)
        #expect(try number(sheet, "O5")! == (4.5, "0\"%\""))
        // Hidden, not asked, not available: the figure's cell is empty, the note says why, n stays.
        let cells = try book().cells(try index(sheet))
        #expect(cells["F6"] == nil && cells["I6"] == nil && cells["L6"] == nil && cells["O6"] == nil)
        #expect(try ["G6", "J6", "M6"].map { try text(sheet, $0) } == ["–", "n.g.", "n.b."])
        #expect(try number(sheet, "H6")! == (8, "0"))
        #expect(try text(sheet, "E6") == "% eens (lager=beter)")
        // A single-choice question: one row per category, percentages 0-100 shown whole.
        #expect(try ["C7", "D7", "D8"].map { try text(sheet, $0) } == ["Wat is uw geslacht?", "Man", "Vrouw"])
        #expect(try number(sheet, "F7")! == (45.5, "0\"%\""))
        #expect(try number(sheet, "F8")! == (54.5, "0\"%\""))
        #expect(cells["A9"] == nil)
    }

    @Test func annexSheetShowsTheGemeenteInEveryMetingBesideTheTotal() throws {
        let sheet = "Bijlage Aadorp"
        #expect(try ["G3", "J3", "M3"].map { try text(sheet, $0) } == ["Aadorp 2015", "Aadorp 2013", "Totaal 2015"])
        #expect(try text(sheet, "B5") == TablesWorkbookModel.hostileTitle)
        #expect(try number(sheet, "G5")! == (7.8, "0.0"))
        #expect(try text(sheet, "H5") == "+")
        #expect(try number(sheet, "I5")! == (150, "0"))
        #expect(try number(sheet, "J5")! == (7.1, "0.0"))
        #expect(try number(sheet, "M5")! == (7.46, "0.0"))
        #expect(try text(sheet, "N5") == "▲")
        #expect(try number(sheet, "O5")! == (300, "0"))
        // No answers at all: empty with –, n 0.
        #expect(try book().cells(try index(sheet))["G6"] == nil)
        #expect(try text(sheet, "H6") == "–")
        #expect(try number(sheet, "I6")! == (0, "0"))
    }

    @Test func breakdownsOpenAndMultiSelectQuestionsAndResponse() throws {
        // Breakdown: the total, then each category with its mark against the rest.
        #expect(try ["F3", "I3", "L3"].map { try text("Naar leeftijd", $0) } == ["Totaal", "18-26", "27-40"])
        #expect(try number("Naar leeftijd", "I5")! == (6.9, "0.0"))
        #expect(try text("Naar leeftijd", "J5") == "*−")
        #expect(try number("Naar leeftijd", "K5")! == (25, "0"))
        #expect(try text("Naar leeftijd", "M5") == "–")
        #expect(try book().cells(try index("Naar leeftijd"))["L5"] == nil)
        // Coded open question: per column % and base.
        #expect(try ["D4", "E3", "H3", "K3"].map { try text("Open vragen", $0) } == ["Genoemd punt", "Totaal 2015", "Aadorp", "Bench"])
        #expect(try number("Open vragen", "E5")! == (36.5, "0\"%\""))
        #expect(try number("Open vragen", "G5")! == (100, "0"))
        #expect(try text("Open vragen", "I5") == "+")
        #expect(try number("Open vragen", "K5")! == (30, "0\"%\""))
        #expect(try book().cells(try index("Open vragen"))["M5"] == nil)
        // Closed multi-select question on its own sheet, with the earlier meting.
        #expect(try text("Meerkeuzevragen", "D5") == "Telefoon")
        #expect(try number("Meerkeuzevragen", "H5")! == (50, "0\"%\""))
        #expect(try number("Meerkeuzevragen", "J5")! == (180, "0"))
        // Uncoded: counts and the model's percentage (40 of 160).
        #expect(try number("Open vragen niet gecodeerd", "E4")! == (40, "0"))
        #expect(try number("Open vragen niet gecodeerd", "F4")! == (160, "0"))
        #expect(try number("Open vragen niet gecodeerd", "G4")! == (25, "0\"%\""))
        // Response: counts with thousands separators, the rate whole, the margin with one decimal.
        #expect(try number("Respons", "B4")! == (1000, "#,##0"))
        #expect(try number("Respons", "D4")! == (25, "0\"%\""))
        #expect(try number("Respons", "E4")! == (5.5, "0.0\"%\""))
        #expect(try text("Respons", "E5") == "–")
        // Method: the report's paragraphs as text, under their chapter and section.
        let method = try book().cells(try index("Werkwijze")).values.compactMap(\.text)
        for paragraph in ["Inleiding en onderzoeksverantwoording", "Werkwijze", "Eerste alinea over de methode.", "Uitleg bij de open vraag."] {
            #expect(method.contains(paragraph))
        }
        #expect(!method.contains("Samenvatting"))
    }

    @Test func textThatLooksLikeAFormulaStaysText() throws {
        let book = try book()
        for k in Self.expectedSheets.indices {
            #expect(book.cells(k + 1).values.allSatisfy { !$0.hasFormula && ($0.type == nil || $0.type == "s") })
        }
        let quotes = try (4...8).map { try text("Citaten", "D\($0)") }
        #expect(quotes == TablesWorkbookModel.hostileQuotes + ["=1+1"])
        let citaten = try index("Citaten")
        for r in 4...8 { #expect(book.cells(citaten)["D\(r)"]?.type == "s") }
        #expect(try text("Werkwijze", "A9") == "=SUM(A1:A2) blijft tekst.")
    }

    @Test func columnsFitTheirLongestWord() throws {
        var model = TablesWorkbookModel.report
        model.chapters[2].sections[0].title = "Informatievoorziening"
        let book = try XLSXReading(TablesWorkbookWriter().bytes(model))
        let widths = book.sheet(4)?.descendants("col").compactMap { $0["width"].flatMap(Double.init) } ?? []
        // Column B holds the section: 21 characters, the column at least that wide.
        #expect(widths.count == 15)
        #expect(widths[1] >= 22)
    }

    @Test func layoutTakesTheUnionOfColumnsInOrder() {
        let layout = FigureLayout([["A", "C"], ["A", "B", "C"], ["D", "A"]])
        #expect(layout.names == ["D", "A", "B", "C"])
        let cells = layout.cells([TablesWorkbookModel.value(1, n: 2)], headings: ["B"], kind: .grade)
        // D, A: not asked in this table; B: the figure; C: not asked.
        #expect(cells[0] == .empty && cells[1] == .text("n.g.") && cells[6] == .number(1, format: .oneDecimal) && cells[8] == .number(2, format: .whole))
        #expect(cells.count == 12)
    }

    @Test func sameModelSameBytes() throws {
        let writer = TablesWorkbookWriter()
        #expect(try writer.bytes(TablesWorkbookModel.report) == writer.bytes(TablesWorkbookModel.report))
    }
}
