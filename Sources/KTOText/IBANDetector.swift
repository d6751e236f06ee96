/// Finds bank account numbers in IBAN form, compact (`NL91ABNA0417164300`) or
/// in groups (`NL91 ABNA 0417 1643 00`), upper or lower case.
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

    private func match(_ t: ScalarText, at i: Int) -> Int? {
        guard isASCIILetter(t, i), isASCIILetter(t, i + 1), t.isDigit(i + 2), t.isDigit(i + 3) else { return nil }
        // Collect alphanumerics; a single space may separate groups.
        var chars: [Unicode.Scalar] = []
        var candidates: [(length: Int, end: Int)] = []
        var j = i
        while chars.count <= 34 {
            while isASCIIAlnum(t, j) {
                chars.append(t.lower[j])
                j += 1
            }
            candidates.append((chars.count, j))
            guard t.is(j, " "), isASCIIAlnum(t, j + 1) else { break }
            j += 1
        }
        for candidate in candidates.reversed() where (15...34).contains(candidate.length) {
            let code = Array(chars.prefix(candidate.length))
            if IBANDetector.checksumIsValid(code) || (maskInvalidDutch && IBANDetector.isDutchShape(code)) {
                return candidate.end
            }
        }
        return nil
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
