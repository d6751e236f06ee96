/// What a cell holds when read as a number.
public enum ParsedNumber: Equatable, Sendable {
    /// Nothing but spaces.
    case empty
    /// A whole number (`7`, `7,0`, `7.0`, ` 7 `, `+7`).
    case integer(Int)
    /// A number with a non-zero fraction (`7,5`).
    case decimal(Double)
    /// Not a number: the caller may try the text against value labels (`weet niet`).
    case text
}

/// Parses numbers the way Dutch and English exports write them, directly on bytes.
///
/// Accepts surrounding spaces, tabs and no-break spaces, an optional sign, digits (any number of
/// them), at most one decimal mark that may be `,` or `.`, and an exponent (`1.5e-07`, as
/// results.csv writes small p-values). Thousands separators are not accepted: survey codes and
/// grades never need them, and `1.234` would be ambiguous. Decimals are read exactly (the nearest
/// Double, as Swift's own parser gives), so every number kto writes reads back as the same value.
public enum NumberParser {
    /// Parses one field's bytes.
    /// - Complexity: O(length); allocates only for a number with a fraction or an exponent.
    @inlinable
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> ParsedNumber {
        var lo = 0
        var hi = b.count
        while lo < hi, isSpace(b, lo) { lo += spaceWidth(b, lo) }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0xA0 {
            // A UTF-8 no-break space is C2 A0: drop both bytes.
            hi -= (b[hi - 1] == 0xA0 && hi - 2 >= lo && b[hi - 2] == 0xC2) ? 2 : 1
        }
        if lo == hi { return .empty }
        let signStart = lo
        var negative = false
        if b[lo] == UInt8(ascii: "-") || b[lo] == UInt8(ascii: "+") {
            negative = b[lo] == UInt8(ascii: "-")
            lo += 1
        }
        var whole = 0
        var digits = 0
        var overflow = false
        var i = lo
        while i < hi, b[i] &- 0x30 < 10 {
            let (times, o1) = whole.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(b[i] &- 0x30))
            overflow = overflow || o1 || o2
            whole = plus
            digits += 1
            i += 1
        }
        guard digits > 0 else { return .text }
        if i == hi, !overflow { return .integer(negative ? -whole : whole) }
        var mark = -1
        var allZero = true
        if i < hi, b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: ".") {
            mark = i
            i += 1
            let fractionStart = i
            while i < hi, b[i] &- 0x30 < 10 {
                if b[i] != 0x30 { allZero = false }
                i += 1
            }
            guard i > fractionStart || i == hi else { return .text }
        }
        var exponent = false
        if i < hi, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            exponent = true
            i += 1
            if i < hi, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let exponentStart = i
            while i < hi, b[i] &- 0x30 < 10 { i += 1 }
            guard i > exponentStart else { return .text }
        }
        guard i == hi else { return .text }
        if allZero, !exponent, !overflow { return .integer(negative ? -whole : whole) }
        // The exact value: Swift's parser on the ASCII text with '.' as the decimal mark.
        var text = ""
        text.reserveCapacity(hi - signStart)
        for k in signStart..<hi { text.unicodeScalars.append(Unicode.Scalar(k == mark ? UInt8(ascii: ".") : b[k])) }
        guard let value = Double(text), value.isFinite else { return .text }
        if value == value.rounded(), abs(value) < 9.0e15 { return .integer(Int(value)) }
        return .decimal(value)
    }

    @inlinable
    static func isSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        return c == 0x20 || c == 0x09 || c == 0xA0 || (c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0)
    }

    @inlinable
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int { b[i] == 0xC2 ? 2 : 1 }
}
