/// The `_xHHHH_` escapes of OOXML strings (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): characters
/// XML cannot hold, such as control characters, written as a UTF-16 code unit in hex.
enum OOXMLEscapes {
    /// Replaces every `_xHHHH_` in `bytes` by the character it stands for (a surrogate pair from
    /// two escapes); escapes that do not stand for a character stay as they are.
    static func unescape(_ bytes: inout [UInt8]) {
        guard bytes.count >= 7, containsEscape(bytes) else { return }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if let unit = codeUnit(bytes, at: i) {
                if UTF16.isLeadSurrogate(unit), let low = codeUnit(bytes, at: i + 7), UTF16.isTrailSurrogate(low) {
                    let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    if let scalar = Unicode.Scalar(value) {
                        out.append(contentsOf: scalar.utf8)
                        i += 14
                        continue
                    }
                }
                if let scalar = Unicode.Scalar(unit) {
                    out.append(contentsOf: scalar.utf8)
                    i += 7
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        bytes = out
    }

    private static func containsEscape(_ bytes: [UInt8]) -> Bool {
        for i in 0..<(bytes.count - 1) where bytes[i] == 0x5F && bytes[i + 1] == 0x78 { return true }
        return false
    }

    private static func codeUnit(_ bytes: [UInt8], at i: Int) -> UInt16? {
        guard i + 7 <= bytes.count, bytes[i] == 0x5F, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F else { return nil }
        var value: UInt32 = 0
        for k in 2..<6 {
            guard let d = XMLScanner.digit(bytes[i + k], hex: true) else { return nil }
            value = value << 4 | d
        }
        return UInt16(value)
    }
}
