import KTOReport

extension TablesWorkbookWriter {
    /// A block of the report with the section it stands in.
    struct Located<Table> {
        var section: String
        var table: Table
    }

    static func codedTables(_ report: ReportModel, closed: Bool) -> [Located<CodedAnswersTable>] {
        report.chapters.flatMap { chapter in
            chapter.sections.flatMap { section in
                section.blocks.compactMap { block -> Located<CodedAnswersTable>? in
                    guard case .codedAnswers(let table) = block, table.closed == closed else { return nil }
                    return Located(section: section.title, table: table)
                }
            }
        }
    }

    static func uncodedTables(_ report: ReportModel) -> [Located<UncodedAnswersTable>] {
        report.chapters.flatMap { chapter in
            chapter.sections.flatMap { section in
                section.blocks.compactMap { block -> Located<UncodedAnswersTable>? in
                    guard case .uncodedAnswers(let table) = block else { return nil }
                    return Located(section: section.title, table: table)
                }
            }
        }
    }

    /// Coded open questions or closed multi-select questions: per answer the % of the base in
    /// every column of the report's table (this meting's total and gemeenten, earlier metingen,
    /// benchmarks), with the base as n.
    func answersSheet(_ report: ReportModel, closed: Bool, note: String) -> TableSheet? {
        let tables = Self.codedTables(report, closed: closed)
        guard !tables.isEmpty else { return nil }
        let layout = FigureLayout(tables.map(\.table.columns))
        var sheet = TableSheet(
            title: closed ? "Meerkeuzevragen (meer antwoorden mogelijk)" : "Open vragen, gecodeerd",
            note: note,
            columns: [.text("Variabele", maximum: 24), .text("Onderdeel", maximum: 18), .text("Vraag", minimum: 20, maximum: 40), .text(closed ? "Antwoord" : "Genoemd punt", minimum: 12, maximum: 36)]
                + layout.columns)
        for located in tables {
            let table = located.table
            for row in table.rows {
                sheet.rows.append(
                    [.text(table.variable), .text(located.section, style: .wrapped), .text(table.question, style: .wrapped), .text(row.label, style: .wrapped)]
                        + layout.cells(row.cells, headings: table.columns, kind: .percent))
            }
        }
        return sheet
    }

    /// Open questions without codes: per group how many clients wrote an answer.
    func uncodedSheet(_ report: ReportModel) -> TableSheet? {
        let tables = Self.uncodedTables(report)
        guard !tables.isEmpty else { return nil }
        var sheet = TableSheet(
            title: "Open vragen, niet gecodeerd",
            note: "Deze vragen zijn niet gecodeerd: per groep het aantal klanten dat iets schreef, van de respondenten.",
            columns: [.text("Variabele", maximum: 24), .text("Onderdeel", maximum: 18), .text("Vraag", minimum: 20, maximum: 45), .text("Groep", maximum: 30),
                      .number("Met antwoord", minimum: 8), .number("Respondenten", minimum: 8), .number("% met antwoord", minimum: 8)])
        for located in tables {
            for row in located.table.rows {
                sheet.rows.append([
                    .text(located.table.variable), .text(located.section, style: .wrapped), .text(located.table.question, style: .wrapped), .text(row.group),
                    FigureCells.count(row.written), FigureCells.count(row.respondents), FigureCells.percent(row.percent),
                ])
            }
        }
        return sheet
    }

    /// The quotes of the open questions, one per row. They are the clients' words (anonymised):
    /// text cells, never formulas, whatever they start with.
    func quotesSheet(_ report: ReportModel) -> TableSheet? {
        var rows: [[WorkbookCell]] = []
        for located in Self.codedTables(report, closed: false) {
            for entry in located.table.quotes {
                for quote in entry.quotes {
                    rows.append([.text(located.table.variable), .text(located.table.question, style: .wrapped), .text(entry.label, style: .wrapped), .text(quote, style: .wrapped)])
                }
            }
        }
        for located in Self.uncodedTables(report) {
            for quote in located.table.quotes {
                rows.append([.text(located.table.variable), .text(located.table.question, style: .wrapped), .empty, .text(quote, style: .wrapped)])
            }
        }
        guard !rows.isEmpty else { return nil }
        return TableSheet(
            title: "Citaten bij de open vragen",
            note: "Geanonimiseerde citaten, zoals in het rapport: vervangen gegevens staan er als (…).",
            columns: [.text("Variabele", maximum: 24), .text("Vraag", minimum: 20, maximum: 36), .text("Genoemd punt", maximum: 30), .text("Citaat", minimum: 40, maximum: 80)],
            rows: rows)
    }
}
