/// One sheet of a `Workbook`. Rows and columns are counted from 0 everywhere in this API (row 0
/// is Excel's row 1, column 0 is column A).
public struct Worksheet: Sendable, Equatable {
    /// The tab name: 1-31 characters, none of `: \ / ? * [ ]`, no control characters, not
    /// starting or ending with `'`, not `History`, unique in the workbook ignoring case. Use
    /// `safeName(_:taken:)` to make one from free text.
    public var name: String
    /// The cells, row by row; rows may differ in length (missing cells are empty).
    public var rows: [[WorkbookCell]]
    /// Column widths in Excel's units (characters of the default font's digit), 0-255, from
    /// column 0 on. `nil` fits every column to its content; columns past the end of the array
    /// are fitted too.
    public var columnWidths: [Double]?
    /// The number of rows at the top that stay in view when scrolling (0: none).
    public var frozenRows: Int
    /// The number of columns at the left that stay in view when scrolling (0: none).
    public var frozenColumns: Int
    /// Prints in landscape orientation (always on A4).
    public var landscape: Bool
    /// Prints every column on one page width, as many pages high as needed.
    public var fitToWidth: Bool
    /// Rows repeated at the top of every printed page (print titles), usually the header row.
    public var repeatRows: ClosedRange<Int>?
    /// Prints the cell grid lines.
    public var printGridLines: Bool
    /// Merged cell ranges; they must not overlap. The merged area shows its top-left cell.
    public var merges: [CellRange]

    /// - Parameters:
    ///   - name: the tab name (see `name`).
    ///   - rows: the cells, row by row.
    ///   - columnWidths: fixed widths, or `nil` to fit to the content.
    ///   - frozenRows: rows kept in view at the top.
    ///   - frozenColumns: columns kept in view at the left.
    ///   - landscape: landscape instead of portrait A4.
    ///   - fitToWidth: scale the print to one page wide.
    ///   - repeatRows: rows printed at the top of every page.
    ///   - printGridLines: print the grid lines.
    ///   - merges: merged ranges.
    public init(
        name: String, rows: [[WorkbookCell]], columnWidths: [Double]? = nil, frozenRows: Int = 0, frozenColumns: Int = 0,
        landscape: Bool = false, fitToWidth: Bool = false, repeatRows: ClosedRange<Int>? = nil,
        printGridLines: Bool = false, merges: [CellRange] = []
    ) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.landscape = landscape
        self.fitToWidth = fitToWidth
        self.repeatRows = repeatRows
        self.printGridLines = printGridLines
        self.merges = merges
    }

    /// The widest row's length.
    var columnCount: Int { rows.reduce(0) { max($0, $1.count) } }
}
