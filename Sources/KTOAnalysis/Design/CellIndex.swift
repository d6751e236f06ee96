import KTOModel

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

/// The mixed-radix keys of every row (gemeente, breakdown categories, design group), built one
/// part at a time in a pass over the rows each. Where the next radix would overflow the range of
/// the keys, the keys so far are first renumbered in the order they first occur (at most one
/// number per row); the cells numbered from the final keys come out in the same order either
/// way, since a key first occurs where its renumbered key does.
struct RowKeys {
    private(set) var keys: [Int]
    /// Every key lies in 0..<range.
    private(set) var range = 1

    init(rows: Int) { keys = [Int](repeating: 0, count: rows) }

    /// Appends a part: key = key × radix + value + offset, where value + offset lies in 0..<radix.
    mutating func append<T: BinaryInteger>(_ values: [T], offset: Int, radix: Int) {
        if range.multipliedReportingOverflow(by: radix).overflow { renumber() }
        range *= radix
        keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                for row in 0..<min(keys.count, values.count) { keys[row] = keys[row] &* radix &+ (Int(values[row]) &+ offset) }
            }
        }
    }

    /// Appends a code column's values through `table` (a narrow column through a table of its
    /// 256 bytes), as appending each code's `table.value(code, noValue:)` would, without an
    /// array of the values.
    /// - Returns: whether some row's value was −1 (a code the table does not have).
    @discardableResult
    mutating func append(_ column: CodeColumn, through table: CodeTable, noValue: Int32? = nil, offset: Int, radix: Int) -> Bool {
        if range.multipliedReportingOverflow(by: radix).overflow { renumber() }
        range *= radix
        var unknown = false
        keys.withUnsafeMutableBufferPointer { keys in
            switch column.storage {
            case .wide(let codes):
                for row in 0..<min(keys.count, codes.count) {
                    let value = table.value(codes[row], noValue: noValue)
                    unknown = unknown || value < 0
                    keys[row] = keys[row] &* radix &+ (Int(value) &+ offset)
                }
            case .narrow(let bytes):
                let byteValue = (0..<256).map { Int(table.value(CodeColumn.widen(Int8(truncatingIfNeeded: $0)), noValue: noValue)) }
                // The values OR-ed together: negative when one was.
                var all = 0
                byteValue.withUnsafeBufferPointer { byteValue in
                    bytes.withUnsafeBufferPointer { bytes in
                        for row in 0..<min(keys.count, bytes.count) {
                            let value = byteValue[Int(UInt8(bitPattern: bytes[row]))]
                            all |= value
                            keys[row] = keys[row] &* radix &+ (value &+ offset)
                        }
                    }
                }
                unknown = all < 0
            }
        }
        return unknown
    }

    private mutating func renumber() {
        var index = CellIndex(keys: range, rows: keys.count)
        for row in keys.indices { keys[row] = Int(index.cell(for: keys[row]).cell) }
        range = index.count
    }
}

extension CodeTable {
    /// The table's value of `code`; where `noValue` is given, that of an empty or unreadable cell.
    func value(_ code: Int16, noValue: Int32?) -> Int32 {
        if let noValue, code == Dataset.noAnswer || code == Dataset.unreadable { return noValue }
        return self[code]
    }
}
