/// Realistic integer answer distributions with an exact number of answers and an exact numerator.
enum Distributions {
    /// Shape of a grade distribution: a heavy-tailed kernel, wider below its centre than above, as
    /// satisfaction grades are (mostly 6–8, a tail down to 1, a few 10s).
    struct GradeShape: Sendable {
        var spreadBelow: Double = 2.5
        var spreadAbove: Double = 1.5

        func weights(centre c: Double) -> [Double] {
            (1...10).map { v in
                let h = Double(v) < c ? spreadBelow : spreadAbove
                let z = (Double(v) - c) / h
                let base = 1 + z * z
                return 1 / (base * base)
            }
        }

        func mean(centre c: Double) -> Double {
            let w = weights(centre: c)
            let total = w.reduce(0, +)
            var m = 0.0
            for (k, x) in w.enumerated() { m += Double(k + 1) * x }
            return m / total
        }
    }

    /// Counts of grades 1…10 (index 0 = grade 1) for `n` answers whose grades add up to `sum`.
    static func grades(n: Int, sum: Int, shape: GradeShape) -> [Int] {
        guard n > 0 else { return [Int](repeating: 0, count: 10) }
        let target = Double(sum) / Double(n)
        // The kernel's mean grows with its centre: bisect for the centre giving the target mean.
        var low = -20.0, high = 30.0
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if shape.mean(centre: mid) < target { low = mid } else { high = mid }
        }
        let centre = (low + high) / 2
        var counts = apportion(n, weights: shape.weights(centre: centre))
        adjustSum(&counts, values: 1...10, to: sum)
        return counts
    }

    /// Moves grades across the 5|6 boundary until `lowCount` grades are 1–5, keeping the sum.
    static func setInsufficientCount(_ counts: inout [Int], to lowCount: Int) {
        func low() -> Int { counts[0..<5].reduce(0, +) }
        var guardSteps = 10_000
        while low() < lowCount, guardSteps > 0 {
            guardSteps -= 1
            // one 6 becomes a 5 (sum −1), one grade in 6…9 goes up (sum +1)
            guard counts[5] > 0 else { break }
            counts[5] -= 1
            counts[4] += 1
            guard let v = mostFrequent(counts, in: 5...8) else { break }
            counts[v] -= 1
            counts[v + 1] += 1
        }
        while low() > lowCount, guardSteps > 0 {
            guardSteps -= 1
            // one 5 becomes a 6 (sum +1), one grade in 7…10 or 2…5 goes down (sum −1)
            guard counts[4] > 0 else { break }
            counts[4] -= 1
            counts[5] += 1
            guard let v = mostFrequent(counts, in: 6...9) ?? mostFrequent(counts, in: 1...4) else { break }
            counts[v] -= 1
            counts[v - 1] += 1
        }
    }

    /// Counts of answers 1…5 (index 0 = 1) with `agree` answers 4 or 5 out of `n`.
    /// `strength` (0…1) shifts agreement towards "helemaal eens" and disagreement towards
    /// "helemaal oneens".
    static func likert(n: Int, agree: Int, strength: Double) -> [Int] {
        guard n > 0 else { return [0, 0, 0, 0, 0] }
        let share = Double(agree) / Double(n)
        let strong = apportion(agree, weights: [1 - (0.12 + 0.3 * share), 0.12 + 0.3 * share + 0.1 * strength])
        let rest = n - agree
        let disagree = apportion(rest, weights: [0.12 + 0.1 * strength, 0.33, 0.55 - 0.1 * strength])
        return [disagree[0], disagree[1], disagree[2], strong[0], strong[1]]
    }

    /// Largest-remainder apportionment of `total` over `weights`.
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard total > 0, sum > 0 else { return [Int](repeating: 0, count: weights.count) }
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        var left = total - counts.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(counts[a]), rb = exact[b] - Double(counts[b])
            return ra != rb ? ra > rb : a < b
        }
        var k = 0
        while left > 0, !order.isEmpty {
            counts[order[k % order.count]] += 1
            left -= 1
            k += 1
        }
        return counts
    }

    /// Moves single answers one step up or down (from the most frequent value) until the values
    /// add up to `sum`.
    static func adjustSum(_ counts: inout [Int], values: ClosedRange<Int>, to sum: Int) {
        func current() -> Int { counts.enumerated().reduce(0) { $0 + (values.lowerBound + $1.offset) * $1.element } }
        var difference = sum - current()
        let last = counts.count - 1
        while difference > 0, let v = mostFrequent(counts, in: 0...(last - 1)) {
            counts[v] -= 1
            counts[v + 1] += 1
            difference -= 1
        }
        while difference < 0, let v = mostFrequent(counts, in: 1...last) {
            counts[v] -= 1
            counts[v - 1] += 1
            difference += 1
        }
    }

    /// The index in `range` with the largest count (the first on ties), nil when all are zero.
    static func mostFrequent(_ counts: [Int], in range: ClosedRange<Int>) -> Int? {
        var best: Int?
        for i in range where counts[i] > 0 {
            if best.map({ counts[i] > counts[$0] }) ?? true { best = i }
        }
        return best
    }
}
