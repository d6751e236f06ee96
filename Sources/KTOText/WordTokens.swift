/// The words of a text with what stands between them, for the name rules that look at a word's
/// neighbours ("mevrouw" · "Jansen", "consulent" , "Sandra", "geb" . "3" "maart" "1980").
///
/// A word is a run of letters and digits; hyphens and apostrophes between letters join parts
/// ("Jansen-de", "d'Ancona"), "'t" and "'s" are words, "consulent(e)" is one word, and initials
/// ("J.", "A.B.", "a.b.") are one word with their dots.
struct WordTokens {
    /// How a word is written.
    enum Shape: Equatable {
        /// All letters lowercase ("jansen").
        case lower
        /// A capital first letter and some lowercase ("Jansen", "McDonald", "O'Brien").
        case capitalised
        /// Only capitals ("KCC", "BAKKER").
        case upper
        /// One or more letters each followed by a dot ("J.", "a.b.").
        case initials
        /// Digits only ("1978").
        case number
        /// Anything else ("12a", "iPhone").
        case mixed
    }

    struct Token {
        /// Scalar offsets in the text.
        let range: Range<Int>
        /// The word lowercased, typographic apostrophes folded.
        let key: String
        /// How the word is written; in a text written in capitals, capitalised and upper words count as lower.
        let shape: Shape
        /// The characters between the previous word (or the start) and this one, without spaces.
        let gap: String
        /// Whether a line break stands between the previous word and this one.
        let breakBefore: Bool
        /// Whether the first letter is a capital (in the text as written).
        let startsWithCapital: Bool
        /// Whether the word starts a sentence (first word, or after . ! ? or a line break that does
        /// not end an abbreviation or initials).
        let startsSentence: Bool

        /// Only horizontal space (or nothing) between the previous word and this one.
        var followsSpaceOnly: Bool { gap.isEmpty && !breakBefore }
        var isLetters: Bool { shape == .lower || shape == .capitalised || shape == .upper }
    }

    let tokens: [Token]
    /// Whether capitals say something in this text: false when nearly every word is capitalised
    /// ("Ik Ben Heel Blij Met ...") or the text is written in capitals.
    let capitalsAreInformative: Bool

    var count: Int { tokens.count }
    subscript(_ k: Int) -> Token { tokens[k] }

    /// Whether token `k` exists and its key is `key`.
    func isKey(_ k: Int, _ key: String) -> Bool { k >= 0 && k < tokens.count && tokens[k].key == key }

    /// The index after a sequence of keys starting at `k`, each word separated from the previous by space only.
    func matchSequence(_ words: [String], at k: Int) -> Int? {
        guard k + words.count <= tokens.count else { return nil }
        for (offset, word) in words.enumerated() {
            let token = tokens[k + offset]
            guard token.key == word, offset == 0 || token.followsSpaceOnly else { return nil }
        }
        return k + words.count
    }

    /// The index of the token that starts at scalar offset `offset`, if any.
    func index(startingAt offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && tokens[low].range.lowerBound == offset ? low : nil
    }

