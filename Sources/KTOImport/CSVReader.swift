import Foundation

/// Reads delimited text (RFC 4180 and the way Dutch Excel writes it) on raw bytes.
///
/// Handles `"` quoting with doubled quotes, separators and newlines inside quoted fields, and LF,
/// CRLF and CR line ends. The header row names the columns; duplicate names are errors, and a
/// column without a name (Excel's trailing `;;;`) is left to the caller (`unnamedColumns`).
/// Records are handed to a closure one at a time, so memory does not grow with the file.
public struct CSVReader: Sendable {
    /// The normalised file content.
    public let source: SourceText
    /// The dialect in use (sniffed or given).
    public let dialect: CSVDialect
    /// Whether the dialect was sniffed (true) or given by the user (false).
    public let sniffed: Bool
    /// Column names from the header row, trimmed; `""` for a column without a name.
    public let header: [String]
    /// Columns whose header cell is empty, 0-based. A reader of data decides what they may hold.
    public var unnamedColumns: [Int] { header.indices.filter { header[$0].isEmpty } }
    /// Byte offset of the first data record.
    let dataStart: Int
    /// Line number of the first data record.
    let dataLine: Int

    /// Prepares a reader: sniffs the dialect (unless given) and parses the header row.
    /// - Throws: `ImportError` for an empty file, an unterminated quote in the header, a header
    ///   without any name, or a duplicate column name (names compare case-insensitively).
    public init(source: SourceText, dialect: CSVDialect? = nil) throws(ImportError) {
        self.source = source
        let chosen = dialect ?? CSVDialect.sniff(source.bytes)
        self.dialect = chosen
        self.sniffed = dialect == nil

        // Skip blank lines before the header.
        var start = 0
        var line = 1
        let bytes = source.bytes
        while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x0D {
            if bytes[start] == 0x0D, start + 1 < bytes.count, bytes[start + 1] == 0x0A { start += 1 }
            start += 1
            line += 1
        }
        guard start < bytes.count else {
            throw ImportError(.emptyFile, at: SourceLocation(file: source.file, line: 1))
        }
        var names: [String] = []
        var offsets: [Int] = []
        let parser = RecordParser(capacity: 64)
        let outcome = try parser.parse(
            bytes, from: start, line: line, separator: chosen.separator, file: source.file, source: source,
            values: parser.ownValues, stride: 1)
        for k in 0..<outcome.count {
            let span = parser.spans[k]
            var text = source.string(Int(span.start)..<Int(span.end))
            if span.flags == FieldSpan.escapedQuotes { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
            names.append(text.trimmingCharacters(in: .whitespaces))
            offsets.append(Int(span.origin))
        }
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            if name.isEmpty { continue }
            // The name's own line: a quoted name before it may span lines.
            var nameLine = line
            if let base = bytes.baseAddress {
                let record = CSVRecord(index: 0, line: line, count: outcome.count, strayAfterQuote: nil, base: base, fields: parser.spans)
                nameLine = record.line(ofByte: offsets[k])
            }
            let location = SourceLocation(file: source.file, line: nameLine, column: source.column(ofByte: offsets[k]))
            let key = name.lowercased()
            if let first = seen[key] {
                throw ImportError(.duplicateHeaderName(name, firstColumn: first + 1), at: location, lineText: source.lineText(nameLine))
            }
            seen[key] = k
        }
        if names.allSatisfy(\.isEmpty) {
            throw ImportError(.headerWithoutNames, at: SourceLocation(file: source.file, line: line, column: 1), lineText: source.lineText(line))
        }
        self.header = names
        self.dataStart = outcome.next
        self.dataLine = outcome.nextLine
    }

    /// Statistics of a full pass, for the ledger.
    public struct PassSummary: Sendable, Equatable {
        /// Data records handed to the closure.
        public var records: Int
        /// Empty lines skipped (they hold no respondent).
        public var blankLines: Int
        /// Physical lines in the file, header included.
        public var lines: Int
    }

    /// A cursor over the data records, for loops that want no closure in the hot path.
    /// - Parameter table: short numeric cells to look up while splitting records (see
    ///   `CSVCodeTable`); their values are then read with `CSVRecord.tableValue(_:)`.
    public func makeCursor(decoding table: CSVCodeTable? = nil) -> CSVCursor {
        CSVCursor(reader: self, start: dataStart, line: dataLine, end: source.bytes.count, table: table)
    }

