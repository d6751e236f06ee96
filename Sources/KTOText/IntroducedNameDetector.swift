/// Finds names after a greeting, thanks or an introduction: "Bedankt Kees!", "dank je wel Anouk",
/// "groetjes, Sanne", "Groeten van Wim", "ik ben Mohammed", "ik heet Yusuf", "mijn naam is …",
/// also in lowercase. Only the name is replaced.
///
/// After a greeting and after "ik ben" the word must be a first name from the list ("Bedankt voor
/// alles", "ik ben blij" stay); after a closing formula ("groetjes", "mvg") also a capitalised
/// word; after "ik heet", "mijn naam is", "genaamd" any word that is not an ordinary word.
struct IntroducedNameDetector {
    let reader: PersonNameReader

    private enum Strength {
        /// A first name from the list only.
        case greeting
        /// A first name, or a capitalised name word.
        case closing
        /// Any name word.
        case strong
        /// A first name that is not an ordinary word, or one that is capitalised.
        case weak
    }

    private struct Cue {
        let words: [String]
        let strength: Strength
    }

    private static let cues: [String: [Cue]] = {
        var all: [Cue] = []
        all += DutchLexicon.greetings.map { Cue(words: $0, strength: .greeting) }
        all += DutchLexicon.closings.map { Cue(words: $0, strength: .closing) }
        all += DutchLexicon.strongIntroductions.map { Cue(words: $0, strength: .strong) }
        all += DutchLexicon.weakIntroductions.map { Cue(words: $0, strength: .weak) }
        var byFirst: [String: [Cue]] = [:]
        for cue in all { if let first = cue.words.first { byFirst[first, default: []].append(cue) } }
        return byFirst.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()

    static func prepareTables() { _ = cues }

    func detect(in w: WordTokens) -> [Detection] {
        var found: [Detection] = []
        var k = 0
        while k < w.count {
            guard let cues = IntroducedNameDetector.cues[w[k].key] else { k += 1; continue }
            var matched = false
            for cue in cues {
                guard let start = w.matchSequence(cue.words, at: k), start < w.count,
                    let end = name(w, at: start, after: cue)
                else { continue }
                found.append(Detection(range: w[start].range.lowerBound..<w[end - 1].range.upperBound, kind: .introducedName))
                k = end
                // "Bedankt Yusuf en Marloes": a first name after "en" belongs to the greeting too.
                while cue.strength != .weak, k + 1 < w.count, w.isKey(k, "en") || w.isKey(k, "&"),
                    w[k].followsSpaceOnly, w[k + 1].followsSpaceOnly, w[k + 1].isFirstName
                {
                    let second = reader.continuation(w, from: k + 2, lowercase: w[k + 1].shape == .lower)
                    found.append(Detection(range: w[k + 1].range.lowerBound..<w[second - 1].range.upperBound, kind: .introducedName))
                    k = second
                }
                matched = true
                break
            }
            if !matched { k += 1 }
        }
        return found
    }

    private func endsGreeting(_ w: WordTokens, after k: Int) -> Bool {
        guard k + 1 < w.count else { return true }
        let next = w[k + 1]
        return !next.followsSpaceOnly || ["voor", "en", "van", "bedankt"].contains(next.key)
    }

    /// The end of the name at `k` after `cue`, if one stands there.
    private func name(_ w: WordTokens, at k: Int, after cue: Cue) -> Int? {
        let token = w[k]
        let last = cue.words.last ?? ""
        switch cue.strength {
        case .closing:
            guard token.gap.isEmpty || token.gap == "," || token.gap == ":" else { return nil }
        case .strong where last == "naam":
            guard token.gap == ":", !token.breakBefore else { return nil }
        case .strong:
            guard !token.breakBefore, token.gap.isEmpty || token.gap == ":" else { return nil }
        case .greeting, .weak:
            guard !token.breakBefore, token.gap.isEmpty || token.gap == "," else { return nil }
        }
        guard token.isLetters else { return nil }
        let isFirstName = token.isFirstName
        let lowercase = token.shape == .lower
        switch cue.strength {
        case .greeting:
            // "bedankt roos!" but not "hallo wil je …": a lowercase name that is also a word ends
            // the greeting or is followed by "voor", "en" or "van".
            guard isFirstName, !token.isAlsoWord || !lowercase || endsGreeting(w, after: k) else { return nil }
        case .closing where token.isAlsoWord && lowercase:
            // The same for a closing cue ("groeten roos").
            guard isFirstName, endsGreeting(w, after: k) else { return nil }
        case .weak:
            guard isFirstName else { return nil }
            if token.isAlsoWord {
                guard token.shape == .capitalised, w.capitalsAreInformative else { return nil }
            }
        case .closing:
            guard isFirstName || reader.isCapitalisedNameWord(token, afterParticle: false) else { return nil }
        case .strong:
            if !isFirstName {
                return reader.read(w, from: k, lowercaseStart: true)
            }
        }
        return reader.continuation(w, from: k + 1, lowercase: lowercase)
    }
}
