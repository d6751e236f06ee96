/// A rectangle of cells, bounds inclusive, counted from 0 (row 0 is Excel's row 1, column 0 is A).
public struct CellRange: Sendable, Equatable, Hashable {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    /// - Parameters:
    ///   - rows: the rows covered, from 0.
    ///   - columns: the columns covered, from 0.
    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        firstRow = rows.lowerBound
        lastRow = rows.upperBound
        firstColumn = columns.lowerBound
        lastColumn = columns.upperBound
    }

    /// Whether every bound lies inside a sheet's limits.
    var isInsideSheet: Bool {
        firstRow >= 0 && firstColumn >= 0 && lastRow < CellReference.maxRows && lastColumn < CellReference.maxColumns
    }

    /// Whether the two ranges share a cell.
    func overlaps(_ other: CellRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }

    /// The A1-style reference, e.g. `A1:D1`.
    var reference: String {
        CellReference.name(row: firstRow, column: firstColumn) + ":" + CellReference.name(row: lastRow, column: lastColumn)
    }
}
