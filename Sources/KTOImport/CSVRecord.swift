/// One data record of a CSV file, valid only inside the `CSVReader.forEachRecord` closure.
///
/// Fields are byte ranges into the file's normalised bytes; nothing is decoded or copied until a
/// caller asks for a field's bytes or text.
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

    init(index: Int, line: Int, count: Int, strayAfterQuote: Int?, base: UnsafePointer<UInt8>, fields: UnsafePointer<FieldSpan>) {
        self.index = index
        self.line = line
        self.count = count
        self.strayAfterQuote = strayAfterQuote
        self.base = base
        self.fields = fields
    }

    /// Byte offset (into `SourceText.bytes`) where field `i` starts, including an opening quote.
    @inlinable public func offset(ofField i: Int) -> Int { Int(fields[i].origin) }

    /// Whether field `i` was quoted in the file.
    @inlinable public func isQuoted(_ i: Int) -> Bool { fields[i].flags != 0 }

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
    /// End of the content (before a closing quote).
    public var end: Int64
    /// Start of the field as written (at the opening quote), for column numbers in messages.
    public var origin: Int64
    /// 0: unquoted; 1: quoted; 2: quoted with doubled quotes inside.
    public var flags: UInt8

    public static let unquoted: UInt8 = 0
    public static let quoted: UInt8 = 1
    public static let escapedQuotes: UInt8 = 2
}
