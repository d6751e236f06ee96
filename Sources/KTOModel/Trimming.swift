import Foundation

/// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`), without Foundation's
/// work (on Linux a round trip through NSString) when there is nothing to trim: the text starts
/// and ends with a visible ASCII character, which neither set contains. Codebook, aggregates and
/// study lines are nearly all like that.
enum Trimming {
    static func isTrimmed(first: UInt8?, last: UInt8?) -> Bool {
        guard let first, let last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}

extension String {
    func trimmingWhitespace(newlines: Bool = false) -> String {
        Trimming.isTrimmed(first: utf8.first, last: utf8.last)
            ? self : trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}

extension Substring {
    func trimmingWhitespace(newlines: Bool = false) -> String {
        Trimming.isTrimmed(first: utf8.first, last: utf8.last)
            ? String(self) : trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}
