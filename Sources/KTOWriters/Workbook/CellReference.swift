/// A1-style names of cells and columns, and the sheet limits of the `.xlsx` format.
enum CellReference {
    /// Rows in a sheet (Excel 2007 and later).
    static let maxRows = 1_048_576
    /// Columns in a sheet (A to XFD).
    static let maxColumns = 16_384

    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
    static func column(_ index: Int) -> String {
        String(unsafeUninitializedCapacity: 16) { letters(index, into: $0) }
    }

    /// The cell's name: row 0, column 0 → `A1`. Written straight into a small string.
    static func name(row: Int, column: Int) -> String {
        String(unsafeUninitializedCapacity: 40) { write(row: row, column: column, into: $0) }
    }

    /// Appends the cell's name (as `name`) to `out`: every cell of a sheet has one.
    static func append(row: Int, column: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            let count = write(row: row, column: column, into: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes the cell's name at the start of `buffer` (40 bytes); its length.
    private static func write(row: Int, column: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let count = letters(column, into: buffer)
        var n = UInt(max(row, 0)) + 1
        var digits = 0
        var rest = n
        repeat { digits += 1; rest /= 10 } while rest > 0
        for k in stride(from: count + digits - 1, through: count, by: -1) {
            buffer[k] = 0x30 + UInt8(n % 10)
            n /= 10
        }
        return count + digits
    }

    /// Writes the column's letters (bijective base 26) at the start of `buffer`; their count.
    private static func letters(_ index: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = max(index, 0) + 1
        var count = 0
        while n > 0 {
            buffer[count] = UInt8(65 + (n - 1) % 26)
            count += 1
            n = (n - 1) / 26
        }
        buffer[0..<count].reverse()
        return count
    }
}
