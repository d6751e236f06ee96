/// Recognises capitalised name words in the scalar text: a capital letter with lowercase letters,
/// hyphenated or apostrophed parts allowed ("Burgemeester", "Jansen-de", "D'Souza"), not a
/// function word that starts a sentence, nor a place or institution. Used for the words of
/// street names; person names are read over words by ``PersonNameReader``.
struct NameGrammar {
    /// Words that end a name, except right after a surname prefix.
    private let sentenceWords: Set<String>
    /// Words that are never part of a name.
    private let entities: Set<String>

    init(additionalNonNames: [String]) {
        var entities = DutchLexicon.entities
        for word in additionalNonNames {
            let lowered = ScalarText(word).lowercased(0..<word.unicodeScalars.count)
            if !lowered.isEmpty { entities.insert(lowered) }
        }
        self.entities = entities
        sentenceWords = DutchLexicon.sentenceWords
    }

    /// The end of a capitalised name word starting at `i`. Right after a surname prefix only
    /// places and institutions are refused, so "van der Meer" is a name although "Meer" alone
    /// would end one.
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
}
