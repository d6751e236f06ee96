/// Every domain's sums of one item in one pass over its cells, instead of a pass per domain.
///
/// A cell belongs to several domains (the total, its gemeente, its category of each breakdown),
/// and a domain's sums add its cells in ascending order. Going through the cells once in that
/// order and adding each cell's counts to every domain that holds it performs, for each sum, the
/// same additions in the same order as a pass per domain: the figures are equal to the bit.
struct DomainLayout: Sendable {
    /// Per domain (in the frame's `domains` order): the design groups it meets, ascending.
    let present: [[Int]]
    /// Per domain: its first row in the flat sums; its rows are its present groups, in order.
    let rowStart: [Int]
    /// Rows of all domains together.
    let rows: Int
    /// Per cell c: entries memberStart[c]..<memberStart[c + 1] of `memberDomain` (the domains
    /// holding the cell, other than the whole-group ones) and `memberRow` (the cell's group's row
    /// among the flat sums).
    let memberStart: [Int32]
    let memberDomain: [Int32]
    let memberRow: [Int32]
    /// The domains that hold every cell of each group they meet (the total, a gemeente, a
    /// category of a raking margin): their rows are the groups' own sums, made once in the pass.
    let wholeGroups: [Int]
    /// Per cell c: entries unknownStart[c]..<unknownStart[c + 1] of `unknownBreakdown`, the
    /// breakdowns for which the cell's respondents have no value.
    let unknownStart: [Int32]
    let unknownBreakdown: [Int32]

    /// No domains (a frame before its domains are set).
    static let empty = DomainLayout(domains: [], cellCount: 0, cellGroup: [], groups: 0, cellCategory: [])

    /// The layout of `domains` (each with its cells, ascending) over the frame's cells.
    init(domains: [(domain: Domain, cells: [Int])], cellCount: Int, cellGroup: [Int], groups: Int, cellCategory: [[Int]]) {
        var present: [[Int]] = []
        var rowStart: [Int] = []
        var members = [[(domain: Int32, row: Int32)]](repeating: [], count: cellCount)
        var wholeGroups: [Int] = []
        var rows = 0
        var row = [Int](repeating: -1, count: groups)
        var cellsOfGroup = [Int](repeating: 0, count: groups)
        for cell in 0..<min(cellCount, cellGroup.count) { cellsOfGroup[cellGroup[cell]] += 1 }
        var cellsMet = [Int](repeating: 0, count: groups)
        for (d, entry) in domains.enumerated() {
            // The groups the cells meet, and the row of each: as `MetingFrame.sums` lays them out.
            for g in 0..<groups { row[g] = -1; cellsMet[g] = 0 }
            for cell in entry.cells {
                row[cellGroup[cell]] = 0
                cellsMet[cellGroup[cell]] += 1
            }
            var groupsMet: [Int] = []
            for g in 0..<groups where row[g] == 0 {
                row[g] = groupsMet.count
                groupsMet.append(g)
            }
            // Every cell of every group it meets (its cells ascending, so each listed once): its
            // sums per group are the group's, the same additions in the same order.
            if zip(entry.cells, entry.cells.dropFirst()).allSatisfy({ $0 < $1 }), groupsMet.allSatisfy({ cellsMet[$0] == cellsOfGroup[$0] }) {
                wholeGroups.append(d)
            } else {
                for cell in entry.cells { members[cell].append((Int32(d), Int32(rows + row[cellGroup[cell]]))) }
            }
            present.append(groupsMet)
            rowStart.append(rows)
            rows += groupsMet.count
        }
        self.wholeGroups = wholeGroups
        self.present = present
        self.rowStart = rowStart
        self.rows = rows
        memberStart = [0] + members.reduce(into: [Int32]()) { ends, list in ends.append((ends.last ?? 0) + Int32(list.count)) }
        memberDomain = members.flatMap { $0.map(\.domain) }
        memberRow = members.flatMap { $0.map(\.row) }
        var unknownStart: [Int32] = [0]
        var unknownBreakdown: [Int32] = []
        for cell in 0..<cellCount {
            for (b, categories) in cellCategory.enumerated() where categories[cell] == -1 { unknownBreakdown.append(Int32(b)) }
            unknownStart.append(Int32(unknownBreakdown.count))
        }
        self.unknownStart = unknownStart
        self.unknownBreakdown = unknownBreakdown
    }
}

/// One item's sums in every domain of a meting.
struct DomainSums {
    /// Per domain: the sums of the valid levels per design group (as `MetingFrame.sums`).
    var sums: [ScoreSums]
    /// Per domain: respondents per slot (valid codes, missing codes, empty, unusable), unweighted.
    var slots: [[Int]]
    /// Per breakdown: respondents with a valid answer and no value for the breakdown.
    var unknown: [Int]
}

