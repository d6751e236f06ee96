import KTOText

/// `TextCleaner.plain(text, singleLine: true)` without its work when it would change nothing,
/// decided by one scan of the UTF-8 bytes: the text has no removed control character (C0 but
/// tab and LF, DEL, C1, U+202A-U+202E, U+2066-U+2069, U+FFFE, U+FFFF), no white space other than
/// single spaces between words (no tab, line break, no-break or other Unicode space, no space at
/// either end, no two in a row). Report labels and sentences are nearly all like that; the rest
/// go through `TextCleaner`.
enum PlainText {
    static func singleLine(_ text: String) -> String {
        isClean(text) ? text : TextCleaner.plain(text, singleLine: true)
    }

    static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            if count > 0, bytes[0] == 0x20 || bytes[count - 1] == 0x20 { return false }
            var k = 0
            while k < count {
                let b = bytes[k]
                switch b {
                case 0x21...0x7E:
                    break
                case 0x20:
                    if k + 1 < count, bytes[k + 1] == 0x20 { return false }
                case 0x00...0x1F, 0x7F:
                    return false
                case 0xC2:
                    // C1 controls U+0080-U+009F (U+0085 among them) and U+00A0.
                    if k + 1 < count, bytes[k + 1] <= 0x9F || bytes[k + 1] == 0xA0 { return false }
                case 0xE1:
                    // U+1680.
                    if k + 2 < count, bytes[k + 1] == 0x9A, bytes[k + 2] == 0x80 { return false }
                case 0xE2:
                    if k + 2 < count {
                        let (b1, b2) = (bytes[k + 1], bytes[k + 2])
                        // U+2000-U+200A, U+2028, U+2029, U+202A-U+202E, U+202F.
                        if b1 == 0x80, b2 <= 0x8A || (0xA8...0xAF).contains(b2) { return false }
                        // U+205F, U+2066-U+2069.
                        if b1 == 0x81, b2 == 0x9F || (0xA6...0xA9).contains(b2) { return false }
                    }
                case 0xE3:
                    // U+3000.
                    if k + 2 < count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x80 { return false }
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
}
