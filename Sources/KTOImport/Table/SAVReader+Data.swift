/// The data record: uncompressed cases, or bytecode (groups of eight one-byte codes, each
/// followed by the raw 8-byte values its 253 codes announce). Cases are decoded into one
/// row-major buffer of 8-byte elements in the file's byte order, from which the cells are made.
extension SAVReader {
    /// Decodes the cases and hands them to `body` (rows of `layout.elements` elements); returns
    /// the number of cases.
    static func withCaseRows(
        _ bytes: UnsafeBufferPointer<UInt8>, dict: SAVDictionary, layout: CaseLayout, limits: Limits,
        body: (UnsafeRawBufferPointer, Int) -> Void
    ) throws(SAVError.Kind) -> Int {
        let caseBytes = layout.elements * 8
        switch dict.header.compression {
        case 0:
            let data = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[dict.dataOffset...])
            let count = data.count / caseBytes
            let rest = data.count % caseBytes
            if rest != 0 { throw .partialCase(case: count + 1, variable: layout.name(ofElement: rest / 8)) }
            try checkDeclared(dict.header.caseCount, found: count)
            try limits.check(cases: count)
            body(data, count)
            return count
        case 1:
            return try withDecoded(bytes, from: dict.dataOffset, base: 0, dict: dict, layout: layout, limits: limits, body: body)
        default:
            let stream = try inflateData(bytes, dict: dict, limits: limits)
            return try stream.withUnsafeBufferPointer { (s) throws(SAVError.Kind) -> Int in
                // Offsets in messages are those the bytes would have with bytecode compression.
                try withDecoded(s, from: 0, base: dict.dataOffset, dict: dict, layout: layout, limits: limits, body: body)
            }
        }
    }

    static func checkDeclared(_ declared: Int, found: Int) throws(SAVError.Kind) {
        if declared >= 0 && declared != found { throw .caseCountMismatch(declared: declared, found: found) }
    }

    /// Bytecode stream `s` from `start`: counts the cases, checks them, decodes them.
    private static func withDecoded(
        _ s: UnsafeBufferPointer<UInt8>, from start: Int, base: Int, dict: SAVDictionary, layout: CaseLayout,
        limits: Limits, body: (UnsafeRawBufferPointer, Int) -> Void
    ) throws(SAVError.Kind) -> Int {
        let elements = try countElements(s, from: start, base: base)
        let count = elements / layout.elements
        let rest = elements % layout.elements
        if rest != 0 { throw .partialCase(case: count + 1, variable: layout.name(ofElement: rest)) }
        try checkDeclared(dict.header.caseCount, found: count)
        try limits.check(cases: count)
        let total = count * layout.elements
        let rows = UnsafeMutablePointer<UInt64>.allocate(capacity: max(total, 1))
        defer { rows.deallocate() }
        try decode(s, from: start, base: base, into: rows, elements: total, layout: layout, bias: dict.header.bias)
        body(UnsafeRawBufferPointer(start: rows, count: total * 8), count)
        return count
    }

    /// The number of zero bytes in `word` (exact: no carries between bytes).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> Int {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return (~(((word & low) &+ low) | word | low)).nonzeroBitCount
    }

    /// Counts the elements (values) in a bytecode stream up to code 252 or its end.
    /// - Throws: `.truncated` when a group of codes, or a raw value it announces, is cut off.
    static func countElements(_ s: UnsafeBufferPointer<UInt8>, from start: Int, base: Int) throws(SAVError.Kind) -> Int {
        let raw = UnsafeRawBufferPointer(s)
        let n = s.count
        var p = start
        var elements = 0
        while p < n {
            guard n - p >= 8 else { throw .truncated(offset: base + n) }
            let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let raws = zeroBytes(word ^ 0xFDFD_FDFD_FDFD_FDFD)
            if zeroBytes(word ^ 0xFCFC_FCFC_FCFC_FCFC) == 0 {
                elements += 8 - zeroBytes(word)  // every code but 0 is a value, 253 included
                p += 8 + 8 * raws
                guard p <= n else { throw .truncated(offset: base + n) }
                continue
            }
            // A group with the end code: only the codes before it count.
            var announced = 0
            for k in 0..<8 {
                let code = s[p + k]
                if code == 252 { break }
                if code == 253 {
                    announced += 1
                    elements += 1
                } else if code != 0 {
                    elements += 1
                }
            }
            guard p + 8 + 8 * announced <= n else { throw .truncated(offset: base + n) }
            return elements
        }
        return elements
    }

    /// Decodes `elements` values from bytecode into `out`, in the file's byte order.
    /// - Throws: `.corruptCompressedData` for a code that cannot stand where it does (a number
    ///   code in a string, blanks or system-missing in the wrong kind of variable).
    static func decode(
        _ s: UnsafeBufferPointer<UInt8>, from start: Int, base: Int, into out: UnsafeMutablePointer<UInt64>,
        elements total: Int, layout: CaseLayout, bias: Double
    ) throws(SAVError.Kind) {
        let fileOrder: (UInt64) -> UInt64 = layout.bigEndian ? { $0.bigEndian } : { $0.littleEndian }
        // The value of each code: code - bias for 1...251, blanks for 254, SYSMIS for 255.
        var values = [UInt64](repeating: 0, count: 256)
        for code in 1...251 { values[code] = fileOrder((Double(code) - bias).bitPattern) }
        values[254] = 0x2020_2020_2020_2020
        values[255] = fileOrder(layout.sysmisBits)
        // Per kind (numeric 0, string 1) and code: whether the code may stand there. In a string,
        // the code for 0 means eight NUL bytes (seen in real files); other numbers may not.
        var allowed = [Bool](repeating: true, count: 512)
        allowed[254] = false
        for code in 1...251 where Double(code) - bias != 0 { allowed[256 + code] = false }
        allowed[256 + 255] = false
        let raw = UnsafeRawBufferPointer(s)
        let n = s.count
        let perCase = layout.elements
        try values.withUnsafeBufferPointer { (values) throws(SAVError.Kind) in
            try allowed.withUnsafeBufferPointer { (allowed) throws(SAVError.Kind) in
                try layout.isString.withUnsafeBufferPointer { (isString) throws(SAVError.Kind) in
                    var produced = 0
                    var element = 0
                    var p = start
                    while produced < total {
                        guard n - p >= 8 else { throw .truncated(offset: base + n) }
                        let group = p
                        p += 8
                        for k in 0..<8 {
                            let code = Int(s[group + k])
                            if code == 0 { continue }
                            if code == 253 {
                                guard n - p >= 8 else { throw .truncated(offset: base + n) }
                                out[produced] = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                                p += 8
                            } else {
                                let kind = isString[element] ? 256 : 0
                                guard code != 252, allowed[kind + code] else {
                                    throw .corruptCompressedData(
                                        offset: base + group + k, case: produced / perCase + 1,
                                        variable: layout.name(ofElement: element))
                                }
                                out[produced] = values[code]
                            }
                            produced += 1
                            element += 1
                            if element == perCase { element = 0 }
                            if produced == total { break }
                        }
                    }
                }
            }
        }
    }
}
