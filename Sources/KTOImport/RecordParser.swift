/// The byte loop that splits one record into fields.
///
/// Field spans live in a manually managed buffer: the hot loop writes them without bounds checks
/// or uniqueness checks, and grows the buffer only for a record wider than any before. With a
/// `CSVCodeTable`, short plain numbers are looked up in the same pass, which is what makes
/// reading a survey export cheap.
final class RecordParser {
    private(set) var spans: UnsafeMutablePointer<FieldSpan>
    private(set) var capacity: Int
    /// The code table's entries (`CSVCodeTable.stride` per column), owned by the parser; one
    /// column of `slow` when there is no table.
    let table: UnsafeMutablePointer<Int16>
    /// Columns the table covers (0: no table).
    let tableColumns: Int
    /// Where values go when the caller does not say (`CSVCursor.next()`), stride 1.
    let ownValues: UnsafeMutablePointer<Int16>
    /// The table index of a field of at most two bytes, from the two bytes before its end (the
    /// low byte first): a stop byte (separator, CR, LF) in the high byte means an empty field
    /// (0); a digit there, after a stop byte, one digit d (1 + d); after a digit a, two digits
    /// (1 + 10a + d); anything else 127 (not a plain number). An unquoted field holds no stop
    /// byte, and the byte before a record is a line end, so the pair decides both the length
    /// and the digits.
    let pairs: UnsafeMutablePointer<UInt8>
    /// Whether `fastFields` may run: not with a table and a digit as separator (possible through
    /// `CSVDialect(separator:)`), where the two bytes before a field's end cannot tell a
    /// separator from a digit; the general loop then looks every field up from its start.
    let fastLoopAllowed: Bool

    init(capacity: Int, table: CSVCodeTable? = nil, separator: UInt8) {
        // At least as wide as the table: the fast loop skips the capacity check for its columns.
        self.capacity = max(capacity, 8, table?.columns ?? 0)
        spans = .allocate(capacity: self.capacity)
        let columns = table?.columns ?? 0
        tableColumns = columns
        var entries = table?.entries ?? Array(repeating: CSVCodeTable.slow, count: CSVCodeTable.stride)
        // A column the caller left all `slow` reads `unused` instead, so that only the filled
        // columns count towards `slowValues` (`CSVRecord.tableValue` still says `slow`).
        for k in 0..<columns {
            let column = k * CSVCodeTable.stride ..< (k + 1) * CSVCodeTable.stride
            if entries[column].allSatisfy({ $0 == CSVCodeTable.slow }) {
                for e in column { entries[e] = CSVCodeTable.unused }
            }
        }
        self.table = .allocate(capacity: entries.count)
        self.table.initialize(from: entries, count: entries.count)
        ownValues = .allocate(capacity: max(columns, 1))
        // Without a table the fast loop never looks a field up.
        pairs = columns > 0 ? Self.makePairs(separator: separator) : .allocate(capacity: 1)
        fastLoopAllowed = columns == 0 || separator &- 0x30 >= 10
    }

    /// The `pairs` table for a separator (64 KB, of which the fast loop touches a few lines).
    static func makePairs(separator: UInt8) -> UnsafeMutablePointer<UInt8> {
        let pairs = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
        pairs.initialize(repeating: 127, count: 1 << 16)
        // A digit as separator makes the pairs ambiguous; the fast loop is then not used at all
        // (`fastLoopAllowed`), and the table stays all 127 (`slow`) for form.
        guard separator &- 0x30 >= 10 else { return pairs }
        let stops = [separator, 0x0A, 0x0D]
        for high in stops {
            for low in 0...255 { pairs[Int(high) << 8 | low] = 0 }
        }
        for d in 0...9 {
            let high = 0x30 + d
            for low in stops { pairs[high << 8 | Int(low)] = UInt8(1 + d) }
            for a in 0...9 { pairs[high << 8 | (0x30 + a)] = UInt8(1 + 10 * a + d) }
        }
        return pairs
    }

    deinit {
        spans.deallocate()
        table.deallocate()
        ownValues.deallocate()
        pairs.deallocate()
    }

