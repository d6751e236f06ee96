@testable import KTOReport

/// A small report model, written by hand, for the tables-book workbook tests: every kind of block,
/// every state of a cell, a chapter title that breaks Excel's sheet-name rules, a chapter called
/// like the contents sheet, and quotes that would be formulas if a writer let them.
enum TablesWorkbookModel {
    static let hostileQuotes = [
        "=HYPERLINK(\"http://example.com\",\"klik\")",
        "+31 6 12345678",
        "-2 punten",
        "@SUM(A1:A2)",
    ]

    static func value(_ v: Double, n: Int?, indicative: Bool = false, marks: [Cell.Mark] = []) -> Cell {
        Cell(state: .value(v), n: n, indicative: indicative, marks: marks)
    }

    static let up = Cell.Mark(against: .previous, higher: true)
    static let plus = Cell.Mark(against: .rest, higher: true)
    static let minus = Cell.Mark(against: .rest, higher: false)
    static let benchmarkUp = Cell.Mark(against: .benchmark, higher: true)

    static func row(_ group: String, _ cells: [Cell], total: Bool, without: Double? = nil) -> ItemTable.Row {
        ItemTable.Row(group: group, cells: cells, breakdown: nil, isTotal: total, withoutAnswer: without)
    }

    /// Columns: 2015, 2013, the benchmark "Bench".
    static func item(_ variable: String, _ title: String, label: String, kind: ValueKind, negative: Bool = false, total: [Cell], gemeente: [Cell], without: Double?) -> ItemTable {
        ItemTable(
            variable: variable, title: title, measureLabel: label, kind: kind, negative: negative, columns: ["2015", "2013", "Bench"],
            metingColumns: 2, rows: [row("Totaal", total, total: true, without: without), row("Aadorp", gemeente, total: false)])
    }

    static let grade = item(
        "cijfer", "Rapportcijfer voor de dienstverlening", label: "rapportcijfer", kind: .grade,
        total: [value(7.46, n: 300, marks: [up]), value(7.2, n: 280), value(7.0, n: nil, marks: [benchmarkUp])],
        gemeente: [value(7.8, n: 150, marks: [plus]), value(7.1, n: 140), Cell(state: .blank, n: nil)], without: 4.5)

    static let statement = item(
        "stelling", "De consulent neemt mij serieus", label: "% eens (lager=beter)", kind: .percent, negative: true,
        total: [Cell(state: .suppressed, n: 8), Cell(state: .notAsked, n: nil), Cell(state: .notAvailable, n: nil)],
        gemeente: [Cell(state: .noObservations, n: 0), Cell(state: .notAsked, n: nil), Cell(state: .blank, n: nil)], without: nil)

    static let categories: [ItemTable] = [
        item("geslacht", "Man", label: "% van de antwoorden", kind: .percent,
             total: [value(45.5, n: 290), value(44, n: 270), Cell(state: .notAvailable, n: nil)],
             gemeente: [value(72.5, n: 20, indicative: true), value(40, n: 130), Cell(state: .blank, n: nil)], without: 3),
        item("geslacht", "Vrouw", label: "% van de antwoorden", kind: .percent,
             total: [value(54.5, n: 290), value(56, n: 270), Cell(state: .notAvailable, n: nil)],
             gemeente: [value(27.5, n: 20, indicative: true), value(60, n: 130), Cell(state: .blank, n: nil)], without: 3),
    ]

    static let breakdown = BreakdownTable(
        variable: "leeftijd", title: "Naar leeftijd", columns: ["Totaal", "18-26", "27-40"],
        rows: [BreakdownTable.Row(
            variable: "cijfer", item: "Rapportcijfer voor de dienstverlening", measureLabel: "rapportcijfer", kind: .grade, negative: false,
            cells: [value(7.46, n: 300), value(6.9, n: 25, indicative: true, marks: [minus]), Cell(state: .suppressed, n: 5)])])

