import KTOModel

/// One item's answers counted per cell and slot: the valid codes (levels) first, then the missing
/// codes, then empty cells, then unreadable ones.
struct ItemCounts: Sendable {
    let slots: Int
    let validLevels: Int
    var count: [Int32]
    var weight: [Double]?
    var weightSquared: [Double]?
    /// Counts a code column in one pass.
    /// - Parameters:
    ///   - asked: for a routed item, who was asked; an empty cell of someone who was not asked is
    ///     no non-response and is not counted at all.
    /// - Complexity: O(rows).
    init(codes: CodeColumn, variable: Variable, frame: MetingFrame, asked: [Bool]? = nil) {
        let valid = variable.validCodes
        let missing = variable.missing.map(\.code)
        let all = valid + missing
        validLevels = valid.count
        slots = all.count + 2
        let noAnswerSlot = all.count, unreadableSlot = all.count + 1
        let low = all.min() ?? 0
        let high = all.max() ?? -1
        var slotOf = [Int](repeating: unreadableSlot, count: max(0, high - low + 1))
        for (k, c) in all.enumerated() { slotOf[c - low] = k }
        let slotCount = all.count + 2
        let size = frame.cellCount * slotCount
        var tally = [Int32](repeating: 0, count: size)
        var weight = [Double](repeating: 0, count: frame.rowWeight == nil ? 0 : size)
        var weightSquared = weight
        // A code's slot: the valid and missing codes' own, else empty or unreadable.
        func slot(_ code: Int16) -> Int {
            if code == Dataset.noAnswer { return noAnswerSlot }
            if code == Dataset.unreadable { return unreadableSlot }
            let k = Int(code) - low
            return k >= 0 && k < slotOf.count ? slotOf[k] : unreadableSlot
        }
        // One pass over the rows: the count, and for a weighted design the weight and its square
        // (added in row order, so the sums are those of a plain loop). `slotOfRow` is specialised
        // per storage: a narrow column's byte indexes a table of 256 slots.
        func tallyRows(_ rows: Int, _ slotOfRow: (Int) -> Int) {
            frame.cellOfRow.withUnsafeBufferPointer { cells in
                tally.withUnsafeMutableBufferPointer { out in
                    guard let rowWeight = frame.rowWeight else {
                        for row in 0..<rows {
                            let s = slotOfRow(row)
                            if s >= 0 { out[Int(cells[row]) &* slotCount &+ s] &+= 1 }
                        }
                        return
                    }
                    rowWeight.withUnsafeBufferPointer { rowWeight in
                        weight.withUnsafeMutableBufferPointer { w in
                            weightSquared.withUnsafeMutableBufferPointer { q in
                                for row in 0..<rows {
                                    let s = slotOfRow(row)
                                    guard s >= 0 else { continue }
                                    let index = Int(cells[row]) &* slotCount &+ s
                                    let rw = rowWeight[row]
                                    out[index] &+= 1
                                    w[index] += rw
                                    q[index] += rw * rw
                                }
                            }
                        }
                    }
                }
            }
        }
        // Someone not asked a routed item: an empty cell is no non-response, not counted at all.
        func routed(_ s: Int, _ row: Int) -> Int {
            if s == noAnswerSlot, let asked, !asked[row] { return -1 }
            return s
        }
        switch codes.storage {
        case .wide(let values):
            values.withUnsafeBufferPointer { column in
                tallyRows(column.count) { routed(slot(column[$0]), $0) }
            }
        case .narrow(let values):
            let byteSlot = (0..<256).map { slot(CodeColumn.widen(Int8(truncatingIfNeeded: $0))) }
            byteSlot.withUnsafeBufferPointer { byteSlot in
                values.withUnsafeBufferPointer { column in
                    if asked == nil {
                        tallyRows(column.count) { byteSlot[Int(UInt8(bitPattern: column[$0]))] }
                    } else {
                        tallyRows(column.count) { routed(byteSlot[Int(UInt8(bitPattern: column[$0]))], $0) }
                    }
                }
            }
        }
        self.count = tally
        self.weight = frame.rowWeight == nil ? nil : weight
        self.weightSquared = frame.rowWeight == nil ? nil : weightSquared
    }

    /// Counts of a multi-code column as one binary item per code: level 0 = respondents in the
    /// base who do not mention `code`, level 1 = who do. The base is the respondents with a valid
    /// code, or (`base`) the respondents given, such as everyone asked a question with a 'geen
    /// van deze' option.
    init(lists: [[Int16]], code: Int16, validCodes: Set<Int16>, frame: MetingFrame, base: [Bool]? = nil) {
        validLevels = 2
        slots = 2
        let size = frame.cellCount * 2
        var count = [Int32](repeating: 0, count: size)
        var weight: [Double]? = frame.rowWeight.map { _ in [Double](repeating: 0, count: size) }
        var weightSquared = weight
        for (row, list) in lists.enumerated() where base?[row] ?? list.contains(where: validCodes.contains) {
            let index = Int(frame.cellOfRow[row]) * 2 + (list.contains(code) ? 1 : 0)
            count[index] += 1
            if let rowWeight = frame.rowWeight {
                weight?[index] += rowWeight[row]
                weightSquared?[index] += rowWeight[row] * rowWeight[row]
            }
        }
        self.count = count
        self.weight = weight
        self.weightSquared = weightSquared
    }
}
