/// Finds e-mail addresses: `local@domain.tld` with a top-level domain of two or more letters.
enum EmailDetector {
    static func detect(in t: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var i = 0
        while i < t.count {
            guard t.is(i, "@") else { i += 1; continue }
            var start = i
            while start > 0, isLocalChar(t, start - 1) { start -= 1 }
            while start < i, t.is(start, ".") { start += 1 }
            guard start < i, let end = domainEnd(t, from: i + 1) else { i += 1; continue }
            found.append(Detection(range: start..<end, kind: .email))
            i = end
        }
        return found
    }

    private static func isLocalChar(_ t: ScalarText, _ i: Int) -> Bool {
        if t.isWordChar(i) { return true }
        guard i >= 0, i < t.count else { return false }
        switch t.scalars[i] {
        case ".", "_", "%", "+", "-": return true
        default: return false
        }
    }

    /// Labels of letters, digits and hyphens separated by dots; the last label must be 2+ letters.
    private static func domainEnd(_ t: ScalarText, from start: Int) -> Int? {
        var j = start
        var labels = 0
        var lastLabelAllLetters = false
        var lastLabelLength = 0
        var end: Int?
        while true {
            let labelStart = j
            var allLetters = true
            while t.isWordChar(j) || (t.is(j, "-") && j > labelStart) {
                if !t.isLetter(j) { allLetters = false }
                j += 1
            }
            guard j > labelStart else { break }
            labels += 1
            lastLabelAllLetters = allLetters
            lastLabelLength = j - labelStart
            if labels >= 2, lastLabelAllLetters, lastLabelLength >= 2 { end = j }
            guard t.is(j, "."), t.isWordChar(j + 1) else { break }
            j += 1
        }
        return end
    }
}