    init(_ t: ScalarText) {
        var raw: [(range: Range<Int>, gapStart: Int)] = []
        var i = 0
        var gapStart = 0
        while i < t.count {
            if let end = WordTokens.wordEnd(in: t, at: i) {
                raw.append((i..<end, gapStart))
                gapStart = end
                i = end
            } else {
                i += 1
            }
        }
        var upperLetters = 0
        var lowerLetters = 0
        for k in 0..<t.count {
            if t.isUpper(k) { upperLetters += 1 } else if t.isLower(k) { lowerLetters += 1 }
        }
        let shouting = upperLetters >= 6 && upperLetters * 10 >= (upperLetters + lowerLetters) * 7

        var tokens: [Token] = []
        tokens.reserveCapacity(raw.count)
        for (range, gapStart) in raw {
            var gap = String.UnicodeScalarView()
            var breakBefore = false
            for k in gapStart..<range.lowerBound {
                let s = t.lower[k]
                if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" {
                    breakBefore = true
                } else if !t.isSpace(k), gap.count < 8 {
                    gap.append(s)
                }
            }
            var key = String.UnicodeScalarView()
            for k in range { key.append(t.scalars[k] == "\u{130}" ? "i" : t.lower[k]) }
            var shape = WordTokens.shape(t, range)
            if shouting, shape == .upper || shape == .capitalised { shape = .lower }
            let gapText = String(gap)
            let previous = tokens.last
            let endsSentence = gapText.contains { $0 == "." || $0 == "!" || $0 == "?" }
            let abbreviated = gapText == "." && (previous.map { $0.shape == .initials
                || DutchLexicon.abbreviations.contains($0.key) } ?? false)
            let startsSentence = previous == nil || breakBefore || (endsSentence && !abbreviated)
            tokens.append(Token(
                range: range, key: String(key), shape: shape, gap: gapText, breakBefore: breakBefore,
                startsWithCapital: t.isUpper(range.lowerBound), startsSentence: startsSentence))
        }
        self.tokens = tokens
        var capitalised = 0
        var counted = 0
        for token in tokens where !token.startsSentence && token.isLetters && token.range.count >= 3 {
            counted += 1
            if token.shape == .capitalised || token.shape == .upper { capitalised += 1 }
        }
        capitalsAreInformative = !shouting && !(counted >= 4 && capitalised * 4 >= counted * 3)
    }

    /// The end of the word starting at `i`, if one starts there.
    private static func wordEnd(in t: ScalarText, at i: Int) -> Int? {
        // "'t" and "'s" (also "'s-Gravenhage").
        if t.lower[i] == "'", !t.isWordChar(i - 1), t.is(i + 1, "t") || t.is(i + 1, "s"), !t.isWordChar(i + 2) {
            var j = i + 2
            while t.isWordJoiner(j), t.isLetter(j + 1) { j = t.letterRunEnd(from: j + 1) }
            return j
        }
        guard t.isWordChar(i) else { return nil }
        // Initials: single letters each followed by a dot.
        if t.isLetter(i), !t.isWordChar(i + 1), t.is(i + 1, "."), !t.isWordChar(i - 1) {
            var j = i + 2
            while t.isLetter(j), !t.isWordChar(j + 1), t.is(j + 1, ".") { j += 2 }
            return j
        }
        var j = i
        while t.isWordChar(j) { j += 1 }
        while t.isWordJoiner(j), t.isLetter(j + 1) {
            j += 1
            while t.isWordChar(j) { j += 1 }
        }
        // "consulent(e)", "medewerk(st)er" style endings stay part of the word.
        if t.is(j, "("), t.isLetter(j + 1) {
            var k = j + 1
            while t.isLetter(k), k - j <= 3 { k += 1 }
            if t.is(k, ")"), k - j <= 3 { j = k + 1 }
        }
        return j
    }

    private static func shape(_ t: ScalarText, _ range: Range<Int>) -> Shape {
        guard let first = range.first else { return .mixed }
        if t.isLetter(first), range.count >= 2, t.is(range.upperBound - 1, "."),
            t.isLetter(range.upperBound - 2) || range.count == 2
        {
            // Initials end in a dot; no other word does.
            return .initials
        }
        var hasLower = false
        var hasUpper = false
        var hasDigit = false
        for k in range {
            if t.isDigit(k) { hasDigit = true } else if t.isUpper(k) { hasUpper = true } else if t.isLower(k) { hasLower = true }
        }
        if hasDigit { return hasLower || hasUpper ? .mixed : .number }
        if !hasUpper { return .lower }
        if t.isUpper(first) { return hasLower ? .capitalised : .upper }
        if t.lower[first] == "'" { return hasLower ? .capitalised : .upper }
        // "d'Ancona": a lowercase letter, an apostrophe, then a capitalised part.
        if t.is(first + 1, "'") || t.is(first + 1, "\u{2019}"), t.isUpper(first + 2), hasLower { return .capitalised }
        return .mixed
    }
}
