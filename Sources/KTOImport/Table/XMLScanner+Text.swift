extension XMLScanner {
    /// Appends the text of raw character data or an attribute value to `out`: the five predefined
    /// entities and character references decoded, line ends normalised to LF (XML 1.0 2.11).
    func appendDecoded(_ range: Range<Int>, to out: inout [UInt8]) throws(Failure) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = bytes[i]
            if c == 0x26 {  // '&'
                i = try appendEntity(at: i, end: end, to: &out)
            } else if c == 0x0D {
                out.append(0x0A)
                i += (i + 1 < end && bytes[i + 1] == 0x0A) ? 2 : 1
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    /// The text of raw character data, decoded (invalid UTF-8 becomes U+FFFD).
    func text(_ range: Range<Int>) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        try appendDecoded(range, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the entity starting at `start` ('&'); returns the offset after its ';'.
    private func appendEntity(at start: Int, end: Int, to out: inout [UInt8]) throws(Failure) -> Int {
        var semicolon = start + 1
        while semicolon < end, semicolon - start <= 12, bytes[semicolon] != 0x3B { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == 0x3B else {
            throw Failure(offset: start, detail: "'&' zonder geldige entiteit")
        }
        let body = (start + 1)..<semicolon
        if equals(body, "amp") {
            out.append(0x26)
        } else if equals(body, "lt") {
            out.append(0x3C)
        } else if equals(body, "gt") {
            out.append(0x3E)
        } else if equals(body, "quot") {
            out.append(0x22)
        } else if equals(body, "apos") {
            out.append(0x27)
        } else if body.count >= 2, bytes[body.lowerBound] == 0x23 {  // '#'
            var value: UInt32 = 0
            var digits = 0
            var k = body.lowerBound + 1
            let hex = bytes[k] == 0x78  // 'x'
            if hex { k += 1 }
            while k < body.upperBound {
                guard let d = Self.digit(bytes[k], hex: hex), digits < 8 else {
                    throw Failure(offset: start, detail: "ongeldige tekenverwijzing")
                }
                value = value * (hex ? 16 : 10) + d
                digits += 1
                k += 1
            }
            guard digits > 0, value != 0, let scalar = Unicode.Scalar(value) else {
                throw Failure(offset: start, detail: "ongeldige tekenverwijzing")
            }
            out.append(contentsOf: scalar.utf8)
        } else {
            throw Failure(offset: start, detail: "onbekende entiteit")
        }
        return semicolon + 1
    }

    static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46 where hex: return UInt32(c - 0x41 + 10)
        case 0x61...0x66 where hex: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }
}
