/// From case data to column cells.
///
/// Cases are row-major, cells column-major: a block of cases (about 256 KB of case data, which
/// stays in the cache) is spread over the columns at a time; bytecode is decoded a chunk of
/// blocks ahead (`CellFiller+Bytecode`). A numeric column is
/// written as one-byte codes while its values have them, as 8-byte numbers from the first value
/// that has none (see `TableCells`); a string column as cells.
extension SAVReader {
    static func fillCells(
        _ columns: inout [DataColumn], plans: [SAVContext.ColumnPlan], source: CaseSource, count: Int,
        layout: CaseLayout, encoding: SAVTextEncoding, limits: Limits
    ) throws(SAVError.Kind) {
        let fill = CellFiller(plans: plans, layout: layout, encoding: encoding, rows: count, chunkBytes: limits.chunkBytes)
        if let failure = fill.all(source: source, count: count) { throw failure }
        for index in columns.indices where index < plans.count { columns[index].cells = fill.cells(index) }
    }
}

/// Writes the columns' values for blocks of cases from row-major 8-byte elements.
///
/// A class, so that the filling can run on another thread than the decoding (see
/// `bytecode(_:start:base:bias:count:)`); `@unchecked Sendable`: one thread at a time uses it,
/// and the reader takes the columns after the last one has finished.
final class CellFiller: @unchecked Sendable {
    let plans: [SAVContext.ColumnPlan]
    let layout: SAVReader.CaseLayout
    let encoding: SAVTextEncoding
    let caseBytes: Int
    /// Cases per block: about 256 KB of case data.
    let blockRows: Int
    /// Cases per chunk that the decoder hands over (see `CellFiller+Bytecode`).
    let chunkRows: Int

    /// What a column is written as.
    private enum Kind {
        case codes, numbers, cells
    }

    /// Per column: its kind, and its values in the array of that kind (the others stay empty).
    private var kinds: [Kind]
    private var codes: [[UInt8]]
    private var numbers: [[Double]] = []
    private var cells: [[TableCell]]

    init(plans: [SAVContext.ColumnPlan], layout: SAVReader.CaseLayout, encoding: SAVTextEncoding, rows: Int, chunkBytes: Int) {
        self.plans = plans
        self.layout = layout
        self.encoding = encoding
        caseBytes = layout.elements * 8
        blockRows = max(16, (256 * 1024) / max(caseBytes, 1))
        chunkRows = max(16, chunkBytes / max(caseBytes, 1))
        kinds = plans.map { $0.width == 0 ? .codes : .cells }
        // Tens of megabytes of fresh memory to fault in and fill before any case is read: on all
        // cores, a column each (it was a serial stretch of a fresh process's read).
        let widths = plans.map(\.width)
        codes = concurrentMap(plans.count) { widths[$0] == 0 ? HugePages.array(repeating: TableCells.emptyCode, count: rows) : [] }
        cells = concurrentMap(plans.count) { widths[$0] == 0 ? [] : HugePages.array(repeating: .empty, count: rows) }
        numbers = Array(repeating: [], count: plans.count)
    }

    /// Column `index`'s cells, once filled.
    func cells(_ index: Int) -> TableCells {
        switch kinds[index] {
        case .codes: return TableCells(codes: codes[index])
        case .numbers: return TableCells(numbers: numbers[index], empty: Double(bitPattern: layout.sysmisBits))
        case .cells: return TableCells(cells[index])
        }
    }

    /// Fills every column for all `count` cases; returns the decoding error, if any.
    func all(source: SAVReader.CaseSource, count: Int) -> SAVError.Kind? {
        switch source {
        case .rows(let data):
            var r0 = 0
            while r0 < count {
                let r1 = min(count, r0 + blockRows)
                block(rows: data, rowBase: 0, cases: r0..<r1)
                r0 = r1
            }
            return nil
        case .rowWindow(let window, let start):
            return rows(window, start: start, count: count)
        case .bytecode(let stream, let start, let base, let bias):
            return bytecode(SAVBytecodeDecoder(stream: stream, start: start, base: base, layout: layout, bias: bias), bias: bias, count: count)
        case .bytecodeWindow(let window, let start, let bias):
            return bytecode(SAVBytecodeDecoder(window: window, start: start, layout: layout, bias: bias), bias: bias, count: count)
        }
    }

