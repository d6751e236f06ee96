import Foundation

/// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`), without Foundation's
/// work (on Linux a round trip through NSString) when there is nothing to trim: the text starts
/// and ends with a visible ASCII character, which neither set contains. Codebook, aggregates and
/// study lines and header names are nearly all like that.
package enum Trimming {
    package static func isTrimmed(first: UInt8?, last: UInt8?) -> Bool {
        guard let first, let last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}

extension String {
    package func trimmingWhitespace(newlines: Bool = false) -> String {
        Trimming.isTrimmed(first: utf8.first, last: utf8.last)
            ? self : trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}

extension Substring {
    package func trimmingWhitespace(newlines: Bool = false) -> String {
        Trimming.isTrimmed(first: utf8.first, last: utf8.last)
            ? String(self) : trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}

extension StringProtocol {
    /// The text with every `byte` (an ASCII character) taken out, byte by byte on the UTF-8:
    /// `replacingOccurrences(of: " ", with: "")` without Foundation's round trip. An ASCII byte
    /// never occurs inside a multi-byte character, so the result is valid UTF-8.
    package func removingASCII(_ byte: UInt8) -> String {
        precondition(byte < 0x80)
        return String(decoding: utf8.filter { $0 != byte }, as: UTF8.self)
    }

    /// The text with every `byte` replaced by `replacement` (both ASCII), byte by byte on the
    /// UTF-8 (`replacingOccurrences(of: ",", with: ".")`).
    package func replacingASCII(_ byte: UInt8, with replacement: UInt8) -> String {
        precondition(byte < 0x80 && replacement < 0x80)
        return String(decoding: utf8.map { $0 == byte ? replacement : $0 }, as: UTF8.self)
    }
}
