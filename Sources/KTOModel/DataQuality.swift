/// Whether the data of a study can carry a report: what the ledgers say, judged once.
///
/// A report is a claim. Answers kto could not read, a gemeente that vanished from a meting, or
/// rows of gemeenten the study does not know would give a finished report with wrong figures;
/// such findings are `problems` and stop the report. `warnings` are shown with the ledger and
/// stop the report only under `--strict`, which makes every unusable cell, rejected row and
/// warning fatal.
public struct DataQuality: Sendable, Equatable {
    public enum Finding: Sendable, Equatable {
        /// More of a variable's non-empty cells were unusable than the threshold allows.
        case unreadableShare(file: String, issues: RowLedger.CellIssues, thresholdPercent: Double)
        /// Rows of gemeenten the study does not know: more than `maximumUnknownGroupShare` of a
        /// meting's rows.
        case unknownGroups(meting: String, counts: [(value: String, count: Int)], rowsRead: Int, files: [String])
        /// A gemeente of the study without any respondent in a meting.
        case vanishedGroup(meting: String, group: String, unknown: [(value: String, count: Int)], files: [String])
        /// Under --strict: unusable cells of a variable.
        case strictCells(file: String, issues: RowLedger.CellIssues)
        /// Columns of the data that the codebook does not describe (ignored).
        case unknownColumns(file: String, columns: [String], suggestions: [String: String])

        public static func == (a: Finding, b: Finding) -> Bool { a.message == b.message && a.location == b.location }
    }

    public var problems: [Finding] = []
    public var warnings: [Finding] = []

    /// A meting may lose at most this share of its rows to unknown gemeenten.
    public static let maximumUnknownGroupShare = 0.02

    public init() {}

    /// Judges the ledgers of a study's data.
    /// - Parameters:
    ///   - respondents: per meting, the respondents per gemeente (study order).
    public init(ledgers: [RowLedger], study: Study, codebook: Codebook, respondents: [String: [Int]], strict: Bool) {
        let threshold = study.thresholds.unreadablePercent
        for ledger in ledgers {
            for issues in ledger.cellIssues {
                if issues.share * 100 > threshold {
                    problems.append(.unreadableShare(file: ledger.file, issues: issues, thresholdPercent: threshold))
                } else if strict {
                    problems.append(.strictCells(file: ledger.file, issues: issues))
                }
            }
            if !ledger.unknownColumns.isEmpty {
                var suggestions: [String: String] = [:]
                let names = codebook.variables.map(\.code)
                for column in ledger.unknownColumns {
                    if let near = NameSuggestion.nearest(column, in: names) { suggestions[column] = near }
                }
                warnings.append(.unknownColumns(file: ledger.file, columns: ledger.unknownColumns, suggestions: suggestions))
            }
        }
        var metingen: [String] = []
        for ledger in ledgers where !metingen.contains(ledger.meting) { metingen.append(ledger.meting) }
        for meting in metingen {
            let own = ledgers.filter { $0.meting == meting }
            var counts: [String: Int] = [:]
            var order: [String] = []
            for ledger in own {
                for rejection in ledger.rejections {
                    guard case .unknownGroup(let value) = rejection.reason else { continue }
                    if counts[value] == nil { order.append(value) }
                    counts[value, default: 0] += 1
                }
            }
            let unknown = order.map { (value: $0, count: counts[$0] ?? 0) }.sorted { $0.count > $1.count }
            let rowsRead = own.reduce(0) { $0 + $1.rowsRead }
            let files = own.map(\.file)
            // A gemeente the study says was not part of that meting (`ontbreekt =` in [groups]) may be absent.
            let absent = study.previousMetingen.first { $0.meting == meting }?.absentGroups ?? []
            for (g, group) in study.groups.enumerated() where (respondents[meting]?[g] ?? 0) == 0 && !absent.contains(g) {
                problems.append(.vanishedGroup(meting: meting, group: group.name, unknown: unknown, files: files))
            }
            let unknownRows = unknown.reduce(0) { $0 + $1.count }
            if rowsRead > 0, Double(unknownRows) > Self.maximumUnknownGroupShare * Double(rowsRead) {
                problems.append(.unknownGroups(meting: meting, counts: unknown, rowsRead: rowsRead, files: files))
            }
        }
        if strict {
            problems += warnings
            warnings = []
        }
    }
}
