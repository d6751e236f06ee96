import KTOImport

/// The Dutch wording of the data-quality findings, in one place.
extension DataQuality.Finding: Diagnostic, CustomStringConvertible {
    /// `file:line:column: message`.
    public var description: String { (location.map { "\($0): " } ?? "") + message }

    public var location: SourceLocation? {
        switch self {
        case .unreadableShare(let file, let issues, _), .strictCells(let file, let issues):
            guard let first = issues.values.first else { return SourceLocation(file: file, line: 1) }
            var location = SourceLocation(file: file, line: first.line, column: first.column)
            location.table = first.table
            return location
        case .unknownGroups(_, _, _, let files), .vanishedGroup(_, _, _, let files):
            return files.first.map { SourceLocation(file: $0, line: 1) }
        case .unknownColumns(let file, _, _):
            return SourceLocation(file: file, line: 1)
        }
    }

    public var lineText: String? { nil }

    public var message: String {
        switch self {
        case .unreadableShare(let file, let issues, let threshold):
            let percent = Int((issues.share * 100).rounded())
            return "variabele '\(issues.variable)': \(issues.total) van de \(issues.nonEmpty) ingevulde cellen (\(percent)%) zijn onbruikbaar, meer dan de drempel van \(Self.number(threshold))% (unreadable in [thresholds]). Meest voorkomend: \(Self.values(issues, file: file)). \(Self.fix(issues))"
        case .strictCells(let file, let issues):
            return "variabele '\(issues.variable)': \(issues.total) onbruikbare cellen (--strict maakt elke onbruikbare cel fataal): \(Self.values(issues, file: file)). \(Self.fix(issues))"
        case .unknownGroups(let meting, let counts, let rowsRead, _):
            let total = counts.reduce(0) { $0 + $1.count }
            return "meting \(meting): \(total) van de \(rowsRead) rijen hebben een gemeente die niet in [population] van de studie staat (\(Self.groups(counts))); meer dan \(Int(DataQuality.maximumUnknownGroupShare * 100))% van de rijen zou wegvallen. Controleer de namen en codes van de gemeenten in de data, het codeboek (labels van de groepsvariabele) en [population]."
        case .vanishedGroup(let meting, let group, let unknown, _):
            let hint = unknown.isEmpty ? "" : " Wel staan er rijen met onbekende gemeenten in: \(Self.groups(unknown)); is '\(group)' in deze meting anders geschreven?"
            return "meting \(meting) heeft geen enkele respondent van '\(group)'; een vergelijking zonder die gemeente zou een ander totaal vergelijken.\(hint) Controleer de gemeenten in de data en in het codeboek."
        case .unknownColumns(_, let columns, let suggestions):
            let listed = columns.map { column in suggestions[column].map { "'\(column)' (lijkt op '\($0)' uit het codeboek)" } ?? "'\(column)'" }
            return "kolommen die niet in het codeboek staan, worden genegeerd: \(listed.joined(separator: ", "))"
        }
    }

    static func values(_ issues: RowLedger.CellIssues, file: String) -> String {
        issues.values.prefix(5).map { "'\($0.value)' \($0.count)× (\($0.place(file: file)))" }.joined(separator: ", ")
    }

    static func groups(_ counts: [(value: String, count: Int)]) -> String {
        counts.prefix(8).map { "'\($0.value)' \($0.count)×" }.joined(separator: ", ")
    }

    static func fix(_ issues: RowLedger.CellIssues) -> String {
        if issues.outOfRange > issues.unreadable {
            return "Waarschijnlijke oplossing: controleer de geldige waarden (kolom values) en de ontbrekende codes (kolom missing) van '\(issues.variable)' in het codeboek."
        }
        return "Waarschijnlijke oplossing: zet de antwoorden zoals ze in de data staan als labels in het codeboek (kolom labels), bijvoorbeeld 1=Helemaal mee oneens|2=Mee oneens|3=Neutraal|4=Mee eens|5=Helemaal mee eens."
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}
