/// Decodes bytecode-compressed case data (compression 1, and .zsav after inflating): groups of
/// eight one-byte codes, each group followed by the raw 8-byte values its 253 codes announce.
/// Decodes a few cases at a time, so it keeps its place inside a group between calls.
///
/// The stream is either all in memory, or a `SAVFileWindow` that slides on through the file
/// whenever the decoder runs out of bytes before the file does.
struct SAVBytecodeDecoder {
    /// The bytes at hand: the whole stream, or the window's.
    private(set) var stream: UnsafeBufferPointer<UInt8>
    /// Added to stream offsets in messages (for .zsav: where the bytes would be in a .sav; for a
    /// window: the file offset of its first byte).
    private(set) var base: Int
    /// Where more bytes come from (nil: `stream` is all there is).
    private let window: SAVFileWindow?
    let layout: SAVReader.CaseLayout
    /// The offset of the current group of codes.
    private var group: Int
    /// The next code within the group (8: the group is used up).
    private var code = 8
    /// The offset of the next raw value.
    private var position: Int
    /// Values decoded so far (for case numbers in messages).
    private(set) var decoded = 0
    /// Whether the end code (252) was met.
    private var ended = false
    /// Lookup tables for the hot loop, at fixed addresses.
    private let tables: Tables

    init(stream: UnsafeBufferPointer<UInt8>, start: Int, base: Int, layout: SAVReader.CaseLayout, bias: Double) {
        self.stream = stream
        self.base = base
        window = nil
        self.layout = layout
        self.group = start
        self.position = start
        self.tables = Tables(layout: layout, bias: bias)
    }

    /// The decoder's lookup tables.
    private final class Tables {
        /// The value of each code in the file's byte order: code - bias for 1...251, blanks for
        /// 254, SYSMIS for 255.
        let values: UnsafeMutablePointer<UInt64>
        /// Per kind (0 numeric, 256 string) and code: whether the code may stand there.
        let allowed: UnsafeMutablePointer<Bool>
        /// Per element of a case: whether it belongs to a string.
        let isString: UnsafeMutablePointer<Bool>
        /// Per element of a case: how many numeric elements start there (across the case
        /// boundary), capped at 8.
        let numericAhead: UnsafeMutablePointer<UInt8>

        init(layout: SAVReader.CaseLayout, bias: Double) {
            let perCase = layout.elements
            values = .allocate(capacity: 256)
            let fileOrder: (UInt64) -> UInt64 = layout.bigEndian ? { $0.bigEndian } : { $0.littleEndian }
            values.initialize(repeating: 0, count: 256)
            for code in 1...251 { values[code] = fileOrder((Double(code) - bias).bitPattern) }
            values[254] = 0x2020_2020_2020_2020
            values[255] = fileOrder(layout.sysmisBits)
            // Numbers take 1...251, 253 and 255; strings 253, 254, and the code for 0, which
            // stands for eight NUL bytes (seen in real files). 0 and 252 are handled before.
            allowed = .allocate(capacity: 512)
            allowed.initialize(repeating: true, count: 512)
            allowed[254] = false
            allowed[256 + 255] = false
            for code in 1...251 where Double(code) - bias != 0 { allowed[256 + code] = false }
            isString = .allocate(capacity: max(perCase, 1))
            isString.initialize(repeating: false, count: max(perCase, 1))
            numericAhead = .allocate(capacity: max(perCase, 1))
            numericAhead.initialize(repeating: 0, count: max(perCase, 1))
            var run = 0
            // Backwards around the circle of elements, often enough for runs to reach 8.
            for _ in 0..<(8 / max(perCase, 1) + 2) {
                for e in stride(from: perCase - 1, through: 0, by: -1) {
                    isString[e] = layout.isString[e]
                    run = layout.isString[e] ? 0 : min(run + 1, 8)
                    numericAhead[e] = UInt8(run)
                }
            }
        }

