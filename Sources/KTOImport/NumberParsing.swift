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
/// Accepts surrounding spaces, tabs and no-break spaces, an optional sign, digits and at most one
/// decimal mark that may be `,` or `.`. Thousands separators are not accepted: survey codes and
/// grades never need them, and `1.234` would be ambiguous.
public enum NumberParser {
    /// Parses one field's bytes.
    /// - Complexity: O(length), no allocation.
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
        var negative = false
        if b[lo] == UInt8(ascii: "-") || b[lo] == UInt8(ascii: "+") {
            negative = b[lo] == UInt8(ascii: "-")
            lo += 1
        }
        var whole = 0
        var digits = 0
        var i = lo
        while i < hi, b[i] &- 0x30 < 10 {
            if digits < 15 { whole = whole * 10 + Int(b[i] &- 0x30) }
            digits += 1
            i += 1
        }
        guard digits > 0, digits <= 15 else { return .text }
        if i == hi { return .integer(negative ? -whole : whole) }
        guard b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: ".") else { return .text }
        i += 1
        var fraction = 0.0
        var scale = 1.0
        var allZero = true
        var fractionDigits = 0
        while i < hi, b[i] &- 0x30 < 10 {
            let d = b[i] &- 0x30
            if d != 0 { allZero = false }
            fraction = fraction * 10 + Double(d)
            scale *= 10
            fractionDigits += 1
            i += 1
        }
        guard i == hi, fractionDigits <= 15 else { return .text }
        if allZero { return .integer(negative ? -whole : whole) }
        let value = Double(whole) + fraction / scale
        return .decimal(negative ? -value : value)
    }

    @inlinable
    static func isSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        return c == 0x20 || c == 0x09 || c == 0xA0 || (c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0)
    }

    @inlinable
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int { b[i] == 0xC2 ? 2 : 1 }
}
