/// The CRC-32 of the report manifest (`KTOImport.CRC32`'s value: ISO 3309, reflected polynomial
/// 0xEDB88320), eight bytes per step ("slicing-by-8"): a report is many megabytes, checksummed
/// once when written and once more when the next run checks the folder, and the byte-at-a-time
/// loop made that a tenth of a run. Tests check it against `CRC32.checksum`.
enum FileChecksum {
    /// table[k * 256 + b]: the CRC of byte b followed by k zero bytes.
    static let table: [UInt32] = {
        var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[0][n] = c
        }
        for n in 0..<256 {
            for k in 1..<8 { tables[k][n] = (tables[k - 1][n] >> 8) ^ tables[0][Int(tables[k - 1][n] & 0xFF)] }
        }
        return tables.flatMap { $0 }
    }()

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBytes { raw in
            table.withUnsafeBufferPointer { t in
                var k = 0
                let count = raw.count
                while k + 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) ^ UInt64(c)
                    c = t[7 * 256 + Int(word & 0xFF)] ^ t[6 * 256 + Int((word >> 8) & 0xFF)]
                        ^ t[5 * 256 + Int((word >> 16) & 0xFF)] ^ t[4 * 256 + Int((word >> 24) & 0xFF)]
                        ^ t[3 * 256 + Int((word >> 32) & 0xFF)] ^ t[2 * 256 + Int((word >> 40) & 0xFF)]
                        ^ t[1 * 256 + Int((word >> 48) & 0xFF)] ^ t[Int(word >> 56)]
                    k += 8
                }
                while k < count {
                    c = t[Int((c ^ UInt32(raw[k])) & 0xFF)] ^ (c >> 8)
                    k += 1
                }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}
