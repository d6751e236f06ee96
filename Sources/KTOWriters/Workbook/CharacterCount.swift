/// `String.count` (characters, i.e. grapheme clusters) without the grapheme breaking where the
/// answer is the byte count: ASCII without CR (CR LF is one character). Column widths and row
/// heights count every word of every cell.
enum CharacterCount {
    static func of(_ text: Substring) -> Int {
        var text = text
        let bytes: Int? = text.withUTF8 { utf8 in
            utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? utf8.count : nil
        }
        return bytes ?? text.count
    }
}