        deinit {
            values.deallocate()
            allowed.deallocate()
            isString.deallocate()
            numericAhead.deallocate()
        }
    }

    /// Decodes from `window`'s bytes, starting at offset `start` in it, sliding it on as needed.
    init(window: SAVFileWindow, start: Int, layout: SAVReader.CaseLayout, bias: Double) {
        stream = window.bytes
        base = window.offset
        self.window = window
        self.layout = layout
        group = start
        position = start
        tables = Tables(layout: layout, bias: bias)
    }

    /// Whether any of the eight codes in `word` is 0, 252, 253 or 254.
    @inline(__always)
    static func hasSpecialCode(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return hasZero(word) || hasZero(word ^ 0xFCFC_FCFC_FCFC_FCFC) || hasZero(word ^ 0xFDFD_FDFD_FDFD_FDFD)
            || hasZero(word ^ 0xFEFE_FEFE_FEFE_FEFE)
    }

    /// Decodes the next `cases` cases into `out` (`cases × layout.elements` values), and each
    /// value's code into `codes` (0 for a raw value), so that a reader can take the codes of
    /// compressed numbers as they are. Without `codedValues`, a group of eight coded numbers
    /// leaves `out` unset there (the reader makes such values from their codes).
    /// - Returns: the number of values decoded: fewer than asked when the data ends (end code
    ///   252, or the end of the stream after a whole group).
    /// - Throws: `.truncated` if the stream ends inside a group or a raw value,
    ///   `.corruptCompressedData` for a code that cannot stand where it does (a number code in a
    ///   string, blanks in a number, SYSMIS in a string).
    @discardableResult
    mutating func decode(
        cases: Int, into out: UnsafeMutablePointer<UInt64>, codes: UnsafeMutablePointer<UInt8>, codedValues: Bool = true
    ) throws(SAVError.Kind) -> Int {
        let total = cases * layout.elements
        var produced = 0
        while true {
            let (got, starved) = try decode(values: total - produced, into: out + produced, codes: codes + produced, codedValues: codedValues)
            produced += got
            guard starved, produced < total, let window else { return produced }
            try slide(window)
        }
    }

    /// Moves the window on past what has been used: the current group's codes are kept while
    /// some are left, and so are the raw values after them.
    private mutating func slide(_ window: SAVFileWindow, need: Int = 0) throws(SAVError.Kind) {
        let keep = code < 8 ? group : position
        try window.slide(keeping: keep, need: need)
        group -= keep
        position -= keep
        base = window.offset
        stream = window.bytes
    }

