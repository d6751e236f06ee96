import KTOStats

/// How respondents make up the variance of a weighted estimate: the linearization design, the
/// respondents per group (all of them), and whether groups are strata (for degrees of freedom).
///
/// A domain's estimate comes in two steps, `influence` and then `completed` with its variance, so
/// that the variances of many figures go through the design together (`variances`): with raking
/// that is most of the analysis.
struct VarianceFrame: Sendable {
    let design: Linearization.Design
    let groupRespondents: [Int]
    let groupsAreStrata: Bool
    /// The raking projection laid out once (thousands of variances share it).
    let projection: RakedProjection?

    init(design: Linearization.Design, groupRespondents: [Int], groupsAreStrata: Bool) {
        self.design = design
        self.groupRespondents = groupRespondents
        self.groupsAreStrata = groupsAreStrata
        if case .raked(let categories, let categoryCounts, let weights) = design {
            projection = RakedProjection(categories: categories, categoryCounts: categoryCounts, weights: weights)
                .withOperator(respondents: groupRespondents)
        } else {
            projection = nil
        }
    }

    /// The weighted mean of `scores` (levels = scores) and the weighted variance of the scores.
    /// - Returns: nil without respondents or weight.
    static func moments(_ totals: ScoreSums.Totals, scores: [Double]) -> (mean: Double, weightedVariance: Double?, n: Int, sumOfWeights: Double)? {
        let W = totals.w.reduce(0, +)
        let n = Int(totals.n.reduce(0, +).rounded())
        guard W > 0, n > 0 else { return nil }
        var weighted = 0.0
        for l in totals.w.indices { weighted += totals.w[l] * scores[l] }
        let mean = weighted / W
        var spread = 0.0
        for l in totals.w.indices { spread += totals.w[l] * (scores[l] - mean) * (scores[l] - mean) }
        return (mean, n > 1 ? spread / W * Double(n) / Double(n - 1) : nil, n, W)
    }

    /// The estimate of `scores` over `sums` (levels = scores) with its influence sums, but without
    /// its variance (`se` and the design effect nil): see `completed`.
    func influence(_ sums: ScoreSums, totals: ScoreSums.Totals, scores: [Double]) -> DesignEstimate? {
        guard let (mean, weightedVariance, n, W) = Self.moments(totals, scores: scores) else { return nil }
        var s1 = [Double](repeating: 0, count: sums.groups)
        var s2 = [Double](repeating: 0, count: sums.groups)
        var strata = 0
        // The deviation of each level's score (the same value for every group).
        let deviation = scores.map { $0 - mean }
        let levels = sums.levels
        s1.withUnsafeMutableBufferPointer { s1 in
            s2.withUnsafeMutableBufferPointer { s2 in
                sums.n.withUnsafeBufferPointer { n in
                    sums.w.withUnsafeBufferPointer { w in
                        sums.q.withUnsafeBufferPointer { q in
                            deviation.withUnsafeBufferPointer { deviation in
                                for (r, g) in sums.present.enumerated() where g >= 0 && g < sums.groups {
                                    var a = 0.0, b = 0.0, present = false
                                    let base = r * levels
                                    for l in 0..<min(levels, deviation.count) where n[base + l] > 0 {
                                        present = true
                                        let d = deviation[l]
                                        a += w[base + l] * d
                                        b += q[base + l] * d * d
                                    }
                                    s1[g] = a / W
                                    s2[g] = b / (W * W)
                                    if present { strata += 1 }
                                }
                            }
                        }
                    }
                }
            }
        }
        return DesignEstimate(
            mean: mean, se: nil, n: n, sumOfWeights: W,
            df: Double(n - (groupsAreStrata ? max(strata, 1) : 1)),
            design: DesignFigures(effectiveN: Linearization.kishEffectiveN(sumOfWeights: W, sumOfSquaredWeights: totals.q.reduce(0, +)), designEffect: nil),
            weightedVariance: weightedVariance, sum: s1, sumOfSquares: s2)
    }

    /// The estimate with its variance: SE and design effect.
    func completed(_ estimate: DesignEstimate, variance: Double?) -> DesignEstimate {
        var e = estimate
        e.se = variance.map { $0.squareRoot() }
        e.design.designEffect = variance.flatMap { v in
            e.weightedVariance.flatMap { Linearization.designEffect(variance: v, weightedVariance: $0, sumOfWeights: e.sumOfWeights, count: e.n) }
        }
        return e
    }

    /// The estimate of `scores` over `sums`, variance included.
    func estimate(_ sums: ScoreSums, scores: [Double]) -> DesignEstimate? {
        guard let e = influence(sums, totals: sums.totals(), scores: scores) else { return nil }
        return completed(e, variance: variances(sums: [e.sum], sumsOfSquares: [e.sumOfSquares])[0])
    }

    /// The variances of several sets of influence sums per group, in order.
    func variances(sums: [[Double]], sumsOfSquares: [[Double]]) -> [Double?] {
        if let projection { return projection.variances(respondents: groupRespondents, sums: sums, sumsOfSquares: sumsOfSquares) }
        return zip(sums, sumsOfSquares).map { Linearization.variance(design, respondents: groupRespondents, sum: $0, sumOfSquares: $1) }
    }

    /// The influence sums of the difference of two disjoint domains' estimates (a domain and its
    /// complement), whose variance is that of the difference (R `svyglm(y ~ in_domain)`).
    static func difference(_ a: DesignEstimate, _ b: DesignEstimate) -> (sum: [Double], sumOfSquares: [Double]) {
        (zip(a.sum, b.sum).map { $0 - $1 }, zip(a.sumOfSquares, b.sumOfSquares).map { $0 + $1 })
    }
}
