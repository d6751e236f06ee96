/// CRC-32 as zip, gzip and PNG use it (ISO 3309, reflected polynomial 0xEDB88320).
public struct CRC32: Sendable {
    /// The running value; `finalized` gives the checksum.
    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        state = Self.advance(state, bytes)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    public var finalized: UInt32 { state ^ 0xFFFF_FFFF }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.finalized
    }
}
