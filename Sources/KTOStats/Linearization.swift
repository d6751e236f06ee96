/// The variance of a linearized estimator (Taylor series / influence functions), as R `survey`
/// computes it in `svyrecvar` for one-stage designs (`ids = ~1`).
///
/// The caller reduces the influence values z_i of an estimate (e.g. w_i (y_i − ȳ)/Σw for a mean)
/// to sums per group of respondents: Σz and Σz² per stratum, or per raking cell. Respondents
/// outside the domain have z = 0 but still count: a domain keeps the full design.
public enum Linearization {
    /// How respondents are grouped for the variance.
    public enum Design: Sendable, Equatable {
        /// One group, sampling with replacement: n/(n−1) Σ(z − z̄)².
        case unstratified
        /// Strata with finite-population correction: Σ_h (1 − n_h/N_h) n_h/(n_h−1) Σ_{i∈h}(z_i − z̄_h)².
        /// A stratum with one respondent adds nothing (R's centring of a single row).
        case stratified(populations: [Double])
        /// Unstratified after raking: z is first projected on the raking margins, ten sweeps over
        /// all margins as `svyrecvar` does for a `raking` post-stratification, with the cells'
        /// final weights. Groups are the raking cells.
        case raked(categories: [[Int]], categoryCounts: [[Int]], weights: [Double])
    }

    /// Sweeps of the raking projection (fixed in R `survey`'s `svyrecvar`).
    public static let rakingSweeps = 10

    /// The variance from per-group sums.
    /// - Parameters:
    ///   - design: the grouping.
    ///   - respondents: respondents per group (all of them, answered or not, in the domain or not).
    ///   - sum: Σz per group; `sumOfSquares`: Σz² per group.
    /// - Returns: the variance (≥ 0), or nil with fewer than two respondents in all.
    public static func variance(
        _ design: Design, respondents: [Int], sum: [Double], sumOfSquares: [Double]
    ) -> Double? {
        let total = respondents.reduce(0, +)
        guard total >= 2 else { return nil }
        switch design {
        case .unstratified:
            return srs(n: total, s1: sum.reduce(0, +), s2: sumOfSquares.reduce(0, +))
        case .stratified(let populations):
            var v = 0.0
            for h in respondents.indices where respondents[h] > 1 {
                let n = Double(respondents[h])
                let f = h < populations.count && populations[h].isFinite && populations[h] > 0 ? n / populations[h] : 0
                v += (1 - f) * n / (n - 1) * max(0, sumOfSquares[h] - sum[h] * sum[h] / n)
            }
            return v
        case .raked(let categories, let categoryCounts, let weights):
            return RakedProjection(categories: categories, categoryCounts: categoryCounts, weights: weights)
                .variance(respondents: respondents, sum: sum, sumOfSquares: sumOfSquares)
        }
    }

    static func srs(n: Int, s1: Double, s2: Double) -> Double {
        let n = Double(n)
        return n / (n - 1) * max(0, s2 - s1 * s1 / n)
    }
}

extension Linearization {
    /// R `survey`'s design effect of a mean (`svymean(..., deff = TRUE)`): the variance over the
    /// variance under simple random sampling without replacement of the same size from a
    /// population of Σw, v_srs = s²_w (Σw − n)/(Σw · n), with s²_w the weighted variance
    /// Σw(y − ȳ)²/Σw · n/(n − 1).
    /// - Returns: nil when Σw < n (weights not on the population scale) or without spread.
    public static func designEffect(variance: Double, weightedVariance: Double, sumOfWeights: Double, count: Int) -> Double? {
        let n = Double(count)
        guard count >= 2, sumOfWeights >= n, weightedVariance > 0 else { return nil }
        let srs = weightedVariance * (sumOfWeights - n) / (sumOfWeights * n)
        return srs > 0 ? variance / srs : nil
    }

    /// Kish's effective sample size (Σw)²/Σw².
    public static func kishEffectiveN(sumOfWeights: Double, sumOfSquaredWeights: Double) -> Double {
        sumOfSquaredWeights > 0 ? sumOfWeights * sumOfWeights / sumOfSquaredWeights : 0
    }
}
