/// Finds first names from the list of common first names without a title: on their own
/// ("ik heb met Sandra gesproken", "met fatima"), with a surname ("Jan de Boer belde",
/// "Fatima El Amrani", "kees van der berg") and after a relative ("mijn zoon Kevin").
///
/// A first name that is also an ordinary word ("Roos", "Mark", "Wil") counts only when it is
/// capitalised inside a sentence, has a surname, or follows a relative; lowercase it stays
/// ("ik wil", "een roos"). Names of shops and institutions ("Albert Heijn", "Juliana
/// Kinderziekenhuis") stay.
struct FirstNameDetector {
    let reader: PersonNameReader

    func detect(in w: WordTokens) -> [Detection] {
        var found: [Detection] = []
        var k = 0
        while k < w.count {
            if let end = afterRelation(w, at: k) ?? freeName(w, at: k) {
                let start = end.start
                let kind: AnonymizationKind = end.end - start > 1 ? .fullName : .firstName
                found.append(Detection(range: w[start].range.lowerBound..<w[end.end - 1].range.upperBound, kind: kind))
                k = end.end
            } else {
                k += 1
            }
        }
        return found
    }

    /// "mijn zoon Kevin", "haar collega Mark", "mijn vriendin maria".
    private func afterRelation(_ w: WordTokens, at k: Int) -> (start: Int, end: Int)? {
        guard k >= 1, k + 1 < w.count, w[k].is(.relation), w[k].followsSpaceOnly, w[k - 1].is(.possessive)
        else { return nil }
        let name = w[k + 1]
        guard !name.breakBefore, name.gap.isEmpty || name.gap == "," else { return nil }
        if name.shape == .lower {
            guard name.isFirstName, !name.isAlsoWord else { return nil }
        } else {
            guard reader.isCapitalisedNameWord(name, afterParticle: false) else { return nil }
        }
        return (k + 1, reader.continuation(w, from: k + 2, lowercase: name.shape == .lower))
    }

    private func freeName(_ w: WordTokens, at k: Int) -> (start: Int, end: Int)? {
        let token = w[k]
        guard token.isFirstName, token.isLetters, token.range.count >= 2 else { return nil }
        guard !isInstitution(w, at: k), !isMonthInDate(w, at: k) else { return nil }
        let lowercase = token.shape == .lower
        let end = reader.continuation(w, from: k + 1, lowercase: lowercase)
        let hasSurname = end > k + 1
        if token.isAlsoWord {
            guard token.shape == .capitalised else { return nil }
            guard hasSurname || (w.capitalsAreInformative && !token.startsSentence) else { return nil }
        } else if lowercase {
            guard token.range.count >= 3, !token.is([.commonWord, .sentenceWord, .serviceNoun]), !reader.isEntity(token)
            else { return nil }
        } else if token.shape == .upper {
            guard token.range.count >= 3 else { return nil }
        } else if reader.isEntity(token) {
            return nil
        }
        return (k, end)
    }

    /// "Albert Heijn", "Juliana Kinderziekenhuis", "Beatrix School".
    private func isInstitution(_ w: WordTokens, at k: Int) -> Bool {
        guard k + 1 < w.count, w[k + 1].followsSpaceOnly else { return false }
        let next = w[k + 1].key
        if DutchLexicon.organisationPairs.contains(w[k].key + " " + next) { return true }
        guard w[k + 1].shape == .capitalised || w[k + 1].shape == .upper else { return false }
        return DutchLexicon.institutionSuffixes.contains { next.hasSuffix($0) }
    }

    /// "3 jan", "12 mei 1980": a month abbreviation after a day number is no name.
    private func isMonthInDate(_ w: WordTokens, at k: Int) -> Bool {
        guard k >= 1, w[k - 1].shape == .number, w[k].followsSpaceOnly else { return false }
        return DateReader.month(w[k].key) != nil
    }
}
