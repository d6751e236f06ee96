/// Windows-1252 decoding with a table of our own.
///
/// Foundation's decoder on Linux rejects a whole file over one undefined byte; this one never
/// fails. Bytes 0x00-0x7F and 0xA0-0xFF equal their Unicode code points; 0x80-0x9F map to the
/// typographic characters Word and Excel put there (€ ‘ ’ “ ” – — …). The five bytes that
/// Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the C1 control with the same
/// number, as the WHATWG encoding standard does; text writers strip control characters later.
public enum Windows1252 {
    /// Unicode scalars for bytes 0x80...0x9F.
    @usableFromInline static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
    ]

    /// The Unicode scalar value for one Windows-1252 byte.
    @inlinable
    public static func scalar(for byte: UInt8) -> UInt32 {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        return high[Int(byte - 0x80)]
    }

    /// Decodes Windows-1252 bytes to a String (never fails).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            appendUTF8(scalar(for: byte), to: &utf8)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Appends the UTF-8 form of a scalar below U+10000 (all Windows-1252 scalars are).
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
