/// The state of one DEFLATE decode (RFC 1951): the input with an LSB-first bit buffer, the
/// output buffer, and the Huffman tables reused from block to block.
///
/// The whole output is kept, so back-references reach anywhere before the current position; a
/// reference that reaches before the start is an error.
final class Inflater {
    let input: UnsafeBufferPointer<UInt8>
    let inCount: Int
    /// Next input byte to load into the bit buffer.
    var pos: Int
    /// Zero bytes loaded past the end of the input (at most 8 before it is an error).
    var padded = 0
    var bitBuf: UInt64 = 0
    var bitCount = 0

    let limit: Int
    var out: UnsafeMutablePointer<UInt8>
    var outCap: Int
    var outPos = 0

    let lit = HuffmanTable(rootBits: 10, symbolCapacity: 288)
    let dist = HuffmanTable(rootBits: 8, symbolCapacity: 32)
    let codeLengths = HuffmanTable(rootBits: 7, symbolCapacity: 19)
    let lengths: UnsafeMutablePointer<UInt8>

    /// Room written past the end by the 8-byte match copy.
    private static let slack = 16

    init(input: UnsafeBufferPointer<UInt8>, start: Int, expectedSize: Int?, limit: Int) {
        self.input = input
        self.inCount = input.count
        self.pos = start
        self.limit = max(0, limit)
        // DEFLATE expands at most about 1032:1, so a lying size hint cannot make us reserve more.
        let ceiling = min(self.limit, input.count.multipliedReportingOverflow(by: 1032).partialValue + 64)
        let capacity = max(0, min(expectedSize ?? input.count * 4, ceiling))
        outCap = capacity
        out = .allocate(capacity: capacity + Self.slack)
        lengths = .allocate(capacity: 320)
        lengths.initialize(repeating: 0, count: 320)
    }

    deinit {
        out.deallocate()
        lengths.deallocate()
    }

    /// The decoded bytes so far.
    var output: [UInt8] { Array(UnsafeBufferPointer(start: out, count: outPos)) }

    /// The byte offset in the input of the next unread bit (rounded down to its byte).
    var byteOffset: Int { max(0, pos + padded - bitCount / 8) }

    /// Decodes blocks up to and including the final one. Returns the input offset just past the
    /// stream (the last partial byte counted).
    func run() throws(InflateError) -> Int {
        do {
            return try blocks()
        } catch .outputLimitExceeded(let limit) {
            throw .outputLimitExceeded(limit: limit)
        } catch {
            // Garbage decoded from the zeros past the end says nothing: the input is cut short.
            throw truncationOr(error)
        }
    }

    private func blocks() throws(InflateError) -> Int {
        var final = false
        while !final {
            let header = try take(3)
            final = header & 1 != 0
            switch header >> 1 {
            case 0: try storedBlock()
            case 1: try fixedBlock()
            case 2: try dynamicBlock()
            default: throw .invalidBlockType(offset: byteOffset)
            }
            try checkNotOverrun()
        }
        let consumedBits = (pos + padded) * 8 - bitCount
        return (consumedBits + 7) / 8
    }

    // MARK: Bits

    private func checkNotOverrun() throws(InflateError) {
        if (pos + padded) * 8 - bitCount > inCount * 8 { throw .truncated(offset: inCount) }
    }

    /// Fills the bit buffer to at least 56 bits.
    @inline(__always)
    func refill() throws(InflateError) {
        if pos &+ 8 <= inCount, let base = input.baseAddress {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
            bitBuf |= word &<< UInt64(bitCount)
            pos &+= (63 &- bitCount) &>> 3
            bitCount |= 56
            return
        }
        while bitCount <= 56 {
            if pos < inCount {
                bitBuf |= UInt64(input[pos]) &<< UInt64(bitCount)
                pos += 1
            } else {
                // Zeros past the end; more than the buffer can hold means bits past the end were used.
                padded += 1
                if padded > 8 { throw .truncated(offset: inCount) }
            }
            bitCount += 8
        }
    }

    private func take(_ n: Int) throws(InflateError) -> Int {
        if bitCount < n { try refill() }
        let value = Int(bitBuf & ((1 << UInt64(n)) - 1))
        bitBuf >>= UInt64(n)
        bitCount -= n
        return value
    }

