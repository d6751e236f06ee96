/// Adler-32 (RFC 1950 section 8), the checksum of the zlib trailer.
public enum Adler32 {
    /// The checksum of `bytes`, continuing from `start` (1 for a fresh checksum).
    public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, start: UInt32 = 1) -> UInt32 {
        let modulus: UInt32 = 65521
        var a = start & 0xFFFF
        var b = start >> 16
        var index = 0
        let count = bytes.count
        while index < count {
            // 5552 is the largest run for which b cannot overflow 32 bits before the modulo.
            let end = min(count, index + 5552)
            while index < end {
                a &+= UInt32(bytes[index])
                b &+= a
                index += 1
            }
            a %= modulus
            b %= modulus
        }
        return b << 16 | a
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { checksum($0) }
    }
}
