/// Finds street addresses: a capitalised word ending in a Dutch street suffix
/// (straat, laan, weg, plein, …) followed by a house number, with the
/// capitalised words and surname prefixes before it that belong to the street
/// name ("Damstraat 12", "Burgemeester Visserlaan 4b", "Oude Rijnsburgerweg 23-II",
/// "Burgemeester van Karnebeeklaan 7"). Quantities ("Pakweg 50 euro") do not count.
struct StreetAddressDetector {
    let grammar: NameGrammar
    private let suffixes = DutchLexicon.streetSuffixes
    private static let streetParticles: Set<String> = ["van", "de", "der", "den", "ter", "ten", "'t", "het"]

    func detect(in t: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var i = 0
        while i < t.count {
            guard t.isUpper(i), t.isBoundaryBefore(i) else { i += 1; continue }
            let wordEnd = self.wordEnd(in: t, from: i)
            // A house number after the word first: nearly every capitalised word has none, and
            // that test is cheaper than lowercasing the word to match the street suffixes.
            let numberStart = t.skipSpaces(from: wordEnd)
            if numberStart > wordEnd, let numberEnd = HouseNumber.end(in: t, at: numberStart),
                !HouseNumber.isFollowedByQuantityWord(t, at: numberEnd), isStreetWord(t, i..<wordEnd)
            {
                found.append(Detection(range: streetStart(in: t, wordStart: i)..<numberEnd, kind: .address))
                i = numberEnd
                continue
            }
            i = max(wordEnd, i + 1)
        }
        return found
    }

    private func wordEnd(in t: ScalarText, from i: Int) -> Int {
        var j = t.letterRunEnd(from: i)
        while t.isWordJoiner(j), t.isLetter(j + 1) {
            j = t.letterRunEnd(from: j + 1)
        }
        return j
    }

    private func isStreetWord(_ t: ScalarText, _ range: Range<Int>) -> Bool {
        guard range.contains(where: { t.isLower($0) }) else { return false }
        let word = t.lowercased(range)
        guard !DutchLexicon.nonStreets.contains(word) else { return false }
        let length = word.unicodeScalars.count
        return suffixes.contains { word.hasSuffix($0) && length >= $0.unicodeScalars.count + 2 }
    }

    /// Walks back over capitalised words (and lowercase prefixes between them) that belong to the name.
    private func streetStart(in t: ScalarText, wordStart: Int) -> Int {
        var start = wordStart
        var cursor = wordStart
        for _ in 0..<4 {
            var p = cursor - 1
            guard t.isSpace(p) else { break }
            while t.isSpace(p - 1) { p -= 1 }
            let end = p
            var ws = end
            while t.isLetter(ws - 1) || (t.isWordJoiner(ws - 1) && t.isLetter(ws - 2)) {
                ws -= 1
            }
            guard ws < end, !t.isDigit(ws - 1) else { break }
            let word = t.lowercased(ws..<end)
            if StreetAddressDetector.streetParticles.contains(word) {
                if t.isUpper(ws) { start = ws }
            } else if grammar.capitalisedWordEnd(in: t, at: ws) == end {
                start = ws
            } else {
                break
            }
            cursor = ws
        }
        return start
    }
}
