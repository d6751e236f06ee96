import KTOStats

/// The total's sums of one item in the form the complements of its domains need (the total minus
/// a domain: the rest a domain is tested against), made once per item and measure.
///
/// A complement's figure and influence sums are linear in its sums per group and level, so the
/// rest's are the total's less the domain's: per group the total's parts, made once, less the
/// domain's parts over the domain's own groups (a gemeente meets five of 150). Without this, every
/// complement copied the total's sums, subtracted the domain's, and went over all groups and
/// levels for its totals and for each measure. The scores are summed about a centre (the total's
/// mean), so that the squares lose no precision to cancellation: the same figures as from the
/// subtracted sums to about 1e-15, not to the bit.
struct RestSums {
    let total: ScoreSums
    let totals: ScoreSums.Totals
    /// Per group (all of `total.groups`; zero where the total has none): respondents, Σw and Σw²
    /// over the levels with respondents.
    let respondents: [Double]
    let weight: [Double]
    let weightSquared: [Double]
    /// Per measure (its scores): the centre and per group Σw(s − c), Σw²(s − c), Σw²(s − c)².
    private var centred: [Measure: Centred] = [:]

    struct Centred {
        var centre: Double
        var weighted: [Double]
        var squaredWeighted: [Double]
        var squaredWeightedSquares: [Double]
    }

    init(_ total: ScoreSums) {
        self.total = total
        totals = total.totals()
        var respondents = [Double](repeating: 0, count: total.groups)
        var weight = respondents
        var weightSquared = respondents
        let levels = total.levels
        for (r, g) in total.present.enumerated() where g >= 0 && g < total.groups {
            for l in 0..<levels where total.n[r * levels + l] > 0 {
                respondents[g] += total.n[r * levels + l]
                weight[g] += total.w[r * levels + l]
                weightSquared[g] += total.q[r * levels + l]
            }
        }
        self.respondents = respondents
        self.weight = weight
        self.weightSquared = weightSquared
    }

    /// The total's sums of `measure`'s `scores` about their mean over the total, made on first use.
    mutating func centred(_ measure: Measure, scores: [Double]) -> Centred {
        if let known = centred[measure] { return known }
        let levels = total.levels
        let used = min(levels, scores.count)
        let W = totals.w.reduce(0, +)
        var sum = 0.0
        for l in 0..<used { sum += totals.w[l] * scores[l] }
        let centre = W > 0 ? sum / W : 0
        var made = Centred(
            centre: centre, weighted: [Double](repeating: 0, count: total.groups),
            squaredWeighted: [Double](repeating: 0, count: total.groups), squaredWeightedSquares: [Double](repeating: 0, count: total.groups))
        for (r, g) in total.present.enumerated() where g >= 0 && g < total.groups {
            for l in 0..<used where total.n[r * levels + l] > 0 {
                let d = scores[l] - centre
                made.weighted[g] += total.w[r * levels + l] * d
                made.squaredWeighted[g] += total.q[r * levels + l] * d
                made.squaredWeightedSquares[g] += total.q[r * levels + l] * d * d
            }
        }
        centred[measure] = made
        return made
    }

    /// Per level over all groups: the total's totals less `own`'s.
    func restTotals(less own: ScoreSums.Totals) -> ScoreSums.Totals {
        func minus(_ a: [Double], _ b: [Double]) -> [Double] { a.indices.map { $0 < b.count ? a[$0] - b[$0] : a[$0] } }
        return ScoreSums.Totals(n: minus(totals.n, own.n), w: minus(totals.w, own.w), q: minus(totals.q, own.q))
    }

    /// The complement of `own` for `measure` (its `scores`), as `VarianceFrame.influence` gives
    /// it for `total.subtracting(own)`: mean, weighted variance and per group Σz and Σz², without
    /// its variance. nil without respondents or weight.
    mutating func influence(
        _ measure: Measure, scores: [Double], less own: ScoreSums, restTotals: ScoreSums.Totals, groupsAreStrata: Bool
    ) -> DesignEstimate? {
        guard let (mean, weightedVariance, n, W) = VarianceFrame.moments(restTotals, scores: scores) else { return nil }
        let centred = centred(measure, scores: scores)
        let levels = total.levels
        let used = min(levels, scores.count)
        let delta = mean - centred.centre
        var s1 = [Double](repeating: 0, count: total.groups)
        var s2 = [Double](repeating: 0, count: total.groups)
        var strata = 0
        var r = 0
        for g in 0..<total.groups {
            var count = respondents[g], w = weight[g], q = weightSquared[g]
            var a = centred.weighted[g], b = centred.squaredWeighted[g], c = centred.squaredWeightedSquares[g]
            while r < own.present.count && own.present[r] < g { r += 1 }
            if r < own.present.count && own.present[r] == g {
                // The domain's own sums in this group, over the levels it has respondents at.
                for l in 0..<used where own.n[r * levels + l] > 0 {
                    let d = scores[l] - centred.centre
                    count -= own.n[r * levels + l]
                    w -= own.w[r * levels + l]
                    q -= own.q[r * levels + l]
                    a -= own.w[r * levels + l] * d
                    b -= own.q[r * levels + l] * d
                    c -= own.q[r * levels + l] * d * d
                }
            }
            // No respondent of the rest in this group: no sums (as the subtracted ones have none).
            guard count > 0 else { continue }
            strata += 1
            // About the rest's mean: Σw(s − m) = Σw(s − c) − δΣw, Σw²(s − m)² likewise, δ = m − c.
            s1[g] = (a - delta * w) / W
            s2[g] = (c - 2 * delta * b + delta * delta * q) / (W * W)
        }
        return DesignEstimate(
            mean: mean, se: nil, n: n, sumOfWeights: W,
            df: Double(n - (groupsAreStrata ? max(strata, 1) : 1)),
            design: DesignFigures(
                effectiveN: Linearization.kishEffectiveN(sumOfWeights: W, sumOfSquaredWeights: restTotals.q.reduce(0, +)),
                designEffect: nil),
            weightedVariance: weightedVariance, sum: s1, sumOfSquares: s2)
    }
}
