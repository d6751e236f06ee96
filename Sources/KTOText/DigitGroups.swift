/// Digits read as groups joined by short separators, as people write
/// telephone numbers and BSNs ("070 - 310 3800", "123.456.782").
struct DigitGroups {
    /// All digits read, in order.
    private(set) var digits: [Int] = []
    /// For each group: the number of digits read up to and including it, and its end offset.
    private(set) var ends: [(digitCount: Int, end: Int)] = []

    /// Reads groups starting at the digit at `start`, using the given separators
    /// (tried in order, so list longer ones first), up to `maxDigits` digits.
    init(_ t: ScalarText, from start: Int, separators: [[Unicode.Scalar]], maxDigits: Int) {
        var i = start
        while t.isDigit(i) {
            let end = t.digitRunEnd(from: i)
            for k in i..<end { digits.append(t.digitValue(k) ?? 0) }
            ends.append((digits.count, end))
            guard digits.count < maxDigits else { break }
            guard let next = DigitGroups.separatorEnd(t, at: end, separators: separators) else { break }
            i = next
        }
    }

    /// The offset after a separator at `i` that is followed by a digit, if any.
    private static func separatorEnd(_ t: ScalarText, at i: Int, separators: [[Unicode.Scalar]]) -> Int? {
        for separator in separators {
            var j = i
            var matched = true
            for s in separator {
                guard t.is(j, s) else { matched = false; break }
                j += 1
            }
            if matched, t.isDigit(j) { return j }
        }
        return nil
    }

    /// Scans for numbers that start at a word boundary and that `match` accepts (returning where the
    /// match ends); the shared loop of the BSN and postcode detectors.
    static func scan(_ t: ScalarText, kind: AnonymizationKind, match: (ScalarText, Int) -> Int?) -> [Detection] {
        var found: [Detection] = []
        var i = 0
        while i < t.count {
            guard t.isDigit(i) else { i += 1; continue }
            if canStart(t, at: i), let end = match(t, i) {
                found.append(Detection(range: i..<end, kind: kind))
                i = end
            } else {
                i = t.digitRunEnd(from: i)
            }
        }
        return found
    }

    /// Whether a number may start at `i`: not glued to a word, a sign, or a decimal part.
    static func canStart(_ t: ScalarText, at i: Int) -> Bool {
        guard t.isBoundaryBefore(i) else { return false }
        if t.is(i - 1, "+") || t.is(i - 1, "€") { return false }
        if (t.is(i - 1, ",") || t.is(i - 1, ".") || t.is(i - 1, "-")) && t.isDigit(i - 2) { return false }
        return true
    }

    /// Whether a number may end at `end`: not glued to a letter and not followed by a decimal part.
    static func canEnd(_ t: ScalarText, at end: Int) -> Bool {
        if t.isWordChar(end) { return false }
        if (t.is(end, ",") || t.is(end, ".")) && t.isDigit(end + 1) { return false }
        return true
    }
}