    /// A cursor over part `k` of `partition`, for reading the parts concurrently.
    ///
    /// Part `k` starts at its cut and stops before the first record that starts at or after the
    /// next cut. Consecutive parts meet exactly when the cut is a true record boundary, which
    /// holds for every well-formed file; a stray quote inside an unquoted field (`ab"c`) can
    /// mislead the quote parity, so the caller must check that part `k - 1` ended (`position`)
    /// where part `k` starts (`start`), and otherwise read on from where part `k - 1` ended
    /// (`makeCursor(resumingAt:line:)`).
    ///
    /// Line numbers: part 0 counts from the file's real lines; later parts count from 1 at their
    /// start, so the caller adds the lines before the part (the previous part's `line - 1`).
    public func makeCursor(part k: Int, of partition: CSVPartition, decoding table: CSVCodeTable? = nil) -> CSVCursor {
        let end = k + 1 < partition.count ? partition.starts[k + 1] : source.bytes.count
        return CSVCursor(reader: self, start: partition.starts[k], line: k == 0 ? dataLine : 1, end: end, table: table)
    }

    /// A cursor that continues to the end of the file from `position`, which must be where an
    /// earlier cursor of this reader stopped (a record boundary), numbering lines from `line`.
    public func makeCursor(resumingAt position: Int, line: Int, decoding table: CSVCodeTable? = nil) -> CSVCursor {
        CSVCursor(reader: self, start: position, line: line, end: source.bytes.count, table: table)
    }

    /// Cuts the data into `parts` pieces of about equal size for concurrent reading (see
    /// `CSVPartition`), counting quotes and line ends of the pieces concurrently.
    /// - Complexity: one pass over the data, on `parts` threads.
    public func partition(into parts: Int) -> CSVPartition {
        let bytes = source.bytes
        let n = bytes.count
        guard parts > 1, let p = bytes.baseAddress, n - dataStart >= 16 * parts else {
            return CSVPartition(starts: [dataStart], lineEndsBefore: [0], lineEnds: nil)
        }
        let targets = (0...parts).map { k in k == parts ? n : dataStart + (n - dataStart) / parts * k }
        let counts = RangeCounts(parts)
        let source = self.source
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            // Each iteration writes its own slot only.
            counts.set(k, Self.count(source.bytes, from: targets[k], to: targets[k + 1]))
        }
        let total = (0..<parts).reduce(0) { $0 + counts.lineEnds($1) }
        var starts = [dataStart]
        var lineEndsBefore = [0]
        var quotes = 0
        var lineEnds = 0
        for k in 1..<parts {
            // Quotes and line ends in [dataStart, targets[k]).
            quotes += counts.quotes(k - 1)
            lineEnds += counts.lineEnds(k - 1)
            guard starts[k - 1] < targets[k] else {
                // The previous cut is past this target: part k - 1 is empty.
                starts.append(starts[k - 1])
                lineEndsBefore.append(lineEndsBefore[k - 1])
                continue
            }
            // Forward from the target to the first line start outside quotes, counting on.
            var inside = quotes % 2 == 1
            var ends = lineEnds
            var i = targets[k]
            var start = n
            var endsAtStart = total
            while i < n {
                let before = p[i - 1]
                if !inside && (before == 0x0A || (before == 0x0D && p[i] != 0x0A)) {
                    start = i
                    endsAtStart = ends
                    break
                }
                let c = p[i]
                if c == 0x22 {
                    inside.toggle()
                } else if c == 0x0A || (c == 0x0D && (i + 1 == n || p[i + 1] != 0x0A)) {
                    ends += 1
                }
                i += 1
            }
            starts.append(start)
            lineEndsBefore.append(endsAtStart)
        }
        return CSVPartition(starts: starts, lineEndsBefore: lineEndsBefore, lineEnds: total)
    }

    /// Quotes and line ends (an LF, or a CR not followed by LF, counted at their last byte) in
    /// `b[from..<to]`, sixteen bytes at a time: vector compares whose all-ones lanes are
    /// subtracted from byte counters (emptied every 255 rounds, before they could wrap).
    static func count(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (quotes: Int, lineEnds: Int) {
        guard let p = b.baseAddress, from < to else { return (0, 0) }
        let n = b.count
        var quotes = 0
        var lineEnds = 0
        var i = from
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let lf = SIMD16<UInt8>(repeating: 0x0A)
        let cr = SIMD16<UInt8>(repeating: 0x0D)
        // `i + 17 <= n`: the load at i + 1 (the byte after each byte, to tell CRLF) stays in bounds.
        while i + 16 <= to && i + 17 <= n {
            var quoteLanes = SIMD16<UInt8>()
            var endLanes = SIMD16<UInt8>()
            var rounds = 0
            while rounds < 255 && i + 16 <= to && i + 17 <= n {
                let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD16<UInt8>.self)
                let next = UnsafeRawPointer(p + i + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                // A true lane is all ones (255): subtracting it adds one.
                quoteLanes &-= unsafeBitCast(v .== quote, to: SIMD16<UInt8>.self)
                endLanes &-= unsafeBitCast((v .== lf) .| ((v .== cr) .& (next .!= lf)), to: SIMD16<UInt8>.self)
                i += 16
                rounds += 1
            }
            quotes += Int(SIMD16<UInt16>(truncatingIfNeeded: quoteLanes).wrappedSum())
            lineEnds += Int(SIMD16<UInt16>(truncatingIfNeeded: endLanes).wrappedSum())
        }
        while i < to {
            let c = p[i]
            if c == 0x22 {
                quotes += 1
            } else if c == 0x0A || (c == 0x0D && (i + 1 == n || p[i + 1] != 0x0A)) {
                lineEnds += 1
            }
            i += 1
        }
        return (quotes, lineEnds)
    }

    /// Calls `body` for every data record, in file order.
    /// - Parameters:
    ///   - progress: called now and then with (bytes done, bytes total).
    ///   - body: receives each record; the record is valid only during the call.
    /// - Throws: `ImportError.unterminatedQuote` (fatal, with the line and column of the opening
    ///   quote), or whatever `body` throws.
    /// - Complexity: O(n) in the file size; memory O(fields per record).
    public func forEachRecord(
        progress: ((Int, Int) -> Void)? = nil,
        _ body: (CSVRecord) throws -> Void
    ) throws -> PassSummary {
        var cursor = makeCursor()
        var nextProgress = 8 << 20
        let total = source.bytes.count
        while let record = try cursor.next() {
            try body(record)
            if let progress, cursor.position >= nextProgress {
                progress(cursor.position, total)
                nextProgress = cursor.position + (8 << 20)
            }
        }
        progress?(total, total)
        return cursor.summary
    }
}

