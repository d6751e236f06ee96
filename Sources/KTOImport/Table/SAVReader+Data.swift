/// The data record: counts the cases, checks the count against the header and the caps, then
/// has the cells made from uncompressed rows or from bytecode.
extension SAVReader {
    /// Where the case data comes from.
    enum CaseSource {
        /// Rows of 8-byte elements, as stored.
        case rows(UnsafeRawBufferPointer)
        /// A bytecode stream from `start`; `base` is added to offsets in messages.
        case bytecode(UnsafeBufferPointer<UInt8>, start: Int, base: Int, bias: Double)
    }

    /// Reads the cases into the columns' cells; returns the number of cases.
    static func readCases(
        _ bytes: UnsafeBufferPointer<UInt8>, dict: SAVDictionary, layout: CaseLayout, limits: Limits,
        columns: inout [DataColumn], plans: [SAVContext.ColumnPlan], encoding: SAVTextEncoding
    ) throws(SAVError.Kind) -> Int {
        let caseBytes = layout.elements * 8
        let bias = dict.header.bias
        switch dict.header.compression {
        case 0:
            let data = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[dict.dataOffset...])
            let count = data.count / caseBytes
            let rest = data.count % caseBytes
            if rest != 0 { throw .partialCase(case: count + 1, variable: layout.name(ofElement: rest / 8)) }
            try check(count: count, declared: dict.header.caseCount, limits: limits)
            try fillCells(&columns, plans: plans, source: .rows(data), count: count, layout: layout, encoding: encoding, limits: limits)
            return count
        case 1:
            let count = try countCases(bytes, from: dict.dataOffset, base: 0, dict: dict, layout: layout, limits: limits)
            let source = CaseSource.bytecode(bytes, start: dict.dataOffset, base: 0, bias: bias)
            try fillCells(&columns, plans: plans, source: source, count: count, layout: layout, encoding: encoding, limits: limits)
            return count
        default:
            let stream = try inflateData(bytes, dict: dict, limits: limits)
            return try stream.withUnsafeBufferPointer { (s) throws(SAVError.Kind) -> Int in
                // Offsets in messages are those the bytes would have with bytecode compression.
                let count = try countCases(s, from: 0, base: dict.dataOffset, dict: dict, layout: layout, limits: limits)
                let source = CaseSource.bytecode(s, start: 0, base: dict.dataOffset, bias: bias)
                try fillCells(&columns, plans: plans, source: source, count: count, layout: layout, encoding: encoding, limits: limits)
                return count
            }
        }
    }

    /// The number of cases in a bytecode stream. A positive count in the header is taken as it
    /// is when the stream can hold it (each value needs at least one code byte), and the
    /// decoder checks it against the data; otherwise the values are counted first.
    private static func countCases(
        _ s: UnsafeBufferPointer<UInt8>, from start: Int, base: Int, dict: SAVDictionary, layout: CaseLayout, limits: Limits
    ) throws(SAVError.Kind) -> Int {
        let declared = dict.header.caseCount
        if declared > 0 && declared <= (s.count - start) / layout.elements {
            try limits.check(cases: declared)
            return declared
        }
        let values = try SAVBytecodeDecoder.countValues(s, from: start, base: base)
        let count = values / layout.elements
        let rest = values % layout.elements
        if rest != 0 { throw .partialCase(case: count + 1, variable: layout.name(ofElement: rest)) }
        try check(count: count, declared: declared, limits: limits)
        return count
    }

    private static func check(count: Int, declared: Int, limits: Limits) throws(SAVError.Kind) {
        if declared >= 0 && declared != count { throw .caseCountMismatch(declared: declared, found: count) }
        try limits.check(cases: count)
    }
}
