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
        parser = RecordParser(capacity: max(reader.header.count, 8) + 4, table: table, separator: reader.dialect.separator)
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

    /// The stride for `next(writingValuesTo:stride:)` that its fast loop is specialised for:
    /// the rows of a caller's column-major tile.
    public static let tileStride = RecordParser.tileStride

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
