import Testing
@testable import KTOAnalysis
@testable import KTOModel

/// `ItemCounts` counts a column in one fused pass per storage (a table of 256 slots for a narrow
/// column): it must give exactly what a plain loop over the `Int16` codes gives, weights summed
/// in the same order, for both storages, with and without routing.
@Suite("Item counts equal a plain count")
struct ItemCountsTests {
    @Test func fusedPassEqualsAPlainLoopForBothStorages() throws {
        var random = TestRandom(seed: 0x2545_F491_4F6C_DD1D)
        func next(_ n: Int) -> Int { random.next(n) }
        let rows = 400
        let none = Dataset.noAnswer
        // Every kind of cell: valid codes, missing codes, empty, unreadable, and a code the
        // variable does not have (counted as unreadable).
        let gradeCells: [Int16] = Array(1...10) + [99, none, Dataset.unreadable, 42]
        let statementCells: [Int16] = Array(1...5) + [8, 9, none, Dataset.unreadable]
        let group = (0..<rows).map { _ in UInt16(next(2)) }
        let grade = (0..<rows).map { _ in gradeCells[next(gradeCells.count)] }
        let statement = (0..<rows).map { _ in statementCells[next(statementCells.count)] }
        let category = (0..<rows).map { _ in Int16(1 + next(3)) }
        let weights = (0..<rows).map { _ in 0.25 + Double(next(1000)) / 137.0 }

        var loaded = AnalysisTests().study(group: group, grade: grade, statement: statement, category: category)
        loaded.study.weighting = .variable(column: "w")
        loaded.current = loaded.current.withWeights(weights)
        let roles = try MetingFrame.roles(study: loaded.study, codebook: loaded.codebook)
        let frame = try MetingFrame.make(study: loaded.study, codebook: loaded.codebook, dataset: loaded.current, roles: roles)
        let weighted = try #require(frame.rowWeight)
        #expect(weighted == weights)

        let asked = (0..<rows).map { _ in next(3) > 0 }
        for (variable, codes) in [(AnalysisTests.grade, grade), (AnalysisTests.statement, statement)] {
            for routing in [nil, asked] {
                // The plain loop.
                let all = variable.validCodes + variable.missing.map(\.code)
                let slots = all.count + 2
                var count = [Int32](repeating: 0, count: frame.cellCount * slots)
                var w = [Double](repeating: 0, count: count.count)
                var q = w
                for row in 0..<rows {
                    let code = codes[row]
                    let slot: Int
                    if code == none {
                        if let routing, !routing[row] { continue }
                        slot = all.count
                    } else {
                        slot = all.firstIndex(of: Int(code)) ?? all.count + 1
                    }
                    let index = Int(frame.cellOfRow[row]) * slots + slot
                    count[index] += 1
                    w[index] += weights[row]
                    q[index] += weights[row] * weights[row]
                }
                let narrow = CodeColumn(codes)
                let wide = CodeColumn(storage: .wide(codes))
                #expect(narrow.isNarrow && !wide.isNarrow)
                for column in [narrow, wide] {
                    let counts = ItemCounts(codes: column, variable: variable, frame: frame, asked: routing)
                    #expect(counts.slots == slots)
                    #expect(counts.count == count, "\(variable.code), narrow \(column.isNarrow), routed \(routing != nil)")
                    #expect(counts.weight == w, "\(variable.code), narrow \(column.isNarrow), routed \(routing != nil)")
                    #expect(counts.weightSquared == q, "\(variable.code), narrow \(column.isNarrow), routed \(routing != nil)")
                }
            }
        }
    }

    /// Every domain's sums in one pass over the cells (`domainSums`) equal, to the bit, the sums
    /// made domain by domain (`MetingFrame.sums`), and its slot and unknown-category counts the
    /// plain sums of the counts, for each kind of design.
    @Test func domainSumsInOnePassEqualThePassPerDomain() throws {
        var random = TestRandom(seed: 0x5DEE_CE66_D1CE_4E5B)
        func next(_ n: Int) -> Int { random.next(n) }
        let rows = 600
        let none = Dataset.noAnswer
        let gradeCells: [Int16] = Array(1...10) + [99, none, Dataset.unreadable]
        let statementCells: [Int16] = Array(1...5) + [8, 9, none]
        let group = (0..<rows).map { _ in UInt16(next(3)) }
        let grade = (0..<rows).map { _ in gradeCells[next(gradeCells.count)] }
        let statement = (0..<rows).map { _ in statementCells[next(statementCells.count)] }
        // The breakdown: a category with empty answers, so that some cells have no category.
        let category = (0..<rows).map { _ in next(5) == 0 ? none : Int16(1 + next(3)) }
        let weights = (0..<rows).map { _ in 0.3 + Double(next(1000)) / 97.0 }
        for design in ["none", "gemeente", "variable"] {
            var loaded = AnalysisTests().study(group: group, grade: grade, statement: statement, category: category)
            loaded.study.breakdowns = [AnalysisTests.category.code]
            switch design {
            case "gemeente": loaded.study.weighting = .gemeente
            case "variable":
                loaded.study.weighting = .variable(column: "w")
                loaded.current = loaded.current.withWeights(weights)
            default: break
            }
            let roles = try MetingFrame.roles(study: loaded.study, codebook: loaded.codebook)
            let frame = try MetingFrame.make(study: loaded.study, codebook: loaded.codebook, dataset: loaded.current, roles: roles)
            #expect(frame.domains.count == 1 + 3 + 3)
            // Both kinds of domains: the total holds whole groups (its rows are the groups' own
            // sums), a category of the breakdown does not (its cells are added one by one).
            #expect(frame.layout.wholeGroups.contains(0) && frame.layout.wholeGroups.count < frame.domains.count, "\(design)")
            for (variable, codes) in [(AnalysisTests.grade, grade), (AnalysisTests.statement, statement)] {
                let counts = ItemCounts(codes: CodeColumn(codes), variable: variable, frame: frame)
                let fused = frame.domainSums(counts)
                // Respondents per slot over some cells, and with a valid answer in the cells
                // without a breakdown category: plain sums of the counts.
                func slotTotals(_ cells: [Int]) -> [Int] {
                    (0..<counts.slots).map { l in cells.reduce(0) { $0 + Int(counts.count[$1 * counts.slots + l]) } }
                }
                let unknownCells = (0..<frame.cellCount).filter { frame.cellCategory[0][$0] == -1 }
                for (k, (domain, cells)) in frame.domains.enumerated() {
                    let plain = frame.sums(counts, cells: cells)
                    let label = "\(design), \(variable.code), \(domain)"
                    #expect(fused.sums[k].present == plain.present, "\(label)")
                    #expect(fused.sums[k].n.map(\.bitPattern) == plain.n.map(\.bitPattern), "\(label)")
                    #expect(fused.sums[k].w.map(\.bitPattern) == plain.w.map(\.bitPattern), "\(label)")
                    #expect(fused.sums[k].q.map(\.bitPattern) == plain.q.map(\.bitPattern), "\(label)")
                    #expect(fused.slots[k] == slotTotals(cells), "\(label)")
                }
                let unknown = slotTotals(unknownCells).prefix(counts.validLevels).reduce(0, +)
                #expect(unknown > 0)
                #expect(fused.unknown == [unknown], "\(design), \(variable.code)")
            }
        }
    }
}
