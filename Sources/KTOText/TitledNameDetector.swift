/// Finds names after a title or salutation ("mevrouw De Vries", "dhr. J. van der Berg",
/// "mevrouw jansen", "mw. a.b. jansen") or a role word ("mijn consulent Jansen",
/// "mijn consulent, Sandra, …", "klantmanager: Piet", "de medewerker (Fatima)",
/// "mijn consulent is Bakker"). Only the name is replaced; the title or role stays.
///
/// After a title a name may be written in any case; after a role it starts with a capital, or
/// is a lowercase first name from the list ("mijn jobcoach kevin"). A cue followed by an
/// ordinary word ("mijn consulent is heel vriendelijk", "mevrouw van de balie") matches nothing.
struct TitledNameDetector {
    let reader: PersonNameReader

    /// What may stand between a role word and its name.
    private static let roleGaps: Set<String> = ["", ",", ":", "-", "\u{2013}", "\u{2014}", "(", ":-", ",-"]

    func detect(in w: WordTokens) -> [Detection] {
        var found: [Detection] = []
        var k = 0
        while k < w.count {
            if let end = nameAfterTitle(w, at: k) ?? nameAfterRole(w, at: k) {
                found.append(Detection(range: end.start..<end.end, kind: .name))
                k = end.next
            } else {
                k += 1
            }
        }
        return found
    }

    private typealias Found = (start: Int, end: Int, next: Int)

    private func nameAfterTitle(_ w: WordTokens, at k: Int) -> Found? {
        let title = w[k]
        guard title.isLetters, k + 1 < w.count else { return nil }
        let next = w[k + 1]
        if title.is(.title) {
            guard next.followsSpaceOnly else { return nil }
        } else if title.is(.titleAbbreviation) {
            guard !next.breakBefore, next.gap.isEmpty || next.gap == "." else { return nil }
        } else {
            return nil
        }
        return found(w, from: k + 1, lowercaseStart: true)
    }

    private func nameAfterRole(_ w: WordTokens, at k: Int) -> Found? {
        guard w[k].is(.role), k + 1 < w.count else { return nil }
        var start = k + 1
        let next = w[start]
        guard !next.breakBefore, TitledNameDetector.roleGaps.contains(next.gap) else { return nil }
        var anyFirstName = false
        if next.gap.isEmpty, next.is(.copula) {
            start += 1
            guard start < w.count, w[start].followsSpaceOnly else { return nil }
            anyFirstName = next.key != "is" && next.key != "was"
        }
        let first = w[start]
        let isListedFirstName = first.shape == .lower && first.isFirstName && (anyFirstName || !first.isAlsoWord)
        return found(w, from: start, lowercaseStart: isListedFirstName, lowercasePrefixFirst: false)
    }

    private func found(_ w: WordTokens, from k: Int, lowercaseStart: Bool, lowercasePrefixFirst: Bool = true) -> Found? {
        guard let end = reader.read(w, from: k, lowercaseStart: lowercaseStart, lowercasePrefixFirst: lowercasePrefixFirst),
            end > k
        else { return nil }
        return (w[k].range.lowerBound, w[end - 1].range.upperBound, end)
    }
}
