import Testing
@testable import KTOImport

@Suite("CRC-32 slicing")
struct CRC32SlicingTests {
    @Test func slicedEqualsBytewise() {
        #expect([UInt8]().withUnsafeBufferPointer { CRC32.checksum($0) } == 0)
        #expect(Array("123456789".utf8).withUnsafeBufferPointer { CRC32.checksum($0) } == 0xCBF4_3926)
        var seed: UInt64 = 99
        for length in [1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4099] {
            let bytes = (0..<length).map { _ -> UInt8 in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: seed >> 40)
            }
            #expect(bytes.withUnsafeBufferPointer { CRC32.checksum($0) } == CRC32.checksum(bytes), "\(length)")
        }
    }
}
