/// Why an .xlsx workbook could not be read as a table. Every case names the file as the user
/// gave it; cell references are like `C1`.
public enum XLSXError: Error, Sendable, Equatable {
    /// The file could not be opened or read.
    case unreadableFile(file: String, reason: String)
    /// Not a zip archive, so not an .xlsx file.
    case notXLSX(file: String)
    /// An encrypted OLE2 compound file or encrypted zip entries: protected with a password.
    case passwordProtected(file: String)
    /// The zip archive is damaged or refused (zip bomb caps).
    case archive(file: String, ZipError)
    /// A part the workbook needs is not in the archive.
    case missingPart(file: String, part: String)
    /// A part is not well-formed XML, or an element lacks what it must have.
    case malformedXML(file: String, part: String, offset: Int, detail: String)
    case noSheets(file: String)
    case sheetNotFound(file: String, sheet: String, available: [String])
    /// The sheet has no non-empty row to take the column names from.
    case emptySheet(file: String, sheet: String)
    /// A header cell is empty while its column has data.
    case emptyHeader(file: String, sheet: String, cell: String)
    case duplicateHeader(file: String, sheet: String, name: String, cell: String, firstCell: String)
    /// A cell whose content cannot be understood (a shared-string index out of range, a bad
    /// reference, an unparsable number).
    case badCell(file: String, sheet: String, cell: String, detail: String)
    /// More rows, columns or cells than a table may have.
    case tooLarge(file: String, sheet: String, detail: String)
}

extension XLSXError: Diagnostic {
    public var location: SourceLocation? { nil }
    public var lineText: String? { nil }

    /// The message in Dutch, starting with the file (and sheet and cell where known).
    public var message: String {
        switch self {
        case .unreadableFile(let file, let reason):
            return "\(file): bestand kan niet worden gelezen: \(reason)"
        case .notXLSX(let file):
            return "\(file): bestand is geen .xlsx-werkmap (geen zip-archief), of het is afgebroken"
        case .passwordProtected(let file):
            return "\(file): werkmap is beveiligd met een wachtwoord (versleuteld); sla hem in Excel op zonder"
                + " wachtwoord (Bestand > Info > Werkmap beveiligen) en probeer het opnieuw"
        case .archive(let file, let error):
            return "\(file): \(error.message)"
        case .missingPart(let file, let part):
            return "\(file): werkmap is onvolledig: onderdeel '\(part)' ontbreekt"
        case .malformedXML(let file, let part, let offset, let detail):
            return "\(file): onderdeel '\(part)' is geen geldige XML bij byte \(offset): \(detail)"
        case .noSheets(let file):
            return "\(file): werkmap bevat geen werkbladen"
        case .sheetNotFound(let file, let sheet, let available):
            let list = available.map { "'\($0)'" }.joined(separator: ", ")
            return "\(file): werkblad '\(sheet)' bestaat niet; de werkmap heeft: \(list)"
        case .emptySheet(let file, let sheet):
            return "\(file):\(sheet): werkblad is leeg: er is geen kopregel met variabelenamen"
        case .emptyHeader(let file, let sheet, let cell):
            return "\(file):\(sheet)!\(cell): kopcel is leeg, maar de kolom eronder bevat gegevens; geef de kolom een naam"
        case .duplicateHeader(let file, let sheet, let name, let cell, let firstCell):
            return "\(file):\(sheet)!\(cell): kolomnaam '\(name)' komt twee keer voor in de kopregel (eerst in \(firstCell))"
        case .badCell(let file, let sheet, let cell, let detail):
            return "\(file):\(sheet)!\(cell): cel kan niet worden gelezen: \(detail)"
        case .tooLarge(let file, let sheet, let detail):
            return "\(file):\(sheet): werkblad is te groot: \(detail)"
        }
    }
}
