import KTOAnalysis

/// Writes `results.csv`: tidy, machine-readable, one row per meting × group × variable × measure ×
/// category. UTF-8 without BOM, `,` separated, `.` decimals at full precision (the shortest text
/// that reads back as the same Double), LF line ends.
public enum ResultsCSVWriter {
    public static func render(_ rows: [ResultRow]) -> String {
        String(decoding: bytes(rows), as: UTF8.self)
    }

    /// The file of `results.rows`: its blocks (`StudyResults.rows(block:)`) made and encoded on
    /// all cores, joined in order, so the bytes are those of `bytes(results.rows)`.
    public static func bytes(_ results: StudyResults) -> [UInt8] {
        let blocks = parallelMap(results.rowBlocks) { k in
            var out: [UInt8] = []
            encode(results.rows(block: k), into: &out)
            return out
        }
        var out = header
        out.reserveCapacity(out.count + blocks.reduce(0) { $0 + $1.count })
        for block in blocks { out += block }
        return out
    }

    /// The file's bytes, appended field by field (no String per row: this file has tens of
    /// thousands of rows for a study with many gemeenten).
    public static func bytes(_ rows: [ResultRow]) -> [UInt8] {
        var out = header
        out.reserveCapacity(64 + rows.count * 96)
        encode(rows, into: &out)
        return out
    }

    static var header: [UInt8] { Array((ResultRow.columns.joined(separator: ",") + "\n").utf8) }

    static func encode(_ rows: [ResultRow], into out: inout [UInt8]) {
        // The rows of a domain share meting, group and variable: those three fields are encoded
        // once and copied while they stay the same.
        var prefixOf: (meting: String, group: String, variable: String)?
        var prefix: [UInt8] = []
        // By index, not `for row in rows`: each row is read in place instead of copied (a copy
        // retains and releases its texts and flags).
        for r in rows.indices {
            if prefixOf?.meting == rows[r].meting, prefixOf?.group == rows[r].group, prefixOf?.variable == rows[r].variable {
                out.append(contentsOf: prefix)
            } else {
                let row = rows[r]
                prefix.removeAll(keepingCapacity: true)
                field(row.meting, &prefix)
                field(row.group, &prefix)
                field(row.variable, &prefix)
                prefixOf = (row.meting, row.group, row.variable)
                out.append(contentsOf: prefix)
            }
            encodeRest(of: rows[r], into: &out)
        }
    }

    /// A row's fields after meting, group and variable, and its line end.
    static func encodeRest(of row: borrowing ResultRow, into out: inout [UInt8]) {
        field(row.measure.rawValue, &out)
        field(row.category, &out)
        append(row.value, &out)
        out.append(0x2C)
        if let n = row.n { appendInteger(Int64(n), &out) }
        out.append(0x2C)
        append(row.se, &out)
        out.append(0x2C)
        append(row.ciLow, &out)
        out.append(0x2C)
        append(row.ciHigh, &out)
        out.append(0x2C)
        // Flags name category labels, which may hold commas: quoted like any text field.
        if row.flags.contains(where: needsQuotes) {
            out.appendUTF8(quoted(row.flags.joined(separator: "|")))
        } else {
            for (k, flag) in row.flags.enumerated() {
                if k > 0 { out.append(0x7C) }
                out.appendUTF8(flag)
            }
        }
        out.append(0x0A)
    }

    /// A text field with its trailing comma, quoted where needed.
    static func field(_ text: String, _ out: inout [UInt8]) {
        // One look at the bytes, read in place: copied as they are, or quoted.
        func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        let copied: Bool
        if let inPlace = text.utf8.withContiguousStorageIfAvailable(plain) {
            copied = inPlace
        } else {
            var contiguous = text
            copied = contiguous.withUTF8(plain)
        }
        if !copied { out.appendUTF8(quoted(text)) }
        out.append(0x2C)
    }

    /// `number(value)`'s bytes, without a String for the integers.
    static func append(_ value: Double?, _ out: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        if value == value.rounded(), abs(value) < 1e15 { return appendInteger(Int64(value), &out) }
        // `write(to:)` gives the digits of `description`; `ByteOutput` takes them as bytes.
        var output = ByteOutput()
        swap(&output.bytes, &out)
        value.write(to: &output)
        swap(&output.bytes, &out)
    }

    /// Decimal digits of an integer, as `String(value)` writes them.
    static func appendInteger(_ value: Int64, _ out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Bytes as a text stream. A Double writes its digits through `_writeASCII` (a requirement of
    /// `TextOutputStream` with a default that makes a String first); taking them as bytes here
    /// halves the cost of the file's hundreds of thousands of numbers. Were the standard library
    /// to stop calling it, `write` would take the same text.
    struct ByteOutput: TextOutputStream {
        var bytes: [UInt8] = []

        mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    /// Full precision; integers without a fraction ("649", not "649.0").
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Whether a field needs RFC 4180 quotes: it holds a comma, a quote or a line break. A byte
    /// scan: these four are ASCII.
    static func needsQuotes(_ field: String) -> Bool {
        var field = field
        return field.withUTF8 { bytes in bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }
    }

    /// RFC 4180 quoting for machine readers. Cells are our own identifiers and labels, never
    /// formulas: this file is for programs, the tables book is the one for Excel.
    static func quoted(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
