/// A bounds-checked reading position in the bytes of a system file, in the file's byte order.
///
/// Every read checks that the bytes are there and throws `.truncated(offset:)` otherwise, so a
/// file cut off anywhere gives an error, never a crash. Reads are unaligned: records of arbitrary
/// length (long variable names) leave everything after them at odd offsets.
struct SAVCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int
    var bigEndian: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0, bigEndian: Bool = false) {
        self.bytes = bytes
        self.offset = offset
        self.bigEndian = bigEndian
    }

    var remaining: Int { bytes.count - offset }
    var atEnd: Bool { offset >= bytes.count }

    /// Throws unless `count` more bytes are present.
    func require(_ count: Int) throws(SAVError.Kind) {
        guard count >= 0, count <= remaining else { throw .truncated(offset: bytes.count) }
    }

    mutating func int32() throws(SAVError.Kind) -> Int {
        try require(4)
        let raw = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return Int(Int32(bitPattern: bigEndian ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)))
    }

    mutating func int64() throws(SAVError.Kind) -> Int64 {
        Int64(bitPattern: try bits64())
    }

    mutating func double() throws(SAVError.Kind) -> Double {
        Double(bitPattern: try bits64())
    }

    /// Eight bytes as an integer in host order (the file's byte order undone).
    mutating func bits64() throws(SAVError.Kind) -> UInt64 {
        try require(8)
        let raw = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return bigEndian ? UInt64(bigEndian: raw) : UInt64(littleEndian: raw)
    }

    mutating func byte() throws(SAVError.Kind) -> UInt8 {
        try require(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The range of the next `count` bytes, which are skipped.
    mutating func span(_ count: Int) throws(SAVError.Kind) -> Range<Int> {
        try require(count)
        defer { offset += count }
        return offset..<(offset + count)
    }

    mutating func skip(_ count: Int) throws(SAVError.Kind) {
        try require(count)
        offset += count
    }

    /// The bytes of `range` (which must lie inside the file).
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }
}
