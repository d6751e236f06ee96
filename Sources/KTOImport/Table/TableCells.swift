/// The cells of one `DataColumn`, as a collection of `TableCell`.
///
/// Why not `[TableCell]`: a cell is an enum of 24 bytes, and a large SPSS file has tens of
/// millions of numeric cells; writing them was mostly page faults on fresh memory. A numeric
/// column is kept compact instead, and a cell is made when it is read:
/// - as one byte per cell while every value is a whole number from -100 to 154 (survey codes;
///   the values SPSS's own bytecode compresses), 255 standing for the empty cell;
/// - else as its 8-byte numbers; the number whose bit pattern is the column's empty pattern (the
///   file's system-missing value) is the empty cell. Bit patterns, not values, are compared, so
///   every other number (NaN, -0, infinities) reads back exactly as the file has it.
/// Spreadsheet and CSV columns, and any column a cell is written into that its storage cannot
/// hold, keep plain cells.
public struct TableCells: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    enum Storage: Sendable {
        case cells([TableCell])
        /// Numbers; the one with bit pattern `empty` stands for `.empty`.
        case numbers([Double], empty: UInt64)
        /// One byte per cell: `emptyCode`, or a code whose value is `value(ofCode:)`.
        case codes([UInt8])
    }

    private(set) var storage: Storage

    /// The code of the empty cell in the one-byte storage.
    static let emptyCode: UInt8 = 255
    /// Code `c` stands for the number `c - codeOffset`.
    static let codeOffset = 100.0

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

    /// A numeric column of one-byte codes (see `code(of:)`).
    init(codes: [UInt8]) {
        storage = .codes(codes)
    }

    /// The one-byte code of the number with bit pattern `bits`, if it has one: its value read
    /// back has the same bits (so not -0, NaN, fractions or numbers out of range).
    @inline(__always)
    static func code(of bits: UInt64) -> UInt8? {
        // Adding 1.5 * 2^52 leaves the nearest whole number in the low bits, without the range
        // checks (and traps) of a conversion; whatever comes out is checked by reading it back.
        let rounded = (Double(bitPattern: bits) + codeOffset) + 6_755_399_441_055_744.0
        let code = UInt8(truncatingIfNeeded: rounded.bitPattern)
        return code != emptyCode && value(ofCode: code).bitPattern == bits ? code : nil
    }

    @inline(__always)
    static func value(ofCode code: UInt8) -> Double { Double(code) - codeOffset }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .cells(let cells): return cells.count
        case .numbers(let values, _): return values.count
        case .codes(let codes): return codes.count
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
            case .codes(let codes):
                let code = codes[position]
                return code == Self.emptyCode ? .empty : .number(Self.value(ofCode: code))
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
                    var cells = TableCells(numbers: values, empty: Double(bitPattern: empty)).array
                    cells[position] = newValue
                    storage = .cells(cells)
                }
            case .codes(var codes):
                let code: UInt8?
                switch newValue {
                case .number(let value): code = Self.code(of: value.bitPattern)
                case .empty: code = Self.emptyCode
                case .text, .boolean: code = nil
                }
                if let code {
                    codes[position] = code
                    storage = .codes(codes)
                } else {
                    var cells = TableCells(codes: codes).array
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
        case .numbers(let values, let empty): return values.map { $0.bitPattern == empty ? .empty : .number($0) }
        case .codes(let codes): return codes.map { $0 == Self.emptyCode ? .empty : .number(Self.value(ofCode: $0)) }
        }
    }

    /// Equal when the cells are equal one by one (`TableCell`'s equality: a NaN number is not
    /// equal to itself), whatever the storage.
    public static func == (lhs: TableCells, rhs: TableCells) -> Bool {
        guard lhs.count == rhs.count else { return false }
        switch (lhs.storage, rhs.storage) {
        case (.cells(let a), .cells(let b)):
            return a == b
        case (.codes(let a), .codes(let b)):
            // Codes are exact and never NaN: equal cells are equal bytes.
            return a == b
        case (.numbers(let a, let emptyA), .numbers(let b, let emptyB)):
            for i in a.indices {
                let isEmptyA = a[i].bitPattern == emptyA
                let isEmptyB = b[i].bitPattern == emptyB
                guard isEmptyA == isEmptyB, isEmptyA || a[i] == b[i] else { return false }
            }
            return true
        default:
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
