/// One data record of a CSV file, valid only inside the `CSVReader.forEachRecord` closure (or
/// until the next call to `CSVCursor.next()`).
///
/// Fields are byte ranges into the file's normalised bytes; nothing is decoded or copied until a
/// caller asks for a field's bytes or text, except the short numeric cells that
/// `CSVCursor.next(decoding:)` looks up in a `CSVCodeTable` while it splits the record.
public struct CSVRecord {
    /// 0-based index among the data records (the header is not counted).
    public let index: Int
    /// 1-based physical line on which the record starts.
    public let line: Int
    /// Number of fields in this record.
    public let count: Int
    /// Byte offset of a stray character after a closing quote (`"abc"x`), if any: a malformed row.
    public let strayAfterQuote: Int?

    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let fields: UnsafePointer<FieldSpan>
    /// Fields of the table's columns that the table did not settle (`CSVCodeTable.slow`), in
    /// columns where the caller filled entries: zero means every such cell has its value.
    public let slowValues: Int

    /// Table values: field `k`'s at `values[k * valueStride]`, for `k < valueColumns`.
    @usableFromInline let values: UnsafePointer<Int16>?
    @usableFromInline let valueStride: Int
    @usableFromInline let valueColumns: Int

    init(
        index: Int, line: Int, count: Int, strayAfterQuote: Int?, base: UnsafePointer<UInt8>,
        fields: UnsafePointer<FieldSpan>, values: UnsafePointer<Int16>? = nil, valueStride: Int = 1,
        valueColumns: Int = 0, slowValues: Int = 0
    ) {
        self.index = index
        self.line = line
        self.count = count
        self.strayAfterQuote = strayAfterQuote
        self.base = base
        self.fields = fields
        self.values = values
        self.valueStride = valueStride
        self.valueColumns = valueColumns
        self.slowValues = slowValues
    }

    /// The `CSVCodeTable` value of field `i`, or `CSVCodeTable.slow` when the field is not a
    /// short plain number (or the record was not read with a table): decode its bytes instead.
    @inlinable
    public func tableValue(_ i: Int) -> Int16 {
        guard let values, i < valueColumns, i < count else { return CSVCodeTable.slow }
        let value = values[i &* valueStride]
        return value == CSVCodeTable.unused ? CSVCodeTable.slow : value
    }

    /// Byte offset (into `SourceText.bytes`) where field `i` starts, including an opening quote.
    @inlinable public func offset(ofField i: Int) -> Int { Int(fields[i].origin) }

    /// Whether field `i` was quoted in the file.
    @inlinable public func isQuoted(_ i: Int) -> Bool { fields[i].flags != 0 }

    /// The physical line of byte `offset` of this record (with `SourceText.column(ofByte:)`, the
    /// place of a field or character in it): `line`, plus the line ends before `offset` inside
    /// quoted fields that span lines.
    public func line(ofByte offset: Int) -> Int {
        var line = self.line
        var k = Int(fields[0].origin)
        while k < offset {
            if base[k] == 0x0A {
                line += 1
            } else if base[k] == 0x0D {
                line += 1
                if k + 1 < offset && base[k + 1] == 0x0A { k += 1 }
            }
            k += 1
        }
        return line
    }

    /// Calls `body` with the bytes of field `i`, quotes removed and doubled quotes collapsed.
    @inlinable
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let span = fields[i]
        let start = base + Int(span.start)
        let length = Int(span.end - span.start)
        if span.flags != FieldSpan.escapedQuotes {
            return try body(UnsafeBufferPointer(start: start, count: length))
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(length)
        var k = 0
        while k < length {
            unescaped.append(start[k])
            // A quote inside a quoted field is always doubled: keep one.
            k += (start[k] == 0x22 && k + 1 < length && start[k + 1] == 0x22) ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer(body)
    }

    /// Whether field `i` is empty or consists of spaces only.
    @inlinable
    public func isBlank(_ i: Int) -> Bool {
        let span = fields[i]
        var k = Int(span.start)
        let end = Int(span.end)
        while k < end {
            let b = base[k]
            if b != 0x20 && b != 0x09 { return false }
            k += 1
        }
        return true
    }
}

/// Where one field lies in the buffer.
public struct FieldSpan {
    /// Start of the content (after an opening quote).
    public var start: Int64
    /// `end` with `flags` in the top two bits: sixteen bytes a span, two stores per field in the
    /// reader's hot loop.
    @usableFromInline var endAndFlags: Int64

