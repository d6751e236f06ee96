import KTOReport

extension TablesWorkbookWriter {
    /// One item of a section: a grade or statement, or one category of a single-choice question.
    struct ItemRow {
        var chapter: String
        var section: String
        var question: String
        /// The category of a single-choice question; empty for grades and statements.
        var answer: String
        var table: ItemTable
    }

    /// Every item table of `blocks`, a single-choice question giving one row per category.
    static func items(_ chapter: Chapter) -> [ItemRow] {
        chapter.sections.flatMap { section in
            section.blocks.flatMap { block -> [ItemRow] in
                switch block {
                case .item(let table):
                    return [ItemRow(chapter: chapter.title, section: section.title, question: table.title, answer: "", table: table)]
                case .categories(let question, _, let tables):
                    return tables.map { ItemRow(chapter: chapter.title, section: section.title, question: question, answer: $0.title, table: $0) }
                default:
                    return []
                }
            }
        }
    }

    /// The heading of an item table's column on the organisation's sheets: the total in each
    /// meting ("Totaal 2015"), a benchmark by its short name.
    static func organisationHeading(_ table: ItemTable, _ k: Int) -> String {
        k < table.metingColumns ? "Totaal \(table.columns[k])" : table.columns[k]
    }

    /// A chapter's items for the whole organisation: the total in every meting side by side (the
    /// trend), then the benchmarks, each with n and marks, and the share without an answer.
    func chapterSheet(_ chapter: Chapter, note: String) -> TableSheet? {
        let items = Self.items(chapter)
        guard !items.isEmpty else { return nil }
        let headings = items.map { item in item.table.columns.indices.map { Self.organisationHeading(item.table, $0) } }
        let layout = FigureLayout(headings)
        var sheet = TableSheet(
            title: chapter.title, note: note,
            columns: [.text("Variabele", maximum: 24), .text("Onderdeel", maximum: 18), .text("Vraag", minimum: 20, maximum: 45), .text("Antwoord", maximum: 24), .text("Maat", maximum: 14)]
                + layout.columns + [.number("% zonder oordeel", minimum: 8)])
        for (item, heading) in zip(items, headings) {
            guard let total = item.table.rows.first(where: \.isTotal) else { continue }
            sheet.rows.append(
                Self.itemLabels(item, chapter: false) + layout.cells(total.cells, headings: heading, kind: item.table.kind)
                    + [FigureCells.percent(total.withoutAnswer)])
        }
        return sheet
    }

    /// The text cells that say which item a row is: its variable (as in results.csv), then the
    /// chapter (where the sheet spans chapters), section, question, category and measure.
    static func itemLabels(_ item: ItemRow, chapter: Bool) -> [WorkbookCell] {
        // Negative statements say so in their measure ("% eens (lager=beter)").
        let measure = item.table.measureLabel
        return [.text(item.table.variable)] + (chapter ? [.text(item.chapter, style: .wrapped)] : [])
            + [.text(item.section, style: .wrapped), .text(item.question, style: .wrapped), .text(item.answer, style: .wrapped), .text(measure, style: .wrapped)]
    }

    /// A gemeente's annex: its figure in every meting and the organisation's total of this
    /// meting, as in the annex report, for every item of every chapter.
    func annexSheet(_ annex: ReportModel) -> TableSheet? {
        let gemeente = annex.gemeente ?? ""
        let items = annex.chapters.flatMap(Self.items)
        guard !items.isEmpty else { return nil }
        var headings: [[String]] = []
        var picked: [[Cell]] = []
        var without: [Double?] = []
        for item in items {
            let table = item.table
            let own = table.rows.first { !$0.isTotal }
            let total = table.rows.first(where: \.isTotal)
            var names: [String] = []
            var cells: [Cell] = []
            for k in 0..<min(table.metingColumns, table.columns.count) {
                names.append("\(gemeente) \(table.columns[k])")
                cells.append(own.map { k < $0.cells.count ? $0.cells[k] : Cell(state: .blank, n: nil) } ?? Cell(state: .blank, n: nil))
            }
            if let first = table.columns.first, let cell = total?.cells.first {
                names.append("Totaal \(first)")
                cells.append(cell)
            }
            headings.append(names)
            picked.append(cells)
            without.append(own?.withoutAnswer)
        }
        let layout = FigureLayout(headings)
        var sheet = TableSheet(
            title: "Bijlage \(gemeente)",
            note: "Indicatief: \(gemeente) naast het totaal van de organisatie. " + annex.marksKey,
            columns: [.text("Variabele", maximum: 24), .text("Hoofdstuk", maximum: 16), .text("Onderdeel", maximum: 16), .text("Vraag", minimum: 20, maximum: 45), .text("Antwoord", maximum: 24), .text("Maat", maximum: 14)]
                + layout.columns + [.number("% zonder oordeel", minimum: 8)])
        for k in items.indices {
            sheet.rows.append(
                Self.itemLabels(items[k], chapter: true) + layout.cells(picked[k], headings: headings[k], kind: items[k].table.kind)
                    + [FigureCells.percent(without[k])])
        }
        return sheet
    }
}
