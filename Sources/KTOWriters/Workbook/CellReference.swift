/// A1-style names of cells and columns, and the sheet limits of the `.xlsx` format.
enum CellReference {
    /// Rows in a sheet (Excel 2007 and later).
    static let maxRows = 1_048_576
    /// Columns in a sheet (A to XFD).
    static let maxColumns = 16_384

    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
    static func column(_ index: Int) -> String {
        var n = max(index, 0) + 1
        var letters: [Unicode.Scalar] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Unicode.Scalar(UInt8(65 + digit)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(letters.reversed()))
    }

    /// The cell's name: row 0, column 0 → `A1`.
    static func name(row: Int, column: Int) -> String { Self.column(column) + String(row + 1) }
}