    func grow() {
        let bigger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: spans, count: capacity)
        spans.deallocate()
        spans = bigger
        capacity *= 2
    }

    struct Outcome {
        var count: Int
        var next: Int
        var nextLine: Int
        var stray: Int?
        var slowValues: Int = 0
    }

    /// Parses the record that starts at `from`. The caller has skipped blank lines.
    /// - Parameters:
    ///   - values: where field `k`'s table value goes (`values[k * stride]`, for `k <
    ///     tableColumns`).
    @inline(__always)
    func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, from: Int, line startLine: Int, separator: UInt8,
        file: String, source: SourceText, values: UnsafeMutablePointer<Int16>, stride: Int
    ) throws(ImportError) -> Outcome {
        guard let p = buffer.baseAddress else { return Outcome(count: 0, next: from, nextLine: startLine, stray: nil) }
        let n = buffer.count
        var i = from
        var line = startLine
        var count = 0
        var stray: Int?
        var slowValues = 0
        let table = self.table
        let tableColumns = self.tableColumns
        let separators = Self.broadcast(separator)

        // Fast loop first: unquoted fields away from the end of the bytes (see `fastFields`).
        if fastLoopAllowed && n - from >= 16 {
            let fast = stride == Self.tileStride
                ? fastFieldsTiled(p, count: n, from: from, separator: separator, separatorLanes: SIMD16(repeating: separator), values: values)
                : fastFields(
                    p, count: n, from: from, separator: separator, separatorLanes: SIMD16(repeating: separator),
                    values: values, stride: stride)
            count = fast.fields
            slowValues = fast.slowValues
            if fast.next >= 0 {
                return Outcome(count: count, next: fast.next, nextLine: line + 1, stray: nil, slowValues: slowValues)
            }
            i = fast.position
        }
        // (after the fast loop, which may have grown the spans)
        var spans = self.spans

        // General loop: quoted fields, and the end of the bytes.
        while true {
            if count == self.capacity {
                grow()
                spans = self.spans
            }
            // Entry 127 of a column: `slow`, or `unused` where the caller did not fill the column.
            var value = count < tableColumns ? table[count &* CSVCodeTable.stride &+ 127] : CSVCodeTable.slow
            if i < n && p[i] == 0x22 {
                let open = i
                let openLine = line
                i += 1
                let start = i
                var flags = FieldSpan.quoted
                var end = 0
                while true {
                    guard i < n else {
                        let location = SourceLocation(file: file, line: openLine, column: source.column(ofByte: open))
                        throw ImportError(.unterminatedQuote, at: location, lineText: source.lineText(openLine))
                    }
                    let c = p[i]
                    if c == 0x22 {
                        if i + 1 < n && p[i + 1] == 0x22 {
                            flags = FieldSpan.escapedQuotes
                            i += 2
                            continue
                        }
                        end = i
                        i += 1
                        break
                    }
                    if c == 0x0A {
                        line += 1
                    } else if c == 0x0D {
                        line += 1
                        if i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                    }
                    i += 1
                }
                // Anything between the closing quote and the separator makes the row malformed.
                if i < n && p[i] != separator && p[i] != 0x0A && p[i] != 0x0D {
                    if stray == nil { stray = i }
                    while i < n && p[i] != separator && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
                }
                spans[count] = FieldSpan(start: Int64(start), end: Int64(end), origin: Int64(open), flags: flags)
            } else {
                let start = i
                i = Self.fieldEnd(p, from: i, count: n, separator: separator, separators: separators)
                if count < tableColumns, i &- start <= 4, start &+ 8 <= n {
                    value = Self.lookup(Self.word(p + start), length: i &- start, in: table + count &* CSVCodeTable.stride)
                }
                spans[count] = FieldSpan(start: Int64(start), end: Int64(i), origin: Int64(start), flags: FieldSpan.unquoted)
            }
            if count < tableColumns {
                values[count &* stride] = value
                slowValues &+= value == CSVCodeTable.slow ? 1 : 0
            }
            count += 1
            guard i < n else { return Outcome(count: count, next: n, nextLine: line + 1, stray: stray, slowValues: slowValues) }
            let c = p[i]
            if c == separator {
                i += 1
                continue
            }
            i += (c == 0x0D && i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
            return Outcome(count: count, next: i, nextLine: line + 1, stray: stray, slowValues: slowValues)
        }
    }

    static let lowSeven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    static let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    /// Eight bytes from `p`, the first in the lowest bits.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    static let quotes: UInt64 = 0x2222_2222_2222_2222

    /// `byte` in every byte of a word.
    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of every byte of `word` that is the separator, CR or LF (little-endian: the
    /// lowest set bit is the first such byte). Exact per byte: the additions cannot carry across
    /// bytes because the high bits are masked off first.
    @inline(__always)
    static func stopBytes(_ word: UInt64, separators: UInt64) -> UInt64 {
        @inline(__always) func nonZero(_ x: UInt64) -> UInt64 { ((x & lowSeven) &+ lowSeven) | x }
        let all = nonZero(word ^ separators) & nonZero(word ^ carriageReturns) & nonZero(word ^ lineFeeds)
        return ~all & highBits
    }

    /// The end of an unquoted field from `i`: a word at a time, then byte by byte near the end.
    @inline(__always)
    static func fieldEnd(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int, separator: UInt8, separators: UInt64) -> Int {
        var i = start
        while i + 8 <= n {
            let stops = stopBytes(word(p + i), separators: separators)
            if stops != 0 { return i &+ stops.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
        // Bytes above '\r' that are not the separator cannot end a field: one compare each.
        while i < n {
            let c = p[i]
            if c > 0x0D && c != separator { i += 1; continue }
            if c == separator || c == 0x0A || c == 0x0D { break }
            i += 1
        }
        return i
    }
}
