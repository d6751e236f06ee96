/// Removal of characters that have no place in report output: C0 controls
/// (NUL, ESC, …), DEL, C1 controls, the bidirectional embedding, override and
/// isolate controls (which can make displayed text read differently from what
/// it is) and the noncharacters U+FFFE and U+FFFF. U+FFFD (replacement
/// character) is ordinary text and stays.
enum ControlCharacters {
    /// What to do with CR and CRLF.
    enum LineBreaks {
        /// Keep CR and LF as they are.
        case keep
        /// Turn CRLF and lone CR into LF.
        case normalizeToLineFeed
    }

    /// Whether `scalar` is removed, tab and line breaks aside (those are decided by the caller).
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The scalars of `text` without removed characters; tab and LF are kept,
    /// CR is handled per `lineBreaks`.
    static func sanitized(_ text: String, lineBreaks: LineBreaks) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if isRemoved(scalar) { continue }
            switch (scalar, lineBreaks) {
            case ("\r", .normalizeToLineFeed):
                result.append("\n")
                previousWasCR = true
                continue
            case ("\n", .normalizeToLineFeed) where previousWasCR:
                previousWasCR = false
                continue
            default:
                result.append(scalar)
            }
            previousWasCR = false
        }
        return result
    }
}
