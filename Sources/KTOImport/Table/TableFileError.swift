/// Why a data file could not be read as a table. The readers' own errors travel inside, so a
/// caller sees one error type whatever the file; every message (in Dutch) is here or in the
/// reader's error type.
public enum TableFileError: Error, Sendable, Equatable {
    /// The CSV file cannot be read (unterminated quote, empty file, duplicate column, …).
    case csv(ImportError)
    case sav(SAVError)
    case xlsx(XLSXError)
    /// An .xls or .ods file: kto reads only .xlsx.
    case unsupportedSpreadsheet(file: String, extension: String)
    /// A sheet was asked for, but the file is not a workbook.
    case sheetWithoutWorkbook(file: String, sheet: String)
    /// A CSV platform format was asked for, but the file is not a CSV file.
    case formatNeedsCSV(file: String, format: ExportFormat, actual: ExportFormat)
    /// The platform's extra header rows are missing (the file ends first).
    case missingHeaderRows(file: String, format: ExportFormat, needed: Int, found: Int)
    /// A platform format was given, but the header lacks that platform's columns.
    case notThisFormat(file: String, format: ExportFormat, missing: [String])
    /// Two columns have the same name after the platform's names were read.
    case duplicateColumn(file: String, name: String)
    /// More cells than a table may hold.
    case tooLarge(file: String, cells: Int, limit: Int)
}

extension TableFileError: Diagnostic {
    public var location: SourceLocation? {
        if case .csv(let error) = self { return error.location }
        return nil
    }

    public var lineText: String? {
        if case .csv(let error) = self { return error.lineText }
        return nil
    }

    /// The message in Dutch. For CSV errors without the place (it is in `location`); for the
    /// others starting with the file.
    public var message: String {
        switch self {
        case .csv(let error): return error.message
        case .sav(let error): return error.message
        case .xlsx(let error): return error.message
        case .unsupportedSpreadsheet(let file, let ext):
            return "\(file): .\(ext)-bestanden kan kto niet lezen; open het bestand in Excel of LibreOffice en sla het op als "
                + "Excel-werkmap (.xlsx) of als CSV (puntkomma-gescheiden)"
        case .sheetWithoutWorkbook(let file, let sheet):
            return "\(file): een werkblad ('\(sheet)') kan alleen bij een .xlsx-werkmap worden gekozen"
        case .formatNeedsCSV(let file, let format, let actual):
            return "\(file): formaat \(format.rawValue) is een CSV-export, maar dit bestand is \(actual.displayName)"
        case .missingHeaderRows(let file, let format, let needed, let found):
            return "\(file): een \(format.displayName) heeft \(needed) kopregels onder de namen, dit bestand \(found); "
                + "is het bestand ingekort of is het geen \(format.displayName)?"
        case .notThisFormat(let file, let format, let missing):
            return "\(file): dit lijkt geen \(format.displayName): de kopregel mist \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                + "laat het formaat weg (kto herkent het zelf) of kies plain"
        case .duplicateColumn(let file, let name):
            return "\(file): kolomnaam '\(name)' komt twee keer voor"
        case .tooLarge(let file, let cells, let limit):
            return "\(file): het bestand is te groot om als tabel te lezen: \(cells) cellen, meer dan \(limit)"
        }
    }
}
