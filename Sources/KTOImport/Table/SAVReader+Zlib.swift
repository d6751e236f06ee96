/// ZLIB-compressed data (.zsav, compression 2): a 24-byte header with the trailer's place, zlib
/// blocks, and a trailer whose block descriptors say where each block is and how large it
/// inflates. The inflated blocks, joined, are bytecode as in compression 1.
extension SAVReader {
    static func inflateData(_ bytes: UnsafeBufferPointer<UInt8>, dict: SAVDictionary, limits: Limits) throws(SAVError.Kind) -> [UInt8] {
        let start = dict.dataOffset
        var c = SAVCursor(bytes, offset: start, bigEndian: dict.header.bigEndian)
        _ = try c.int64()  // zheader_ofs: its own offset, which we already know
        let trailerOffset = try c.int64()
        let trailerLength = try c.int64()
        guard trailerLength >= 24, trailerLength % 24 == 0, trailerOffset >= Int64(start + 24) else {
            throw .inconsistent("de zlib-kop bij byte \(start) wijst naar een onmogelijke plaats of lengte van de zlib-trailer")
        }
        guard trailerOffset <= Int64(bytes.count), trailerLength <= Int64(bytes.count) - trailerOffset else {
            throw .truncated(offset: bytes.count)
        }
        var t = SAVCursor(bytes, offset: Int(trailerOffset), bigEndian: dict.header.bigEndian)
        _ = try t.int64()  // the bias again (negated by SPSS, not by every writer)
        _ = try t.int64()  // zero
        let blockSize = try t.int32()
        let blockCount = try t.int32()
        guard blockCount == Int(trailerLength / 24) - 1, blockSize > 0 else {
            throw .inconsistent(
                "de zlib-trailer bij byte \(trailerOffset) noemt \(blockCount) blokken van \(blockSize) bytes; "
                    + "dat past niet bij zijn lengte \(trailerLength)")
        }
        var blocks: [(start: Int, size: Int, inflated: Int)] = []
        blocks.reserveCapacity(blockCount)
        var next = start + 24
        var total = 0
        for i in 0..<blockCount {
            _ = try t.int64()  // uncompressed_ofs: implied by the sizes
            let compressedOffset = try t.int64()
            let inflated = try t.int32()
            let size = try t.int32()
            guard compressedOffset == Int64(next), size >= 0, inflated >= 0, inflated <= blockSize,
                next + size <= Int(trailerOffset)
            else {
                throw .inconsistent(
                    "zlib-blok \(i + 1) staat volgens de trailer niet waar het vorige blok ophoudt (byte \(next)) of is te groot")
            }
            blocks.append((next, size, inflated))
            next += size
            total += inflated
            guard total <= limits.maxStreamBytes else {
                throw .tooLarge("de zlib-blokken pakken uit tot meer dan \(limits.maxStreamBytes) bytes")
            }
        }
        guard next == Int(trailerOffset) else {
            throw .inconsistent("tussen het laatste zlib-blok (tot byte \(next)) en de trailer (byte \(trailerOffset)) liggen losse bytes")
        }
        var stream: [UInt8] = []
        stream.reserveCapacity(total)
        for (i, block) in blocks.enumerated() {
            let input = UnsafeBufferPointer(rebasing: bytes[block.start..<(block.start + block.size)])
            let output: [UInt8]
            do {
                output = try Inflate.zlib(input, expectedSize: block.inflated, limit: block.inflated)
            } catch {
                throw .zlib(error, block: i + 1)
            }
            guard output.count == block.inflated else {
                throw .inconsistent("zlib-blok \(i + 1) pakt uit tot \(output.count) bytes, de trailer zegt \(block.inflated)")
            }
            stream.append(contentsOf: output)
        }
        return stream
    }
}