    // MARK: Output

    func grow(minimum: Int) throws(InflateError) {
        if minimum > limit { throw .outputLimitExceeded(limit: limit) }
        let doubled = outCap > limit / 2 ? limit : outCap * 2
        let newCap = min(limit, max(minimum, doubled, 4096))
        let newOut = UnsafeMutablePointer<UInt8>.allocate(capacity: newCap + Self.slack)
        newOut.update(from: out, count: outPos)
        out.deallocate()
        out = newOut
        outCap = newCap
    }

    // MARK: Blocks

    private func storedBlock() throws(InflateError) {
        _ = try take(bitCount % 8)
        let len = try take(16)
        let nlen = try take(16)
        if len != ~nlen & 0xFFFF { throw .storedLengthMismatch(offset: byteOffset) }
        // Give back the whole bytes still in the bit buffer and copy straight from the input.
        let next = pos + padded - bitCount / 8
        if next > inCount { throw .truncated(offset: inCount) }
        pos = next
        padded = 0
        bitBuf = 0
        bitCount = 0
        if len > inCount - pos { throw .truncated(offset: inCount) }
        if outPos + len > outCap { try grow(minimum: outPos + len) }
        if len > 0, let base = input.baseAddress {
            (out + outPos).update(from: base + pos, count: len)
        }
        outPos += len
        pos += len
    }

    private func fixedBlock() throws(InflateError) {
        for s in 0..<144 { lengths[s] = 8 }
        for s in 144..<256 { lengths[s] = 9 }
        for s in 256..<280 { lengths[s] = 7 }
        for s in 280..<288 { lengths[s] = 8 }
        for s in 288..<320 { lengths[s] = 5 }
        guard lit.build(lengths: lengths, count: 288, payload: HuffmanTable.literalLengthPayload),
            dist.build(lengths: lengths + 288, count: 32, payload: HuffmanTable.distancePayload)
        else { throw .invalidHuffmanCode(offset: byteOffset) }
        try decodeCodes()
    }

    /// The order in which code-length code lengths are stored (RFC 1951 section 3.2.7).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private func dynamicBlock() throws(InflateError) {
        let hlit = try take(5) + 257
        let hdist = try take(5) + 1
        let hclen = try take(4) + 4
        if hlit > 286 || hdist > 30 { throw .invalidHuffmanCode(offset: byteOffset) }
        for s in 0..<19 { lengths[s] = 0 }
        for k in 0..<hclen { lengths[Self.codeLengthOrder[k]] = UInt8(try take(3)) }
        guard codeLengths.build(lengths: lengths, count: 19, payload: HuffmanTable.codeLengthPayload) else {
            throw .invalidHuffmanCode(offset: byteOffset)
        }
        let total = hlit + hdist
        var k = 0
        while k < total {
            if bitCount < 16 { try refill() }
            let entry = codeLengths.fast[Int(bitBuf & 0x7F)]
            if entry & HuffmanTable.slowFlag != 0 { throw .invalidHuffmanCode(offset: byteOffset) }
            let len = Int(entry & 0xFF)
            bitBuf >>= UInt64(len)
            bitCount -= len
            let symbol = Int(entry >> 16)
            var value: UInt8 = 0
            var repeats: Int
            switch symbol {
            case 0..<16:
                lengths[k] = UInt8(symbol)
                k += 1
                continue
            case 16:
                if k == 0 { throw .invalidHuffmanCode(offset: byteOffset) }
                value = lengths[k - 1]
                repeats = 3 + (try take(2))
            case 17: repeats = 3 + (try take(3))
            default: repeats = 11 + (try take(7))
            }
            if k + repeats > total { throw .invalidHuffmanCode(offset: byteOffset) }
            for _ in 0..<repeats {
                lengths[k] = value
                k += 1
            }
        }
        // A block without an end-of-block code could never end.
        if lengths[256] == 0 { throw .invalidHuffmanCode(offset: byteOffset) }
        guard lit.build(lengths: lengths, count: hlit, payload: HuffmanTable.literalLengthPayload),
            dist.build(lengths: lengths + hlit, count: hdist, payload: HuffmanTable.distancePayload)
        else { throw .invalidHuffmanCode(offset: byteOffset) }
        try decodeCodes()
    }
}
