import KTOAnalysis

/// Writes `results.csv`: tidy, machine-readable, one row per meting × group × variable × measure ×
/// category. UTF-8 without BOM, `,` separated, `.` decimals at full precision (the shortest text
/// that reads back as the same Double), LF line ends.
public enum ResultsCSVWriter {
    public static func render(_ rows: [ResultRow]) -> String {
        String(decoding: bytes(rows), as: UTF8.self)
    }

    /// The file of `results.rows`: its blocks (`StudyResults.forEachRow(block:)`) made and
    /// encoded on all cores, each row as it comes, joined in order, so the bytes are those of
    /// `bytes(results.rows)`.
    public static func bytes(_ results: StudyResults) -> [UInt8] {
        OutputFile(path: fileName, pieces: pieces(results)).bytes
    }

    /// The file of `results.rows` as written: the header, then its blocks as encoded, in order
    /// (`bytes(results)` joined).
    public static func pieces(_ results: StudyResults) -> [[UInt8]] {
        let blocks = parallelMap(results.rowBlocks) { k in
            var encoder = Encoder()
            results.forEachRow(block: k) { encoder.add($0) }
            return encoder.out
        }
        return [header] + blocks
    }

    /// The file's name in the report folder.
    public static let fileName = "results.csv"

    /// The file's bytes, appended field by field (no String per row: this file has tens of
    /// thousands of rows for a study with many gemeenten).
    public static func bytes(_ rows: [ResultRow]) -> [UInt8] {
        var encoder = Encoder()
        encoder.out = header
        encoder.out.reserveCapacity(64 + rows.count * 96)
        // By index, not `for row in rows`: each row is read in place instead of copied (a copy
        // retains and releases its texts and flags).
        for r in rows.indices { encoder.add(rows[r]) }
        return encoder.out
    }

    static var header: [UInt8] { Array((ResultRow.columns.joined(separator: ",") + "\n").utf8) }

    /// Rows to bytes, one at a time.
    struct Encoder {
        var out: [UInt8] = []
        // The rows of a domain share meting, group and variable: those three fields are encoded
        // once and copied while they stay the same.
        private var prefixOf: (meting: String, group: String, variable: String)?
        private var prefix: [UInt8] = []

        mutating func add(_ row: borrowing ResultRow) {
            if prefixOf?.meting != row.meting || prefixOf?.group != row.group || prefixOf?.variable != row.variable {
                prefix.removeAll(keepingCapacity: true)
                field(row.meting, &prefix)
                field(row.group, &prefix)
                field(row.variable, &prefix)
                prefixOf = (row.meting, row.group, row.variable)
            }
            // Through its buffer: appending the array itself retains and releases it per row.
            prefix.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            encodeRest(of: row, into: &out)
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
        // Flags name category labels, which may hold commas: quoted like any text field. Copied
        // first and looked at where they landed (one pass over bytes still in cache); quoted
        // instead in the rare case.
        let start = out.count
        for (k, flag) in row.flags.enumerated() {
            if k > 0 { out.append(0x7C) }
            out.appendUTF8(flag)
        }
        if out[start...].contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            out.removeSubrange(start...)
            out.appendUTF8(quoted(row.flags.joined(separator: "|")))
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
        out.appendNumber(value)
    }

    /// Decimal digits of an integer, as `String(value)` writes them.
    static func appendInteger(_ value: Int64, _ out: inout [UInt8]) { out.appendDecimal(value) }

    /// Full precision; integers without a fraction ("649", not "649.0").
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Whether a field needs RFC 4180 quotes: it holds a comma, a quote or a line break. A byte
    /// scan: these four are ASCII.
    static func needsQuotes(_ field: String) -> Bool {
        func special(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        }
        // In place; only a text without contiguous UTF-8 (bridged) is copied first.
        if let found = field.utf8.withContiguousStorageIfAvailable(special) { return found }
        var field = field
        return field.withUTF8(special)
    }

    /// RFC 4180 quoting for machine readers. Cells are our own identifiers and labels, never
    /// formulas: this file is for programs, the tables book is the one for Excel.
    static func quoted(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