/// Walks the data records of a `CSVReader` (or of one part of them) one by one.
///
/// The record returned by `next()` points into the file's bytes and into the cursor's field
/// buffer: it is valid until the next call to `next()`.
public struct CSVCursor {
    let source: SourceText
    let separator: UInt8
    let parser: RecordParser
    let base: UnsafePointer<UInt8>
    /// Keeps the fallback allocation of `base` alive when the file is empty.
    let spare: ByteStorage?
    let count: Int
    /// Byte offset where this cursor's part starts.
    public let start: Int
    /// Records that start at or after this offset are left to the next part.
    public private(set) var end: Int
    /// Byte offset of the next record.
    public private(set) var position: Int
    /// Line number of the next record (counted from 1 at `start` for parts after the first).
    public private(set) var line: Int
    /// What the pass has seen so far; complete once `next()` returned nil.
    public private(set) var summary: CSVReader.PassSummary

    init(reader: CSVReader, start: Int, line: Int, end: Int, table: CSVCodeTable?) {
        source = reader.source
        separator = reader.dialect.separator
        parser = RecordParser(capacity: max(reader.header.count, 8) + 4, table: table)
        let bytes = reader.source.bytes
        // The storage is owned by `source`, which the cursor keeps alive. `SourceText` always has
        // an allocation behind its bytes; the fallback (never read: count is 0) is only for form.
        if let address = bytes.baseAddress {
            base = address
            spare = nil
        } else {
            let empty = ByteStorage(count: 0)
            base = UnsafePointer(empty.base)
            spare = empty
        }
        count = bytes.count
        self.start = start
        self.end = end
        position = start
        self.line = line
        summary = CSVReader.PassSummary(records: 0, blankLines: 0, lines: line - 1)
    }

    /// The next data record, or nil at the end of the file (or of the cursor's part).
    /// - Throws: `ImportError.unterminatedQuote`.
    @inline(__always)
    public mutating func next() throws(ImportError) -> CSVRecord? {
        try next(values: parser.ownValues, stride: 1)
    }

    /// The next data record, writing the code table's value of field `k` (for the table's
    /// columns) to `values[k * stride]`: straight into a caller's column-major buffer, one row
    /// of it per record, with no copy. `CSVRecord.tableValue(_:)` reads them back from there.
    /// - Precondition: `values` has room for `stride * (table columns - 1) + 1` values.
    /// - Throws: `ImportError.unterminatedQuote`.
    @inline(__always)
    public mutating func next(writingValuesTo values: UnsafeMutablePointer<Int16>, stride: Int) throws(ImportError) -> CSVRecord? {
        try next(values: values, stride: stride)
    }

