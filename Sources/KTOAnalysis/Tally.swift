import KTOModel

/// How one variable was answered in one group of one meting: counts, nothing derived.
public struct Tally: Sendable, Equatable {
    /// Count per valid code, aligned with `Variable.validCodes`.
    public var valid: [Int]
    /// Count per missing code ("weet niet", "n.v.t."), aligned with `Variable.missing`.
    public var missing: [Int]
    /// Empty cells.
    public var noAnswer: Int = 0
    /// Cells the ledger counted as unusable.
    public var unreadable: Int = 0

    public init(validCount: Int, missingCount: Int) {
        valid = Array(repeating: 0, count: validCount)
        missing = Array(repeating: 0, count: missingCount)
    }

    /// The base: valid answers only.
    public var n: Int { valid.reduce(0, +) }

    /// Adds another tally of the same variable (for totals).
    public mutating func add(_ other: Tally) {
        for k in valid.indices { valid[k] += other.valid[k] }
        for k in missing.indices { missing[k] += other.missing[k] }
        noAnswer += other.noAnswer
        unreadable += other.unreadable
    }

    /// This tally minus another of the same variable (the rest of the organisation = total − group).
    public func subtracting(_ other: Tally) -> Tally {
        var result = self
        for k in valid.indices { result.valid[k] -= other.valid[k] }
        for k in missing.indices { result.missing[k] -= other.missing[k] }
        result.noAnswer -= other.noAnswer
        result.unreadable -= other.unreadable
        return result
    }

    /// Counts a code column per group in one pass.
    /// - Parameters:
    ///   - codes: the column (`Dataset.Column.codes`).
    ///   - groups: group index per row.
    ///   - groupCount: number of groups.
    /// - Returns: one tally per group.
    /// - Complexity: O(rows + groups × codes).
    public static func count(codes: [Int16], groups: [UInt16], groupCount: Int, variable: Variable) -> [Tally] {
        let validCodes = variable.validCodes
        let missingCodes = variable.missing.map(\.code)
        let all = validCodes + missingCodes
        let low = all.min() ?? 0
        let high = all.max() ?? -1
        // slot: 0 = not a code; 1...k = valid code k-1; k+1... = missing codes.
        var slot = [Int](repeating: 0, count: max(0, high - low + 1))
        for (k, c) in validCodes.enumerated() { slot[c - low] = k + 1 }
        for (k, c) in missingCodes.enumerated() { slot[c - low] = validCodes.count + k + 1 }
        let width = all.count + 3  // + noAnswer, unreadable, and slot 0 (unused)
        var counts = [Int](repeating: 0, count: groupCount * width)
        let noAnswerSlot = all.count + 1
        let unreadableSlot = all.count + 2
        codes.withUnsafeBufferPointer { column in
            groups.withUnsafeBufferPointer { group in
                slot.withUnsafeBufferPointer { slots in
                    counts.withUnsafeMutableBufferPointer { out in
                        for row in 0..<column.count {
                            let code = column[row]
                            let s: Int
                            if code == Dataset.noAnswer {
                                s = noAnswerSlot
                            } else if code == Dataset.unreadable {
                                s = unreadableSlot
                            } else {
                                let k = Int(code) - low
                                s = k >= 0 && k < slots.count && slots[k] != 0 ? slots[k] : unreadableSlot
                            }
                            out[Int(group[row]) * width + s] += 1
                        }
                    }
                }
            }
        }
        return (0..<groupCount).map { g in
            var tally = Tally(validCount: validCodes.count, missingCount: missingCodes.count)
            let base = g * width
            for k in 0..<validCodes.count { tally.valid[k] = counts[base + k + 1] }
            for k in 0..<missingCodes.count { tally.missing[k] = counts[base + validCodes.count + k + 1] }
            tally.noAnswer = counts[base + noAnswerSlot]
            tally.unreadable = counts[base + unreadableSlot]
            return tally
        }
    }
}
