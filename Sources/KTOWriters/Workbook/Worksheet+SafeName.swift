extension Worksheet {
    /// The longest sheet name Excel accepts, in UTF-16 code units.
    public static let maxNameLength = 31
    /// Characters Excel forbids in sheet names.
    static let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]

    /// What is wrong with `name` as a sheet name, or `nil` when it is valid (uniqueness aside).
    public static func nameProblem(_ name: String) -> SheetNameProblem? {
        if name.isEmpty { return .empty }
        if name.utf16.count > maxNameLength { return .tooLong(length: name.utf16.count) }
        if let c = name.unicodeScalars.first(where: { forbidden.contains(Character($0)) }) { return .forbiddenCharacter(Character(c)) }
        if name.unicodeScalars.contains(where: isControl) { return .controlCharacter }
        if name.hasPrefix("'") || name.hasSuffix("'") { return .apostropheAtEdge }
        if name.lowercased() == "history" { return .reserved }
        return nil
    }

    /// A valid sheet name made from free text, unique among `taken` ignoring case.
    ///
    /// Control characters are dropped; `/` and `\` become `-`, `[` and `]` become `(` and `)`,
    /// `:`, `?` and `*` are dropped; runs of white space become one space; apostrophes and spaces
    /// at either end go. Empty text becomes `Blad`. The result is cut to 31 characters (never
    /// inside a character), and when it is taken (or is `History`) a suffix ` (2)`, ` (3)`, … is
    /// added within those 31.
    /// - Parameters:
    ///   - proposed: the wanted name, e.g. a chapter title.
    ///   - taken: names already in use; compared ignoring case.
    /// - Returns: a name for which `nameProblem` is `nil` and that is not in `taken`.
    public static func safeName(_ proposed: String, taken: Set<String>) -> String {
        // Scalar by scalar, so that a forbidden character hidden in a grapheme cluster (`[` with a
        // combining mark) is caught as well.
        var cleaned = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in proposed.unicodeScalars {
            let mapped: Unicode.Scalar?
            switch scalar {
            case "/", "\\": mapped = "-"
            case "[": mapped = "("
            case "]": mapped = ")"
            case ":", "?", "*": mapped = nil
            default: mapped = scalar
            }
            guard let m = mapped else { continue }
            if m.properties.isWhitespace || isControl(m) {
                // Tabs and line breaks count as space; other controls are dropped.
                if m.properties.isWhitespace { pendingSpace = true }
                continue
            }
            if pendingSpace && !cleaned.isEmpty { cleaned.append(" ") }
            pendingSpace = false
            cleaned.append(m)
        }
        var base = trimmed(String(cleaned))
        if base.isEmpty { base = "Blad" }
        base = truncated(base, to: maxNameLength)
        let takenLower = Set(taken.map { $0.lowercased() }).union(["history"])
        if !takenLower.contains(base.lowercased()) { return base }
        var n = 2
        while true {
            let suffix = " (\(n))"
            let candidate = truncated(base, to: maxNameLength - suffix.utf16.count) + suffix
            if !takenLower.contains(candidate.lowercased()) { return candidate }
            n += 1
        }
    }

    /// Control characters as Excel refuses them in names: C0, DEL and C1.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `name` without apostrophes and spaces at either end.
    static func trimmed(_ name: String) -> String {
        let edge: (Character) -> Bool = { $0 == "'" || $0.isWhitespace }
        guard let first = name.firstIndex(where: { !edge($0) }), let last = name.lastIndex(where: { !edge($0) }) else { return "" }
        return String(name[first...last])
    }

    /// The longest prefix of whole characters within `limit` UTF-16 code units, trimmed again.
    static func truncated(_ name: String, to limit: Int) -> String {
        var result = ""
        var length = 0
        for c in name {
            let units = c.utf16.count
            if length + units > limit { break }
            result.append(c)
            length += units
        }
        let cut = trimmed(result)
        return cut.isEmpty ? "Blad" : cut
    }
}