    @inline(__always)
    mutating func next(values: UnsafeMutablePointer<Int16>, stride: Int) throws(ImportError) -> CSVRecord? {
        let limit = end
        while position < limit {
            let b = base[position]
            guard b == 0x0A || b == 0x0D else { break }
            position += (b == 0x0D && position + 1 < count && base[position + 1] == 0x0A) ? 2 : 1
            line += 1
            summary.blankLines += 1
        }
        guard position < limit else {
            summary.lines = line - 1
            return nil
        }
        let outcome = try parser.parse(
            UnsafeBufferPointer(start: base, count: count), from: position, line: line, separator: separator,
            file: source.file, source: source, values: values, stride: stride)
        let record = CSVRecord(
            index: summary.records, line: line, count: outcome.count,
            strayAfterQuote: outcome.stray, base: base, fields: parser.spans,
            values: parser.tableColumns == 0 ? nil : UnsafePointer(values), valueStride: stride,
            valueColumns: parser.tableColumns, slowValues: outcome.slowValues)
        summary.records += 1
        position = outcome.next
        line = outcome.nextLine
        // A last record without a final newline still ends on its own line.
        summary.lines = line - 1
        return record
    }
}

/// The byte loop that splits one record into fields.
///
/// Field spans live in a manually managed buffer: the hot loop writes them without bounds checks
/// or uniqueness checks, and grows the buffer only for a record wider than any before. With a
/// `CSVCodeTable`, short plain numbers are looked up in the same pass, which is what makes
/// reading a survey export cheap.
final class RecordParser {
    private(set) var spans: UnsafeMutablePointer<FieldSpan>
    private var capacity: Int
    /// The code table's entries (`CSVCodeTable.stride` per column), owned by the parser; one
    /// column of `slow` when there is no table.
    let table: UnsafeMutablePointer<Int16>
    /// Columns the table covers (0: no table).
    let tableColumns: Int
    /// Where values go when the caller does not say (`CSVCursor.next()`), stride 1.
    let ownValues: UnsafeMutablePointer<Int16>

    init(capacity: Int, table: CSVCodeTable? = nil) {
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
    }

    deinit {
        spans.deallocate()
        table.deallocate()
        ownValues.deallocate()
    }