    /// Rows through a window on the file, a block at a time; the error if the file ends early
    /// (it shrank since it was opened).
    private func rows(_ window: SAVFileWindow, start: Int, count: Int) -> SAVError.Kind? {
        var at = start
        var r0 = 0
        while r0 < count {
            let r1 = min(count, r0 + blockRows)
            let need = (r1 - r0) * caseBytes
            if window.count - at < need {
                do {
                    try window.slide(keeping: at, need: need)
                } catch {
                    return error
                }
                at = 0
                guard window.count >= need else { return .truncated(offset: window.offset + window.count) }
            }
            block(rows: UnsafeRawBufferPointer(start: window.bytes.baseAddress.map { $0 + at }, count: need), rowBase: r0, cases: r0..<r1)
            at += need
            r0 = r1
        }
        return nil
    }

    /// The error for data that ends before the declared cases do.
    static func shortData(_ decoder: SAVBytecodeDecoder, layout: SAVReader.CaseLayout, declared: Int) -> SAVError.Kind {
        let cases = decoder.decoded / layout.elements
        let rest = decoder.decoded % layout.elements
        if rest != 0 { return .partialCase(case: cases + 1, variable: layout.name(ofElement: rest)) }
        return .caseCountMismatch(declared: declared, found: cases)
    }

    /// Every column's values for `cases`, whose rows start at case `rowBase` in `rows`; `codes`
    /// (one per element, 0 for a raw value) are the values' one-byte codes where they have them.
    func block(rows: UnsafeRawBufferPointer, rowBase: Int, cases: Range<Int>, codes elementCodes: UnsafePointer<UInt8>? = nil) {
        var scratch: [UInt8] = []
        for index in plans.indices {
            let plan = plans[index]
            let offset = (cases.lowerBound - rowBase) * caseBytes + plan.element * 8
            // This column's first code in `elementCodes`.
            let first = elementCodes.map { $0 + (cases.lowerBound - rowBase) * layout.elements + plan.element }
            switch kinds[index] {
            case .codes:
                let stop = first.map { writeCodes(index, codes: $0, rows: rows, at: offset, cases: cases) }
                    ?? writeCodes(index, rows: rows, at: offset, cases: cases)
                if stop < cases.upperBound {
                    // A value without a code: the column becomes numbers from here on.
                    var values = HugePages.array(repeating: Double(bitPattern: layout.sysmisBits), count: codes[index].count)
                    for (r, code) in codes[index].enumerated() where code != TableCells.emptyCode {
                        values[r] = TableCells.value(ofCode: code)
                    }
                    numbers[index] = values
                    codes[index] = []
                    kinds[index] = .numbers
                    writeNumbers(
                        index, rows: rows, at: offset + (stop - cases.lowerBound) * caseBytes, cases: stop..<cases.upperBound,
                        codes: first.map { $0 + (stop - cases.lowerBound) * layout.elements })
                }
            case .numbers:
                writeNumbers(index, rows: rows, at: offset, cases: cases, codes: first)
            case .cells:
                let (encoding, caseBytes) = (encoding, caseBytes)
                cells[index].withUnsafeMutableBufferPointer { out in
                    Self.strings(
                        out, rows: rows, rowBase: rowBase, cases: cases, caseBytes: caseBytes, spans: plan.spans,
                        encoding: encoding, scratch: &scratch)
                }
            }
        }
    }

    /// The 8-byte element at byte `at` of `rows`, in host order.
    @inline(__always)
    private static func bits(_ rows: UnsafeRawBufferPointer, at: Int, bigEndian: Bool) -> UInt64 {
        let raw = rows.loadUnaligned(fromByteOffset: at, as: UInt64.self)
        return bigEndian ? UInt64(bigEndian: raw) : UInt64(littleEndian: raw)
    }

