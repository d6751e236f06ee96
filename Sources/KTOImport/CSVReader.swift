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
    public func makeCursor() -> CSVCursor { CSVCursor(reader: self) }

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

/// Walks the data records of a `CSVReader` one by one.
///
/// The record returned by `next()` points into the file's bytes and into the cursor's field
/// buffer: it is valid until the next call to `next()`.
public struct CSVCursor {
    let source: SourceText
    let separator: UInt8
    let parser: RecordParser
    let base: UnsafePointer<UInt8>
    let count: Int
    /// Byte offset of the next record.
    public private(set) var position: Int
    var line: Int
    /// What the pass has seen so far; complete once `next()` returned nil.
    public private(set) var summary: CSVReader.PassSummary

    init(reader: CSVReader) {
        source = reader.source
        separator = reader.dialect.separator
        parser = RecordParser(capacity: max(reader.header.count, 8) + 4)
        let bytes = reader.source.bytes
        // The storage is owned by `source`, which the cursor keeps alive.
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = bytes.count
        position = reader.dataStart
        line = reader.dataLine
        summary = CSVReader.PassSummary(records: 0, blankLines: 0, lines: reader.dataLine - 1)
    }

    /// The next data record, or nil at the end of the file.
    /// - Throws: `ImportError.unterminatedQuote`.
    @inline(__always)
    public mutating func next() throws(ImportError) -> CSVRecord? {
        let n = count
        while position < n {
            let b = base[position]
            guard b == 0x0A || b == 0x0D else { break }
            position += (b == 0x0D && position + 1 < n && base[position + 1] == 0x0A) ? 2 : 1
            line += 1
            summary.blankLines += 1
        }
        guard position < n else {
            summary.lines = line - 1
            return nil
        }
        let outcome = try parser.parse(
            UnsafeBufferPointer(start: base, count: n), from: position, line: line, separator: separator,
            file: source.file, source: source)
        let record = CSVRecord(
            index: summary.records, line: line, count: outcome.count,
            strayAfterQuote: outcome.stray, base: base, fields: parser.spans)
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
/// or uniqueness checks, and grows the buffer only for a record wider than any before.
final class RecordParser {
    private(set) var spans: UnsafeMutablePointer<FieldSpan>
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 8)
        spans = .allocate(capacity: self.capacity)
    }

    deinit { spans.deallocate() }

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
            } else {
                let start = i
                // Bytes above '\r' that are not the separator cannot end a field: one compare each.
                while i < n {
                    let c = p[i]
                    if c > 0x0D && c != separator { i += 1; continue }
                    if c == separator || c == 0x0A || c == 0x0D { break }
                    i += 1
                }
                spans[count] = FieldSpan(start: Int64(start), end: Int64(i), origin: Int64(start), flags: FieldSpan.unquoted)
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
