/// Recognises a Dutch personal name: one or more capitalised words, optionally
/// with initials ("J.", "A.B.") and surname prefixes ("van der", "'t", "op de"),
/// for example "De Vries", "J. van der Berg", "Fatima el Amrani", "Jansen-de Vries".
///
/// Function words that start a next sentence, places and institutions end the
/// name, so "meneer Jansen Ik belde" yields only "Jansen".
struct NameGrammar {
    /// Words that end a name, except right after a surname prefix.
    private let sentenceWords: Set<String>
    /// Words that are never part of a name.
    private let entities: Set<String>
    private let particles: [[Unicode.Scalar]]

    init(additionalNonNames: [String]) {
        var entities = DutchLexicon.entities
        for word in additionalNonNames {
            let lowered = ScalarText(word).lowercased(0..<word.unicodeScalars.count)
            if !lowered.isEmpty { entities.insert(lowered) }
        }
        self.entities = entities
        sentenceWords = DutchLexicon.sentenceWords
        particles = DutchLexicon.nameParticles
            .map { Array($0.unicodeScalars) }
            .sorted { $0.count > $1.count }
    }

    /// The end of a name starting exactly at `start`, if one starts there.
    func nameEnd(in t: ScalarText, from start: Int) -> Int? {
        var i = start
        var last: Int?
        var parts = 0
        while parts < 6 {
            var p = i
            if parts > 0 {
                p = t.skipSpaces(from: i)
                guard p > i else { break }
            }
            if let end = initialsEnd(in: t, at: p) {
                i = end
                last = end
                parts += 1
            } else if let end = particleEnd(in: t, at: p) {
                let wordStart = t.skipSpaces(from: end)
                guard let word = capitalisedWordEnd(in: t, at: wordStart, afterParticle: true) else { break }
                i = word
                last = word
                parts += 2
            } else if let word = capitalisedWordEnd(in: t, at: p) {
                i = word
                last = word
                parts += 1
            } else {
                break
            }
        }
        return last
    }

    /// A capital letter with a lowercase letter, hyphenated or apostrophed parts
    /// allowed ("Jansen-de", "D'Souza", "O'Brien"), not a non-name word. Right
    /// after a surname prefix only places and institutions are refused, so
    /// "van der Meer" is a name although "Meer" alone would end one.
    func capitalisedWordEnd(in t: ScalarText, at i: Int, afterParticle: Bool = false) -> Int? {
        guard t.isUpper(i), t.isLetter(i) else { return nil }
        var j = t.letterRunEnd(from: i)
        while t.isWordJoiner(j), t.isLetter(j + 1) {
            j = t.letterRunEnd(from: j + 1)
        }
        guard (i..<j).contains(where: { t.isLower($0) }), !t.isDigit(j) else { return nil }
        let word = t.lowercased(i..<j)
        guard !entities.contains(word), afterParticle || !sentenceWords.contains(word) else { return nil }
        return j
    }

    /// Initials: one or more capital letters each followed by a dot ("J.", "A.B.").
    private func initialsEnd(in t: ScalarText, at i: Int) -> Int? {
        var j = i
        while t.isUpper(j), t.is(j + 1, ".") { j += 2 }
        guard j > i, !t.isLetter(j) else { return nil }
        return j
    }

    /// A surname prefix followed by a space (or glued on when it ends in an apostrophe).
    private func particleEnd(in t: ScalarText, at i: Int) -> Int? {
        guard t.isBoundaryBefore(i) else { return nil }
        for particle in particles {
            guard let end = t.match(particle, at: i) else { continue }
            if particle.last == "'" { return t.isLetter(end) ? end : nil }
            if t.isSpace(end) { return end }
        }
        return nil
    }
}
