/// Cleans untrusted text for plain-text output (console, `.txt`, Markdown source).
public enum TextCleaner {
    /// Removes control characters (C0 except tab and line feed, DEL, C1, bidi
    /// overrides, U+FFFE/U+FFFF) and turns CRLF and lone CR into LF.
    ///
    /// With `singleLine`, every run of white space (spaces, tabs, line breaks,
    /// no-break spaces) becomes one space and the ends are trimmed, for use
    /// where the text must stay on one line (a table cell, a log line).
    public static func plain(_ text: String, singleLine: Bool = false) -> String {
        if singleLine && isPlainSingleLine(text) { return text }
        return plainByScalars(text, singleLine: singleLine)
    }

    /// Whether `text` is printable ASCII with single spaces between words and none at the ends:
    /// then `plain(text, singleLine: true)` is `text` itself (no control character to drop, no
    /// white space to fold). Most open answers are; one pass over the bytes says so.
    static func isPlainSingleLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte >= 0x20 && byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            return true
        }
    }

    /// `plain`, scalar by scalar (the rules themselves).
    static func plainByScalars(_ text: String, singleLine: Bool) -> String {
        let scalars = ControlCharacters.sanitized(text, lineBreaks: .normalizeToLineFeed)
        var output = String.UnicodeScalarView()
        guard singleLine else {
            output.append(contentsOf: scalars)
            return String(output)
        }
        var pendingSpace = false
        for scalar in scalars {
            // ASCII white space is tab to carriage return and the space; only other scalars need
            // the Unicode property lookup.
            if scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(" ") }
            pendingSpace = false
            output.append(scalar)
        }
        return String(output)
    }
}
