import Testing
@testable import KTOImport

@Suite("CRC-32 slicing")
struct CRC32SlicingTests {
    /// The definition, a byte at a time, with the table computed here.
    static func bytewise(_ bytes: [UInt8]) -> UInt32 {
        let table = (0..<256).map { n -> UInt32 in
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            return c
        }
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    @Test func slicedEqualsBytewise() {
        #expect([UInt8]().withUnsafeBufferPointer { CRC32.checksum($0) } == 0)
        #expect(Array("123456789".utf8).withUnsafeBufferPointer { CRC32.checksum($0) } == 0xCBF4_3926)
        var seed: UInt64 = 99
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 63, 64, 65, 1000, 4099] {
            let bytes = (0..<length).map { _ -> UInt8 in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: seed >> 40)
            }
            let expected = Self.bytewise(bytes)
            #expect(bytes.withUnsafeBufferPointer { CRC32.checksum($0) } == expected, "\(length)")
            #expect(CRC32.checksum(bytes) == expected, "\(length)")
            // Fed in uneven pieces (a zip entry is checked as it is inflated), the same value.
            var crc = CRC32()
            var start = 0
            var piece = 1
            while start < bytes.count {
                let end = min(bytes.count, start + piece)
                crc.update(Array(bytes[start..<end]))
                start = end
                piece = piece * 3 % 17 + 1
            }
            #expect(crc.finalized == expected, "\(length)")
        }
    }
}
