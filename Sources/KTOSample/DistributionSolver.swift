/// Integer arithmetic behind "reproduce every published figure after rounding".
///
/// A published figure `x` (a mean to one decimal or a whole percentage) is hit by `numerator / n`
/// when that ratio rounds half away from zero to `x`. The solver keeps strictly inside the window,
/// never on its edge, so floating-point evaluation by a reader cannot round the other way.
enum Window {
    /// The numerators (sum of grades for a mean, count for a percentage) with `n` answers that
    /// round to `target`, or nil when none does.
    static func numerators(n: Int, target: Int, measure: Measure) -> ClosedRange<Int>? {
        guard n > 0 else { return nil }
        // mean: (2X − 1)·n < 20·S < (2X + 1)·n; percentage: (2P − 1)·n < 200·k < (2P + 1)·n
        let denominator = measure.isMean ? 20 : 200
        var low = floorDivide((2 * target - 1) * n, denominator) + 1
        var high = ceilDivide((2 * target + 1) * n, denominator) - 1
        if measure.isMean {
            low = max(low, n)
            high = min(high, 10 * n)
        } else {
            low = max(low, 0)
            high = min(high, n)
        }
        return low <= high ? low...high : nil
    }

    /// The numerator nearest to `target` exactly (n × target), as an integer.
    static func ideal(n: Int, target: Int, measure: Measure) -> Int {
        let scale = measure.isMean ? 10 : 100
        return (2 * n * target + scale) / (2 * scale)
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func ceilDivide(_ a: Int, _ b: Int) -> Int { -floorDivide(-a, b) }
}

/// How many respondents of each gemeente answer an item, and the numerator of each gemeente.
struct ItemAllocation: Sendable, Equatable {
    /// Valid answers per gemeente (`Gemeente.index` order).
    var answered: [Int]
    /// Sum of grades (mean) or number agreeing (percentage) per gemeente.
    var numerators: [Int]
}

/// The counts of each category per gemeente.
struct CategoryAllocation: Sendable, Equatable {
    var answered: [Int]
    /// `counts[g][c]`: respondents of gemeente `g` in category `c + 1`.
    var counts: [[Int]]
}

/// Limits on how many of a gemeente's eligible respondents answer an item.
struct AnswerRange: Sendable {
    var minimum: Int
    var maximum: Int
    var preferred: Int
}

enum DistributionSolver {
    /// Chooses valid-answer counts near the preferred ones such that every gemeente and the pooled
    /// total can round to their published figures, and numerators that do.
    ///
    /// Candidates are tried in order of the summed rank of their distance to the preferred count,
    /// so the first solution found stays as close as possible to the usual response.
    static func allocate(targets: [Int], total: Int, measure: Measure, ranges: [AnswerRange]) -> ItemAllocation? {
        let groups = targets.count
        var candidates: [[(n: Int, window: ClosedRange<Int>)]] = []
        for g in 0..<groups {
            let r = ranges[g]
            var list: [(n: Int, window: ClosedRange<Int>)] = []
            if r.minimum <= r.maximum {
                for n in r.minimum...r.maximum {
                    if let w = Window.numerators(n: n, target: targets[g], measure: measure) { list.append((n, w)) }
                }
            }
            list.sort { a, b in
                let da = abs(a.n - r.preferred), db = abs(b.n - r.preferred)
                return da != db ? da < db : a.n > b.n
            }
            guard !list.isEmpty else { return nil }
            candidates.append(list)
        }
        let maxRank = candidates.reduce(0) { $0 + $1.count - 1 }
        var found: ItemAllocation?
        forEachRankTriple(sizes: candidates.map(\.count), maxRank: maxRank) { ranks in
            let picked = (0..<groups).map { candidates[$0][ranks[$0]] }
            let n = picked.reduce(0) { $0 + $1.n }
            guard let totalWindow = Window.numerators(n: n, target: total, measure: measure) else { return false }
            let low = picked.reduce(0) { $0 + $1.window.lowerBound }
            let high = picked.reduce(0) { $0 + $1.window.upperBound }
            guard max(low, totalWindow.lowerBound) <= min(high, totalWindow.upperBound) else { return false }
            found = chooseNumerators(picked: picked, targets: targets, total: total, totalWindow: totalWindow,
                                     measure: measure)
            return true
        }
        return found
    }

