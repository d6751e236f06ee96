import Testing
@testable import KTOImport

@Suite("CRC-32")
struct CRC32Tests {
    // Check values of the CRC-32/ISO-HDLC catalogue entry (reveng.sourceforge.io/crc-catalogue):
    // "123456789" → 0xCBF43926; the empty string → 0; and Python's zlib.crc32(b"The quick brown
    // fox jumps over the lazy dog") → 0x414FA339.
    @Test func catalogueValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func incrementalEqualsWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var crc = CRC32()
        crc.update(Array(bytes[..<333]))
        crc.update(Array(bytes[333...]))
        #expect(crc.finalized == CRC32.checksum(bytes))
    }
}
