import KTOReport
import KTOStats

extension HTMLReportWriter {
    /// One figure series: a cell of the item tables picked by row and column.
    struct SeriesRef {
        var name: String
        var row: Int
        var column: Int
        /// Whether the column is a meting of the own organisation (it has an n).
        var hasN: Bool
    }

    /// Organisation: the total in each meting, then the benchmarks. Annex: the gemeente in each
    /// meting, then the total of the organisation in the current meting.
    func series(_ table: ItemTable, report: ReportModel) -> [SeriesRef] {
        guard let total = table.rows.firstIndex(where: \.isTotal) else { return [] }
        if let gemeente = report.gemeente, let own = table.rows.firstIndex(where: { !$0.isTotal }) {
            let metingen = (0..<table.metingColumns).map { SeriesRef(name: "\(gemeente) \(table.columns[$0])", row: own, column: $0, hasN: true) }
            return metingen + [SeriesRef(name: "Totaal \(table.columns[0])", row: total, column: 0, hasN: true)]
        }
        return table.columns.indices.map { SeriesRef(name: $0 < table.metingColumns ? "Totaal \(table.columns[$0])" : table.columns[$0], row: total, column: $0, hasN: $0 < table.metingColumns) }
    }

    /// The row whose spread is charted: the gemeente in an annex, the total otherwise.
    func mainRow(_ table: ItemTable, report: ReportModel) -> ItemTable.Row? {
        report.gemeente == nil ? table.rows.first(where: \.isTotal) : table.rows.first { !$0.isTotal }
    }


    /// Drops comparison series with no figure for any of these items (a benchmark that does not
    /// publish them): an all-"n.b." column says nothing.
    func present(_ series: [SeriesRef], in tables: [ItemTable]) -> [SeriesRef] {
        series.filter { s in s.hasN || tables.contains { $0.rows[s.row].cells[s.column].value != nil } }
    }

    func palette(_ k: Int) -> String { SVGCharts.palette[k % SVGCharts.palette.count] }

    func bars(_ tables: [ItemTable], _ series: [SeriesRef]) -> [[SVGCharts.Bar]] {
        tables.map { table in
            series.map { s in
                let cell = table.rows[s.row].cells[s.column]
                return SVGCharts.Bar(value: cell.value, suffix: CellFormatter.suffix(cell))
            }
        }
    }

    /// Rows = items, columns = series (value, and n for the own metingen), then the share without
    /// a valid answer in the first series' row (the current meting).
    func dataTable(_ tables: [ItemTable], series: [SeriesRef], labels: [String], caption: String, _ h: inout HTMLBuilder) {
        let withoutAnswer = tables.contains { table in series.first.map { table.rows[$0.row].withoutAnswer != nil } ?? false }
        h.element("table", [("class", "data")]) { h in
            h.element("caption", [("class", "tag")], text: caption)
            h.element("thead") { h in
                h.element("tr") { h in
                    h.element("th", [("scope", "col")], text: tables.first?.measureLabel ?? "")
                    for s in series {
                        h.element("th", [("scope", "col")], text: s.name)
                        if s.hasN { h.element("th", [("scope", "col")], text: "n") }
                    }
                    if withoutAnswer { h.element("th", [("scope", "col")], text: "% zonder oordeel") }
                }
            }
            h.element("tbody") { h in
                for (k, table) in tables.enumerated() {
                    h.element("tr") { h in
                        h.element("th", [("scope", "row")]) { h in
                            h.text(labels[k])
                            if table.negative { h.element("span", [("class", "tag")], text: " (negatief; lager is beter)") }
                        }
                        for s in series {
                            let cell = table.rows[s.row].cells[s.column]
                            h.element("td", text: CellFormatter.format(cell, kind: table.kind))
                            if s.hasN { h.element("td", [("class", "n")], text: cell.n.map(String.init) ?? "") }
                        }
                        if withoutAnswer {
                            h.element("td", [("class", "n")], text: series.first.flatMap { table.rows[$0.row].withoutAnswer }.map { Rounding.formatPercent($0) } ?? "–")
                        }
                    }
                }
            }
        }
    }

