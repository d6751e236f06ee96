/// From case data to column cells.
///
/// Cases are row-major, cells column-major. Numeric columns are arrays of numbers (see
/// `TableCells`), string columns arrays of cells. The column arrays are created uninitialised and
/// written in place: a block of cases (about 256 KB) is decoded into a small buffer that stays in
/// the cache, then spread over the columns. Files with very many columns take two steps instead:
/// all cases decoded first, then the columns made a group at a time.
extension SAVReader {
    /// Up to this many columns are written in one pass (each open array is one level of
    /// recursion in `makeColumns`).
    static let maxDirectColumns = 1024
    /// Columns per group in the two-step path.
    static let columnGroup = 16

    static func fillCells(
        _ columns: inout [DataColumn], plans: [SAVContext.ColumnPlan], source: CaseSource, count: Int,
        layout: CaseLayout, encoding: SAVTextEncoding
    ) throws(SAVError.Kind) {
        let fill = CellFiller(plans: plans, layout: layout, encoding: encoding)
        if plans.count <= maxDirectColumns {
            var failure: SAVError.Kind?
            let arrays = makeColumns(plans[...], rows: count) { outputs in
                failure = fill.all(outputs, source: source, count: count)
            }
            if let failure { throw failure }
            for (i, array) in arrays.enumerated() { columns[i].cells = array.cells(empty: layout.sysmisBits) }
            return
        }
        try withAllRows(source, count: count, layout: layout) { rows in
            var start = 0
            while start < plans.count {
                let group = start..<min(start + columnGroup, plans.count)
                let arrays = makeColumns(plans[group], rows: count) { outputs in
                    var r0 = 0
                    while r0 < count {
                        let r1 = min(count, r0 + fill.blockRows)
                        fill.range(outputs, columns: group, rows: rows, rowBase: 0, cases: r0..<r1)
                        r0 = r1
                    }
                }
                for (k, index) in group.enumerated() { columns[index].cells = arrays[k].cells(empty: layout.sysmisBits) }
                start = group.upperBound
            }
        }
    }

    /// All cases as one row-major buffer (decoded first if compressed).
    private static func withAllRows(
        _ source: CaseSource, count: Int, layout: CaseLayout, body: (UnsafeRawBufferPointer) -> Void
    ) throws(SAVError.Kind) {
        switch source {
        case .rows(let data): body(data)
        case .bytecode(let stream, let start, let base, let bias):
            var decoder = SAVBytecodeDecoder(stream: stream, start: start, base: base, layout: layout, bias: bias)
            let total = count * layout.elements
            let rows = UnsafeMutablePointer<UInt64>.allocate(capacity: max(total, 1))
            defer { rows.deallocate() }
            let decoded = try decoder.decode(cases: count, into: rows)
            if decoded < total {
                let cases = decoded / layout.elements
                if decoded % layout.elements != 0 {
                    throw .partialCase(case: cases + 1, variable: layout.name(ofElement: decoded % layout.elements))
                }
                throw .caseCountMismatch(declared: count, found: cases)
            }
            let more = try decoder.remainingValues()
            if more > 0 { throw .caseCountMismatch(declared: count, found: count + more / layout.elements) }
            body(UnsafeRawBufferPointer(start: rows, count: total * 8))
        }
    }

    /// One array of `rows` values per plan (numbers for a numeric column, cells for a string),
    /// which `body` must initialise completely through the outputs it is given.
    static func makeColumns(
        _ plans: ArraySlice<SAVContext.ColumnPlan>, rows: Int, body: ([ColumnOutput]) -> Void
    ) -> [ColumnArray] {
        guard rows > 0 else { return plans.map { $0.width == 0 ? .numbers([]) : .cells([]) } }
        let kinds = plans.map { $0.width == 0 }
        var outputs: [ColumnOutput] = []
        outputs.reserveCapacity(kinds.count)
        var arrays: [ColumnArray] = []
        arrays.reserveCapacity(kinds.count)
        var complete = true
        func nest(_ k: Int) {
            if k == kinds.count {
                body(outputs)
                return
            }
            if kinds[k] {
                let array = [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
                    if let base = buffer.baseAddress {
                        outputs.append(.numbers(base))
                        nest(k + 1)
                    } else {
                        complete = false
                    }
                    // Without storage at some level nothing was written, and nothing is claimed.
                    initialized = complete ? rows : 0
                }
                arrays.append(.numbers(array))
            } else {
                let array = [TableCell](unsafeUninitializedCapacity: rows) { buffer, initialized in
                    if let base = buffer.baseAddress {
                        outputs.append(.cells(base))
                        nest(k + 1)
                    } else {
                        complete = false
                    }
                    initialized = complete ? rows : 0
                }
                arrays.append(.cells(array))
            }
        }
        nest(0)
        // The innermost array was finished first.
        return arrays.reversed()
    }

    /// Where one column's values are written.
    enum ColumnOutput {
        case numbers(UnsafeMutablePointer<Double>)
        case cells(UnsafeMutablePointer<TableCell>)
    }

    /// One column's finished values.
    enum ColumnArray {
        case numbers([Double])
        case cells([TableCell])

        /// The column's cells; `empty` is the bit pattern of system-missing.
        func cells(empty: UInt64) -> TableCells {
            switch self {
            case .numbers(let values): return TableCells(numbers: values, empty: Double(bitPattern: empty))
            case .cells(let cells): return TableCells(cells)
            }
        }
    }
}

