/// Encodes text as Windows-1252, the code page of the exports a scanning office delivers.
///
/// ASCII and U+00A0…U+00FF map to the same byte; the 27 printable characters Windows-1252 puts in
/// 0x80…0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) come from a table. Anything
/// else has no Windows-1252 byte.
public enum Windows1252Encoder {
    /// Windows-1252 bytes 0x80…0x9F and the scalar each stands for (0 = undefined byte).
    static let highTable: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The byte of one scalar, or nil when Windows-1252 has none.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v < 0x80 || (v >= 0xA0 && v <= 0xFF) { return UInt8(v) }
        if let k = highTable.firstIndex(of: v), v != 0 { return UInt8(0x80 + k) }
        return nil
    }

    /// The bytes of `text`, or nil when some character has no Windows-1252 byte.
    public static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard let b = byte(for: scalar) else { return nil }
            bytes.append(b)
        }
        return bytes
    }

    /// The bytes of `text`, with `?` for each character Windows-1252 lacks (as a legacy export does).
    public static func encodeLossy(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { bytes.append(byte(for: scalar) ?? 0x3F) }
        return bytes
    }
}
