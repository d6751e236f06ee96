/// Text made safe for the XML parts of a workbook (XML 1.0, UTF-8).
enum XMLText {
    /// Whether XML 1.0 allows `scalar` at all (its `Char` production). Lone surrogates cannot
    /// occur in a Swift string, so only C0 controls and U+FFFE/U+FFFF are left to refuse.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Element content: `&`, `<`, `>` escaped, characters XML forbids dropped, CR kept as `&#13;`
    /// (a parser would turn a literal CR into LF).
    static func content(_ text: String) -> String {
        escaped(text, inAttribute: false)
    }

    /// An attribute value for `"`-quoted attributes: as `content`, plus `"` and, since attribute
    /// normalisation would turn them into spaces, tab and LF as character references.
    static func attribute(_ text: String) -> String {
        escaped(text, inAttribute: true)
    }

    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where inAttribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\t" where inAttribute: out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where inAttribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default: if isAllowed(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// A string as SpreadsheetML stores it (ST_Xstring, ECMA-376 Part 1, 22.9.2.19): a literal
    /// `_xHHHH_` in the text would be read back as the character U+HHHH, so its underscore is
    /// written as `_x005F_`, as Excel does. Not yet XML-escaped.
    static func xstring(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", isEscapeAt(scalars, i) { out.append(contentsOf: "_x005F".unicodeScalars) }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// Whether `_xHHHH_` starts at `i`.
    private static func isEscapeAt(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// A number as written in `<v>`: whole numbers without a decimal point, others in Swift's
    /// shortest round-trip form (`0.1`, `1e-05`), which is an `xsd:double`. Finite only.
    /// The bytes of `Array.appendNumber`, which writes the cells' `<v>`, as text (column widths,
    /// row heights).
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        bytes.appendNumber(value)
        return String(decoding: bytes, as: UTF8.self)
    }
}
