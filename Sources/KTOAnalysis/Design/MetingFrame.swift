import KTOModel
import KTOStats

/// The respondents of one meting arranged for estimation: each row falls into a cell (its
/// gemeente, its category of every breakdown variable, its design group), and every domain is a
/// set of cells. With weighting on, the frame also holds the weights and how the variance is made.
///
/// Items are counted per cell and code in one pass (`ItemCounts`); every domain's figures and
/// their standard errors follow from those counts, so a breakdown costs no pass of its own.
struct MetingFrame: Sendable {
    let meting: String
    let rows: Int
    /// Cell per row.
    let cellOfRow: [Int32]
    let cellCount: Int
    /// Per cell: gemeente index, category index per breakdown (−1: no value), design group.
    let cellGemeente: [Int]
    let cellCategory: [[Int]]
    let cellGroup: [Int]
    /// A weight per cell when every respondent of a cell weighs the same (gemeente, rake).
    let cellWeight: [Double]?
    /// A weight per row when the data delivers one (`weighting = variable`).
    let rowWeight: [Double]?
    /// nil when unweighted: classical estimates.
    let variance: VarianceFrame?
    /// Groups of the variance design (1 when unweighted).
    let groups: Int
    /// Per breakdown: the category codes in codebook order.
    let categoryCodes: [[Int]]
    /// Weights per gemeente and in total: sum, min, max, Kish n.
    let weightSummaries: [WeightSummary]
    /// Every domain with its cells, in report order: total, gemeenten, breakdown categories.
    /// Made once: every item of the meting reads it.
    var domains: [(domain: Domain, cells: [Int])] = []

    var isWeighted: Bool { variance != nil }

    /// The domains of the meting in report order with their cells: the total, `gemeenten`
    /// gemeenten, then the categories of every breakdown.
    func allDomains(gemeenten: Int) -> [(domain: Domain, cells: [Int])] {
        var list: [(Domain, [Int])] = [(.total, cells(of: .total))]
        for g in 0..<gemeenten { list.append((.gemeente(g), cells(of: .gemeente(g)))) }
        for (b, codes) in categoryCodes.enumerated() {
            for code in codes {
                let domain = Domain.category(breakdown: b, code: code)
                list.append((domain, cells(of: domain)))
            }
        }
        return list
    }

    /// Cells of a domain.
    func cells(of domain: Domain) -> [Int] {
        switch domain {
        case .total: return Array(0..<cellCount)
        case .gemeente(let g): return (0..<cellCount).filter { cellGemeente[$0] == g }
        case .category(let b, let code):
            guard let c = categoryCodes[b].firstIndex(of: code) else { return [] }
            return (0..<cellCount).filter { cellCategory[b][$0] == c }
        }
    }

    /// Cells of respondents without a value for breakdown `b` (in the total, in no category).
    func unknownCells(breakdown b: Int) -> [Int] { (0..<cellCount).filter { cellCategory[b][$0] == -1 } }

    /// Respondents per slot (valid codes, missing codes, empty, unusable) over `cells`, unweighted.
    func slotCounts(_ counts: ItemCounts, cells: [Int]) -> [Int] {
        var totals = [Int](repeating: 0, count: counts.slots)
        let slots = counts.slots
        totals.withUnsafeMutableBufferPointer { totals in
            counts.count.withUnsafeBufferPointer { count in
                for cell in cells {
                    let base = cell * slots
                    for s in 0..<slots { totals[s] += Int(count[base + s]) }
                }
            }
        }
        return totals
    }

    /// The sums of `counts` over `cells`, valid levels only, per design group.
    func sums(_ counts: ItemCounts, cells: [Int]) -> ScoreSums {
        let levels = counts.validLevels
        let slots = counts.slots
        // The groups the cells meet, and the row of each.
        var row = [Int](repeating: -1, count: groups)
        for cell in cells { row[cellGroup[cell]] = 0 }
        var present: [Int] = []
        for g in 0..<groups where row[g] == 0 {
            row[g] = present.count
            present.append(g)
        }
        var sums = ScoreSums(groups: groups, levels: levels, present: present)
        // Each entry adds up in the order of `cells`, as one plain loop over them would.
        sums.n.withUnsafeMutableBufferPointer { sn in
            sums.w.withUnsafeMutableBufferPointer { sw in
                sums.q.withUnsafeMutableBufferPointer { sq in
                    counts.count.withUnsafeBufferPointer { count in
                        for cell in cells {
                            let base = cell * slots
                            let k0 = row[cellGroup[cell]] * levels
                            if let cellWeight {
                                let weight = cellWeight[cell]
                                for l in 0..<levels where count[base + l] > 0 {
                                    let c = Double(count[base + l])
                                    sn[k0 + l] += c
                                    sw[k0 + l] += c * weight
                                    sq[k0 + l] += c * weight * weight
                                }
                            } else if let w = counts.weight, let q = counts.weightSquared {
                                for l in 0..<levels where count[base + l] > 0 {
                                    sn[k0 + l] += Double(count[base + l])
                                    sw[k0 + l] += w[base + l]
                                    sq[k0 + l] += q[base + l]
                                }
                            } else {
                                for l in 0..<levels where count[base + l] > 0 {
                                    let c = Double(count[base + l])
                                    sn[k0 + l] += c
                                    sw[k0 + l] += c
                                    sq[k0 + l] += c
                                }
                            }
                        }
                    }
                }
            }
        }
        return sums
    }
}

/// The weights of a group of respondents, for `kto check`, results.csv and the method section.
public struct WeightSummary: Sendable, Equatable {
    /// nil for the total.
    public var gemeente: Int?
    public var respondents: Int
    public var sum: Double
    public var min: Double
    public var max: Double
    public var effectiveN: Double

    public var ratio: Double { min > 0 ? max / min : .infinity }
}

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
    init(codes: [Int16], variable: Variable, frame: MetingFrame, asked: [Bool]? = nil) {
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
        var weight: [Double]? = frame.rowWeight.map { _ in [Double](repeating: 0, count: size) }
        var weightSquared = weight
        codes.withUnsafeBufferPointer { column in
            frame.cellOfRow.withUnsafeBufferPointer { cells in
                slotOf.withUnsafeBufferPointer { slotOf in
                    tally.withUnsafeMutableBufferPointer { out in
                        for row in 0..<column.count {
                            let code = column[row]
                            let s: Int
                            if code == Dataset.noAnswer {
                                if let asked, !asked[row] { continue }
                                s = noAnswerSlot
                            }
                            else if code == Dataset.unreadable { s = unreadableSlot }
                            else {
                                let k = Int(code) - low
                                s = k >= 0 && k < slotOf.count ? slotOf[k] : unreadableSlot
                            }
                            out[Int(cells[row]) &* slotCount &+ s] &+= 1
                        }
                    }
                }
            }
        }
        if let rowWeight = frame.rowWeight, var w = weight, var q = weightSquared {
            for row in 0..<codes.count {
                let code = codes[row]
                let s: Int
                if code == Dataset.noAnswer {
                    if let asked, !asked[row] { continue }
                    s = noAnswerSlot
                }
                else if code == Dataset.unreadable { s = unreadableSlot }
                else {
                    let k = Int(code) - low
                    s = k >= 0 && k < slotOf.count ? slotOf[k] : unreadableSlot
                }
                let index = Int(frame.cellOfRow[row]) * slotCount + s
                w[index] += rowWeight[row]
                q[index] += rowWeight[row] * rowWeight[row]
            }
            weight = w
            weightSquared = q
        }
        self.count = tally
        self.weight = weight
        self.weightSquared = weightSquared
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
