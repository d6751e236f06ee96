import KTOAnalysis

/// Writes `results.csv`: tidy, machine-readable, one row per meting × group × variable × measure ×
/// category. UTF-8 without BOM, `,` separated, `.` decimals at full precision (the shortest text
/// that reads back as the same Double), LF line ends.
public enum ResultsCSVWriter {
    public static func render(_ rows: [ResultRow]) -> String {
        String(decoding: bytes(rows), as: UTF8.self)
    }

    /// The file's bytes, appended field by field (no String per row: this file has tens of
    /// thousands of rows for a study with many gemeenten).
    public static func bytes(_ rows: [ResultRow]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + rows.count * 96)
        out.append(contentsOf: ResultRow.columns.joined(separator: ",").utf8)
        out.append(0x0A)
        for row in rows {
            field(row.meting, &out)
            field(row.group, &out)
            field(row.variable, &out)
            field(row.measure.rawValue, &out)
            field(row.category, &out)
            out.append(contentsOf: number(row.value).utf8)
            out.append(0x2C)
            if let n = row.n { out.append(contentsOf: String(n).utf8) }
            out.append(0x2C)
            for value in [row.se, row.ciLow, row.ciHigh] {
                out.append(contentsOf: number(value).utf8)
                out.append(0x2C)
            }
            // Flags name category labels, which may hold commas: quoted like any text field.
            out.append(contentsOf: quoted(row.flags.joined(separator: "|")).utf8)
            out.append(0x0A)
        }
        return out
    }

    /// A text field with its trailing comma, quoted where needed.
    static func field(_ text: String, _ out: inout [UInt8]) {
        out.append(contentsOf: quoted(text).utf8)
        out.append(0x2C)
    }

    /// Full precision; integers without a fraction ("649", not "649.0").
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// RFC 4180 quoting for machine readers. Cells are our own identifiers and labels, never
    /// formulas: this file is for programs, the tables book is the one for Excel.
    static func quoted(_ field: String) -> String {
        // A byte scan: these four are ASCII, and a Character walk was a third of this writer's time.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