/// Writes cells for a range of cases from row-major 8-byte elements.
struct CellFiller {
    let plans: [SAVContext.ColumnPlan]
    let layout: SAVReader.CaseLayout
    let encoding: SAVTextEncoding
    let caseBytes: Int
    /// Cases per block: about 256 KB of case data.
    let blockRows: Int

    init(plans: [SAVContext.ColumnPlan], layout: SAVReader.CaseLayout, encoding: SAVTextEncoding) {
        self.plans = plans
        self.layout = layout
        self.encoding = encoding
        caseBytes = layout.elements * 8
        blockRows = max(16, (256 * 1024) / max(caseBytes, 1))
    }

    /// Fills every column for all `count` cases. On a decoding error the remaining cells are
    /// made empty (the arrays must be complete) and the error is returned.
    func all(_ outputs: [SAVReader.ColumnOutput], source: SAVReader.CaseSource, count: Int) -> SAVError.Kind? {
        let columns = 0..<plans.count
        switch source {
        case .rows(let data):
            var r0 = 0
            while r0 < count {
                let r1 = min(count, r0 + blockRows)
                range(outputs, columns: columns, rows: data, rowBase: 0, cases: r0..<r1)
                r0 = r1
            }
            return nil
        case .bytecode(let stream, let start, let base, let bias):
            var decoder = SAVBytecodeDecoder(stream: stream, start: start, base: base, layout: layout, bias: bias)
            let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: blockRows * layout.elements)
            defer { scratch.deallocate() }
            var r0 = 0
            while r0 < count {
                let r1 = min(count, r0 + blockRows)
                let failure: SAVError.Kind?
                do {
                    let wanted = (r1 - r0) * layout.elements
                    failure = try decoder.decode(cases: r1 - r0, into: scratch) < wanted ? shortData(decoder, declared: count) : nil
                } catch {
                    failure = error
                }
                if let failure {
                    for output in outputs {
                        switch output {
                        case .numbers(let p): (p + r0).initialize(repeating: Double(bitPattern: layout.sysmisBits), count: count - r0)
                        case .cells(let p): (p + r0).initialize(repeating: .empty, count: count - r0)
                        }
                    }
                    return failure
                }
                let rows = UnsafeRawBufferPointer(start: scratch, count: (r1 - r0) * caseBytes)
                range(outputs, columns: columns, rows: rows, rowBase: r0, cases: r0..<r1)
                r0 = r1
            }
            // The header's count may be smaller than what the data holds.
            do {
                let more = try decoder.remainingValues()
                return more > 0 ? .caseCountMismatch(declared: count, found: count + more / layout.elements) : nil
            } catch {
                return error
            }
        }
    }

    /// The error for data that ends before the declared cases do.
    private func shortData(_ decoder: SAVBytecodeDecoder, declared: Int) -> SAVError.Kind {
        let cases = decoder.decoded / layout.elements
        let rest = decoder.decoded % layout.elements
        if rest != 0 { return .partialCase(case: cases + 1, variable: layout.name(ofElement: rest)) }
        return .caseCountMismatch(declared: declared, found: cases)
    }

    /// Values of `columns` (plan indices; `outputs` holds the first one's first) for `cases`,
    /// whose rows start at case `rowBase` in `rows`.
    func range(
        _ outputs: [SAVReader.ColumnOutput], columns: Range<Int>, rows: UnsafeRawBufferPointer, rowBase: Int,
        cases: Range<Int>
    ) {
        var scratch: [UInt8] = []
        for index in columns {
            let plan = plans[index]
            switch outputs[index - columns.lowerBound] {
            case .numbers(let out):
                numbers(out, rows: rows, rowBase: rowBase, cases: cases, offset: plan.element * 8)
            case .cells(let out):
                strings(out, rows: rows, rowBase: rowBase, cases: cases, spans: plan.spans, scratch: &scratch)
            }
        }
    }

    /// The numbers as stored (host order); system-missing stays its bit pattern, which the
    /// column reads as empty.
    private func numbers(
        _ out: UnsafeMutablePointer<Double>, rows: UnsafeRawBufferPointer, rowBase: Int, cases: Range<Int>, offset: Int
    ) {
        let stride = caseBytes
        var at = (cases.lowerBound - rowBase) * stride + offset
        if layout.bigEndian {
            for r in cases {
                (out + r).initialize(to: Double(bitPattern: UInt64(bigEndian: rows.loadUnaligned(fromByteOffset: at, as: UInt64.self))))
                at += stride
            }
        } else {
            for r in cases {
                (out + r).initialize(to: Double(bitPattern: UInt64(littleEndian: rows.loadUnaligned(fromByteOffset: at, as: UInt64.self))))
                at += stride
            }
        }
    }

    private func strings(
        _ out: UnsafeMutablePointer<TableCell>, rows: UnsafeRawBufferPointer, rowBase: Int, cases: Range<Int>,
        spans: [Range<Int>], scratch: inout [UInt8]
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
            let cell: TableCell = scratch.isEmpty ? .empty : .text(scratch.withUnsafeBufferPointer { encoding.decode($0) })
            (out + r).initialize(to: cell)
        }
    }
}
