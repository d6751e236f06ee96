import KTOReport
import KTOStats

extension HTMLReportWriter {
    /// The prioriteitenmatrix: the numbered chart, and the table that names every number.
    func priorities(_ table: PriorityTable, _ h: inout HTMLBuilder) {
        let title = "Prioriteitenmatrix: rapportcijfer en belang voor het totaaloordeel"
        let points = table.rows.enumerated().map { k, row in
            SVGCharts.QuadrantPoint(
                number: k + 1, x: row.mean, y: row.importance,
                tip: "\(k + 1). \(row.item): cijfer \(Rounding.formatDutch(row.mean, decimals: 1)), \(table.importanceLabel) \(Rounding.formatDutch(row.importance, decimals: 2)) (\(row.quadrant.label))")
        }
        h.element("figure", [("class", "priorities")]) { h in
            h.trusted(SVGCharts.quadrant(
                title: title, points: points, medianX: table.medianMean, medianY: table.medianImportance,
                xLabel: "gemiddeld rapportcijfer (prestatie)", yLabel: "belang: \(table.importanceLabel)",
                corners: (PriorityTable.Quadrant.improve.label, PriorityTable.Quadrant.keep.label,
                          PriorityTable.Quadrant.later.label, PriorityTable.Quadrant.lessImportant.label)))
            h.element("figcaption", text: "\(title). Elk nummer is een aspect uit de tabel; de stippellijnen liggen op de medianen.")
            h.element("table", [("class", "data")]) { h in
                h.element("caption", [("class", "tag")], text: "Aspecten van de prioriteitenmatrix, met het totaaloordeel ‘\(table.overall)’.")
                h.element("thead") { h in
                    h.element("tr") { h in
                        for heading in ["Aspect", "Cijfer", "Belang: \(table.importanceLabel)", "n", "Kwadrant"] {
                            h.element("th", [("scope", "col")], text: heading)
                        }
                    }
                }
                h.element("tbody") { h in
                    for (k, row) in table.rows.enumerated() {
                        h.element("tr") { h in
                            h.element("th", [("scope", "row")], text: "\(k + 1). \(row.item)")
                            h.element("td", text: Rounding.formatDutch(row.mean, decimals: 1))
                            h.element("td", text: Rounding.formatDutch(row.importance, decimals: 2))
                            h.element("td", [("class", "n")], text: String(row.n))
                            h.element("td", text: row.quadrant.label)
                        }
                    }
                }
            }
        }
    }
}
