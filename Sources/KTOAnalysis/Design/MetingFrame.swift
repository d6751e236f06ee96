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
    var domains: [(domain: Domain, cells: [Int])] = [] {
        didSet { layout = DomainLayout(domains: domains, cellCount: cellCount, cellGroup: cellGroup, groups: groups, cellCategory: cellCategory) }
    }
    /// Where each cell's counts go in `domainSums`, for `domains`.
    private(set) var layout = DomainLayout.empty

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
        // Each entry adds up in the order of `cells`, and within a cell in the order of the
        // levels, as one plain loop over every cell and level would (a level without respondents
        // adds nothing).
        sums.n.withUnsafeMutableBufferPointer { sn in
            sums.w.withUnsafeMutableBufferPointer { sw in
                sums.q.withUnsafeMutableBufferPointer { sq in
                    counts.count.withUnsafeBufferPointer { count in
                        for cell in cells {
                            let base = cell * slots
                            let k0 = row[cellGroup[cell]] * levels
                            for l in 0..<levels where count[base + l] != 0 {
                                let c = Double(count[base + l])
                                sn[k0 + l] += c
                                if let cellWeight {
                                    let weight = cellWeight[cell]
                                    sw[k0 + l] += c * weight
                                    sq[k0 + l] += c * weight * weight
                                } else if let w = counts.weight, let q = counts.weightSquared {
                                    sw[k0 + l] += w[base + l]
                                    sq[k0 + l] += q[base + l]
                                } else {
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
