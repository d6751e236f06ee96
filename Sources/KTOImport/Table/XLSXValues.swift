/// Parsing the values of sheet XML on bytes: numbers, cell references, ISO 8601 dates.
enum XLSXValues {
    private static let powers: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// An `xsd:double` as Excel writes it (`12`, `-0.5`, `1.2345678901234567E-5`), or nil.
    ///
    /// Fast and exact for up to 15 significant digits within 10^±22 (Clinger's fast path: both
    /// operands are exact doubles, so one rounding); other numbers go to the standard library.
    static func double(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isSpace(b[lo]) { lo += 1 }
        while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
        guard lo < hi else { return nil }
        var i = lo
        var negative = false
        if b[i] == 0x2D || b[i] == 0x2B {
            negative = b[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var exponent = 0
        while i < hi, b[i] &- 0x30 < 10 {
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(b[i] &- 0x30)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                significant += 1
            }
            digits += 1
            i += 1
        }
        if i < hi, b[i] == 0x2E {
            i += 1
            while i < hi, b[i] &- 0x30 < 10 {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(b[i] &- 0x30)
                    exponent -= 1
                    if mantissa != 0 { significant += 1 }
                } else {
                    significant += 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < hi, b[i] == 0x45 || b[i] == 0x65 {
            i += 1
            var exponentNegative = false
            if i < hi, b[i] == 0x2D || b[i] == 0x2B {
                exponentNegative = b[i] == 0x2D
                i += 1
            }
            var value = 0
            var exponentDigits = 0
            while i < hi, b[i] &- 0x30 < 10 {
                if value < 100_000 { value = value * 10 + Int(b[i] &- 0x30) }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard i == hi else { return nil }
        if significant <= 15, exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / powers[-exponent] : value * powers[exponent]
            return negative ? -value : value
        }
        // Rare: 16+ significant digits or a large exponent. The syntax is checked, so the standard
        // library's correctly rounded conversion gets a plain number.
        return Double(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self))
    }

    /// A non-negative integer (a shared-string index), or nil.
    static func index(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isSpace(b[lo]) { lo += 1 }
        while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
        guard lo < hi, hi - lo <= 12 else { return nil }
        var value = 0
        for k in lo..<hi {
            let d = b[k] &- 0x30
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// Excel's last column (XFD) and row.
    static let maxColumns = 16_384
    static let maxRows = 1_048_576

    /// A cell reference `AB12` (or `$AB$12`) as 0-based column and 1-based row; the row is nil for
    /// a reference that only has letters. Nil when it is not a reference within Excel's limits.
    static func reference(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (column: Int, row: Int?)? {
        var i = range.lowerBound
        let end = range.upperBound
        if i < end, b[i] == 0x24 { i += 1 }
        var column = 0
        var letters = 0
        while i < end {
            var c = b[i]
            if c >= 0x61, c <= 0x7A { c -= 0x20 }
            guard c >= 0x41, c <= 0x5A else { break }
            column = column * 26 + Int(c - 0x40)
            letters += 1
            guard letters <= 3 else { return nil }
            i += 1
        }
        guard letters > 0, column <= maxColumns else { return nil }
        if i < end, b[i] == 0x24 { i += 1 }
        if i == end { return (column - 1, nil) }
        var row = 0
        while i < end {
            let d = b[i] &- 0x30
            guard d < 10, row <= maxRows else { return nil }
            row = row * 10 + Int(d)
            i += 1
        }
        guard row >= 1, row <= maxRows else { return nil }
        return (column - 1, row)
    }

    /// An ISO 8601 date, date-time or time (`t="d"` cells) as days since 1899-12-30 (the 1900
    /// system serial for dates from March 1900). A time zone suffix is ignored: Excel has none.
    static func isoDate(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= bytes.count else { return nil }
            var value = 0
            for k in i..<(i + width) {
                let d = bytes[k] &- 0x30
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            i += width
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }
        var days = 0.0
        let hasDate = bytes.count >= 10 && bytes[4] == 0x2D
        if hasDate {
            guard let y = number(4), expect(0x2D), let m = number(2), expect(0x2D), let d = number(2),
                (1...12).contains(m), (1...31).contains(d)
            else { return nil }
            days = Double(daysFromCivil(year: y, month: m, day: d) - daysFromCivil(year: 1899, month: 12, day: 30))
            if i == bytes.count { return days }
            guard expect(0x54) else { return nil }  // 'T'
        }
        guard let h = number(2), expect(0x3A), let mi = number(2), h < 24 || (h == 24 && mi == 0), mi < 60 else {
            return nil
        }
        var seconds = Double(h * 3600 + mi * 60)
        if expect(0x3A) {
            guard let s = number(2), s < 61 else { return nil }
            seconds += Double(s)
            if expect(0x2E) {
                var scale = 0.1
                while i < bytes.count, bytes[i] &- 0x30 < 10 {
                    seconds += Double(bytes[i] &- 0x30) * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        // Ignore a zone: Z, +hh:mm, -hh:mm.
        if i < bytes.count, bytes[i] != 0x5A, bytes[i] != 0x2B, bytes[i] != 0x2D { return nil }
        return days + seconds / 86_400
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
