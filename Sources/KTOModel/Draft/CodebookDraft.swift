import KTOImport

/// A first codebook and study file drawn from a data file (`kto init`): every column's type
/// guessed from its values and labels, question texts from variable labels or a platform's
/// question row, labels and missing codes from the file, the gemeenten from the group variable.
/// What cannot be decided from the data (a statement's polarity, the populations, a guess between
/// two types) is marked to check.
///
/// Pure: it reads a `TableFileResult` and writes nothing; `codebookText()` and
/// `studyText(...)` give the files.
public struct CodebookDraft: Sendable, Equatable {
    /// One row of the codebook.
    public struct Entry: Sendable, Equatable {
        public var variable: String
        public var type: VariableType
        public var chapter = ""
        public var section = ""
        public var text = ""
        /// The `values` cell as written (empty: the type's default).
        public var values = ""
        public var labels: [ValueLabel] = []
        /// Missing codes; an empty label writes the code alone.
        public var missing: [ValueLabel] = []
        public var polarity = ""
        public var scale = ""
        public var columns: [OptionColumn] = []
        /// What the analyst should check, in Dutch.
        public var checks: [String] = []

        public init(variable: String, type: VariableType) {
            self.variable = variable
            self.type = type
        }
    }

    /// A column of the data that is not in the codebook, and why.
    public struct Omission: Error, Sendable, Equatable {
        public var column: String
        public var reason: String

        public init(column: String, reason: String) {
            self.column = column
            self.reason = reason
        }
    }

    /// The data file as the study names it.
    public var source: String
    public var format: ExportFormat
    public var entries: [Entry]
    public var groupVariable: String
    /// The gemeenten, in the order of `[population]`.
    public var groups: [String]
    public var omitted: [Omission]
    /// What to check that belongs to no single variable, in Dutch.
    public var studyChecks: [String]
    /// Respondents in the file (after left-out rows) and the rows left out.
    public var respondents: Int
    public var leftOutRows: Int

    /// Every check, for the terminal: the study's first, then per variable `name: note`.
    public var checks: [String] {
        studyChecks + entries.flatMap { entry in entry.checks.map { "\(entry.variable): \($0)" } }
    }

    /// The names a column may have to be the group variable.
    static let groupNames: Set<String> = [
        "gemeente", "gemeentenaam", "gemeentecode", "gemeente_naam", "gemeente_code", "municipality", "gem", "woongemeente",
    ]

    /// The names a column may have to be the respondent id (compared without `_`, `-` and spaces).
    static let idNames: Set<String> = [
        "id", "respnr", "respondent", "respondentnr", "respondentnummer", "respondentid", "responseid", "resp", "respid",
        "volgnr", "volgnummer", "caseid", "recordid", "nr",
    ]

    /// Rows left out, counted by reason in Dutch: "niet afgemaakt 3, onleesbare regel 1".
    public static func leftOutSummary(_ rows: [LeftOutRow]) -> String {
        var counts: [(String, Int)] = []
        for row in rows {
            let reason: String
            switch row.reason {
            case .notFinished: reason = "niet afgemaakt"
            case .notSubmitted: reason = "niet verstuurd"
            case .wrongFieldCount, .textAfterQuote: reason = "onleesbare regel"
            }
            if let k = counts.firstIndex(where: { $0.0 == reason }) { counts[k].1 += 1 } else { counts.append((reason, 1)) }
        }
        return counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// Draws the codebook from `result`.
    /// - Parameter group: the group variable's column (case-insensitive); nil = found by name.
    /// - Throws: `CodebookDraftError` when there is no group variable or it holds nothing.
    public static func make(from result: TableFileResult, group: String? = nil) throws(CodebookDraftError) -> CodebookDraft {
        var builder = DraftBuilder(result: result)
        return try builder.build(group: group)
    }
}

/// Why `kto init` cannot draw a codebook.
public enum CodebookDraftError: Error, Sendable, Equatable {
    /// `--group NAME` names no column; `columns` are the candidates.
    case groupNotFound(name: String, candidates: [String])
    /// No column looks like the gemeente; `candidates` are columns that could be.
    case noGroupColumn(file: String, candidates: [String])
    /// The group column has no value in any row.
    case groupWithoutValues(name: String)
    /// The file has no column or no respondent.
    case emptyTable(file: String)

    /// The message in Dutch.
    public var message: String {
        func list(_ names: [String]) -> String {
            names.isEmpty ? "geen" : names.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 12 ? ", …" : "")
        }
        switch self {
        case .groupNotFound(let name, let candidates):
            return "kolom '\(name)' (--group) staat niet in de data; kolommen die de gemeente kunnen zijn: \(list(candidates))"
        case .noGroupColumn(let file, let candidates):
            return "\(file): geen kolom gevonden die de gemeente aangeeft (zoals 'gemeente'); kies er een met --group, "
                + "bijvoorbeeld een van: \(list(candidates))"
        case .groupWithoutValues(let name):
            return "de groepsvariabele '\(name)' is in geen enkele rij ingevuld"
        case .emptyTable(let file):
            return "\(file): het bestand bevat geen respondenten of geen kolommen; er valt geen codeboek uit op te maken"
        }
    }
}
