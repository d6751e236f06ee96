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
        /// What the word is to the name rules (one lookup per word).
        let classes: WordClass
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
        /// Whether the word is on the list of first names.
        var isFirstName: Bool { classes.contains(.firstName) }
        /// Whether the word is a first name that is also an ordinary word ("roos", "mark").
        var isAlsoWord: Bool { classes.contains(.alsoWord) }
        func `is`(_ c: WordClass) -> Bool { !classes.isDisjoint(with: c) }
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
        // One pass over the character classes; written with plain array reads because it runs
        // over every open answer.
        let cls = t.classes
        let low = t.lower
        let n = cls.count
        let wordBits = ScalarText.letter | ScalarText.digit
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 4)
        var upperLetters = 0
        var lowerLetters = 0
        var i = 0
        var gapStart = 0
        var previousClasses: WordClass = []
        var previousIsInitials = false
        // A word's ASCII bytes, reused from word to word.
        var bytes: [UInt8] = []
        while i < n {
            let c = cls[i]
            let startsWord = c & wordBits != 0 || (low[i] == "'" && i + 1 < n && (low[i + 1] == "t" || low[i + 1] == "s"))
            guard startsWord, let end = WordTokens.wordEnd(in: t, at: i) else {
                if c & ScalarText.upper != 0 { upperLetters += 1 } else if c & ScalarText.lowerCase != 0 { lowerLetters += 1 }
                i += 1
                continue
            }
            let range = i..<end
            var gap = ""
            var breakBefore = false
            var endsSentence = false
            var gapLength = 0
            var k = gapStart
            while k < i {
                let s = low[k]
                if cls[k] & ScalarText.space == 0 {
                    if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" {
                        breakBefore = true
                    } else {
                        if s == "." || s == "!" || s == "?" { endsSentence = true }
                        if gapLength < 8 { gap.unicodeScalars.append(s) }
                        gapLength += 1
                    }
                }
                k += 1
            }
            // The key and the shape in one loop over the word.
            bytes.removeAll(keepingCapacity: true)
            var ascii = true
            var upper = 0
            var lower = 0
            var digits = 0
            k = i
            while k < end {
                let ck = cls[k]
                if ck & ScalarText.digit != 0 { digits += 1 } else if ck & ScalarText.upper != 0 { upper += 1 } else if ck & ScalarText.lowerCase != 0 { lower += 1 }
                let value = low[k].value
                if value < 0x80 { bytes.append(UInt8(value)) } else { ascii = false }
                k += 1
            }
            let key = ascii ? String(decoding: bytes, as: UTF8.self) : WordTokens.unicodeKey(t, range)
            let shape = WordTokens.shape(t, range, upper: upper, lower: lower, digits: digits)
            upperLetters += upper
            lowerLetters += lower
            let abbreviated = gap == "." && !tokens.isEmpty
                && (previousIsInitials || previousClasses.contains(.abbreviation))
            let startsSentence = tokens.isEmpty || breakBefore || (endsSentence && !abbreviated)
            tokens.append(Token(
                range: range, key: key, classes: shape == .number ? [] : WordClass.of(key), shape: shape, gap: gap,
                breakBefore: breakBefore, startsWithCapital: cls[i] & ScalarText.upper != 0, startsSentence: startsSentence))
            previousClasses = tokens[tokens.count - 1].classes
            previousIsInitials = shape == .initials
            gapStart = end
            i = end
        }
        let shouting = upperLetters >= 6 && upperLetters * 10 >= (upperLetters + lowerLetters) * 7
        var capitalised = 0
        var counted = 0
        for k in tokens.indices {
            let token = tokens[k]
            if shouting, token.shape == .upper || token.shape == .capitalised {
                tokens[k] = Token(
                    range: token.range, key: token.key, classes: token.classes, shape: .lower, gap: token.gap,
                    breakBefore: token.breakBefore,
                    startsWithCapital: token.startsWithCapital, startsSentence: token.startsSentence)
            }
            if !token.startsSentence, token.isLetters, token.range.count >= 3 {
                counted += 1
                if token.shape == .capitalised || token.shape == .upper { capitalised += 1 }
            }
        }
        self.tokens = tokens
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

    /// The lowercased word with non-ASCII letters; the Turkish capital İ becomes a plain i.
    private static func unicodeKey(_ t: ScalarText, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for j in range { view.append(t.scalars[j] == "\u{130}" ? "i" : t.lower[j]) }
        return String(view)
    }

    private static func shape(_ t: ScalarText, _ range: Range<Int>, upper: Int, lower: Int, digits: Int) -> Shape {
        guard let first = range.first else { return .mixed }
        if range.count >= 2, t.isLetter(first), t.is(range.upperBound - 1, "."),
            t.isLetter(range.upperBound - 2) || range.count == 2
        {
            // Initials end in a dot; no other word does.
            return .initials
        }
        if digits > 0 { return upper + lower > 0 ? .mixed : .number }
        if upper == 0 { return .lower }
        if t.isUpper(first) || t.lower[first] == "'" { return lower > 0 ? .capitalised : .upper }
        // "d'Ancona": a lowercase letter, an apostrophe, then a capitalised part.
        if t.is(first + 1, "'") || t.is(first + 1, "\u{2019}"), t.isUpper(first + 2), lower > 0 { return .capitalised }
        return .mixed
    }
}
