/// Numbers the distinct keys of a pass over the rows 0, 1, 2, … in the order they first occur.
/// The keys are mixed-radix numbers of a row's categories (gemeente, breakdown categories, design
/// group): while their range is small next to the rows, a flat table answers each row with one
/// load; otherwise a dictionary does.
struct CellIndex {
    private var table: [Int32]
    private var dictionary: [Int: Int32] = [:]
    private(set) var count = 0

    /// - Parameters:
    ///   - keys: every key lies in 0..<keys (`Int.max` when the range overflowed).
    ///   - rows: the rows to come; the table is used only when it is no larger than a few per row
    ///     (and 16 M entries at most), so its size never runs ahead of the data.
    init(keys: Int, rows: Int) {
        let flat = keys >= 0 && keys <= max(1 << 16, min(4 * rows, 1 << 24))
        table = flat ? [Int32](repeating: -1, count: keys) : []
    }

    /// The number of `key`, and whether it is new.
    mutating func cell(for key: Int) -> (cell: Int32, isNew: Bool) {
        if key >= 0 && key < table.count {
            let known = table[key]
            if known >= 0 { return (known, false) }
            let cell = Int32(truncatingIfNeeded: count)
            table[key] = cell
            count += 1
            return (cell, true)
        }
        if let known = dictionary[key] { return (known, false) }
        let cell = Int32(truncatingIfNeeded: count)
        dictionary[key] = cell
        count += 1
        return (cell, true)
    }
}
