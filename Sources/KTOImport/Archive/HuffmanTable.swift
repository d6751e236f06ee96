/// A canonical Huffman code (RFC 1951 section 3.2.2) ready for decoding from an LSB-first bit
/// buffer: a direct lookup table for codes of up to `rootBits` bits, and a canonical walk for the
/// rare longer codes.
///
/// An entry is a `UInt32`: bits 0-7 the code length to consume, bits 8-11 the number of extra
/// bits, bits 12-15 flags, bits 16-31 the value (a literal byte, a length or distance base).
final class HuffmanTable {
    static let literalFlag: UInt32 = 0x1000
    static let endOfBlockFlag: UInt32 = 0x2000
    static let invalidFlag: UInt32 = 0x4000
    /// The code is longer than `rootBits` (or not in the code at all): walk the canonical code.
    static let slowFlag: UInt32 = 0x8000

    let rootBits: Int
    /// `1 << rootBits` entries, indexed by the next `rootBits` input bits.
    let fast: UnsafeMutablePointer<UInt32>
    /// Number of codes of each length 0...15.
    private let counts: UnsafeMutablePointer<Int>
    /// Symbols sorted by code length, then symbol: the canonical order.
    private let symbols: UnsafeMutablePointer<UInt16>
    private let symbolCapacity: Int
    private var payload: [UInt32] = []

    init(rootBits: Int, symbolCapacity: Int) {
        self.rootBits = rootBits
        self.symbolCapacity = symbolCapacity
        fast = .allocate(capacity: 1 << rootBits)
        fast.initialize(repeating: Self.slowFlag, count: 1 << rootBits)
        counts = .allocate(capacity: 16)
        counts.initialize(repeating: 0, count: 16)
        symbols = .allocate(capacity: symbolCapacity)
        symbols.initialize(repeating: 0, count: symbolCapacity)
    }

    deinit {
        fast.deallocate()
        counts.deallocate()
        symbols.deallocate()
    }

    /// Builds the code from the code lengths of symbols `0..<count`; `payload[symbol]` gives each
    /// symbol's entry without its length. Returns false when the lengths over-subscribe the code
    /// space. An incomplete code is accepted; its unused codes decode as errors.
    func build(lengths: UnsafePointer<UInt8>, count: Int, payload: [UInt32]) -> Bool {
        guard count <= symbolCapacity, count <= payload.count else { return false }
        self.payload = payload
        for len in 0..<16 { counts[len] = 0 }
        for s in 0..<count {
            let len = Int(lengths[s])
            guard len < 16 else { return false }
            counts[len] += 1
        }
        counts[0] = 0
        var left = 1
        for len in 1..<16 {
            left <<= 1
            left -= counts[len]
            if left < 0 { return false }
        }
        var offsets = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &offsets) { raw in
            let offs = raw.bindMemory(to: Int.self)
            offs[1] = 0
            for len in 1..<15 { offs[len + 1] = offs[len] + counts[len] }
            for s in 0..<count where lengths[s] != 0 {
                let len = Int(lengths[s])
                symbols[offs[len]] = UInt16(s)
                offs[len] += 1
            }
        }
        let size = 1 << rootBits
        fast.update(repeating: Self.slowFlag, count: size)
        var code = 0
        var index = 0
        for len in 1...rootBits {
            for _ in 0..<counts[len] {
                let entry = payload[Int(symbols[index])] | UInt32(len)
                index += 1
                var slot = Self.reverse(code, bits: len)
                while slot < size {
                    fast[slot] = entry
                    slot += 1 << len
                }
                code += 1
            }
            code <<= 1
        }
        return true
    }

    /// Decodes a code longer than `rootBits` from the low bits of `bits` (at least 15 valid bits)
    /// by walking the canonical code; returns the entry with its length, or nil for a code that
    /// is not in the table.
    func slowDecode(_ bits: UInt64) -> UInt32? {
        var code = 0
        var first = 0
        var index = 0
        for len in 1..<16 {
            code |= Int((bits >> UInt64(len - 1)) & 1)
            let count = counts[len]
            if code < first + count {
                return payload[Int(symbols[index + code - first])] | UInt32(len)
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        return nil
    }

    static func reverse(_ code: Int, bits: Int) -> Int {
        var value = code
        var result = 0
        for _ in 0..<bits {
            result = result << 1 | value & 1
            value >>= 1
        }
        return result
    }

    // MARK: Payloads of the DEFLATE alphabets

    static let lengthBases: [UInt32] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra: [UInt32] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBases: [UInt32] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [UInt32] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// Literal/length alphabet 0...287: literals, end of block, lengths, two that may not occur.
    static let literalLengthPayload: [UInt32] = (0..<288).map { symbol -> UInt32 in
        switch symbol {
        case 0..<256: return UInt32(symbol) << 16 | literalFlag
        case 256: return endOfBlockFlag
        case 257...285: return lengthBases[symbol - 257] << 16 | lengthExtra[symbol - 257] << 8
        default: return invalidFlag
        }
    }

    /// Distance alphabet 0...31; 30 and 31 may not occur.
    static let distancePayload: [UInt32] = (0..<32).map { symbol -> UInt32 in
        symbol < 30 ? distanceBases[symbol] << 16 | distanceExtra[symbol] << 8 : invalidFlag
    }

    /// Code-length alphabet 0...18: the symbol itself.
    static let codeLengthPayload: [UInt32] = (0..<19).map { UInt32($0) << 16 | literalFlag }
}
