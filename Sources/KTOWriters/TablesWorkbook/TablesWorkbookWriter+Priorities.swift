import KTOReport
import KTOStats

extension TablesWorkbookWriter {
    /// The prioriteitenmatrix: per aspect its grade, importance, n and quadrant.
    func prioritiesSheet(_ report: ReportModel) -> TableSheet? {
        let tables = report.chapters.flatMap(\.sections).flatMap(\.blocks).compactMap { block -> PriorityTable? in
            if case .priorities(let table) = block { return table }
            return nil
        }
        guard let table = tables.first else { return nil }
        var sheet = TableSheet(
            title: "Prioriteitenmatrix",
            note: "Elk aspect met zijn gemiddelde rapportcijfer en zijn belang voor het totaaloordeel ‘\(table.overall)’ (\(table.importanceLabel)); de kwadranten liggen op de medianen (cijfer \(Rounding.formatDutch(table.medianMean, decimals: 1)), belang \(Rounding.formatDutch(table.medianImportance, decimals: 2))). Zie Werkwijze.",
            columns: [.text("Variabele", maximum: 24), .text("Aspect", minimum: 20, maximum: 50), .number("Cijfer"), .number("Belang", minimum: 8), .number("n"), .text("Kwadrant", maximum: 18)])
        for row in table.rows {
            sheet.rows.append([
                .text(row.variable), .text(row.item, style: .wrapped), .number(row.mean, format: .oneDecimal), .number(row.importance, format: .twoDecimals),
                FigureCells.count(row.n), .text(row.quadrant.label),
            ])
        }
        return sheet
    }
}
