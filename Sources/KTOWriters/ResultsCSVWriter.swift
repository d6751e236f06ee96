import KTOAnalysis

/// Writes `results.csv`: tidy, machine-readable, one row per meting × group × variable × measure ×
/// category. UTF-8 without BOM, `,` separated, `.` decimals at full precision (the shortest text
/// that reads back as the same Double), LF line ends.
public enum ResultsCSVWriter {
    public static func render(_ rows: [ResultRow]) -> String {
        var out = ResultRow.columns.joined(separator: ",") + "\n"
        out.reserveCapacity(rows.count * 80)
        for row in rows {
            let fields = [
                row.meting, row.group, row.variable, row.measure.rawValue, row.category,
                number(row.value), row.n.map(String.init) ?? "", number(row.se), number(row.ciLow), number(row.ciHigh),
                row.flags.joined(separator: "|"),
            ]
            out += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Full precision; integers without a fraction ("649", not "649.0").
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// RFC 4180 quoting for machine readers. Cells are our own identifiers and labels, never
    /// formulas: this file is for programs, the tables book is the one for Excel.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
