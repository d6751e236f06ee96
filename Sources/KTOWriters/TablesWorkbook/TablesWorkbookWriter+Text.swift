import KTOReport

extension TablesWorkbookWriter {
    /// Response per group: invited, respondents, the response rate and its margin of error.
    func responseSheet(_ report: ReportModel) -> TableSheet? {
        let tables = report.chapters.flatMap(\.sections).flatMap(\.blocks).compactMap { block -> ResponseTable? in
            if case .response(let table) = block { return table }
            return nil
        }
        guard !tables.isEmpty else { return nil }
        var sheet = TableSheet(
            title: "Respons", note: "Respons = respondenten van de aangeschreven klanten; foutmarge: de halve breedte van het 95%-betrouwbaarheidsinterval van een percentage van 50%, in procentpunten.",
            columns: [.text("Groep", minimum: 14, maximum: 30), .number("Aangeschreven", minimum: 9), .number("Respondenten", minimum: 9),
                      .number("Respons", minimum: 8), .number("Foutmarge (95%, ±)", minimum: 9)])
        for table in tables {
            for row in table.rows {
                sheet.rows.append([
                    .text(row.group, style: row.group == "Totaal" ? .bold : .normal),
                    .number(Double(row.invited), format: .thousands), .number(Double(row.respondents), format: .thousands),
                    row.rate.map { .number($0, format: .percentWhole) } ?? .text("–"),
                    row.marginOfError.map { .number($0, format: .percentOneDecimal) } ?? .text("–"),
                ])
            }
        }
        return sheet
    }

    /// The report's text as text: the method and response chapter, and every explanation that
    /// stands beside a table, each under its chapter and section. The summary is left out (it is
    /// the report's reading of these tables, in the HTML and the text report).
    func methodSheet(_ report: ReportModel) -> Worksheet? {
        var rows: [[WorkbookCell]] = [
            [.text("Werkwijze en toelichting", style: .title)],
            [.text("De tekst van het rapport bij de tabellen: de onderzoeksverantwoording en de toelichtingen.", style: .note)],
        ]
        for chapter in report.chapters {
            var chapterShown = false
            for section in chapter.sections {
                let paragraphs = section.blocks.compactMap { block -> String? in
                    if case .paragraph(let text) = block { return text }
                    return nil
                }
                guard !paragraphs.isEmpty else { continue }
                if !chapterShown {
                    rows.append([])
                    rows.append([.text(chapter.title, style: .header)])
                    chapterShown = true
                }
                if !section.title.isEmpty { rows.append([.text(section.title, style: .bold)]) }
                rows += paragraphs.map { [.text($0, style: .wrapped)] }
            }
        }
        guard rows.count > 2 else { return nil }
        return Worksheet(name: "", rows: rows, columnWidths: [110], landscape: true, fitToWidth: true)
    }

    /// The first sheet: what the workbook holds, a link to every sheet, and how to read it.
    func contentsSheet(_ report: ReportModel, entries: [(name: String, about: String)]) -> Worksheet {
        var rows: [[WorkbookCell]] = [[.text("Tabellenboek: \(report.title)", style: .title)]]
        if !report.subtitle.isEmpty { rows.append([.text(report.subtitle, style: .note)]) }
        var meting = "Meting \(report.meting)"
        if let previous = report.previousMeting { meting += ", vergeleken met \(previous)" }
        rows.append([.text(meting + ".", style: .note)])
        rows.append([])
        rows.append([.text("Blad", style: .header), .text("Inhoud", style: .header)])
        for entry in entries { rows.append([.link(text: entry.name, sheet: entry.name), .text(entry.about, style: .wrapped)]) }
        rows.append([])
        rows.append([.text("Zo leest u de tabellen", style: .header), .text("", style: .header)])
        for (label, text) in Self.explanation(report) { rows.append([.text(label, style: .bold), .text(text, style: .wrapped)]) }
        return Worksheet(name: Self.contentsName, rows: rows, columnWidths: [32, 95], landscape: true, fitToWidth: true)
    }

    static let contentsName = "Inhoud"

    /// What the numbers are and what the signs mean: the workbook's own lines, then the report's
    /// legend (only the signs this report can show).
    static func explanation(_ report: ReportModel) -> [(String, String)] {
        var lines: [(String, String)] = [
            ("Getallen", "Elk cijfer staat als getal in de cel, met alle decimalen; de celopmaak toont een rapportcijfer met één decimaal en een percentage als heel getal. Percentages staan als getal van 0 tot 100 (73 betekent 73%), zoals in results.csv: reken met de cel, niet met het getoonde getal."),
            ("Kolommen", "Per cijfer drie kolommen: het cijfer, n (het aantal waarop het berust) en opm. (opmerking: de tekens hieronder). Waar geen cijfer getoond wordt, is de cel leeg en zegt opm. waarom."),
            ("opm.", "* = indicatief (weinig waarnemingen); ▲/▼ = significant hoger/lager dan de vorige meting, of bij een vergelijkingsgroep: uw totaal hoger/lager dan die groep; +/− = significant hoger/lager dan de rest van de organisatie (of van de respondenten, bij een uitsplitsing); – = niet getoond: geen of te weinig waarnemingen, of verborgen zodat het niet uit andere cijfers terug te rekenen is; n.g. = niet gevraagd in die meting; n.b. = niet beschikbaar."),
        ]
        for (k, line) in report.legend.enumerated() { lines.append((k == 0 ? "Legenda van het rapport" : "", line)) }
        return lines
    }
}