    static var coded: CodedAnswersTable {
        CodedAnswersTable(
            variable: "goed_codes", question: "Wat vindt u goed?", columns: ["Totaal 2015", "Aadorp", "Bench"], bases: [100, 60, nil],
            rows: [CodedAnswersTable.Row(label: "Snel geholpen", cells: [value(36.5, n: 100), value(40, n: 60, marks: [plus]), value(30, n: nil)])],
            quotes: [CodedAnswersTable.Quotes(label: "Snel geholpen", quotes: hostileQuotes)])
    }

    static var closed: CodedAnswersTable {
        var table = CodedAnswersTable(
            variable: "kanaal", question: "Via welke kanalen had u contact?", columns: ["Totaal 2015", "Totaal 2013"], bases: [200, 180],
            rows: [CodedAnswersTable.Row(label: "Telefoon", cells: [value(49.5, n: 200), value(50, n: 180)])], quotes: [])
        table.closed = true
        return table
    }

    static let uncoded = UncodedAnswersTable(
        variable: "opmerking", question: "Heeft u nog opmerkingen?",
        rows: [UncodedAnswersTable.Row(group: "Totaal", written: 40, respondents: 160)], quotes: ["=1+1"])

    /// The chapter whose title breaks every rule of sheet names.
    static let hostileTitle = "Dienstverlening: a/b [x]*? met een heel lange titel"

    static var report: ReportModel {
        let response = ResponseTable(rows: [
            ResponseTable.Row(group: "Totaal", invited: 1000, respondents: 250, rate: 25, marginOfError: 5.5),
            ResponseTable.Row(group: "Aadorp", invited: 600, respondents: 150, rate: 25, marginOfError: nil),
        ])
        var model = ReportModel(
            title: "Testonderzoek", subtitle: "Afdeling Test", meting: "2015", previousMeting: "2013",
            chapters: [
                Chapter(title: "Samenvatting", sections: [Section(title: "", blocks: [.summary([])])]),
                Chapter(title: "Inleiding en onderzoeksverantwoording", sections: [
                    Section(title: "Respons", blocks: [.paragraph("Over de respons."), .response(response)]),
                    Section(title: "Werkwijze", blocks: [.paragraph("Eerste alinea over de methode."), .paragraph("=SUM(A1:A2) blijft tekst.")]),
                ]),
                Chapter(title: hostileTitle, sections: [
                    Section(title: "Algemeen", blocks: [.item(grade), .item(statement), .breakdown(breakdown)]),
                    Section(title: "Kenmerken", blocks: [.categories(question: "Wat is uw geslacht?", variable: "geslacht", tables: categories)]),
                ]),
                Chapter(title: "Inhoud", sections: [Section(title: "Extra", blocks: [.item(grade)])]),
                Chapter(title: "Open vragen", sections: [
                    Section(title: "Goed", blocks: [.paragraph("Uitleg bij de open vraag."), .codedAnswers(coded)]),
                    Section(title: "Kanalen", blocks: [.codedAnswers(closed)]),
                    Section(title: "Opmerkingen", blocks: [.uncodedAnswers(uncoded)]),
                ]),
            ],
            legend: ["– = geen of te weinig waarnemingen.", "n.g. = niet gevraagd in die meting."])
        model.marksKey = "▲/▼ significant hoger/lager dan 2013."
        return model
    }

    /// The annex of Aadorp: the gemeente's row first, then the total, metingen only.
    static var annex: ReportModel {
        func annexItem(_ table: ItemTable) -> ItemTable {
            var own = table
            own.columns = ["2015", "2013"]
            own.rows = [table.rows[1], table.rows[0]].map { row in
                var row = row
                row.cells = Array(row.cells.prefix(2))
                return row
            }
            return own
        }
        return ReportModel(
            title: "Testonderzoek — bijlage Aadorp (indicatief)", subtitle: "", meting: "2015", previousMeting: "2013",
            chapters: [Chapter(title: hostileTitle, sections: [Section(title: "Algemeen", blocks: [.item(annexItem(grade)), .item(annexItem(statement))])])],
            legend: [], gemeente: "Aadorp")
    }
}
