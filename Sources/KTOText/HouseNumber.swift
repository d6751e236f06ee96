/// Reads a Dutch house number with its addition: `12`, `12a`, `4b`, `23-II`, `7-3`, `14-hs`.
enum HouseNumber {
    /// Words that show a number after a street-like word is a quantity, not a house number.
    private static let quantityWords: Set<String> = [
        "euro", "eur", "cent", "procent", "keer", "x", "jaar", "jaren", "maand", "maanden",
        "week", "weken", "dag", "dagen", "uur", "uren", "minuten", "min", "kwartier", "kilometer", "km",
        "meter", "m",
    ]

    /// The end offset of a house number starting at `i`, if there is one.
    static func end(in t: ScalarText, at i: Int) -> Int? {
        guard let first = t.digitValue(i), first != 0 else { return nil }
        let digitsEnd = t.digitRunEnd(from: i)
        guard digitsEnd - i <= 5 else { return nil }
        var end = digitsEnd
        if t.isLetter(end) {
            // Attached addition of at most two letters: 12a, 12hs.
            let lettersEnd = t.letterRunEnd(from: end)
            guard lettersEnd - end <= 2, !t.isDigit(lettersEnd) else { return nil }
            end = lettersEnd
        } else if t.is(end, "-"), t.isWordChar(end + 1) {
            var j = end + 1
            while t.isWordChar(j) { j += 1 }
            if j - (end + 1) <= 4 { end = j }
        }
        guard DigitGroups.canEnd(t, at: end) else { return nil }
        return end
    }

    /// Whether the word after `end` (past spaces) marks the number as a quantity.
    static func isFollowedByQuantityWord(_ t: ScalarText, at end: Int) -> Bool {
        let start = t.skipSpaces(from: end)
        if t.is(start, "%") || t.is(start, "€") { return true }
        let wordEnd = t.letterRunEnd(from: start)
        guard wordEnd > start else { return false }
        return quantityWords.contains(t.lowercased(start..<wordEnd))
    }
}
