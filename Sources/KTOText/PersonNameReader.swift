/// Reads a person's name over words: initials ("J.", "a.b."), surname prefixes ("van der", "'t",
/// "El") and name words, for example "De Vries", "J. van der Berg", "Fatima El Amrani",
/// "Jansen-de Vries", and in lowercase "de vries", "a.b. jansen".
///
/// A capitalised word is a name word unless it is a function word that starts a next sentence,
/// a title, role, place or institution. A lowercase word is one only where lowercase is allowed
/// and it is not an ordinary Dutch word from the lexicon. A name that starts capitalised goes on
/// only with capitalised words (and lowercase words after a Dutch surname prefix), so
/// "Sandra heeft" yields "Sandra".
struct PersonNameReader {
    /// The analyst's extra non-names (lowercased): like places and institutions, never (part of) a name.
    let extraNonNames: Set<String>

    init(additionalNonNames: [String]) {
        var extra = Set<String>()
        for word in additionalNonNames {
            let t = ScalarText(word)
            let lowered = t.lowercased(0..<t.count)
            if !lowered.isEmpty { extra.insert(lowered) }
        }
        extraNonNames = extra
    }

    /// Whether the word is a place, institution or extra non-name.
    func isEntity(_ token: WordTokens.Token) -> Bool {
        token.classes.contains(.entity) || (!extraNonNames.isEmpty && extraNonNames.contains(token.key))
    }

    /// Reads a name starting at word `k`; returns the index after its last word.
    /// - Parameters:
    ///   - lowercaseStart: whether the name may be written in lowercase (after a title, an
    ///     introduction, or when the first word is already known to be a first name).
    ///   - lowercasePrefixFirst: whether the name may start with a lowercase surname prefix; not after
    ///     a role word, where "van de Werkacademie" names an organisation.
    func read(_ w: WordTokens, from k: Int, lowercaseStart: Bool, lowercasePrefixFirst: Bool = true) -> Int? {
        var i = k
        var last: Int?
        var parts = 0
        var lowercase = lowercaseStart
        var sawWord = false
        while parts < 6, i < w.count {
            if parts > 0, !w[i].followsSpaceOnly { break }
            let token = w[i]
            if token.shape == .initials {
                guard !token.classes.contains(.abbreviation) else { break }
                guard lowercase || token.startsWithCapital else { break }
                i += 1
                last = i
                parts += 1
                continue
            }
            if let end = particleEnd(w, at: i, lowercase: lowercase) {
                // After a role "van de …" and "van het …" name a department or organisation
                // ("consulent van de werkacademie"); "van dijk", "van der berg" are surnames.
                if parts == 0, !lowercasePrefixFirst, token.shape == .lower, !isSurnamePrefixAfterRole(w, from: i, to: end) {
                    break
                }
                i = end
                last = end
                parts += 2
                sawWord = true
                continue
            }
            // A prefix not followed by a name ends it: "mevrouw Van Leidschendam", "consulent Den Haag".
            if token.is(.particle) { break }
            if isCapitalisedNameWord(token, afterParticle: false) {
                if !sawWord { lowercase = false }
                sawWord = true
            } else if lowercase, isLowercaseNameWord(token) {
                sawWord = true
            } else {
                break
            }
            i += 1
            last = i
            parts += 1
        }
        return last
    }

    /// "van", "van der", "van den", "van 't", "ter", "ten", "in 't" (but not "de", "van de", "van het").
    private func isSurnamePrefixAfterRole(_ w: WordTokens, from i: Int, to end: Int) -> Bool {
        guard ["van", "ter", "ten", "in"].contains(w[i].key) else { return false }
        let prefixWords = end - i - 1
        return prefixWords == 1 || ["der", "den", "'t"].contains(w[i + 1].key)
    }

    /// Goes on after a name word at `k - 1`: more names, prefixes and surnames.
    func continuation(_ w: WordTokens, from k: Int, lowercase: Bool) -> Int {
        guard k < w.count, w[k].followsSpaceOnly else { return k }
        let next = w[k]
        if next.shape == .initials || particleEnd(w, at: k, lowercase: lowercase) != nil
            || isCapitalisedNameWord(next, afterParticle: false) || (lowercase && isLowercaseNameWord(next))
        {
            return read(w, from: k, lowercaseStart: lowercase) ?? k
        }
        return k
    }

    /// A capitalised word that can be (part of) a name.
    func isCapitalisedNameWord(_ token: WordTokens.Token, afterParticle: Bool) -> Bool {
        guard token.shape == .capitalised, !isEntity(token) else { return false }
        return afterParticle || !token.is(WordClass.notCapitalisedName)
    }

    /// A lowercase word that can be (part of) a name: not an ordinary word, cue, place or service.
    func isLowercaseNameWord(_ token: WordTokens.Token) -> Bool {
        guard token.shape == .lower, token.range.count >= 2 else { return false }
        let key = token.key
        guard key.utf8.first != UInt8(ascii: "'"), !token.is(WordClass.notLowercaseName), !isEntity(token) else {
            return false
        }
        return token.isFirstName || !looksLikeVerbForm(key)
    }

    /// Past tenses ("adviseerde", "stuurden") and participles ("gemaild") not in the lexicon.
    private func looksLikeVerbForm(_ key: String) -> Bool {
        let n = key.unicodeScalars.count
        if n >= 6, key.hasSuffix("de") || key.hasSuffix("te") || key.hasSuffix("den") || key.hasSuffix("ten") {
            return true
        }
        return n >= 6 && key.hasPrefix("ge") && (key.hasSuffix("d") || key.hasSuffix("t"))
    }

    /// A surname prefix at `k` followed by a name word; returns the index after that word.
    private func particleEnd(_ w: WordTokens, at k: Int, lowercase: Bool) -> Int? {
        let token = w[k]
        guard token.shape == .lower || token.shape == .capitalised, token.is(.particle) else {
            return nil
        }
        for particle in DutchLexicon.dutchParticles where particle[0] == token.key {
            guard let end = w.matchSequence(particle, at: k), end < w.count, w[end].followsSpaceOnly else { continue }
            let word = w[end]
            // "op de Beek" but not "op de gang"; "in 't Veld" also in lowercase.
            let needsCapital = particle.count > 1 && DutchLexicon.prepositionParticles.contains(particle[0])
                && (particle[1] == "de" || particle[1] == "het")
            if isCapitalisedNameWord(word, afterParticle: true) { return end + 1 }
            if !needsCapital, isLowercaseNameWord(word) {
                return end + 1
            }
            return nil
        }
        if token.is(.foreignParticle), k + 1 < w.count, w[k + 1].followsSpaceOnly,
            isCapitalisedNameWord(w[k + 1], afterParticle: true) || (lowercase && isLowercaseNameWord(w[k + 1]))
        {
            return k + 2
        }
        return nil
    }
}
