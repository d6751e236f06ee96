/// Why a workbook cannot be written. Rows and columns are counted from 0, as in `Worksheet`;
/// the Dutch `description` names cells the Excel way (B3).
public enum WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The workbook has no sheets (an `.xlsx` needs at least one).
    case noSheets
    /// A sheet name breaks Excel's rules.
    case invalidSheetName(String, problem: SheetNameProblem)
    /// Two sheets have the same name, ignoring case.
    case duplicateSheetName(String)
    /// The sheet has more than 1,048,576 rows.
    case tooManyRows(sheet: String, count: Int)
    /// A row has more than 16,384 cells.
    case tooManyColumns(sheet: String, row: Int, count: Int)
    /// A number cell holds NaN or infinity.
    case nonFiniteNumber(sheet: String, row: Int, column: Int)
    /// A link cell names a sheet that the workbook does not have.
    case unknownLinkTarget(sheet: String, row: Int, column: Int, target: String)
    /// A fixed column width is negative, over 255 or not finite.
    case invalidColumnWidth(sheet: String, column: Int, width: Double)
    /// The frozen rows or columns are negative or beyond the sheet's limits.
    case invalidFrozenPane(sheet: String, rows: Int, columns: Int)
    /// The print-title rows lie outside the sheet's limits.
    case invalidRepeatRows(sheet: String, rows: ClosedRange<Int>)
    /// A merged range is empty or lies outside the sheet's limits.
    case invalidMerge(sheet: String, range: CellRange)
    /// Two merged ranges share a cell.
    case overlappingMerges(sheet: String, first: CellRange, second: CellRange)
    /// The zip container cannot be written.
    case archive(ZipError)

    public var description: String {
        switch self {
        case .noSheets: return "werkmap heeft geen werkbladen"
        case .invalidSheetName(let name, let problem): return "ongeldige naam van werkblad '\(name)': \(problem)"
        case .duplicateSheetName(let name): return "naam van werkblad '\(name)' komt twee keer voor (hoofdletters tellen niet mee)"
        case .tooManyRows(let sheet, let count):
            return "werkblad '\(sheet)' heeft \(count) rijen; Excel staat er hoogstens \(CellReference.maxRows) toe"
        case .tooManyColumns(let sheet, let row, let count):
            return "werkblad '\(sheet)', rij \(row + 1) heeft \(count) cellen; Excel staat er hoogstens \(CellReference.maxColumns) toe"
        case .nonFiniteNumber(let sheet, let row, let column):
            return "werkblad '\(sheet)', cel \(CellReference.name(row: row, column: column)): getal is geen eindige waarde (NaN of oneindig)"
        case .unknownLinkTarget(let sheet, let row, let column, let target):
            return "werkblad '\(sheet)', cel \(CellReference.name(row: row, column: column)): koppeling naar werkblad '\(target)', dat niet bestaat"
        case .invalidColumnWidth(let sheet, let column, let width):
            return "werkblad '\(sheet)', kolom \(CellReference.column(column)): breedte \(width) ligt niet tussen 0 en 255"
        case .invalidFrozenPane(let sheet, let rows, let columns):
            return "werkblad '\(sheet)': \(rows) vaste rijen en \(columns) vaste kolommen vallen buiten het werkblad"
        case .invalidRepeatRows(let sheet, let rows):
            return "werkblad '\(sheet)': af te drukken titelrijen \(rows.lowerBound + 1)-\(rows.upperBound + 1) vallen buiten het werkblad"
        case .invalidMerge(let sheet, let range):
            return "werkblad '\(sheet)': samengevoegd bereik (rij \(range.firstRow + 1)-\(range.lastRow + 1), kolom \(range.firstColumn + 1)-\(range.lastColumn + 1)) is leeg of valt buiten het werkblad"
        case .overlappingMerges(let sheet, let first, let second):
            return "werkblad '\(sheet)': samengevoegde bereiken \(first.reference) en \(second.reference) overlappen"
        case .archive(let error): return error.description
        }
    }
}
