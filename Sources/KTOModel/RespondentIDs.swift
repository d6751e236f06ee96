/// The respondents' ids, one per row of a dataset, as `String`s.
///
/// Kept as numbers while every id is a whole number (the usual respondent number): eight bytes a
/// row instead of a `String`'s sixteen, and no `String` made, copied and freed per row while a
/// large export is read (a few per cent of the read at 1M respondents). A number stands for the
/// text `String(number)`, as the loader has always written a numeric id ("0012" is respondent
/// 12). From the first id that is no number on (a text, or the empty id of a file without an id
/// column), every id is kept as text.
public struct RespondentIDs: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// Every row's id while all are numbers; empty once `texts` holds them.
    private var numbers: [Int] = []
    /// Every row's id as text, once one was no number.
    private var texts: [String]?

    public init() {}

    public init(_ ids: [String]) { texts = ids }

    public init(arrayLiteral ids: String...) { texts = ids }

    public var startIndex: Int { 0 }
    public var endIndex: Int { texts?.count ?? numbers.count }

    public subscript(row: Int) -> String {
        if let texts { return texts[row] }
        return String(numbers[row])
    }

    /// Whether every id is kept as a number (for tests).
    package var isNumeric: Bool { texts == nil }

    /// The same ids, whichever way each side keeps them.
    public static func == (a: RespondentIDs, b: RespondentIDs) -> Bool {
        if a.texts == nil && b.texts == nil { return a.numbers == b.numbers }
        return a.elementsEqual(b)
    }

    mutating func reserveCapacity(_ count: Int) {
        if texts == nil { numbers.reserveCapacity(count) } else { texts?.reserveCapacity(count) }
    }

    /// Faults in the room for `rows` ahead of the appends (`Array.prefault`).
    func prefault(_ rows: Range<Int>) {
        if let texts { texts.prefault(rows) } else { numbers.prefault(rows) }
    }

    @inline(__always)
    mutating func append(number: Int) {
        if texts == nil { numbers.append(number) } else { texts?.append(String(number)) }
    }

    mutating func append(text: String) {
        if texts == nil { keepAsTexts() }
        texts?.append(text)
    }

    /// `other`'s ids after these.
    mutating func append(contentsOf other: RespondentIDs) {
        if texts == nil, other.texts == nil {
            numbers.prefaultAppending(other.numbers.count)
            numbers.append(contentsOf: other.numbers)
            return
        }
        if texts == nil { keepAsTexts() }
        texts?.append(contentsOf: other.texts ?? other.numbers.map { String($0) })
    }

    /// From here on every id as text, in room for as many as the numbers had.
    private mutating func keepAsTexts() {
        var all: [String] = []
        all.reserveCapacity(numbers.capacity)
        all.append(contentsOf: numbers.lazy.map { String($0) })
        texts = all
        numbers = []
    }
}

/// One row's id as the loader read it.
enum RespondentID {
    case number(Int)
    case text(String)
}