    private func grow() {
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
        if n - from >= 16 {
            let fast = fastFields(
                p, count: n, from: from, separator: separator, separators: separators, values: values, stride: stride)
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

    /// The fast loop: the stop bytes (separator, CR, LF) of eight bytes at a time as a bit mask,
    /// fields popped off it. The words are loaded at fixed strides, so the only dependency from
    /// one field to the next is clearing the mask's lowest bit: short fields are split without
    /// waiting on each other's length. A function of its own so that its few variables stay in
    /// registers (inlined into the record loop, `fields` and `slowValues` went to the stack).
    /// - Returns: the fields split; `next` (the next record's offset) when the record ended,
    ///   else -1 and `position`, the start of a field that needs the general loop (a quote, or
    ///   the last 16 bytes of the buffer).
    @inline(never)
    func fastFields(
        _ p: UnsafePointer<UInt8>, count n: Int, from: Int, separator: UInt8, separators: UInt64,
        values: UnsafeMutablePointer<Int16>, stride: Int
    ) -> (fields: Int, slowValues: Int, next: Int, position: Int) {
        let table = self.table
        let tableColumns = self.tableColumns
        var spans = self.spans
        var count = 0
        var slowValues = 0
        var i = from
        var w = from
        let lastWord = n - 16
        var mask = Self.stopBytes(Self.word(p + w), separators: separators)
        var out = values
        while p[i] != 0x22 {
            while mask == 0 {
                w &+= 8
                if w > lastWord { return (count, slowValues, -1, i) }
                mask = Self.stopBytes(Self.word(p + w), separators: separators)
            }
            let end = w &+ (mask.trailingZeroBitCount &>> 3)
            mask &= mask &- 1
            if count < tableColumns {
                // The spans have room for every table column (the parser is made that wide), so
                // only fields beyond the table need the capacity check below.
                let length = end &- i
                let entries = table + count &* CSVCodeTable.stride
                // Entry 127 is `slow`, or `unused` in a column the caller did not fill.
                let value = length <= 4 ? Self.lookup(Self.word(p + i), length: length, in: entries) : entries[127]
                out.pointee = value
                out += stride
                slowValues &+= value == CSVCodeTable.slow ? 1 : 0
            } else if count == capacity {
                grow()
                spans = self.spans
            }
            spans[count] = FieldSpan(start: Int64(i), end: Int64(end), origin: Int64(i), flags: FieldSpan.unquoted)
            count &+= 1
            let c = p[end]
            if c == separator {
                i = end &+ 1
                continue
            }
            return (count, slowValues, end &+ ((c == 0x0D && p[end &+ 1] == 0x0A) ? 2 : 1), i)
        }
        return (count, slowValues, -1, i)
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

    /// The table entry for an unquoted field of `length` bytes at the start of `word`: empty,
    /// one or two digits, or those followed by ",0" / ".0"; `slow` for anything else.
    ///
    /// Lengths 0-2 come in a random mix (empty, "7", "10"), so they are decided without
    /// branches: the field's bytes minus '0' must all be 0...9 (one SWAR test), the entry index
    /// is `d0 * (1 or 10) + d1 (+ 1 unless empty)`, and the entry is loaded unconditionally
    /// (masked into the column's 128 entries) and kept only when the digits were valid.
    @inline(__always)
    static func lookup(_ word: UInt64, length: Int, in entries: UnsafePointer<Int16>) -> Int16 {
        if length <= 2 {
            let mask: UInt64 = (1 &<< UInt64(truncatingIfNeeded: 8 &* length)) &- 1
            let digits = (word & mask) ^ (0x3030 & mask)
            // A byte is a digit when it is below 10, i.e. neither it nor it plus 0x76 has the high bit.
            let valid = (digits | (digits &+ 0x7676)) & 0x8080 == 0
            let d0 = Int(digits & 0xFF)
            let d1 = Int((digits &>> 8) & 0xFF)
            let index = (d0 &* (1 &+ 9 &* (length &>> 1)) &+ d1 &+ ((length &+ 1) &>> 1)) & (CSVCodeTable.stride - 1)
            return entries[valid ? index : CSVCodeTable.stride - 1]
        }
        let d0 = Int(UInt8(truncatingIfNeeded: word) &- 0x30)
        let d1 = Int(UInt8(truncatingIfNeeded: word &>> 8) &- 0x30)
        let invalid = entries[CSVCodeTable.stride - 1]
        guard length <= 4 else { return invalid }
        // "7,0" (length 3) or "10,0" (length 4): digits, a decimal mark, one zero.
        let mark = UInt8(truncatingIfNeeded: word &>> (8 * (length - 2)))
        let zero = UInt8(truncatingIfNeeded: word &>> (8 * (length - 1)))
        guard mark == 0x2C || mark == 0x2E, zero == 0x30, d0 < 10 else { return invalid }
        if length == 3 { return entries[1 &+ d0] }
        return d1 < 10 ? entries[1 &+ d0 &* 10 &+ d1] : invalid
    }
}

/// Where a file's data is cut into parts for reading them concurrently (`CSVReader.partition`).
///
/// The data is cut near `k/parts` of its length, at the first line start that the quote parity
/// (an even number of `"` since the first data record) puts outside a quoted field. With each cut
/// comes the number of line ends before it: every record ends with one (or with the file), so no
/// part can hold more records than the line ends in it, which lets the parts write their rows
/// into disjoint regions of shared storage.
public struct CSVPartition: Sendable {
    /// Start offset of each part; the first is the first data record's.
    public let starts: [Int]
    /// Line ends between the first data record and each part's start.
    public let lineEndsBefore: [Int]
    /// Line ends in all the data; nil when the data was not cut (one part).
    public let lineEnds: Int?

    public var count: Int { starts.count }
}

/// Per-range counts of `CSVReader.partition`, written by one thread per range.
///
/// `@unchecked Sendable`: slot `k` is written only by iteration `k` of `concurrentPerform` and
/// read after it returned.
final class RangeCounts: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Int>

    init(_ parts: Int) {
        storage = .allocate(capacity: 2 * parts)
        storage.initialize(repeating: 0, count: 2 * parts)
    }

    deinit { storage.deallocate() }

    func set(_ k: Int, _ counts: (quotes: Int, lineEnds: Int)) {
        storage[2 * k] = counts.quotes
        storage[2 * k + 1] = counts.lineEnds
    }

    func quotes(_ k: Int) -> Int { storage[2 * k] }
    func lineEnds(_ k: Int) -> Int { storage[2 * k + 1] }
}
