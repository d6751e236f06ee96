/// One code variable's answers, one `Int16` per row, kept in one byte per row when the
/// variable's codes allow it.
///
/// Nearly every survey code fits a byte (grades 1-10, likert 1-5, 'weet niet' 9 or 99), and code
/// columns are most of a dataset: a meting of 500,000 respondents with 61 code variables takes
/// about 50 MB instead of 80, which keeps the peak of a two-meting read within 1.5× the CSV.
/// Readers see `Int16` codes either way, with `Dataset.noAnswer` and `Dataset.unreadable` as
/// they are; two columns with the same codes are equal whatever their storage.
public struct CodeColumn: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral, CustomStringConvertible {
    public enum Storage: Sendable {
        case wide([Int16])
        /// Codes in `CodeColumn.narrowRange`; the two markers as `narrow(_:)` stores them.
        case narrow([Int8])
    }

    public private(set) var storage: Storage

    /// Codes a narrow column can hold: a byte less the two values the markers take.
    public static let narrowRange = -126...127

    /// A column of `codes`, narrow when every code and marker fits.
    public init(_ codes: [Int16]) {
        if codes.allSatisfy({ Self.narrowRange.contains(Int($0)) || $0 == Dataset.noAnswer || $0 == Dataset.unreadable }) {
            storage = .narrow(codes.map(Self.narrow))
        } else {
            storage = .wide(codes)
        }
    }

    public init(arrayLiteral codes: Int16...) { self.init(codes) }

    /// Storage made elsewhere (the loader writes narrow columns directly).
    /// - Precondition: narrow values are what `narrow(_:)` makes.
    init(storage: Storage) { self.storage = storage }

    /// An empty column of the given width.
    init(narrow: Bool) { storage = narrow ? .narrow([]) : .wide([]) }

    /// Whether values are kept in one byte.
    public var isNarrow: Bool {
        if case .narrow = storage { return true }
        return false
    }

    /// A code as a narrow column keeps it: `Dataset.noAnswer` → -128, `Dataset.unreadable` →
    /// -127, a code in `narrowRange` as itself.
    @inline(__always)
    public static func narrow(_ code: Int16) -> Int8 {
        // The markers are Int16.min and Int16.min + 1; adding 32,640 moves them to -128 and -127.
        Int8(truncatingIfNeeded: code < -128 ? code &+ 32_640 : code)
    }

    /// The code a narrow value stands for.
    @inline(__always)
    public static func widen(_ value: Int8) -> Int16 {
        value <= -127 ? Int16(value) &- 32_640 : Int16(value)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .wide(let codes): return codes.count
        case .narrow(let values): return values.count
        }
    }

    public subscript(row: Int) -> Int16 {
        switch storage {
        case .wide(let codes): return codes[row]
        case .narrow(let values): return Self.widen(values[row])
        }
    }

    /// The codes as one `Int16` array (tests, small columns).
    public var codes: [Int16] {
        switch storage {
        case .wide(let codes): return codes
        case .narrow(let values): return values.map(Self.widen)
        }
    }

    /// Appends another column's rows; a narrow column becomes wide when the other one is.
    mutating func append(contentsOf other: CodeColumn) {
        switch (storage, other.storage) {
        case (.narrow(var mine), .narrow(let theirs)):
            storage = .wide([])
            mine.append(contentsOf: theirs)
            storage = .narrow(mine)
        case (.wide(var mine), _):
            storage = .narrow([])
            mine.append(contentsOf: other)
            storage = .wide(mine)
        case (.narrow(let mine), .wide(let theirs)):
            storage = .wide(mine.map(Self.widen) + theirs)
        }
    }

    /// `count` rows without an answer.
    mutating func appendEmpty(_ count: Int) {
        guard count > 0 else { return }
        switch storage {
        case .narrow(var mine):
            storage = .wide([])
            mine.append(contentsOf: repeatElement(Self.narrow(Dataset.noAnswer), count: count))
            storage = .narrow(mine)
        case .wide(var mine):
            storage = .narrow([])
            mine.append(contentsOf: repeatElement(Dataset.noAnswer, count: count))
            storage = .wide(mine)
        }
    }

    public static func == (a: CodeColumn, b: CodeColumn) -> Bool {
        switch (a.storage, b.storage) {
        case (.wide(let x), .wide(let y)): return x == y
        case (.narrow(let x), .narrow(let y)): return x == y
        default: return a.count == b.count && a.elementsEqual(b)
        }
    }

    public var description: String { "\(codes)" }
}
