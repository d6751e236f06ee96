import Foundation

/// Reads delimited text (RFC 4180 and the way Dutch Excel writes it) on raw bytes.
///
/// Handles `"` quoting with doubled quotes, separators and newlines inside quoted fields, and LF,
/// CRLF and CR line ends. The header row names the columns; empty or duplicate names are errors.
/// Records are handed to a closure one at a time, so memory does not grow with the file.
public struct CSVReader: Sendable {
    /// The normalised file content.
    public let source: SourceText
    /// The dialect in use (sniffed or given).
    public let dialect: CSVDialect
    /// Whether the dialect was sniffed (true) or given by the user (false).
    public let sniffed: Bool
    /// Column names from the header row, trimmed.
    public let header: [String]
    /// Byte offset of the first data record.
    let dataStart: Int
    /// Line number of the first data record.
    let dataLine: Int

    /// Prepares a reader: sniffs the dialect (unless given) and parses the header row.
    /// - Throws: `ImportError` for an empty file, an unterminated quote in the header, or an empty
    ///   or duplicate column name (names compare case-insensitively).
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
        let outcome = try parser.parse(bytes, from: start, line: line, separator: chosen.separator, file: source.file, source: source)
        for k in 0..<outcome.count {
            let span = parser.spans[k]
            var text = source.string(Int(span.start)..<Int(span.end))
            if span.flags == FieldSpan.escapedQuotes { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
            names.append(text.trimmingCharacters(in: .whitespaces))
            offsets.append(Int(span.origin))
        }
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            let location = SourceLocation(file: source.file, line: line, column: source.column(ofByte: offsets[k]))
            if name.isEmpty {
                // A trailing empty column from a separator at the end of the header is common in
                // Excel exports; it is still an error, because data rows would carry a field there.
                throw ImportError(.emptyHeaderName(index: k + 1), at: location, lineText: source.lineText(line))
            }
            let key = name.lowercased()
            if let first = seen[key] {
                throw ImportError(.duplicateHeaderName(name, firstColumn: first + 1), at: location, lineText: source.lineText(line))
            }
            seen[key] = k
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

    /// A cursor over one of `parts` consecutive pieces of the data, for reading them concurrently.
    ///
    /// The data is cut near `k/parts` of its length, at the first line start that the quote parity
    /// (an even number of `"` since the first data record) puts outside a quoted field. Part `k`
    /// starts at its cut and stops before the first record that starts at or after the next
    /// target offset; because the first part stops at the first record boundary at or after that
    /// target too, consecutive parts meet exactly when the cut is a true record boundary. That
    /// holds for every well-formed file, but a stray quote inside an unquoted field (`ab"c`) can
    /// mislead the parity, so the caller must check that part `k - 1` ended (`position`) where
    /// part `k` starts (`start`), and otherwise continue part `k - 1` with `extendToEnd()`.
    ///
    /// Line numbers: part 0 counts from the file's real lines; later parts count from 1 at their
    /// start, so the caller adds the lines before the part (the previous part's `line - 1`).
    /// - Complexity: O(bytes before the cut) to find it, for `part > 0` (call it on the thread
    ///   that will read the part).
    public func makeCursor(part: Int, of parts: Int, decoding table: CSVCodeTable? = nil) -> CSVCursor {
        precondition(parts >= 1 && part >= 0 && part < parts)
        let count = source.bytes.count
        func target(_ k: Int) -> Int { k >= parts ? count : dataStart + (count - dataStart) / parts * k }
        if part == 0 {
            return CSVCursor(reader: self, start: dataStart, line: dataLine, end: target(1), table: table)
        }
        let start = Self.lineStartOutsideQuotes(source.bytes, from: dataStart, atOrAfter: target(part))
        return CSVCursor(reader: self, start: start, line: 1, end: target(part + 1), table: table)
    }

    /// A cursor that continues to the end of the file from `position`, which must be where an
    /// earlier cursor of this reader stopped (a record boundary), numbering lines from `line`.
    public func makeCursor(resumingAt position: Int, line: Int, decoding table: CSVCodeTable? = nil) -> CSVCursor {
        CSVCursor(reader: self, start: position, line: line, end: source.bytes.count, table: table)
    }

    /// The first offset at or after `target` that starts a line and has an even number of quotes
    /// between `from` and it; the end of the bytes when there is none.
    static func lineStartOutsideQuotes(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, atOrAfter target: Int) -> Int {
        let n = bytes.count
        guard let p = bytes.baseAddress, target < n else { return n }
        var inside = countQuotes(p, from: from, to: target) % 2 == 1
        var i = target
        // A line starts after LF, or after a CR that no LF follows.
        if i > from, !inside {
            let previous = p[i - 1]
            if previous == 0x0A || (previous == 0x0D && p[i] != 0x0A) { return i }
        }
        while i < n {
            let c = p[i]
            i += 1
            if c == 0x22 {
                inside.toggle()
            } else if !inside && (c == 0x0A || (c == 0x0D && (i == n || p[i] != 0x0A))) {
                return i
            }
        }
        return n
    }

    /// Number of `"` bytes in `p[from..<to]`: `memchr` to the first one (files without quotes
    /// cost a single fast scan), then eight bytes at a time.
    static func countQuotes(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let first = memchr(p + from, 0x22, to - from) else { return 0 }
        var i = UnsafeRawPointer(first).assumingMemoryBound(to: UInt8.self) - p
        var quotes = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i + 8 <= to {
            // Bytes equal to '"' become zero; a zero byte is the one whose low 7 bits plus 0x7F
            // do not carry into its high bit and whose high bit is clear (no borrow between bytes).
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ (ones &* 0x22)
            let nonZero = ((word & low7) &+ low7) | word
            quotes += (~nonZero & ~low7).nonzeroBitCount
            i += 8
        }
        while i < to {
            if p[i] == 0x22 { quotes += 1 }
            i += 1
        }
        return quotes
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

    /// Lifts the part's end: the cursor continues to the end of the file.
    public mutating func extendToEnd() { end = count }

    /// The next data record, or nil at the end of the file (or of the cursor's part).
    /// - Throws: `ImportError.unterminatedQuote`.
    @inline(__always)
    public mutating func next() throws(ImportError) -> CSVRecord? {
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
            file: source.file, source: source)
        let record = CSVRecord(
            index: summary.records, line: line, count: outcome.count,
            strayAfterQuote: outcome.stray, base: base, fields: parser.spans,
            values: parser.table == nil ? nil : UnsafePointer(parser.values))
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
/// `CSVCodeTable`, short plain numbers are looked up in the same pass (one to five bytes read
/// ahead instead of a byte loop), which is what makes reading a survey export cheap.
final class RecordParser {
    private(set) var spans: UnsafeMutablePointer<FieldSpan>
    /// Table value per field (only written when there is a table).
    private(set) var values: UnsafeMutablePointer<Int16>
    private var capacity: Int
    /// The code table's entries (`CSVCodeTable.stride` per column), owned by the parser.
    let table: UnsafeMutablePointer<Int16>?
    let tableColumns: Int

    init(capacity: Int, table: CSVCodeTable? = nil) {
        self.capacity = max(capacity, 8)
        spans = .allocate(capacity: self.capacity)
        values = .allocate(capacity: self.capacity)
        if let table, table.columns > 0 {
            let entries = UnsafeMutablePointer<Int16>.allocate(capacity: table.entries.count)
            entries.initialize(from: table.entries, count: table.entries.count)
            self.table = entries
            tableColumns = table.columns
        } else {
            self.table = nil
            tableColumns = 0
        }
    }

    deinit {
        spans.deallocate()
        values.deallocate()
        table?.deallocate()
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: spans, count: capacity)
        spans.deallocate()
        spans = bigger
        let biggerValues = UnsafeMutablePointer<Int16>.allocate(capacity: capacity * 2)
        biggerValues.moveInitialize(from: values, count: capacity)
        values.deallocate()
        values = biggerValues
        capacity *= 2
    }

    struct Outcome {
        var count: Int
        var next: Int
        var nextLine: Int
        var stray: Int?
    }

    /// Parses the record that starts at `from`. The caller has skipped blank lines.
    @inline(__always)
    func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, from: Int, line startLine: Int, separator: UInt8,
        file: String, source: SourceText
    ) throws(ImportError) -> Outcome {
        guard let p = buffer.baseAddress else { return Outcome(count: 0, next: from, nextLine: startLine, stray: nil) }
        let n = buffer.count
        var i = from
        var line = startLine
        var count = 0
        var stray: Int?
        let table = self.table
        let tableColumns = self.tableColumns
        @inline(__always) func ends(_ c: UInt8) -> Bool { c == separator || c == 0x0A || c == 0x0D }
        while true {
            if count == capacity { grow() }
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
                values[count] = CSVCodeTable.slow
            } else {
                let start = i
                var value = CSVCodeTable.slow
                var found = false
                // Fast path: empty, or one or two digits with an optional ",0"/".0", then the end
                // of the field. Reads at most p[i + 4], hence the distance to the end of the bytes.
                if let table, count < tableColumns, i + 5 <= n {
                    let entries = table + count &* CSVCodeTable.stride
                    let c0 = p[i]
                    if ends(c0) {
                        value = entries[0]
                        found = true
                    } else if c0 &- 0x30 < 10 {
                        var number = Int(c0 &- 0x30)
                        var j = i + 1
                        if p[j] &- 0x30 < 10 {
                            number = number &* 10 &+ Int(p[j] &- 0x30)
                            j += 1
                        }
                        var c = p[j]
                        // The separator test comes first: with ',' as separator "7,0" is two fields.
                        if !ends(c), c == 0x2C || c == 0x2E, p[j + 1] == 0x30 {
                            j += 2
                            c = p[j]
                        }
                        if ends(c) {
                            value = entries[1 &+ number]
                            i = j
                            found = true
                        }
                    }
                }
                if !found {
                    // Bytes above '\r' that are not the separator cannot end a field: one compare each.
                    while i < n {
                        let c = p[i]
                        if c > 0x0D && c != separator { i += 1; continue }
                        if c == separator || c == 0x0A || c == 0x0D { break }
                        i += 1
                    }
                }
                spans[count] = FieldSpan(start: Int64(start), end: Int64(i), origin: Int64(start), flags: FieldSpan.unquoted)
                values[count] = value
            }
            count += 1
            guard i < n else { return Outcome(count: count, next: n, nextLine: line + 1, stray: stray) }
            let c = p[i]
            if c == separator {
                i += 1
                continue
            }
            i += (c == 0x0D && i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
            return Outcome(count: count, next: i, nextLine: line + 1, stray: stray)
        }
    }
}