    @usableFromInline static let endMask: Int64 = (1 << 62) - 1

    /// End of the content (before a closing quote).
    @inlinable public var end: Int64 {
        get { endAndFlags & Self.endMask }
        set { endAndFlags = (newValue & Self.endMask) | (endAndFlags & ~Self.endMask) }
    }
    /// 0: unquoted; 1: quoted; 2: quoted with doubled quotes inside.
    @inlinable public var flags: UInt8 {
        get { UInt8(truncatingIfNeeded: UInt64(bitPattern: endAndFlags) >> 62) }
        set { endAndFlags = (endAndFlags & Self.endMask) | Int64(newValue & 3) << 62 }
    }
    /// Start of the field as written, for column numbers in messages: `start`, or the opening
    /// quote just before it (derived, so that a span is sixteen bytes).
    @inlinable public var origin: Int64 { flags == Self.unquoted ? start : start - 1 }

    /// - Precondition: `origin` is `start` for an unquoted field and `start - 1` (the opening
    ///   quote) for a quoted one.
    @inline(__always)
    init(start: Int64, end: Int64, origin: Int64, flags: UInt8) {
        self.start = start
        endAndFlags = end | Int64(flags) << 62
    }

    public static let unquoted: UInt8 = 0
    public static let quoted: UInt8 = 1
    public static let escapedQuotes: UInt8 = 2
}

/// Per-column lookup for the short numeric cells that make up most of a survey export.
///
/// `CSVCursor.next(decoding:)` recognises, while it splits a record, every unquoted field that is
/// empty or holds one or two ASCII digits, optionally followed by `,0` or `.0` (`7`, `07`, `7,0`),
/// and stores the table's entry for that value in the column; every other field (quoted, longer,
/// text, spaces, a sign) gets `CSVCodeTable.slow`, meaning "decode the bytes yourself". Entries
/// default to `slow`, so a table only ever short-cuts what the caller chose to fill in.
///
/// The recognised forms are exactly those `NumberParser.parse` reads as `.empty` or as
/// `.integer(0...99)` without spaces or sign, so a caller that fills entry `v` with what it would
/// do for `.integer(v)` gets the same answer on the fast and the slow path.
public struct CSVCodeTable: Sendable {
    /// "Not looked up": the caller decodes the field's bytes itself.
    public static let slow: Int16 = .max
    /// What the reader stores, internally, for a field of a column the caller left all `slow`
    /// (so it does not count towards `CSVRecord.slowValues`); reads as `slow`. Not a valid entry.
    @usableFromInline static let unused: Int16 = .max - 1
    /// The largest value the table covers (two digits).
    public static let maxValue = 99
    /// Entries per column: the empty field, then the values 0...99; a power of two for the index.
    static let stride = 128

    /// Number of columns covered; fields beyond it are always `slow`.
    public let columns: Int
    var entries: [Int16]

    /// A table for `columns` columns with every entry `slow`.
    public init(columns: Int) {
        self.columns = max(0, columns)
        entries = Array(repeating: Self.slow, count: self.columns * Self.stride)
    }

    /// Whether `value` can be an entry: anything but `slow - 1`, which the reader reserves.
    public static func canStore(_ value: Int16) -> Bool { value != unused }

    /// The entry for a field of `column` holding the number `value` (0...99).
    /// - Precondition: `canStore(newValue)`.
    public subscript(column: Int, value: Int) -> Int16 {
        get { entries[column * Self.stride + 1 + value] }
        set {
            precondition(value >= 0 && value <= Self.maxValue, "CSVCodeTable covers 0...99")
            precondition(Self.canStore(newValue), "reserved table value")
            entries[column * Self.stride + 1 + value] = newValue
        }
    }

    /// The entry for an empty field (no bytes at all) of `column`.
    /// - Precondition: `canStore(newValue)`.
    public subscript(emptyIn column: Int) -> Int16 {
        get { entries[column * Self.stride] }
        set {
            precondition(Self.canStore(newValue), "reserved table value")
            entries[column * Self.stride] = newValue
        }
    }
}
