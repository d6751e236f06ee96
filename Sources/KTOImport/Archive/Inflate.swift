/// DEFLATE (RFC 1951) and zlib (RFC 1950) decompression, written from the RFCs: stored, fixed and
/// dynamic Huffman blocks, table-driven decoding with a 64-bit bit buffer.
public enum Inflate {
    /// Raw DEFLATE stream → bytes. `limit`: maximum output bytes (zip-bomb cap); exceeding it
    /// throws `.outputLimitExceeded`. `expectedSize` only sizes the first allocation.
    public static func raw(
        _ input: UnsafeBufferPointer<UInt8>, expectedSize: Int? = nil, limit: Int
    ) throws(InflateError) -> [UInt8] {
        let inflater = Inflater(input: input, start: 0, expectedSize: expectedSize, limit: limit)
        _ = try inflater.run()
        return inflater.output
    }

    /// zlib stream (RFC 1950) → bytes, Adler-32 checked. Bytes after the trailer are ignored.
    public static func zlib(
        _ input: UnsafeBufferPointer<UInt8>, expectedSize: Int? = nil, limit: Int
    ) throws(InflateError) -> [UInt8] {
        guard input.count >= 2 else { throw .truncated(offset: input.count) }
        let cmf = Int(input[0])
        let flg = Int(input[1])
        // Method 8 (deflate), window at most 32 KiB, check bits, and no preset dictionary.
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (cmf << 8 | flg) % 31 == 0, flg & 0x20 == 0 else {
            throw .badZlibHeader
        }
        let inflater = Inflater(input: input, start: 2, expectedSize: expectedSize, limit: limit)
        let end = try inflater.run()
        guard end + 4 <= input.count else { throw .truncated(offset: input.count) }
        let stored = UInt32(input[end]) << 24 | UInt32(input[end + 1]) << 16 | UInt32(input[end + 2]) << 8
            | UInt32(input[end + 3])
        let output = inflater.output
        guard output.withUnsafeBufferPointer({ Adler32.checksum($0) }) == stored else { throw .checksumMismatch }
        return output
    }

    /// Convenience for arrays.
    public static func zlib(_ input: [UInt8], expectedSize: Int? = nil, limit: Int) throws(InflateError) -> [UInt8] {
        try withBuffer(input) { buffer throws(InflateError) in try zlib(buffer, expectedSize: expectedSize, limit: limit) }
    }

    /// Convenience for arrays.
    public static func raw(_ input: [UInt8], expectedSize: Int? = nil, limit: Int) throws(InflateError) -> [UInt8] {
        try withBuffer(input) { buffer throws(InflateError) in try raw(buffer, expectedSize: expectedSize, limit: limit) }
    }

    private static func withBuffer(
        _ input: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws(InflateError) -> [UInt8]
    ) throws(InflateError) -> [UInt8] {
        var result: Result<[UInt8], InflateError> = .success([])
        input.withUnsafeBufferPointer { buffer in
            do throws(InflateError) { result = .success(try body(buffer)) } catch { result = .failure(error) }
        }
        return try result.get()
    }
}
