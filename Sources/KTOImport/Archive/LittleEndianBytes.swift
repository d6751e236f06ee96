/// Bounds-checked little-endian reads; `nil` past the end.
struct LittleEndianBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at <= bytes.count - 2 else { return nil }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32? {
        guard let low = u16(at), let high = u16(at + 2) else { return nil }
        return UInt32(low) | UInt32(high) << 16
    }

    func u64(_ at: Int) -> UInt64? {
        guard let low = u32(at), let high = u32(at + 4) else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }
}
