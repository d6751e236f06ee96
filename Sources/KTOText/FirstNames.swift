/// The list of common first names in the Netherlands (see `WordData/README.md`), as sets of
/// lowercased keys for constant-time lookup. Hyphenated first names count when every part is on
/// the list ("Henk-Jan", "Anne-Marie").
enum FirstNames {
    /// Every first name on the list, lowercased, also without diacritics.
    static let all: Set<String> = Set(packedNames.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// First names that are also ordinary words; taken as a name only in context.
    static let alsoWords: Set<String> = Set(
        packedWordNames.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Whether `key` (lowercased) is a first name on the list.
    static func contains(_ key: String) -> Bool {
        if all.contains(key) { return true }
        guard key.contains("-") else { return false }
        let parts = key.split(separator: "-")
        return parts.count >= 2 && parts.allSatisfy { all.contains(String($0)) }
    }

    /// Whether `key` is a first name that is also an ordinary word ("roos", "mark", "wil").
    static func isAlsoWord(_ key: String) -> Bool { alsoWords.contains(key) }
}
