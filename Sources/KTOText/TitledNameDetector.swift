/// Finds names after a title or salutation ("mevrouw De Vries", "dhr. J. van der
/// Berg") or a role word ("mijn consulent Jansen", "klantmanager Sandra").
/// Only the name is replaced; the title or role stays. A cue followed by an
/// ordinary lowercase word ("mijn consulent is heel vriendelijk") matches nothing.
struct TitledNameDetector {
    let grammar: NameGrammar
    private let cues: [Unicode.Scalar: [[Unicode.Scalar]]]

    init(grammar: NameGrammar) {
        self.grammar = grammar
        var cues: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for cue in (DutchLexicon.titles + DutchLexicon.roles).map({ Array($0.unicodeScalars) }) {
            if let first = cue.first { cues[first, default: []].append(cue) }
        }
        self.cues = cues.mapValues { $0.sorted { $0.count > $1.count } }
    }

    func detect(in t: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var i = 0
        while i < t.count {
            if t.isLetter(i), t.isBoundaryBefore(i), let candidates = cues[t.lower[i]],
                let detection = match(t, at: i, candidates: candidates)
            {
                found.append(detection)
                i = detection.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    private func match(_ t: ScalarText, at i: Int, candidates: [[Unicode.Scalar]]) -> Detection? {
        for cue in candidates {
            guard let end = t.match(cue, at: i) else { continue }
            if let last = cue.last, last != ".", last != ")", t.isWordChar(end) { continue }
            let nameStart = t.skipSpaces(from: end)
            guard nameStart > end || cue.last == "." else { return nil }
            guard let nameEnd = grammar.nameEnd(in: t, from: nameStart) else { return nil }
            return Detection(range: nameStart..<nameEnd, kind: .name)
        }
        return nil
    }
}
