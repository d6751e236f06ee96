/// The data record: counts the cases, checks the count against the header and the caps, then
/// has the cells made from uncompressed rows or from bytecode.
extension SAVReader {
    /// Where the case data comes from.
    enum CaseSource {
        /// Rows of 8-byte elements, as stored.
        case rows(UnsafeRawBufferPointer)
        /// A bytecode stream from `start`; `base` is added to offsets in messages.
        case bytecode(UnsafeBufferPointer<UInt8>, start: Int, base: Int, bias: Double)
        /// Rows read through a window on the file, the first at `start` in the window.
        case rowWindow(SAVFileWindow, start: Int)
        /// Bytecode read through a window on the file, from `start` in the window.
        case bytecodeWindow(SAVFileWindow, start: Int, bias: Double)
    }

    /// Whether the cases of a file can be read through a window (`readCases` with a window):
    /// uncompressed rows, or bytecode whose header declares a case count the rest of the file
    /// can hold (otherwise the values are counted first, over the whole stream); not .zsav,
    /// whose blocks are inflated from the whole file.
    static func readsThroughWindow(_ dict: SAVDictionary, fileSize: Int) -> Bool {
        switch dict.header.compression {
        case 0: return true
        case 1:
            let declared = dict.header.caseCount
            return declared > 0 && declared <= (fileSize - dict.dataOffset) / max(dict.elementCount, 1)
        default: return false
        }
    }

    /// Reads the cases into the columns' cells; returns the number of cases.
    /// - Parameter window: the file's window when `bytes` is only its first part (see
    ///   `readsThroughWindow`); the cases are then read through it.
    static func readCases(
        _ bytes: UnsafeBufferPointer<UInt8>, window: SAVFileWindow?, dict: SAVDictionary, layout: CaseLayout, limits: Limits,
        columns: inout [DataColumn], plans: [SAVContext.ColumnPlan], encoding: SAVTextEncoding
    ) throws(SAVError.Kind) -> Int {
        let caseBytes = layout.elements * 8
        let bias = dict.header.bias
        // The file's length as far as the cases are concerned.
        let fileSize = window?.end ?? bytes.count
        switch dict.header.compression {
        case 0:
            let length = fileSize - dict.dataOffset
            let count = length / caseBytes
            let rest = length % caseBytes
            if rest != 0 { throw .partialCase(case: count + 1, variable: layout.name(ofElement: rest / 8)) }
            try check(count: count, declared: dict.header.caseCount, limits: limits)
            let source = window.map { CaseSource.rowWindow($0, start: dict.dataOffset) }
                ?? .rows(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[dict.dataOffset...]))
            try fillCells(&columns, plans: plans, source: source, count: count, layout: layout, encoding: encoding, limits: limits)
            return count
        case 1:
            let count: Int
            let source: CaseSource
            if let window {
                // `readsThroughWindow`: the declared count is plausible and is taken.
                count = dict.header.caseCount
                try limits.check(cases: count)
                source = .bytecodeWindow(window, start: dict.dataOffset, bias: bias)
            } else {
                count = try countCases(bytes, from: dict.dataOffset, base: 0, dict: dict, layout: layout, limits: limits)
                source = .bytecode(bytes, start: dict.dataOffset, base: 0, bias: bias)
            }
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
