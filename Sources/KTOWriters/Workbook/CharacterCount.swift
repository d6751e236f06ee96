/// Character counts (grapheme clusters, as `String.count`) for column widths and row heights,
/// which look at every word of every cell. Walking `Character`s is slow (grapheme breaking and
/// Unicode property lookups), so where a text's characters are all single scalars below U+0300
/// without CR — ASCII and Latin-1, which is nearly every cell — the counts come from one pass
/// over its UTF-8 bytes. Anything else (combining marks, emoji, CR LF) takes the `Character` path.
enum CharacterCount {
    static func of(_ text: Substring) -> Int {
        var text = text
        return text.withUTF8(simpleCount) ?? text.count
    }

    /// The scalar count of `bytes` when each of its characters is one scalar: no CR (CR LF is one
    /// character) and no scalar from U+0300 on, where combining marks, joiners and emoji begin
    /// (no scalar below it extends or joins a grapheme cluster); nil otherwise.
    static func simpleCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        for byte in bytes {
            switch byte {
            case 0x0D: return nil
            case 0x00...0x7F, 0xC2...0xCB: count += 1  // ASCII, or the lead byte of U+0080...U+02FF
            case 0x80...0xBF: continue  // continuation
            default: return nil
            }
        }
        return count
    }

    /// `body` on the UTF-8 bytes of `text` when every character of it is one scalar below U+0300
    /// without CR (`simpleCount`); nil otherwise, for the caller's `Character` path.
    static func withSimpleBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var text = text
        return text.withUTF8 { bytes in simpleCount(bytes) == nil ? nil : body(bytes) }
    }

    /// The characters of the longest line (lines end at LF).
    static func longestLine(_ text: String) -> Int {
        let fast: Int? = withSimpleBytes(text) { bytes in
            var longest = 0
            var line = 0
            for byte in bytes {
                if byte == 0x0A {
                    longest = max(longest, line)
                    line = 0
                } else if byte & 0xC0 != 0x80 {
                    line += 1
                }
            }
            return max(longest, line)
        }
        return fast ?? text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { max($0, of($1)) }
    }

    /// The characters of the longest word, words being separated by white space
    /// (`Character.isWhitespace`).
    static func longestWord(_ text: String) -> Int {
        let fast: Int? = withSimpleBytes(text) { bytes in
            var longest = 0
            var word = 0
            var k = 0
            while k < bytes.count {
                let byte = bytes[k]
                // White space below U+0300: tab, LF, VT, FF, space, NEL (C2 85) and NBSP (C2 A0).
                let space = byte == 0x20 || (0x09...0x0C).contains(byte)
                    || (byte == 0xC2 && k + 1 < bytes.count && (bytes[k + 1] == 0x85 || bytes[k + 1] == 0xA0))
                if space {
                    longest = max(longest, word)
                    word = 0
                    k += byte == 0xC2 ? 2 : 1
                    continue
                }
                if byte & 0xC0 != 0x80 { word += 1 }
                k += 1
            }
            return max(longest, word)
        }
        return fast ?? text.split(whereSeparator: \.isWhitespace).map(of).max() ?? 0
    }

    /// The characters of each word of each line: lines end at LF (an empty line is a line),
    /// words are separated by spaces (empty words are left out). `body` gets a word's length,
    /// or nil at the end of a line.
    static func words(_ text: String, _ body: (Int?) -> Void) {
        let done: Bool? = withSimpleBytes(text) { bytes in
            var word = 0
            for byte in bytes {
                switch byte {
                case 0x0A:
                    if word > 0 { body(word) }
                    body(nil)
                    word = 0
                case 0x20:
                    if word > 0 { body(word) }
                    word = 0
                default:
                    if byte & 0xC0 != 0x80 { word += 1 }
                }
            }
            if word > 0 { body(word) }
            body(nil)
            return true
        }
        guard done == nil else { return }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for word in line.split(separator: " ") { body(of(word)) }
            body(nil)
        }
    }
}
