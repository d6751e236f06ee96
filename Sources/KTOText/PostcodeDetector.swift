/// Finds Dutch postcodes (`2262 AB`, `2262AB`) together with a following house
/// number when there is one (`2262 AB 12`, `2262AB 12a`, `2262 AB, nr 12`).
///
/// A postcode on its own is masked too: a six-position postcode covers only a
/// handful of addresses. The letters must be capitals when separated by a
/// space ("in 2014 en" is not a postcode); the letter pairs SA, SD and SS are
/// never issued and are not matched.
enum PostcodeDetector {
    private static let numberWords: [[Unicode.Scalar]] = [
        Array("huisnummer".unicodeScalars), Array("huisnr.".unicodeScalars), Array("huisnr".unicodeScalars),
        Array("nr.".unicodeScalars), Array("nr".unicodeScalars), Array("no.".unicodeScalars),
        Array("no".unicodeScalars),
    ]

    static func detect(in t: ScalarText) -> [Detection] {
        DigitGroups.scan(t, kind: .postcode) { match($0, at: $1) }
    }

    private static func match(_ t: ScalarText, at i: Int) -> Int? {
        guard t.digitValue(i) != 0, t.digitRunEnd(from: i) == i + 4 else { return nil }
        let spaced = t.is(i + 4, " ")
        let l = spaced ? i + 5 : i + 4
        guard isASCIILetter(t, l), isASCIILetter(t, l + 1), !t.isWordChar(l + 2) else { return nil }
        let bothUpper = t.isUpper(l) && t.isUpper(l + 1)
        let bothLower = t.isLower(l) && t.isLower(l + 1)
        guard bothUpper || (!spaced && bothLower) else { return nil }
        let pair = String(String.UnicodeScalarView([t.lower[l], t.lower[l + 1]]))
        guard !["sa", "sd", "ss"].contains(pair) else { return nil }
        let postcodeEnd = l + 2
        return houseNumberEnd(t, after: postcodeEnd) ?? postcodeEnd
    }

    private static func houseNumberEnd(_ t: ScalarText, after end: Int) -> Int? {
        var j = end
        if t.is(j, ",") { j += 1 }
        j = t.skipSpaces(from: j)
        for word in numberWords {
            if let wordEnd = t.match(word, at: j), !t.isLetter(wordEnd) {
                j = t.skipSpaces(from: wordEnd)
                break
            }
        }
        guard j > end || t.isDigit(j) else { return nil }
        return HouseNumber.end(in: t, at: j)
    }

    private static func isASCIILetter(_ t: ScalarText, _ i: Int) -> Bool {
        t.isLetter(i) && t.scalars[i].isASCII
    }
}