    /// Codes for `cases` of column `index`, from the element at byte `at` on.
    /// - Returns: the first case whose value has no code (`cases.upperBound` if none).
    private func writeCodes(_ index: Int, rows: UnsafeRawBufferPointer, at start: Int, cases: Range<Int>) -> Int {
        let (sysmis, stride, bigEndian) = (layout.sysmisBits, caseBytes, layout.bigEndian)
        return codes[index].withUnsafeMutableBufferPointer { out in
            var at = start
            for r in cases {
                let bits = Self.bits(rows, at: at, bigEndian: bigEndian)
                // No branch on the value (system-missing is where it likes): the code, or the
                // empty code, or the end of the codes.
                let code = TableCells.code(of: bits)
                if code == nil && bits != sysmis { return r }
                out[r] = bits == sysmis ? TableCells.emptyCode : code ?? TableCells.emptyCode
                at += stride
            }
            return cases.upperBound
        }
    }

    /// Codes for `cases` of column `index` taken from the bytecode, one per case from `first`
    /// (every `layout.elements`); a raw value (code 0) is looked at as in `writeCodes(_:rows:at:cases:)`.
    /// - Returns: the first case whose value has no code (`cases.upperBound` if none).
    private func writeCodes(
        _ index: Int, codes first: UnsafePointer<UInt8>, rows: UnsafeRawBufferPointer, at start: Int, cases: Range<Int>
    ) -> Int {
        let (sysmis, stride, bigEndian, elements) = (layout.sysmisBits, caseBytes, layout.bigEndian, layout.elements)
        return codes[index].withUnsafeMutableBufferPointer { out in
            var from = first
            for r in cases {
                let code = from.pointee
                if code != 0 {
                    out[r] = code
                } else {
                    let bits = Self.bits(rows, at: start + (r - cases.lowerBound) * stride, bigEndian: bigEndian)
                    guard let code = bits == sysmis ? TableCells.emptyCode : TableCells.code(of: bits) else { return r }
                    out[r] = code
                }
                from += elements
            }
            return cases.upperBound
        }
    }

    /// Numbers for `cases` of column `index`, as stored (system-missing stays its bit pattern,
    /// which the column reads as empty); with `codes` (one per case from the first, every
    /// `layout.elements`), a value with a code is made from its code, since the decoder does not
    /// write the 8-byte values of groups of coded numbers then.
    private func writeNumbers(
        _ index: Int, rows: UnsafeRawBufferPointer, at start: Int, cases: Range<Int>, codes first: UnsafePointer<UInt8>?
    ) {
        let (stride, bigEndian, elements, sysmis) = (caseBytes, layout.bigEndian, layout.elements, layout.sysmisBits)
        numbers[index].withUnsafeMutableBufferPointer { out in
            var at = start
            if var from = first {
                for r in cases {
                    let code = from.pointee
                    let bits = code == 0 ? Self.bits(rows, at: at, bigEndian: bigEndian)
                        : code == TableCells.emptyCode ? sysmis : TableCells.value(ofCode: code).bitPattern
                    out[r] = Double(bitPattern: bits)
                    at += stride
                    from += elements
                }
            } else {
                for r in cases {
                    out[r] = Double(bitPattern: Self.bits(rows, at: at, bigEndian: bigEndian))
                    at += stride
                }
            }
        }
    }

    private static func strings(
        _ out: UnsafeMutableBufferPointer<TableCell>, rows: UnsafeRawBufferPointer, rowBase: Int, cases: Range<Int>,
        caseBytes: Int, spans: [Range<Int>], encoding: SAVTextEncoding, scratch: inout [UInt8]
    ) {
        for r in cases {
            let rowStart = (r - rowBase) * caseBytes
            // The value is its spans joined (one span, or the segments of a very long string),
            // trailing blanks removed; bytes are read through the raw buffer and copied.
            scratch.removeAll(keepingCapacity: true)
            for (k, span) in spans.enumerated() {
                let first = rowStart + span.lowerBound
                var end = rowStart + span.upperBound
                if k == spans.count - 1 {
                    while end > first && (rows[end - 1] == 0x20 || rows[end - 1] == 0) { end -= 1 }
                }
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: rows[first..<end]))
            }
            while let last = scratch.last, last == 0x20 || last == 0 { scratch.removeLast() }
            if !scratch.isEmpty { out[r] = .text(scratch.withUnsafeBufferPointer { encoding.decode($0) }) }
        }
    }
}
