/// Finds names from a list supplied by the analyst (for example staff names),
/// as whole words, case-insensitively; in multiword names any run of spaces
/// matches the space between words. Longer names win over shorter ones.
struct ListedNameDetector {
    private let patterns: [Unicode.Scalar: [[Unicode.Scalar]]]

    init(names: [String]) {
        var unique = Set<[Unicode.Scalar]>()
        for name in names {
            let t = ScalarText(name)
            var pattern: [Unicode.Scalar] = []
            var letters = 0
            for k in 0..<t.count {
                let isSpace = t.isSpace(k) || t.scalars[k] == "\n" || t.scalars[k] == "\r"
                if isSpace {
                    if !pattern.isEmpty, pattern.last != " " { pattern.append(" ") }
                } else {
                    pattern.append(t.lower[k])
                    if t.isLetter(k) { letters += 1 }
                }
            }
            if pattern.last == " " { pattern.removeLast() }
            if letters >= 2 { unique.insert(pattern) }
        }
        var patterns: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for pattern in unique {
            if let first = pattern.first { patterns[first, default: []].append(pattern) }
        }
        self.patterns = patterns.mapValues { list in
            list.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        }
    }

    var isEmpty: Bool { patterns.isEmpty }

    func detect(in t: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var i = 0
        outer: while i < t.count {
            if t.isBoundaryBefore(i), let candidates = patterns[t.lower[i]] {
                for pattern in candidates {
                    if let end = t.match(pattern, at: i), !t.isWordChar(end) || !t.isWordChar(end - 1) {
                        found.append(Detection(range: i..<end, kind: .listedName))
                        i = end
                        continue outer
                    }
                }
            }
            i += 1
        }
        return found
    }
}
