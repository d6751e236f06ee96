/// Finds bank account numbers in IBAN form, compact (`NL91ABNA0417164300`) or
/// in groups of four (`NL91 ABNA 0417 1643 00`, `NL 91 ABNA 0417 1643 00`),
/// upper or lower case.
///
/// Any country prefix is accepted when the mod-97 checksum is valid. When
/// `maskInvalidDutch` is set, a Dutch-shaped number (`NL`, two digits, four
/// letters, ten digits) is masked even with a wrong checksum: a typo in one
/// digit still points at a person's account, and ordinary text never has that
/// shape, so masking costs nothing in false positives.
struct IBANDetector {
    let maskInvalidDutch: Bool

    func detect(in t: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var i = 0
        while i < t.count {
            if t.isBoundaryBefore(i), let end = match(t, at: i) {
                found.append(Detection(range: i..<end, kind: .iban))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    /// Compact (one run of 15 to 34 characters) or grouped: `NL91` or `NL 91`,
    /// then groups of four, the last group one to four characters long.
    private func match(_ t: ScalarText, at i: Int) -> Int? {
        guard isASCIILetter(t, i), isASCIILetter(t, i + 1) else { return nil }
        let checkDigits = t.is(i + 2, " ") ? i + 3 : i + 2
        guard t.isDigit(checkDigits), t.isDigit(checkDigits + 1) else { return nil }
        let runs = alphanumericRuns(t, from: i)
        guard let first = runs.first else { return nil }
        var candidates: [Range<Int>] = []
        var groupsFrom: Int
        if first.count >= 15 {
            candidates.append(first)
        }
        if first.count == 4 {
            groupsFrom = 1
        } else if first.count == 2, runs.count > 1, runs[1].count == 2 {
            groupsFrom = 2
        } else {
            groupsFrom = runs.count
        }
        while groupsFrom < runs.count, (1...4).contains(runs[groupsFrom].count) {
            candidates.append(i..<runs[groupsFrom].upperBound)
            if runs[groupsFrom].count < 4 { break }
            groupsFrom += 1
        }
        for candidate in candidates.reversed() where !t.isWordChar(candidate.upperBound) {
            let code = candidate.filter { isASCIIAlnum(t, $0) }.map { t.lower[$0] }
            guard (15...34).contains(code.count), code[2...3].allSatisfy({ ("0"..."9").contains($0) }) else {
                continue
            }
            if IBANDetector.checksumIsValid(code) || (maskInvalidDutch && IBANDetector.isDutchShape(code)) {
                return candidate.upperBound
            }
        }
        return nil
    }

    /// Runs of ASCII letters and digits separated by single spaces, at most ten.
    private func alphanumericRuns(_ t: ScalarText, from i: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var j = i
        while runs.count < 10 {
            let start = j
            while isASCIIAlnum(t, j) { j += 1 }
            guard j > start else { break }
            runs.append(start..<j)
            guard !t.isWordChar(j), t.is(j, " "), isASCIIAlnum(t, j + 1) else { break }
            j += 1
        }
        return runs
    }

    private func isASCIILetter(_ t: ScalarText, _ i: Int) -> Bool {
        t.isLetter(i) && i < t.count && t.scalars[i].isASCII
    }

    private func isASCIIAlnum(_ t: ScalarText, _ i: Int) -> Bool {
        t.isDigit(i) || isASCIILetter(t, i)
    }

    /// ISO 13616 check: move the first four characters to the end, letters
    /// become 10...35, and the number must be 1 modulo 97. Input is lowercase.
    static func checksumIsValid(_ code: [Unicode.Scalar]) -> Bool {
        guard code.count >= 15 else { return false }
        var remainder = 0
        for scalar in code.dropFirst(4) + code.prefix(4) {
            let v = scalar.value
            switch v {
            case 0x30...0x39: remainder = (remainder * 10 + Int(v - 0x30)) % 97
            case 0x61...0x7A: remainder = (remainder * 100 + Int(v - 0x61 + 10)) % 97
            default: return false
            }
        }
        return remainder == 1
    }

    /// `nl`, two digits, four letters (bank code), ten digits. Input is lowercase.
    static func isDutchShape(_ code: [Unicode.Scalar]) -> Bool {
        guard code.count == 18, code[0] == "n", code[1] == "l" else { return false }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
        return code[2...3].allSatisfy(isDigit) && code[4...7].allSatisfy(isLetter)
            && code[8...].allSatisfy(isDigit)
    }
}