    /// Decodes up to `total` values from the bytes at hand.
    /// - Returns: the values decoded, and whether the bytes at hand ran out before the stream
    ///   did (`starved`: only for a window that has not reached the end of the file).
    private mutating func decode(
        values total: Int, into out: UnsafeMutablePointer<UInt64>, codes: UnsafeMutablePointer<UInt8>, codedValues: Bool
    ) throws(SAVError.Kind) -> (Int, starved: Bool) {
        // Whether the end of the bytes at hand is the end of the stream.
        let complete = window?.atEnd ?? true
        var starved = false
        let raw = UnsafeRawBufferPointer(stream)
        let n = stream.count
        let perCase = layout.elements
        var group = self.group
        var code = self.code
        var position = self.position
        var element = decoded % perCase
        var produced = 0
        var ended = self.ended
        if ended { return (0, false) }
        defer {
            self.ended = ended
            self.group = group
            self.code = code
            self.position = position
            self.decoded += produced
        }
        let values = tables.values
        let allowed = tables.allowed
        let isString = tables.isString
        let numericAhead = tables.numericAhead
        decoding: while produced < total {
            if code == 8 {
                guard n - position >= 8 else {
                    if !complete {
                        starved = true
                    } else if position != n {
                        throw .truncated(offset: base + n)
                    }
                    break decoding
                }
                group = position
                position += 8
                code = 0
                // Fast path: eight number codes (1...251, 255) for eight numeric
                // values in a row, the common case of survey answers.
                if total - produced >= 8 && numericAhead[element] >= 8 {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: group, as: UInt64.self))
                    if !Self.hasSpecialCode(word) {
                        for k in 0..<8 {
                            codes[produced &+ k] = UInt8(truncatingIfNeeded: word >> UInt64(8 * k))
                        }
                        if codedValues {
                            for k in 0..<8 {
                                out[produced &+ k] = values[Int(truncatingIfNeeded: (word >> UInt64(8 * k)) & 0xFF)]
                            }
                        }
                        produced &+= 8
                        // Around the case without a division (a case may be shorter than 8).
                        element &+= 8
                        while element >= perCase { element &-= perCase }
                        code = 8
                        continue decoding
                    }
                }
            }
            let c = Int(stream[group + code])
            code += 1
            if c == 0 { continue }
            if c == 252 {
                ended = true
                break decoding
            }
            if c == 253 {
                guard n - position >= 8 else {
                    if complete { throw .truncated(offset: base + n) }
                    // Back to this code once the window has slid on.
                    code -= 1
                    starved = true
                    break decoding
                }
                out[produced] = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                codes[produced] = 0
                position += 8
            } else {
                guard allowed[(isString[element] ? 256 : 0) + c] else {
                    throw .corruptCompressedData(
                        offset: base + group + code - 1, case: (decoded + produced) / perCase + 1,
                        variable: layout.name(ofElement: element))
                }
                out[produced] = values[c]
                codes[produced] = UInt8(truncatingIfNeeded: c)
            }
            produced += 1
            element += 1
            if element == perCase { element = 0 }
        }
        return (produced, starved)
    }

    /// Counts the values that follow what has been decoded (to report how many cases a file
    /// really holds when it holds more than its header says). A window first takes in the
    /// whole rest of the file (after the last case that is usually one group, or nothing).
    mutating func remainingValues() throws(SAVError.Kind) -> Int {
        if ended { return 0 }
        if let window, !window.atEnd { try slide(window, need: .max) }
        // The rest of the current group; its raw values come before the next group.
        var count = 0
        var announced = 0
        for k in code..<8 {
            let c = stream[group + k]
            if c == 252 { return count }
            if c == 253 { announced += 1 }
            if c != 0 { count += 1 }
        }
        let next = position + 8 * announced
        guard next <= stream.count else { throw .truncated(offset: base + stream.count) }
        return count + (try Self.countValues(stream, from: next, base: base))
    }

    /// The number of zero bytes in `word` (exact: no carries between bytes).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> Int {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return (~(((word & low) &+ low) | word | low)).nonzeroBitCount
    }

    /// Counts the values in a bytecode stream up to code 252 or its end, eight codes at a time.
    /// - Throws: `.truncated` when a group of codes, or a raw value it announces, is cut off.
    static func countValues(_ s: UnsafeBufferPointer<UInt8>, from start: Int, base: Int) throws(SAVError.Kind) -> Int {
        let raw = UnsafeRawBufferPointer(s)
        let n = s.count
        var p = start
        var count = 0
        while p < n {
            guard n - p >= 8 else { throw .truncated(offset: base + n) }
            let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let raws = zeroBytes(word ^ 0xFDFD_FDFD_FDFD_FDFD)
            if zeroBytes(word ^ 0xFCFC_FCFC_FCFC_FCFC) == 0 {
                count += 8 - zeroBytes(word)  // every code but 0 is a value, 253 included
                p += 8 + 8 * raws
                guard p <= n else { throw .truncated(offset: base + n) }
                continue
            }
            // A group with the end code: only the codes before it count.
            var announced = 0
            for k in 0..<8 {
                let code = s[p + k]
                if code == 252 { break }
                if code == 253 { announced += 1 }
                if code != 0 { count += 1 }
            }
            guard p + 8 + 8 * announced <= n else { throw .truncated(offset: base + n) }
            return count
        }
        return count
    }
}
