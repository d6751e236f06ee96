/// How the tables book is delivered (`tables =` in the study file): one Excel workbook
/// (`tabellenboek.xlsx`, the default), the folder of CSV files (`tables/*.csv`), or both.
public enum TablesFormat: String, Sendable, Equatable, CaseIterable {
    case xlsx
    case csv
    case both

    /// The value as written in a study file: `csv`, `xlsx` or `both` (also `beide`), any case.
    public init?(studyValue: String) {
        switch studyValue.lowercased() {
        case "xlsx", "excel": self = .xlsx
        case "csv": self = .csv
        case "both", "beide": self = .both
        default: return nil
        }
    }

    /// Whether the CSV files are written.
    public var includesCSV: Bool { self != .xlsx }
    /// Whether the workbook is written.
    public var includesWorkbook: Bool { self != .csv }
}
