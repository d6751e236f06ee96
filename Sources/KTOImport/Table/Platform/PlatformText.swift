import Foundation

/// Text helpers shared by the platform readers and `kto init`.
public enum PlatformText {
    /// Lower case, runs of spaces (and no-break spaces, tabs, newlines) folded to one, trimmed.
    public static func fold(_ text: String) -> String {
        text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline || $0 == "\u{00A0}" })
            .joined(separator: " ")
    }

    /// A variable name made from a text: ASCII letters and digits, `_` between words, at most
    /// `limit` characters, starting with a letter (`q` is put before a leading digit).
    public static func slug(_ text: String, limit: Int = 32) -> String {
        var out = ""
        var gap = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if gap && !out.isEmpty { out += "_" }
                out.unicodeScalars.append(scalar)
                gap = false
            } else {
                gap = true
            }
            if out.count >= limit { break }
        }
        out = out.lowercased()
        if let first = out.first, first.isNumber { out = "q" + out }
        return out.isEmpty ? "v" : String(out.prefix(limit))
    }

    /// Cells in one line: newlines and runs of spaces become one space.
    public static func oneLine(_ text: String) -> String {
        // `isNewline`: a CRLF is one Character, equal to neither "\r" nor "\n".
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }
}