extension MetingFrame {
    /// Every domain's sums of `counts` in one pass over the cells, in the order of `domains`.
    func domainSums(_ counts: ItemCounts) -> DomainSums {
        let levels = counts.validLevels
        let slots = counts.slots
        let domainCount = layout.present.count
        var n = [Double](repeating: 0, count: layout.rows * levels)
        var w = n
        var q = n
        var slotTotals = [Int](repeating: 0, count: domainCount * slots)
        var unknown = [Int](repeating: 0, count: categoryCodes.count)
        // The groups' own sums and respondents per slot: the rows of the whole-group domains.
        var groupN = [Double](repeating: 0, count: groups * levels)
        var groupW = groupN
        var groupQ = groupN
        var groupSlots = [Int](repeating: 0, count: groups * slots)
        groupN.withUnsafeMutableBufferPointer { groupN in
        groupW.withUnsafeMutableBufferPointer { groupW in
        groupQ.withUnsafeMutableBufferPointer { groupQ in
        groupSlots.withUnsafeMutableBufferPointer { groupSlots in
        cellGroup.withUnsafeBufferPointer { cellGroup in
        n.withUnsafeMutableBufferPointer { n in
        w.withUnsafeMutableBufferPointer { w in
        q.withUnsafeMutableBufferPointer { q in
        slotTotals.withUnsafeMutableBufferPointer { slotTotals in
        unknown.withUnsafeMutableBufferPointer { unknown in
        layout.memberStart.withUnsafeBufferPointer { memberStart in
        layout.memberDomain.withUnsafeBufferPointer { memberDomain in
        layout.memberRow.withUnsafeBufferPointer { memberRow in
        layout.unknownStart.withUnsafeBufferPointer { unknownStart in
        layout.unknownBreakdown.withUnsafeBufferPointer { unknownBreakdown in
        counts.count.withUnsafeBufferPointer { count in
            for cell in 0..<min(cellCount, count.count / max(slots, 1), memberStart.count - 1, cellGroup.count) {
                let members = Int(memberStart[cell])..<Int(memberStart[cell + 1])
                let unknowns = Int(unknownStart[cell])..<Int(unknownStart[cell + 1])
                let group = cellGroup[cell]
                let base = cell * slots
                for l in 0..<slots where count[base + l] != 0 {
                    let respondents = Int(count[base + l])
                    groupSlots[group &* slots &+ l] += respondents
                    for m in members { slotTotals[Int(memberDomain[m]) &* slots &+ l] += respondents }
                    guard l < levels else { continue }
                    for u in unknowns { unknown[Int(unknownBreakdown[u])] += respondents }
                    // The same products as `sums` forms for each domain.
                    let c = Double(respondents)
                    let cw: Double, cq: Double
                    if let cellWeight {
                        let weight = cellWeight[cell]
                        cw = c * weight
                        cq = c * weight * weight
                    } else if let weight = counts.weight, let squared = counts.weightSquared {
                        cw = weight[base + l]
                        cq = squared[base + l]
                    } else {
                        cw = c
                        cq = c
                    }
                    let own = group &* levels &+ l
                    groupN[own] += c
                    groupW[own] += cw
                    groupQ[own] += cq
                    for m in members {
                        let k = Int(memberRow[m]) &* levels &+ l
                        n[k] += c
                        w[k] += cw
                        q[k] += cq
                    }
                }
            }
            for d in layout.wholeGroups {
                for (r, g) in layout.present[d].enumerated() {
                    let target = (layout.rowStart[d] + r) * levels
                    for l in 0..<levels {
                        n[target + l] = groupN[g * levels + l]
                        w[target + l] = groupW[g * levels + l]
                        q[target + l] = groupQ[g * levels + l]
                    }
                    for l in 0..<slots { slotTotals[d * slots + l] += groupSlots[g * slots + l] }
                }
            }
        }}}}}}}}}}}}}}}}
        var sums: [ScoreSums] = []
        sums.reserveCapacity(domainCount)
        for d in 0..<domainCount {
            let range = (layout.rowStart[d] * levels)..<((layout.rowStart[d] + layout.present[d].count) * levels)
            sums.append(ScoreSums(groups: groups, levels: levels, present: layout.present[d], n: Array(n[range]), w: Array(w[range]), q: Array(q[range])))
        }
        return DomainSums(sums: sums, slots: (0..<domainCount).map { Array(slotTotals[($0 * slots)..<(($0 + 1) * slots)]) }, unknown: unknown)
    }
}