    /// A line chart of the items over three or more metingen (a pair is already in the bars): the
    /// total, or the gemeente in an annex. The numbers are in the table above it.
    func trend(_ tables: [ItemTable], title: String, report: ReportModel, _ h: inout HTMLBuilder) {
        guard let first = tables.first, first.metingColumns >= 3 else { return }
        let metingen = Array(first.columns.prefix(first.metingColumns).reversed())
        let values: [[Double?]] = tables.map { table in
            guard let row = mainRow(table, report: report) else { return metingen.map { _ in nil } }
            return row.cells.prefix(table.metingColumns).reversed().map(\.value)
        }
        // The current meting (last point) is tested against the most recent earlier one.
        let changed: [Set<Int>] = tables.map { table in
            guard let cell = mainRow(table, report: report)?.cells.first, cell.marks.contains(where: { $0.against == .previous }) else { return [] }
            return [metingen.count - 1]
        }
        // Only a trend when some item has a figure in an earlier meting.
        guard values.contains(where: { $0.dropLast().contains { $0 != nil } }) else { return }
        let who = report.gemeente ?? "totaal"
        let chartTitle = "\(title) – ontwikkeling \(metingen.first ?? "")-\(metingen.last ?? "") (\(who))"
        let series = tables.enumerated().map { SVGCharts.Series(name: $1.title, colour: palette($0)) }
        let percent = first.kind == .percent
        h.element("figure", [("class", "trend")]) { h in
            h.trusted(SVGCharts.trend(
                title: chartTitle, metingen: metingen, series: series, values: values, changed: changed, percent: percent,
                format: { percent ? Rounding.formatPercent($0) : Rounding.formatDutch($0, decimals: 1) }))
            h.element("figcaption", text: "\(chartTitle). " + (percent ? "% (helemaal) eens" : "Gemiddeld rapportcijfer") + " per meting; de getallen en de toetsen staan in de tabel hierboven.")
        }
    }

    func grades(_ tables: [ItemTable], section: String, report: ReportModel, spread: Bool, _ h: inout HTMLBuilder) {
        let series = present(self.series(tables[0], report: report), in: tables)
        let chartSeries = series.enumerated().map { SVGCharts.Series(name: $1.name, colour: palette($0)) }
        let title = "Rapportcijfers" + (section.isEmpty ? "" : ": \(section.lowercased())")
        h.element("figure") { h in
            h.trusted(SVGCharts.groupedBars(
                title: title, items: tables.map(\.title), series: chartSeries, bars: bars(tables, series), scale: 10,
                format: { Rounding.formatDutch($0, decimals: 1) }))
            h.element("figcaption", text: "\(title). Gemiddeld rapportcijfer (1-10); de getallen staan in de tabel.")
            dataTable(tables, series: series, labels: tables.map(\.title), caption: "Gemiddeld rapportcijfer per vergelijkingsgroep. " + report.marksKey, &h)
        }
        trend(tables, title: title, report: report, &h)
        guard spread, let table = tables.first, let row = mainRow(table, report: report),
              case .grades(let percents, let codes, let onvoldoende)? = row.breakdown else { return }
        let n = row.cells.first?.n ?? 0
        let spreadTitle = "Spreiding van de rapportcijfers: \(table.title.prefix(1).lowercased() + table.title.dropFirst())"
        h.element("figure", [("class", "spread")]) { h in
            h.trusted(SVGCharts.spread(title: spreadTitle, grades: codes, percents: percents, onvoldoende: onvoldoende, n: n))
            h.element("figcaption", text: "\(spreadTitle) (\(row.group), \(report.meting)); onvoldoende = cijfer 1 tot en met 5.")
            h.element("table", [("class", "data")]) { h in
                h.element("thead") { h in
                    h.element("tr") { h in
                        h.element("th", [("scope", "col")], text: "Cijfer")
                        for code in codes { h.element("th", [("scope", "col")], text: String(code)) }
                        h.element("th", [("scope", "col")], text: "onvoldoende")
                    }
                }
                h.element("tbody") { h in
                    h.element("tr") { h in
                        h.element("th", [("scope", "row")], text: "% van de antwoorden")
                        for p in percents { h.element("td", text: Rounding.formatPercent(p)) }
                        h.element("td", text: Rounding.formatPercent(onvoldoende))
                    }
                }
            }
        }
    }

    func statements(_ tables: [ItemTable], section: String, report: ReportModel, _ h: inout HTMLBuilder) {
        for negative in [false, true] {
            let group = tables.filter { $0.negative == negative }
            guard !group.isEmpty else { continue }
            let series = present(self.series(group[0], report: report), in: group)
            let title = (section.isEmpty ? "Stellingen" : section) + (negative ? " (negatief geformuleerd: lager is beter)" : " (positief geformuleerd)")
            let shares: [(agree: Double, neutral: Double, disagree: Double)?] = group.map { table in
                guard case .agreement(let a, let n, let d)? = mainRow(table, report: report)?.breakdown else { return nil }
                return (a, n, d)
            }
            h.element("h4", text: title)
            h.element("figure") { h in
                h.trusted(SVGCharts.stacked(title: title, items: group.map(\.title), shares: shares))
                h.element("figcaption", text: "\(title): verdeling van de antwoorden in \(report.meting) (\(report.gemeente ?? "totaal")); % (helemaal) eens per vergelijkingsgroep in de tabel.")
                dataTable(group, series: series, labels: group.map(\.title), caption: "% (helemaal) eens per vergelijkingsgroep. " + report.marksKey, &h)
            }
            trend(group, title: title, report: report, &h)
        }
    }

