import KTOReport

extension TablesWorkbookWriter {
    /// One sheet per breakdown variable: every grade and statement of the report by its
    /// categories, the total first, each with n and its mark against the rest.
    func breakdownSheets(_ report: ReportModel, note: String) -> [TableSheet] {
        var order: [String] = []
        var located: [String: [(chapter: String, section: String, table: BreakdownTable)]] = [:]
        for chapter in report.chapters {
            for section in chapter.sections {
                for block in section.blocks {
                    guard case .breakdown(let table) = block else { continue }
                    if located[table.variable] == nil { order.append(table.variable) }
                    located[table.variable, default: []].append((chapter.title, section.title, table))
                }
            }
        }
        return order.compactMap { variable in
            guard let tables = located[variable], let first = tables.first else { return nil }
            // Each category heading with its significance letter: "18-26 (A)".
            func headings(_ table: BreakdownTable) -> [String] {
                table.columns.enumerated().map { k, column in
                    k < table.letters.count && !table.letters[k].isEmpty ? "\(column) (\(table.letters[k]))" : column
                }
            }
            let layout = FigureLayout(tables.map { headings($0.table) })
            var sheet = TableSheet(
                title: first.table.title, note: note,
                columns: [.text("Variabele", maximum: 24), .text("Hoofdstuk", maximum: 16), .text("Onderdeel", maximum: 16), .text("Vraag", minimum: 20, maximum: 45), .text("Maat", maximum: 14)]
                    + layout.columns)
            for entry in tables {
                for row in entry.table.rows {
                    sheet.rows.append(
                        [.text(row.variable), .text(entry.chapter, style: .wrapped), .text(entry.section, style: .wrapped), .text(row.item, style: .wrapped), .text(row.measureLabel, style: .wrapped)]
                            + layout.cells(row.cells, headings: headings(entry.table), kind: row.kind))
                }
            }
            return sheet
        }
    }
}
