import Testing
@testable import KTOStats

/// `RakedProjection` reorders the work of the raking projection (category means summed in
/// registers, several variances side by side in SIMD lanes) but its sweeps must give the plain
/// loops' variance to the last bit: results.csv writes every digit. The plain loops are kept here
/// as the reference, as `Linearization.variance` had them. The matrix path (`withOperator`) adds
/// the same numbers in another order and is held to 1e-12.
@Suite("Raked projection: the plain loops, bit for bit through the sweeps")
struct RakedProjectionTests {
    /// The projection as first written (R `survey`'s `svyrecvar` for a raking design).
    static func reference(categories: [[Int]], categoryCounts: [[Int]], weights: [Double], respondents: [Int], sum: [Double], sumOfSquares: [Double]) -> Double? {
        let total = respondents.reduce(0, +)
        guard total >= 2 else { return nil }
        var shift = [Double](repeating: 0, count: respondents.count)
        for _ in 0..<Linearization.rakingSweeps {
            for m in categoryCounts.indices {
                var mean = [Double](repeating: 0, count: categoryCounts[m].count)
                for k in respondents.indices where weights[k] > 0 {
                    mean[categories[k][m]] += (sum[k] - Double(respondents[k]) * shift[k]) / weights[k]
                }
                for c in mean.indices where categoryCounts[m][c] > 0 { mean[c] /= Double(categoryCounts[m][c]) }
                for k in respondents.indices { shift[k] += weights[k] * mean[categories[k][m]] }
            }
        }
        var s1 = 0.0
        var s2 = 0.0
        for k in respondents.indices {
            let n = Double(respondents[k])
            s1 += sum[k] - n * shift[k]
            s2 += sumOfSquares[k] - 2 * shift[k] * sum[k] + n * shift[k] * shift[k]
        }
        let n = Double(total)
        return n / (n - 1) * max(0, s2 - s1 * s1 / n)
    }

    /// SplitMix64, for designs that are the same on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// A random raking design: cells in a shuffled order, some with weight 0, one margin category
    /// without cells; and influence sums that are zero outside a domain for some vectors.
    static func design(seed: UInt64, margins: [Int]) -> (categories: [[Int]], counts: [[Int]], weights: [Double], respondents: [Int], random: Random) {
        var random = Random(state: seed)
        var categories: [[Int]] = []
        for _ in 0..<(margins.reduce(1, *)) {
            let cell = margins.map { random.below(max(1, $0 - 1)) }   // the last category stays empty
            if !categories.contains(cell) { categories.append(cell) }
        }
        let respondents = categories.map { _ in 1 + random.below(60) }
        let weights = categories.map { _ in random.below(12) == 0 ? 0 : 0.2 + random.unit() * 40 }
        var counts = margins.map { [Int](repeating: 0, count: $0) }
        for (k, cell) in categories.enumerated() {
            for (m, c) in cell.enumerated() { counts[m][c] += respondents[k] }
        }
        return (categories, counts, weights, respondents, random)
    }

    static let cases: [(seed: UInt64, margins: [Int])] = [(1, [30, 5]), (2, [4, 3]), (3, [7, 5, 3]), (4, [2, 2]), (5, [12, 6])]

    /// Case `index`'s design and its projection (sweeps only).
    static func testCase(_ index: Int) -> (
        seed: UInt64, margins: [Int], categories: [[Int]], counts: [[Int]], weights: [Double], respondents: [Int],
        random: Random, projection: RakedProjection
    ) {
        let (seed, margins) = cases[index]
        let (categories, counts, weights, respondents, random) = design(seed: seed, margins: margins)
        let projection = RakedProjection(categories: categories, categoryCounts: counts, weights: weights)
        return (seed, margins, categories, counts, weights, respondents, random, projection)
    }

    @Test(arguments: 0..<5)
    func batchesEqualThePlainLoopsBitForBit(_ index: Int) {
        let (seed, margins, categories, counts, weights, respondents, start, projection) = Self.testCase(index)
        var random = start
        for size in [1, 2, 3, 4, 5, 9] {
            var sums: [[Double]] = []
            var squares: [[Double]] = []
            for v in 0..<size {
                let inDomain = categories.map { cell in v % 3 != 0 || cell[0] == v % max(1, margins[0] - 1) }
                let sum = inDomain.map { $0 ? (random.unit() - 0.5) * Self.pow10(random.below(7) - 3) : 0 }
                sums.append(sum)
                squares.append(sum.map { $0 * $0 * (1 + random.unit()) })
            }
            let batch = projection.variances(respondents: respondents, sums: sums, sumsOfSquares: squares)
            #expect(batch.count == size)
            for v in 0..<size {
                let expected = Self.reference(
                    categories: categories, categoryCounts: counts, weights: weights, respondents: respondents,
                    sum: sums[v], sumOfSquares: squares[v])
                #expect(batch[v]?.bitPattern == expected?.bitPattern, "seed \(seed), batch \(size), vector \(v): \(String(describing: batch[v])) against \(String(describing: expected))")
                let single = Linearization.variance(
                    .raked(categories: categories, categoryCounts: counts, weights: weights), respondents: respondents,
                    sum: sums[v], sumOfSquares: squares[v])
                #expect(single?.bitPattern == expected?.bitPattern)
            }
        }
    }

    @Test func tooFewRespondentsOrMisshapenSumsGiveNoVariance() {
        let projection = RakedProjection(categories: [[0, 0], [1, 0]], categoryCounts: [[1, 0], [1]], weights: [1, 1])
        #expect(projection.variances(respondents: [1, 0], sums: [[1, 2]], sumsOfSquares: [[1, 4]]) == [nil])
        let shaped = projection.variances(respondents: [3, 4], sums: [[1, 2], [1]], sumsOfSquares: [[1, 4], [1]])
        #expect(shaped[0] != nil && shaped[1] == nil)
        #expect(projection.variances(respondents: [3, 4], sums: [], sumsOfSquares: []).isEmpty)
    }