    func categories(question: String, tables: [ItemTable], report: ReportModel, _ h: inout HTMLBuilder) {
        guard let first = tables.first else { return }
        let series = present(self.series(first, report: report), in: tables)
        let chartSeries = series.enumerated().map { SVGCharts.Series(name: $1.name, colour: palette($0)) }
        h.element("h4", text: question)
        h.element("figure") { h in
            h.trusted(SVGCharts.groupedBars(
                title: question, items: tables.map(\.title), series: chartSeries, bars: bars(tables, series), scale: 100,
                format: { Rounding.formatPercent($0) }))
            h.element("figcaption", text: "\(question) — % van de geldige antwoorden.")
            dataTable(tables, series: series, labels: tables.map(\.title), caption: "% van de geldige antwoorden. " + report.marksKey, &h)
        }
    }

    func response(_ table: ResponseTable, _ h: inout HTMLBuilder) {
        h.element("table", [("class", "data")]) { h in
            h.element("thead") { h in
                h.element("tr") { h in
                    for heading in ["", "Aangeschreven", "Respondenten", "Respons", "Foutmarge (95%)"] { h.element("th", [("scope", "col")], text: heading) }
                }
            }
            h.element("tbody") { h in
                for row in table.rows {
                    h.element("tr") { h in
                        h.element("th", [("scope", "row")], text: row.group)
                        h.element("td", text: Rounding.formatInteger(row.invited))
                        h.element("td", text: Rounding.formatInteger(row.respondents))
                        h.element("td", text: row.rate.map { Rounding.formatPercent($0) } ?? "–")
                        h.element("td", text: row.marginOfError.map { "± " + Rounding.formatDutch($0, decimals: 1) + "%" } ?? "–")
                    }
                }
            }
        }
    }

    func codedAnswers(_ table: CodedAnswersTable, _ h: inout HTMLBuilder) {
        h.element("h4", text: table.question)
        let chartSeries = [SVGCharts.Series(name: table.columns.first ?? "", colour: palette(0))]
        h.element("figure") { h in
            h.trusted(SVGCharts.groupedBars(
                title: table.question, items: table.rows.map(\.label), series: chartSeries,
                bars: table.rows.map { [SVGCharts.Bar(value: $0.cells.first?.value, suffix: $0.cells.first.map(CellFormatter.suffix) ?? "")] },
                scale: 100, format: { Rounding.formatPercent($0) }))
            h.element("figcaption", text: table.closed
                ? "\(table.question) — % per antwoord; meer antwoorden mogelijk."
                : "\(table.question) — % van de klanten die iets noemden; meer antwoorden mogelijk, dus samen meer dan 100%.")
            h.element("table", [("class", "data")]) { h in
                h.element("thead") { h in
                    h.element("tr") { h in
                        h.element("th", [("scope", "col")], text: table.closed ? "Antwoord" : "Genoemd punt")
                        for column in table.columns { h.element("th", [("scope", "col")], text: column) }
                    }
                }
                h.element("tbody") { h in
                    for row in table.rows {
                        h.element("tr") { h in
                            h.element("th", [("scope", "row")], text: row.label)
                            for cell in row.cells { h.element("td", text: CellFormatter.format(cell, kind: .percent)) }
                        }
                    }
                    h.element("tr") { h in
                        h.element("th", [("scope", "row")], text: "n (basis)")
                        for base in table.bases { h.element("td", [("class", "n")], text: base.map(String.init) ?? "") }
                    }
                }
            }
        }
        for group in table.quotes where !group.quotes.isEmpty {
            h.element("h4", text: group.label)
            for quote in group.quotes { h.element("blockquote", text: "‘\(quote)’") }
        }
    }

    /// An open question without codes: written answers per group, then the quotes.
    func uncoded(_ table: UncodedAnswersTable, _ h: inout HTMLBuilder) {
        h.element("h4", text: table.question)
        h.element("table", [("class", "data")]) { h in
            h.element("caption", [("class", "tag")], text: "Aantal klanten dat iets schreef, en het percentage van de respondenten.")
            h.element("thead") { h in
                h.element("tr") { h in
                    for heading in ["", "Schreef iets", "Respondenten", "%"] { h.element("th", [("scope", "col")], text: heading) }
                }
            }
            h.element("tbody") { h in
                for row in table.rows {
                    h.element("tr") { h in
                        h.element("th", [("scope", "row")], text: row.group)
                        h.element("td", text: Rounding.formatInteger(row.written))
                        h.element("td", [("class", "n")], text: Rounding.formatInteger(row.respondents))
                        h.element("td", text: row.percent.map { Rounding.formatPercent($0) } ?? "–")
                    }
                }
            }
        }
        for quote in table.quotes { h.element("blockquote", text: "‘\(quote)’") }
    }

