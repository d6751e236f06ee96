/// How a number cell is shown. The stored value is always the full number; Excel shows it with
/// the reader's decimal and thousands separators (a decimal comma in Dutch Excel).
public enum NumberFormat: Int, Sendable, Equatable, CaseIterable {
    /// Excel's `General`: as many decimals as needed.
    case general
    /// A whole number, `0`: 7.46 shows as 7.
    case whole
    /// One decimal, `0.0`: 7.46 shows as 7.5 (a rapportcijfer).
    case oneDecimal
    /// Two decimals, `0.00`.
    case twoDecimals
    /// A whole number with thousands separators, `#,##0`: 12345 shows as 12,345 (12.345 in Dutch).
    case thousands
    /// A percentage on the 0-100 scale, as in results.csv: 73.4 shows as 73%. The format is
    /// `0"%"` (a literal percent sign), so the stored number stays 73.4 and is not multiplied.
    case percentWhole
    /// A percentage on the 0-100 scale with one decimal, `0.0"%"`: 73.44 shows as 73.4%.
    case percentOneDecimal

    /// The format code as written in styles.xml.
    var code: String {
        switch self {
        case .general: return "General"
        case .whole: return "0"
        case .oneDecimal: return "0.0"
        case .twoDecimals: return "0.00"
        case .thousands: return "#,##0"
        case .percentWhole: return "0\"%\""
        case .percentOneDecimal: return "0.0\"%\""
        }
    }

    /// The number format id: Excel's built-in ids where the code is built in (ECMA-376 Part 1,
    /// 18.8.30), custom ids from 164 otherwise.
    var id: Int {
        switch self {
        case .general: return 0
        case .whole: return 1
        case .oneDecimal: return 164
        case .twoDecimals: return 2
        case .thousands: return 3
        case .percentWhole: return 165
        case .percentOneDecimal: return 166
        }
    }

    /// Whether the code must be declared in `<numFmts>` (not a built-in id).
    var isCustom: Bool { id >= 164 }
}
