/// The cells of one `DataColumn`, as a collection of `TableCell`.
///
/// Why not `[TableCell]`: a cell is an enum of 24 bytes, and a large SPSS file has tens of
/// millions of numeric cells; writing them is mostly page faults on fresh memory. A numeric
/// column is kept as its 8-byte numbers instead, and a cell is made when it is read. The
/// number whose bit pattern is the column's `emptyBits` (the file's system-missing value) is the
/// empty cell; comparing bit patterns, not values, keeps every other number (NaN, -0, infinities)
/// exactly as the file has it. Spreadsheet and CSV columns, and any column a non-number is
/// written into, keep plain cells.
public struct TableCells: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case cells([TableCell])
        /// Numbers; the one with bit pattern `empty` stands for `.empty`.
        case numbers([Double], empty: UInt64)
    }

    private var storage: Storage

    public init() {
        storage = .cells([])
    }

    public init(_ cells: [TableCell]) {
        storage = .cells(cells)
    }

    public init(arrayLiteral elements: TableCell...) {
        storage = .cells(elements)
    }

    /// A numeric column: each number is `.number`, except those whose bit pattern is exactly
    /// that of `empty` (an SPSS file's system-missing value), which are `.empty`.
    public init(numbers: [Double], empty: Double) {
        storage = .numbers(numbers, empty: empty.bitPattern)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .cells(let cells): return cells.count
        case .numbers(let values, _): return values.count
        }
    }

    public var count: Int { endIndex }

    @inline(__always)
    public func index(after i: Int) -> Int { i + 1 }

    @inline(__always)
    public func index(before i: Int) -> Int { i - 1 }

    public subscript(position: Int) -> TableCell {
        get {
            switch storage {
            case .cells(let cells): return cells[position]
            case .numbers(let values, let empty):
                let value = values[position]
                return value.bitPattern == empty ? .empty : .number(value)
            }
        }
        set {
            // The storage is taken out while it is changed, so its array stays uniquely
            // referenced and is written in place.
            let old = storage
            storage = .cells([])
            switch old {
            case .cells(var cells):
                cells[position] = newValue
                storage = .cells(cells)
            case .numbers(var values, let empty):
                switch newValue {
                case .number(let value) where value.bitPattern != empty:
                    values[position] = value
                    storage = .numbers(values, empty: empty)
                case .empty:
                    values[position] = Double(bitPattern: empty)
                    storage = .numbers(values, empty: empty)
                default:
                    // Text, a boolean, or the one number that reads as empty: plain cells.
                    var cells = Self.cells(values, empty: empty)
                    cells[position] = newValue
                    storage = .cells(cells)
                }
            }
        }
    }

    /// The cells as a plain array (no copy when they are stored that way).
    public var array: [TableCell] {
        switch storage {
        case .cells(let cells): return cells
        case .numbers(let values, let empty): return Self.cells(values, empty: empty)
        }
    }

    /// The numbers of a numeric column and the number that stands for an empty cell (compare
    /// bit patterns), for loops that want them without making cells; `nil` when the column
    /// keeps plain cells.
    public var numbers: (values: [Double], empty: Double)? {
        if case .numbers(let values, let empty) = storage { return (values, Double(bitPattern: empty)) }
        return nil
    }

    private static func cells(_ values: [Double], empty: UInt64) -> [TableCell] {
        values.map { $0.bitPattern == empty ? .empty : .number($0) }
    }

    /// Equal when the cells are equal one by one (`TableCell`'s equality: a NaN number is not
    /// equal to itself), whatever the storage.
    public static func == (lhs: TableCells, rhs: TableCells) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.cells(let a), .cells(let b)):
            return a == b
        case (.numbers(let a, let emptyA), .numbers(let b, let emptyB)):
            guard a.count == b.count else { return false }
            for i in a.indices {
                let isEmptyA = a[i].bitPattern == emptyA
                let isEmptyB = b[i].bitPattern == emptyB
                guard isEmptyA == isEmptyB, isEmptyA || a[i] == b[i] else { return false }
            }
            return true
        default:
            guard lhs.count == rhs.count else { return false }
            return lhs.elementsEqual(rhs)
        }
    }

    /// Equal when the cells are equal one by one.
    public static func == (lhs: TableCells, rhs: [TableCell]) -> Bool {
        lhs == TableCells(rhs)
    }

    /// Equal when the cells are equal one by one.
    public static func == (lhs: [TableCell], rhs: TableCells) -> Bool {
        TableCells(lhs) == rhs
    }
}