    /// With the matrix built, every Σz goes through it (dense or in a few cells, zero weights
    /// too): the same variance to about 1e-15. Other respondents than the matrix's still go
    /// through the sweeps, bit for bit.
    @Test(arguments: 0..<5)
    func theMatrixGivesTheSweepsVariance(_ index: Int) {
        let (seed, _, categories, counts, weights, respondents, start, plain) = Self.testCase(index)
        var random = start
        let projection = plain.withOperator(respondents: respondents)
        let cells = categories.count
        #expect(projection.meanOperator.count == cells * counts.reduce(0) { $0 + $1.count } && projection.operatorRespondents == respondents)
        var sums: [[Double]] = []
        var squares: [[Double]] = []
        for v in 0..<24 {
            // Every third Σz dense; the others in 1, 2, … cells up to a quarter.
            let support = v % 3 == 0 ? cells : max(1, min(cells / 4, 1 + v % 5))
            let chosen = Set((0..<support).map { _ in random.below(cells) })
            let sum = (0..<cells).map { chosen.contains($0) ? (random.unit() - 0.5) * Self.pow10(random.below(7) - 3) : 0 }
            sums.append(sum)
            squares.append(sum.map { $0 * $0 * (1 + random.unit()) })
        }
        let matrix = projection.variances(respondents: respondents, sums: sums, sumsOfSquares: squares)
        let sweeps = plain.variances(respondents: respondents, sums: sums, sumsOfSquares: squares)
        for v in sums.indices {
            let expected = Self.reference(
                categories: categories, categoryCounts: counts, weights: weights, respondents: respondents,
                sum: sums[v], sumOfSquares: squares[v])
            guard let got = matrix[v], let expected else {
                Issue.record("seed \(seed), vector \(v): no variance")
                continue
            }
            #expect(abs(got - expected) <= 1e-12 * abs(expected), "seed \(seed), vector \(v): \(got) against \(expected)")
            #expect(sweeps[v]?.bitPattern == expected.bitPattern)
        }
        // The matrix was used: its sums run in another order, so in a design of some size some
        // last bits differ.
        if cells >= 20 {
            #expect(sums.indices.contains { matrix[$0]?.bitPattern != sweeps[$0]?.bitPattern })
        }
        // Other respondents than the matrix was built for: the sweeps, bit for bit.
        let others = respondents.map { $0 + 1 }
        let fallback = projection.variances(respondents: others, sums: sums, sumsOfSquares: squares)
        let fromSweeps = plain.variances(respondents: others, sums: sums, sumsOfSquares: squares)
        #expect(zip(fallback, fromSweeps).allSatisfy { $0?.bitPattern == $1?.bitPattern })
    }

    /// No matrix past `operatorCells` cells or categories: the sweeps, as without one.
    @Test func noMatrixForManyCellsOrCategories() {
        let cells = RakedProjection.operatorCells + 1
        let projection = RakedProjection(
            categories: (0..<cells).map { [$0 % 2] }, categoryCounts: [[cells / 2 + 1, cells / 2]],
            weights: [Double](repeating: 1, count: cells))
        #expect(projection.withOperator(respondents: [Int](repeating: 1, count: cells)).meanOperator.isEmpty)
        // Few cells, but one margin with more categories than the matrix takes (most empty).
        let manyCategories = RakedProjection(
            categories: [[0, 0], [1, 1]], categoryCounts: [[1, 1], [1, 1] + [Int](repeating: 0, count: cells)],
            weights: [1, 1])
        #expect(manyCategories.withOperator(respondents: [1, 1]).meanOperator.isEmpty)
        #expect(!manyCategories.withOperator(respondents: [1, 1]).operatorRespondents.contains(1))
    }

    static func pow10(_ e: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(e) { x *= 10 }
        return e < 0 ? 1 / x : x
    }
}

/// The t quantiles a `TQuantiles` remembers are `StudentT`'s, bit for bit.
@Suite("Remembered t quantiles")
struct TQuantilesTests {
    @Test func sameAsStudentTAndLogitInterval() {
        var quantiles = TQuantiles(level: 0.95)
        let alpha = (1 - 0.95) / 2   // as LogitInterval forms it: not quite 0.025
        for df in [1.0, 2, 3, 7.5, 29, 30, 166, 999, 4999, 5e5, 1, 29, 0, -3] {
            let expected = df > 0 ? StudentT.upperQuantile(alpha, df: df) : Normal.upperQuantile(alpha)
            #expect(quantiles.upper(df: df).bitPattern == expected.bitPattern, "df \(df)")
            let kept = LogitInterval.interval(proportion: 0.3, standardError: 0.02, df: df, quantiles: &quantiles)
            let fresh = LogitInterval.interval(proportion: 0.3, standardError: 0.02, df: df, level: 0.95)
            #expect(kept?.low.bitPattern == fresh?.low.bitPattern && kept?.high.bitPattern == fresh?.high.bitPattern)
        }
        #expect(quantiles.upper(df: nil) == Normal.upperQuantile(alpha))
        var other = TQuantiles(level: 0.9)
        #expect(other.upper(df: 10) == StudentT.upperQuantile((1 - 0.9) / 2, df: 10))
        #expect(LogitInterval.interval(proportion: 0, standardError: 0.1, df: 10, quantiles: &other) == nil)
    }
}
