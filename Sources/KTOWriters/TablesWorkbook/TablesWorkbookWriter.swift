import KTOAnalysis
import KTOReport

/// The tables book as one Excel workbook (`tabellenboek.xlsx`), rendered from the report models
/// as the HTML writer renders them: the organisation's report and one annex per gemeente.
///
/// Sheets: `Inhoud` (a link to every sheet and how to read them), `Respons`, `Werkwijze` (the
/// report's method and explanations as text), one sheet per chapter with items (the total in
/// every meting side by side, then the benchmarks), the coded open questions, the closed
/// multi-select questions, the uncoded open questions, the quotes, one sheet per breakdown
/// variable, and one sheet per gemeente (`Bijlage …`: the gemeente in every meting beside the
/// total, as its annex report).
///
/// Every figure is a number cell holding the model's exact value, shown through a number format
/// (grades `0.0`; percentages on the 0-100 scale of results.csv, shown whole with a % sign), with
/// its n and a note column beside it. Writers never compute: the few percentages the model
/// derives (`% met antwoord`) are its own.
public struct TablesWorkbookWriter: Sendable {
    /// The file name in the report folder.
    public static let fileName = "tabellenboek.xlsx"

    public init() {}

    /// The workbook of `report` and its `annexes` (one report per gemeente, any order).
    public func workbook(_ report: ReportModel, annexes: [ReportModel] = []) -> Workbook {
        var pending: [(sheet: PendingSheet, wanted: String, about: String)] = []
        func add(_ sheet: Worksheet, wanted: String, about: String) {
            pending.append((.ready(sheet), wanted, about))
        }
        func add(_ table: TableSheet?, wanted: String, about: String) {
            if let table { pending.append((.table(table), wanted, about)) }
        }
        let marksKey = report.marksKey
        add(responseSheet(report), wanted: "Respons", about: "Aangeschreven klanten, respondenten, respons en foutmarge, totaal en per gemeente.")
        if let method = methodSheet(report) {
            add(method, wanted: "Werkwijze", about: "De onderzoeksverantwoording en de toelichtingen bij de tabellen, als tekst.")
        }
        for chapter in report.chapters {
            add(chapterSheet(chapter, note: "Totaal van de organisatie per meting, en de vergelijkingsgroepen. " + marksKey), wanted: chapter.title,
                about: "\(chapter.title): elk rapportcijfer, elke stelling en elke antwoordverdeling; het totaal in elke meting naast elkaar en de vergelijkingsgroepen, met n.")
        }
        add(answersSheet(report, closed: false, note: "Per genoemd punt het % van de klanten die ten minste één punt noemden (n = dat aantal); een klant kan meer punten noemen. " + marksKey),
            wanted: "Open vragen", about: "Gecodeerde open vragen: per genoemd punt het percentage, totaal, per gemeente en per meting, met n.")
        add(answersSheet(report, closed: true, note: "Per antwoord het % van de klanten in n (zie de toelichting bij de vraag in Werkwijze); meer antwoorden mogelijk. " + marksKey),
            wanted: "Meerkeuzevragen", about: "Meerkeuzevragen (meer antwoorden mogelijk): per antwoord het percentage, totaal, per gemeente en per meting, met n.")
        add(uncodedSheet(report), wanted: "Open vragen niet gecodeerd", about: "Open vragen zonder codering: per groep hoeveel klanten iets schreven.")
        add(quotesSheet(report), wanted: "Citaten", about: "Geanonimiseerde citaten bij de open vragen.")
        add(prioritiesSheet(report), wanted: "Prioriteitenmatrix", about: "Per aspect het rapportcijfer, het belang voor het totaaloordeel en het kwadrant.")
        let breakdownNote = "Per categorie het cijfer met n; +/− = significant hoger/lager dan de rest van de respondenten. " + BreakdownTable.lettersKey + " * indicatief, – te weinig waarnemingen."
        for sheet in breakdownSheets(report, note: breakdownNote) {
            add(sheet, wanted: sheet.title, about: "\(sheet.title): elk rapportcijfer en elke stelling per categorie, met n.")
        }
        for annex in annexes {
            guard let gemeente = annex.gemeente else { continue }
            add(annexSheet(annex), wanted: "Bijlage \(gemeente)", about: "\(gemeente) in elke meting naast het totaal van de organisatie (indicatief).")
        }
        // The tables laid out (widths, heights, merges) on all cores; the names given in order.
        let queued = pending
        let sheets = parallelMap(queued.count) { k -> Worksheet in
            switch queued[k].sheet {
            case .ready(let sheet): return sheet
            case .table(let table): return table.worksheet(name: "")
            }
        }
        var taken: Set<String> = [Self.contentsName]
        var named: [(name: String, about: String, sheet: Worksheet)] = []
        for (k, entry) in pending.enumerated() {
            let name = Worksheet.safeName(entry.wanted, taken: taken)
            taken.insert(name)
            var sheet = sheets[k]
            sheet.name = name
            named.append((name, entry.about, sheet))
        }
        let contents = contentsSheet(report, entries: named.map { ($0.name, $0.about) })
        return Workbook(sheets: [contents] + named.map(\.sheet), creator: "kto", title: "Tabellenboek: \(report.title)")
    }

    /// A sheet of the book before it has its name: made, or a table still to be laid out.
    enum PendingSheet: Sendable {
        case ready(Worksheet)
        case table(TableSheet)
    }

    /// The `.xlsx` file.
    /// - Throws: `WorkbookError` only if the model holds what a workbook cannot (a non-finite figure).
    public func bytes(_ report: ReportModel, annexes: [ReportModel] = []) throws(WorkbookError) -> [UInt8] {
        try WorkbookWriter.bytes(workbook(report, annexes: annexes))
    }
}
