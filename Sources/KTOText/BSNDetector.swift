/// Finds citizen service numbers (BSN): nine digits, optionally grouped with
/// dots, spaces or hyphens (`123.456.782`, `1234 56 782`), that pass the 11-proef.
/// Nine-digit numbers failing the proef are left alone.
enum BSNDetector {
    private static let separators: [[Unicode.Scalar]] = [["."], [" "], ["-"]]

    static func detect(in t: ScalarText) -> [Detection] {
        DigitGroups.scan(t, kind: .bsn) { match($0, at: $1) }
    }

    private static func match(_ t: ScalarText, at i: Int) -> Int? {
        let groups = DigitGroups(t, from: i, separators: separators, maxDigits: 9)
        for end in groups.ends where end.digitCount == 9 {
            guard DigitGroups.canEnd(t, at: end.end), passesElevenProof(groups.digits) else { return nil }
            return end.end
        }
        return nil
    }

    /// The 11-proef for BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), all zeros excluded.
    static func passesElevenProof(_ digits: [Int]) -> Bool {
        guard digits.count == 9, digits.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            sum += index == 8 ? -digit : (9 - index) * digit
        }
        return sum % 11 == 0
    }
}