    /// Numerators near each gemeente's exact target whose sum lies in the total's window.
    private static func chooseNumerators(
        picked: [(n: Int, window: ClosedRange<Int>)], targets: [Int], total: Int,
        totalWindow: ClosedRange<Int>, measure: Measure
    ) -> ItemAllocation {
        var numerators = picked.enumerated().map { g, p in
            min(max(Window.ideal(n: p.n, target: targets[g], measure: measure), p.window.lowerBound),
                p.window.upperBound)
        }
        let n = picked.reduce(0) { $0 + $1.n }
        let low = max(totalWindow.lowerBound, picked.reduce(0) { $0 + $1.window.lowerBound })
        let high = min(totalWindow.upperBound, picked.reduce(0) { $0 + $1.window.upperBound })
        let wanted = min(max(Window.ideal(n: n, target: total, measure: measure), low), high)
        var difference = wanted - numerators.reduce(0, +)
        // Largest group first: one unit moves its figure least.
        let order = picked.indices.sorted { picked[$0].n > picked[$1].n }
        while difference != 0 {
            var moved = false
            for g in order where difference != 0 {
                if difference > 0, numerators[g] < picked[g].window.upperBound {
                    numerators[g] += 1
                    difference -= 1
                    moved = true
                } else if difference < 0, numerators[g] > picked[g].window.lowerBound {
                    numerators[g] -= 1
                    difference += 1
                    moved = true
                }
            }
            if !moved { break }
        }
        return ItemAllocation(answered: picked.map(\.n), numerators: numerators)
    }

    /// Chooses per gemeente how many answer a category question and how many fall in each category,
    /// such that every gemeente's and (where published) the total's percentages round right.
    static func allocateCategories(figures: [GroupFigures], ranges: [AnswerRange], optionLimit: Int = 2_000)
        -> CategoryAllocation?
    {
        let groups = ranges.count
        var options: [[(n: Int, counts: [Int])]] = []
        for g in 0..<groups {
            let r = ranges[g]
            let targets = figures.map { $0.gemeenten[g] }
            var list: [(n: Int, counts: [Int], cost: Int)] = []
            guard r.minimum <= r.maximum else { return nil }
            for n in r.minimum...r.maximum {
                let windows = targets.map { Window.numerators(n: n, target: $0, measure: .pctCategory) }
                guard windows.allSatisfy({ $0 != nil }) else { continue }
                let ideal = targets.map { Window.ideal(n: n, target: $0, measure: .pctCategory) }
                for counts in vectors(windows: windows.compactMap { $0 }, sum: n) {
                    let spread = zip(counts, ideal).reduce(0) { $0 + abs($1.0 - $1.1) }
                    list.append((n, counts, abs(n - r.preferred) * 4 + spread))
                }
            }
            list.sort { a, b in a.cost != b.cost ? a.cost < b.cost : a.n > b.n }
            guard !list.isEmpty else { return nil }
            options.append(list.prefix(optionLimit).map { ($0.n, $0.counts) })
        }
        let maxRank = options.reduce(0) { $0 + $1.count - 1 }
        var found: CategoryAllocation?
        forEachRankTriple(sizes: options.map(\.count), maxRank: maxRank) { ranks in
            let picked = (0..<groups).map { options[$0][ranks[$0]] }
            let n = picked.reduce(0) { $0 + $1.n }
            for (c, figure) in figures.enumerated() {
                guard let total = figure.total else { continue }
                let k = picked.reduce(0) { $0 + $1.counts[c] }
                guard let window = Window.numerators(n: n, target: total, measure: .pctCategory),
                    window.contains(k)
                else { return false }
            }
            found = CategoryAllocation(answered: picked.map(\.n), counts: picked.map(\.counts))
            return true
        }
        return found
    }

    /// All count vectors with one count from each window that add up to `sum`.
    static func vectors(windows: [ClosedRange<Int>], sum: Int) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        // Smallest and largest sum still reachable from category i on.
        var restLow = [Int](repeating: 0, count: windows.count + 1)
        var restHigh = [Int](repeating: 0, count: windows.count + 1)
        for i in stride(from: windows.count - 1, through: 0, by: -1) {
            restLow[i] = restLow[i + 1] + windows[i].lowerBound
            restHigh[i] = restHigh[i + 1] + windows[i].upperBound
        }
        func visit(_ i: Int, _ remaining: Int) {
            if i == windows.count {
                if remaining == 0 { result.append(current) }
                return
            }
            guard remaining >= restLow[i], remaining <= restHigh[i] else { return }
            for k in windows[i] {
                current.append(k)
                visit(i + 1, remaining - k)
                current.removeLast()
            }
        }
        visit(0, sum)
        return result
    }

    /// Visits rank combinations (one rank per group) in order of their sum, until `body` returns true.
    static func forEachRankTriple(sizes: [Int], maxRank: Int, _ body: ([Int]) -> Bool) {
        var ranks = [Int](repeating: 0, count: sizes.count)
        func visit(_ g: Int, _ remaining: Int) -> Bool {
            if g == sizes.count - 1 {
                guard remaining < sizes[g] else { return false }
                ranks[g] = remaining
                return body(ranks)
            }
            for r in 0...min(remaining, sizes[g] - 1) {
                ranks[g] = r
                if visit(g + 1, remaining - r) { return true }
            }
            return false
        }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { return }
        for sum in 0...maxRank where visit(0, sum) { return }
    }
}
