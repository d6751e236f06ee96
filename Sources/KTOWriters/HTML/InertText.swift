import KTOText

/// Whether `HTMLEscaper` would return a text unchanged, decided by one scan of its UTF-8 bytes:
/// most of a report's texts (numbers, labels, Dutch sentences) are, and for those the builder
/// appends them as they are instead of escaping them scalar by scalar.
///
/// A text is left unchanged when it has none of `& < > " '`, no CR (line breaks are normalised
/// to LF), no control character that is removed (C0 but tab and LF, DEL, C1 U+0080-U+009F, the
/// bidi controls U+202A-U+202E and U+2066-U+2069, U+FFFE, U+FFFF), and, in an attribute, no tab
/// or LF (those become character references). Anything else goes through `HTMLEscaper`.
enum InertText {
    static func isInert(_ text: String, inAttribute: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var k = 0
            let count = bytes.count
            while k < count {
                let b = bytes[k]
                switch b {
                case 0x20...0x7E:
                    if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 { return false }
                case 0x09, 0x0A:
                    if inAttribute { return false }
                case 0x00...0x1F, 0x7F:
                    return false
                case 0xC2:
                    if RemovedControls.isC1(bytes, at: k) { return false }
                case 0xE2:
                    if RemovedControls.isBidi(bytes, at: k) { return false }
                case 0xEF:
                    if RemovedControls.isNonCharacter(bytes, at: k) { return false }
                default:
                    break
                }
                k += 1
            }
            return true
        }
    }

    /// `HTMLEscaper.escapeContent(text)`, without the work when nothing changes.
    static func content(_ text: String) -> String {
        isInert(text, inAttribute: false) ? text : HTMLEscaper.escapeContent(text)
    }

    /// `HTMLEscaper.escapeAttribute(text)`, without the work when nothing changes.
    static func attribute(_ text: String) -> String {
        isInert(text, inAttribute: true) ? text : HTMLEscaper.escapeAttribute(text)
    }
}
