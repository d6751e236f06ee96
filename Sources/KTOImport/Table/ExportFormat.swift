/// The shapes of data file kto reads: CSV as most tools write it, the CSV exports of three survey
/// platforms, SPSS system files and Excel workbooks.
public enum ExportFormat: String, Sendable, Equatable, CaseIterable {
    /// Delimited text with one header row of variable names.
    case plain
    /// Qualtrics "Data & Analysis" CSV: names, question texts and `{"ImportId":…}` rows.
    case qualtrics
    /// LimeSurvey "Export responses" CSV: `id`, `submitdate`, `lastpage`, `startlanguage`, ….
    case limesurvey
    /// SurveyMonkey "All individual responses" CSV: question row and option row.
    case surveymonkey
    case sav
    case zsav
    case xlsx

    /// The formats a user may name for a CSV file (`format =`, `--format`).
    public static let csvFormats: [ExportFormat] = [.plain, .qualtrics, .limesurvey, .surveymonkey]

    /// A format as a user writes it (`qualtrics`, `LimeSurvey`, `csv` for plain), or nil.
    public init?(userName: String) {
        let key = userName.lowercased().filter { $0.isLetter }
        switch key {
        case "plain", "csv", "gewoon", "standaard": self = .plain
        case "qualtrics": self = .qualtrics
        case "limesurvey", "lime": self = .limesurvey
        case "surveymonkey", "monkey": self = .surveymonkey
        case "sav", "spss": self = .sav
        case "zsav": self = .zsav
        case "xlsx", "excel": self = .xlsx
        default: return nil
        }
    }

    /// Whether the format is a CSV file (plain or a platform's).
    public var isCSV: Bool { Self.csvFormats.contains(self) }

    /// The format's name in messages.
    public var displayName: String {
        switch self {
        case .plain: return "CSV"
        case .qualtrics: return "Qualtrics-CSV"
        case .limesurvey: return "LimeSurvey-CSV"
        case .surveymonkey: return "SurveyMonkey-CSV"
        case .sav: return "SPSS .sav"
        case .zsav: return "SPSS .zsav"
        case .xlsx: return "Excel .xlsx"
        }
    }
}
