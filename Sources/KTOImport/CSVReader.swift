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
        let parser = RecordParser(capacity: 64, separator: chosen.separator)
        let outcome = try parser.parse(
            bytes, from: start, line: line, separator: chosen.separator, file: source.file, source: source,
            values: parser.ownValues, stride: 1)
        for k in 0..<outcome.count {
            let span = parser.spans[k]
            var text = source.string(Int(span.start)..<Int(span.end))
            if span.flags == FieldSpan.escapedQuotes { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
            names.append(text.trimmingWhitespace())
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
