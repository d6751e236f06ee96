extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` from its storage in one copy (`append(contentsOf:
    /// text.utf8)` goes through the generic sequence path, several times slower for the short
    /// texts the writers append by the hundred thousand).
    mutating func appendUTF8(_ text: String) {
        // Read in place; only a text without contiguous UTF-8 (bridged) is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            var copy = text
            copy.withUTF8 { append(contentsOf: $0) }
        }
    }

    /// Decimal digits of an integer, as `String(value)` writes them.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
        var count = 0
        Swift.withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// A finite number as results.csv and the workbook's `<v>` write it: whole numbers below
    /// 1e15 without a decimal point ("649", not "649.0"), others in Swift's shortest round-trip
    /// form (`0.1`, `1e-05`). The digits come as bytes, without a String.
    mutating func appendNumber(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 { return appendDecimal(Int64(value)) }
        // `write(to:)` gives the digits of `description`; `ByteOutput` takes them as bytes.
        var output = ByteOutput()
        swap(&output.bytes, &self)
        value.write(to: &output)
        swap(&output.bytes, &self)
    }

    /// Appends the bytes of an ASCII literal.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}

/// Bytes as a text stream. A Double writes its digits through `_writeASCII` (a requirement of
/// `TextOutputStream` with a default that makes a String first); taking them as bytes here halves
/// the cost of results.csv's hundreds of thousands of numbers. Were the standard library to stop
/// calling it, `write` would take the same text.
struct ByteOutput: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
