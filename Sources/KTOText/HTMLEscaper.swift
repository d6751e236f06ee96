/// Escapes untrusted text for HTML output. Both functions remove control
/// characters (C0 except tab and line feed, DEL, C1, bidi embedding/override/
/// isolate controls, U+FFFE/U+FFFF; U+FFFD stays), turn CR and CRLF
/// into LF, and escape `&`, `<`, `>`, `"` and `'`, so the result is inert in
/// element content and in a quoted attribute value alike.
public enum HTMLEscaper {
    /// Escapes `text` for use as HTML element content.
    public static func escapeContent(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Escapes `text` for use inside a quoted (single or double) HTML attribute
    /// value. Tab and line feed become character references so that they
    /// survive attribute-value normalisation.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in ControlCharacters.sanitized(text, lineBreaks: .normalizeToLineFeed) {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\n" where inAttribute: output += "&#10;"
            case "\t" where inAttribute: output += "&#9;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
