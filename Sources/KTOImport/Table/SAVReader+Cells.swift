/// From decoded case rows to column cells.
///
/// The rows are row-major; the cells column-major. Columns are made in groups, each group's
/// arrays written directly (no copy) while a block of rows is hot in the cache.
extension SAVReader {
    /// Columns per group: the recursion that holds their storage open is this deep.
    static let columnGroup = 16

    static func fillCells(
        _ columns: inout [DataColumn], plans: [SAVContext.ColumnPlan], rows: UnsafeRawBufferPointer, count: Int,
        layout: CaseLayout, encoding: SAVTextEncoding
    ) {
        let caseBytes = layout.elements * 8
        // Rows per block: about 256 KB of case data.
        let block = max(16, (256 * 1024) / max(caseBytes, 1))
        var start = 0
        while start < plans.count {
            let group = start..<min(start + columnGroup, plans.count)
            let arrays = makeColumns(group.count, rows: count) { pointers in
                var scratch: [UInt8] = []
                var r0 = 0
                while r0 < count {
                    let r1 = min(count, r0 + block)
                    for (k, index) in group.enumerated() {
                        let plan = plans[index]
                        if plan.width == 0 {
                            fillNumbers(pointers[k], rows: rows, range: r0..<r1, offset: plan.element * 8, caseBytes: caseBytes, layout: layout)
                        } else {
                            fillStrings(
                                pointers[k], rows: rows, range: r0..<r1, spans: plan.spans, caseBytes: caseBytes,
                                encoding: encoding, scratch: &scratch)
                        }
                    }
                    r0 = r1
                }
            }
            for (k, index) in group.enumerated() { columns[index].cells = arrays[k] }
            start = group.upperBound
        }
    }

    /// `count` arrays of `rows` cells each, which `body` must initialise completely through the
    /// pointers it is given.
    static func makeColumns(
        _ count: Int, rows: Int, body: ([UnsafeMutablePointer<TableCell>]) -> Void
    ) -> [[TableCell]] {
        guard rows > 0 else { return Array(repeating: [], count: count) }
        var pointers: [UnsafeMutablePointer<TableCell>] = []
        var arrays: [[TableCell]] = []
        var complete = true
        func nest(_ k: Int) {
            if k == count {
                body(pointers)
                return
            }
            let array = [TableCell](unsafeUninitializedCapacity: rows) { buffer, initialized in
                if let base = buffer.baseAddress {
                    pointers.append(base)
                    nest(k + 1)
                } else {
                    complete = false
                }
                // Nothing was written if a level had no storage: then nothing is claimed.
                initialized = complete ? rows : 0
            }
            arrays.append(array)
        }
        nest(0)
        // The innermost array was finished first.
        return arrays.reversed()
    }

    @inline(__always)
    static func fillNumbers(
        _ out: UnsafeMutablePointer<TableCell>, rows: UnsafeRawBufferPointer, range: Range<Int>, offset: Int,
        caseBytes: Int, layout: CaseLayout
    ) {
        let sysmis = layout.sysmisBits
        if layout.bigEndian {
            for r in range {
                let bits = UInt64(bigEndian: rows.loadUnaligned(fromByteOffset: r * caseBytes + offset, as: UInt64.self))
                (out + r).initialize(to: bits == sysmis ? .empty : .number(Double(bitPattern: bits)))
            }
        } else {
            for r in range {
                let bits = UInt64(littleEndian: rows.loadUnaligned(fromByteOffset: r * caseBytes + offset, as: UInt64.self))
                (out + r).initialize(to: bits == sysmis ? .empty : .number(Double(bitPattern: bits)))
            }
        }
    }

    static func fillStrings(
        _ out: UnsafeMutablePointer<TableCell>, rows: UnsafeRawBufferPointer, range: Range<Int>, spans: [Range<Int>],
        caseBytes: Int, encoding: SAVTextEncoding, scratch: inout [UInt8]
    ) {
        for r in range {
            let rowStart = r * caseBytes
            // The value is its spans joined (one span, or the segments of a very long string),
            // then trailing blanks removed; bytes are read through the raw buffer and copied.
            scratch.removeAll(keepingCapacity: true)
            for span in spans {
                var end = rowStart + span.upperBound
                if span == spans[spans.count - 1] {
                    while end > rowStart + span.lowerBound && (rows[end - 1] == 0x20 || rows[end - 1] == 0) { end -= 1 }
                }
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: rows[(rowStart + span.lowerBound)..<end]))
            }
            while let last = scratch.last, last == 0x20 || last == 0 { scratch.removeLast() }
            let cell: TableCell = scratch.isEmpty ? .empty : .text(scratch.withUnsafeBufferPointer { encoding.decode($0) })
            (out + r).initialize(to: cell)
        }
    }
}
