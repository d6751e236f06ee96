/// One cell of an export.
enum Cell: Sendable, Equatable {
    case empty
    case number(Int)
    /// A label written instead of a code ("weet niet", "n.v.t.").
    case label(String)
    /// Multi-code answer written as `1|4`.
    case codes([Int])
    case text(String)

    var rendered: String {
        switch self {
        case .empty: return ""
        case .number(let n): return String(n)
        case .label(let s), .text(let s): return s
        case .codes(let list): return list.map(String.init).joined(separator: "|")
        }
    }
}

/// Writes records the way the scanning office delivers them: `;` between fields, fields with `;`,
/// `"` or a line break in double quotes (quotes doubled), CRLF after every record, Windows-1252.
enum CSVExport {
    static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }

    static func bytes(header: [String], rows: [[Cell]]) -> [UInt8] {
        var text = header.map(field).joined(separator: ";") + "\r\n"
        for row in rows {
            text += row.map { field($0.rendered) }.joined(separator: ";")
            text += "\r\n"
        }
        return Windows1252Encoder.encodeLossy(text)
    }
}
