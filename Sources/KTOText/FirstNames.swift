/// The list of common first names in the Netherlands (see `WordData/README.md`), as sets of
/// lowercased keys for constant-time lookup. Hyphenated first names count when every part is on
/// the list ("Henk-Jan", "Anne-Marie").
enum FirstNames {
    /// Every first name on the list, lowercased, also without diacritics.
    static let all: Set<String> = unpacked(packedNames)

    /// First names that are also ordinary words; taken as a name only in context.
    static let alsoWords: Set<String> = unpacked(packedWordNames)

    /// The words of a packed list (separated by spaces and line breaks), split on its UTF-8
    /// bytes: the lists are thousands of words, split once per process.
    static func unpacked(_ packed: String) -> Set<String> {
        let bytes = Array(packed.utf8)
        var words = Set<String>(minimumCapacity: bytes.count / 6)
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x20 || bytes[k] == 0x0A {
            if k > start { words.insert(String(decoding: bytes[start..<k], as: UTF8.self)) }
            start = k + 1
        }
        return words
    }

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
