/// Finds telephone numbers in Dutch and international notation:
/// `06-12345678`, `070 - 310 3800`, `(070) 3103800`, `+31 6 12345678`,
/// `+31 (0)70 3103800`, `0031 6 12345678`, `+32 470 12 34 56`.
///
/// A Dutch number has exactly ten digits starting with `0`. Short numbers such
/// as the municipal number 14070 and 0800/0900 service numbers (eight or eleven
/// digits) are not personal and are left alone by construction.
enum PhoneDetector {
    private static let separators: [[Unicode.Scalar]] = [
        [" ", "-", " "], [" ", "/", " "], [" ", "("], [")", " "], [" ", "-"], ["-", " "],
        [" "], ["-"], ["."], ["/"], ["("], [")"],
    ]

    static func detect(in t: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var i = 0
        while i < t.count {
            if let end = match(t, at: i) {
                found.append(Detection(range: i..<end, kind: .phone))
                i = end
            } else if t.isDigit(i) {
                i = t.digitRunEnd(from: i)
            } else {
                i += 1
            }
        }
        return found
    }

    private static func match(_ t: ScalarText, at i: Int) -> Int? {
        if t.is(i, "+") {
            guard t.isBoundaryBefore(i), t.isDigit(i + 1), t.digitValue(i + 1) != 0 else { return nil }
            return international(t, digitsFrom: i + 1, skipping: 0)
        }
        if t.is(i, "(") {
            // "(070) 3103800": the parenthesis belongs to the number only when it closes the area code.
            guard t.isBoundaryBefore(i), t.digitValue(i + 1) == 0, t.is(t.digitRunEnd(from: i + 1), ")") else {
                return nil
            }
            return domestic(t, digitsFrom: i + 1)
        }
        guard t.digitValue(i) == 0, DigitGroups.canStart(t, at: i) else { return nil }
        if t.digitValue(i + 1) == 0 {
            guard let third = t.digitValue(i + 2), third != 0 else { return nil }
            return international(t, digitsFrom: i, skipping: 2)
        }
        return domestic(t, digitsFrom: i)
    }

    /// Ten digits starting with 0; a two-digit first group must be the mobile prefix 06.
    private static func domestic(_ t: ScalarText, digitsFrom start: Int) -> Int? {
        let groups = DigitGroups(t, from: start, separators: separators, maxDigits: 10)
        guard let first = groups.ends.first else { return nil }
        switch first.digitCount {
        case 10, 3, 4: break
        case 2 where groups.digits.prefix(2) == [0, 6]: break
        default: return nil
        }
        for end in groups.ends where end.digitCount == 10 {
            return DigitGroups.canEnd(t, at: end.end) ? end.end : nil
        }
        return nil
    }

    /// `+` or `00`, a country code and the national number. For +31 the national
    /// number has nine digits after an optional trunk `0`; other countries take
    /// the longest reading of 9 to 13 digits.
    private static func international(_ t: ScalarText, digitsFrom start: Int, skipping: Int) -> Int? {
        let groups = DigitGroups(t, from: start, separators: separators, maxDigits: 13 + skipping + 1)
        let digits = Array(groups.digits.dropFirst(skipping))
        if digits.starts(with: [3, 1]) {
            let trunk = digits.count > 2 && digits[2] == 0 ? 1 : 0
            for end in groups.ends where end.digitCount - skipping - 2 - trunk == 9 {
                return DigitGroups.canEnd(t, at: end.end) ? end.end : nil
            }
            return nil
        }
        var best: Int?
        for end in groups.ends {
            let count = end.digitCount - skipping
            if (9...13).contains(count), DigitGroups.canEnd(t, at: end.end) { best = end.end }
        }
        return best
    }
}