    /// A section's grades and statements by breakdown category: a grouped bar chart per kind of
    /// figure (grades, percentages), then the table with n and the marks against the rest.
    func breakdown(_ table: BreakdownTable, report: ReportModel, _ h: inout HTMLBuilder) {
        h.element("h4", text: table.title)
        // Each category column is named with its letter: "18-26 (A)".
        let headings = table.columns.enumerated().map { k, column in
            k < table.letters.count && !table.letters[k].isEmpty ? "\(column) (\(table.letters[k]))" : column
        }
        let chartSeries = headings.enumerated().map { SVGCharts.Series(name: $1, colour: palette($0)) }
        for kind in [ValueKind.grade, .percent] {
            let rows = table.rows.filter { $0.kind == kind }
            guard !rows.isEmpty else { continue }
            let what = kind == .grade ? "gemiddeld rapportcijfer" : "% (helemaal) eens"
            let title = "\(table.title): \(what)"
            h.element("figure") { h in
                h.trusted(SVGCharts.groupedBars(
                    title: title, items: rows.map(\.item), series: chartSeries,
                    bars: rows.map { row in row.cells.map { SVGCharts.Bar(value: $0.value, suffix: CellFormatter.suffix($0)) } },
                    scale: kind == .grade ? 10 : 100,
                    format: { kind == .grade ? Rounding.formatDutch($0, decimals: 1) : Rounding.formatPercent($0) }))
                h.element("figcaption", text: "\(title) per categorie; de getallen staan in de tabel.")
                h.element("table", [("class", "data")]) { h in
                    h.element("caption", [("class", "tag")], text: "\(what) per categorie, met n. +/− significant hoger/lager dan de overige klanten. " + BreakdownTable.lettersKey + " * indicatief, – te weinig waarnemingen.")
                    h.element("thead") { h in
                        h.element("tr") { h in
                            h.element("th", [("scope", "col")], text: rows[0].measureLabel)
                            for column in headings {
                                h.element("th", [("scope", "col")], text: column)
                                h.element("th", [("scope", "col")], text: "n")
                            }
                        }
                    }
                    h.element("tbody") { h in
                        for row in rows {
                            h.element("tr") { h in
                                h.element("th", [("scope", "row")]) { h in
                                    h.text(row.item)
                                    if row.negative { h.element("span", [("class", "tag")], text: " (negatief; lager is beter)") }
                                }
                                for cell in row.cells {
                                    h.element("td", text: CellFormatter.format(cell, kind: row.kind))
                                    h.element("td", [("class", "n")], text: cell.n.map(String.init) ?? "")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The main report's annex: every item for every gemeente and the total, in every meting.
    func annexTable(_ report: ReportModel, number: Int, _ h: inout HTMLBuilder) {
        h.newline()
        h.element("section", [("class", "chapter")]) { h in
            h.element("h2", [("id", "h\(number)")], text: "Bijlage: resultaten per gemeente")
            h.element("p", text: "Alle vragen per gemeente en voor het totaal. De resultaten per gemeente zijn indicatief.")
            var headerDone = false
            h.element("table", [("class", "data")]) { h in
                for chapter in report.chapters {
                    for section in chapter.sections {
                        let tables: [ItemTable] = section.blocks.flatMap { block -> [ItemTable] in
                            switch block {
                            case .item(let table): return [table]
                            case .categories(_, _, let tables): return tables
                            default: return []
                            }
                        }
                        guard let first = tables.first else { continue }
                        if !headerDone {
                            h.element("thead") { h in
                                h.element("tr") { h in
                                    h.element("th", [("scope", "col")], text: "")
                                    for row in first.rows { h.element("th", [("scope", "colgroup"), ("colspan", String(first.metingColumns))], text: row.group) }
                                }
                                h.element("tr") { h in
                                    h.element("th", [("scope", "col")], text: "")
                                    for _ in first.rows {
                                        for k in 0..<first.metingColumns { h.element("th", [("scope", "col")], text: first.columns[k]) }
                                    }
                                }
                            }
                            headerDone = true
                        }
                        h.element("tbody") { h in
                            h.element("tr", [("class", "section")]) { h in
                                h.element("th", [("colspan", String(1 + first.rows.count * first.metingColumns)), ("scope", "rowgroup")], text: "\(chapter.title) — \(section.title)")
                            }
                            for table in tables {
                                h.element("tr") { h in
                                    h.element("th", [("scope", "row")], text: table.title)
                                    for row in table.rows {
                                        for k in 0..<table.metingColumns { h.element("td", text: CellFormatter.format(row.cells[k], kind: table.kind)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
