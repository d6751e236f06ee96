/// Reads a written date at a digit: "12-03-1978", "1/2/75", "30.09.1971", "18-4-'79", "1978-03-12",
/// "3 maart 1980", "23 okt. 1970", and without a year "9 september", "14/6".
enum DateReader {
    struct Match: Equatable {
        /// Scalar offset after the date.
        let end: Int
        /// The year, with two-digit years placed in the century that keeps them in the past.
        let year: Int?
        /// Whether the year was written with four digits.
        let hasFullYear: Bool
    }

    private static let months: [String: Int] = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
        "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
        "dec": 12,
    ]

    /// The month number of a Dutch month name or abbreviation (lowercase).
    static func month(_ key: String) -> Int? { months[key] }

    static func read(_ t: ScalarText, at i: Int, referenceYear: Int) -> Match? {
        guard t.isDigit(i), DigitGroups.canStart(t, at: i) else { return nil }
        let dayEnd = t.digitRunEnd(from: i)
        if dayEnd - i == 4, t.is(dayEnd, "-") { return iso(t, from: i, yearEnd: dayEnd) }
        guard dayEnd - i <= 2, let day = number(t, i..<dayEnd), (1...31).contains(day) else { return nil }
        if t.is(dayEnd, "-") || t.is(dayEnd, "/") || t.is(dayEnd, ".") {
            return numeric(t, separator: t.scalars[dayEnd], from: dayEnd + 1, referenceYear: referenceYear)
        }
        return textual(t, from: dayEnd, referenceYear: referenceYear)
    }

    /// "1978-03-12".
    private static func iso(_ t: ScalarText, from start: Int, yearEnd: Int) -> Match? {
        guard let year = number(t, start..<yearEnd), (1900...2100).contains(year) else { return nil }
        let monthEnd = t.digitRunEnd(from: yearEnd + 1)
        guard (1...2).contains(monthEnd - yearEnd - 1), let month = number(t, (yearEnd + 1)..<monthEnd),
            (1...12).contains(month), t.is(monthEnd, "-")
        else { return nil }
        let dayEnd = t.digitRunEnd(from: monthEnd + 1)
        guard (1...2).contains(dayEnd - monthEnd - 1), let day = number(t, (monthEnd + 1)..<dayEnd), (1...31).contains(day),
            DigitGroups.canEnd(t, at: dayEnd)
        else { return nil }
        return Match(end: dayEnd, year: year, hasFullYear: true)
    }

    private static func numeric(_ t: ScalarText, separator: Unicode.Scalar, from start: Int, referenceYear: Int) -> Match? {
        let monthEnd = t.digitRunEnd(from: start)
        guard monthEnd > start, monthEnd - start <= 2, let month = number(t, start..<monthEnd), (1...12).contains(month)
        else { return nil }
        if t.is(monthEnd, separator), let year = year(t, from: monthEnd + 1, referenceYear: referenceYear) {
            return year
        }
        guard DigitGroups.canEnd(t, at: monthEnd), !t.is(monthEnd, separator) else { return nil }
        return Match(end: monthEnd, year: nil, hasFullYear: false)
    }

    private static func textual(_ t: ScalarText, from dayEnd: Int, referenceYear: Int) -> Match? {
        let wordStart = t.skipSpaces(from: dayEnd)
        guard wordStart > dayEnd else { return nil }
        let wordEnd = t.letterRunEnd(from: wordStart)
        guard wordEnd > wordStart, month(t.lowercased(wordStart..<wordEnd)) != nil else { return nil }
        var end = wordEnd
        if t.is(end, "."), !t.isLetter(end + 1) { end += 1 }
        let yearStart = t.skipSpaces(from: end)
        if yearStart > end, let year = year(t, from: yearStart, referenceYear: referenceYear) { return year }
        guard !t.isWordChar(wordEnd) else { return nil }
        return Match(end: wordEnd, year: nil, hasFullYear: false)
    }

    /// A four-digit year, a two-digit year, or an apostrophe and two digits ('79).
    private static func year(_ t: ScalarText, from start: Int, referenceYear: Int) -> Match? {
        var i = start
        let apostrophe = t.lower.indices.contains(i) && t.lower[i] == "'"
        if apostrophe { i += 1 }
        let end = t.digitRunEnd(from: i)
        guard DigitGroups.canEnd(t, at: end), let value = number(t, i..<end) else { return nil }
        switch end - i {
        case 4 where !apostrophe && (1900...2100).contains(value):
            return Match(end: end, year: value, hasFullYear: true)
        case 2:
            let century = value <= referenceYear % 100 ? referenceYear / 100 * 100 : (referenceYear / 100 - 1) * 100
            return Match(end: end, year: century + value, hasFullYear: false)
        default:
            return nil
        }
    }

    private static func number(_ t: ScalarText, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 4 else { return nil }
        var value = 0
        for k in range {
            guard let digit = t.digitValue(k) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
