/// Builds CSV cells that are safe to open in Excel and similar spreadsheets.
///
/// A cell is sanitised (NUL and other control characters removed; tab, CR and
/// LF kept), made inert against formula injection, and quoted when needed.
public enum CSVCell {
    /// Characters that make a spreadsheet read a cell as a formula or command
    /// when they come first (also their full-width forms).
    private static let formulaStarters: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]

    /// One CSV field for `separator` (`;` or `,`).
    ///
    /// - A value whose first character (after leading spaces) is `=`, `+`, `-`,
    ///   `@`, tab or CR gets a leading apostrophe, so it is shown as text, unless
    ///   it is a plain negative number such as `-3` or `-0,5`, which stays a number.
    /// - The field is quoted when it contains the separator, a double quote, CR
    ///   or LF; inner double quotes are doubled.
    public static func field(_ value: String, separator: Character) -> String {
        let scalars = ControlCharacters.sanitized(value, lineBreaks: .keep)
        var text = String.UnicodeScalarView()
        if needsFormulaGuard(scalars) { text.append("'") }
        text.append(contentsOf: scalars)
        let separators = Set(separator.unicodeScalars)
        let mustQuote = text.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || separators.contains($0) }
        guard mustQuote else { return String(text) }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// One CSV record: the fields made safe with ``field(_:separator:)`` and
    /// joined by `separator`, without a line terminator.
    public static func row(_ values: [String], separator: Character) -> String {
        values.map { field($0, separator: separator) }.joined(separator: String(separator))
    }

    /// Whether `text` is a plain number with a leading minus: `-3`, `-0,5`,
    /// `-1.234,56` — digits with `.` or `,` between digits, nothing else.
    public static func isNegativeNumber(_ text: String) -> Bool {
        isNegativeNumber(Array(text.unicodeScalars))
    }

    private static func isNegativeNumber(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 2, scalars[0] == "-" else { return false }
        var previousWasDigit = false
        for scalar in scalars.dropFirst() {
            if ("0"..."9").contains(scalar) {
                previousWasDigit = true
            } else if (scalar == "," || scalar == "."), previousWasDigit {
                previousWasDigit = false
            } else {
                return false
            }
        }
        return previousWasDigit
    }

    private static func needsFormulaGuard(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first(where: { $0 != " " }) else { return false }
        guard formulaStarters.contains(first) else { return false }
        let trimmed = Array(scalars.drop { $0 == " " })
        return !isNegativeNumber(trimmed)
    }
}

/// One Excel-safe CSV field; see ``CSVCell/field(_:separator:)``.
public func csvField(_ s: String, separator: Character) -> String {
    CSVCell.field(s, separator: separator)
}

/// One Excel-safe CSV record without line terminator; see ``CSVCell/row(_:separator:)``.
public func csvRow(_ fields: [String], separator: Character) -> String {
    CSVCell.row(fields, separator: separator)
}
