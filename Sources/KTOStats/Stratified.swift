import Foundation

/// Summary of one stratum: its population size and the sample drawn from it.
public struct StratumSummary: Sendable, Equatable {
    /// Population size N_h (> 0, ≥ n_h).
    public let populationSize: Double
    /// Sample size n_h (≥ 0).
    public let sampleSize: Int
    /// Sample mean ȳ_h (ignored when n_h == 0).
    public let mean: Double
    /// Sample variance s_h² with divisor n_h − 1; nil when n_h < 2.
    public let variance: Double?

    /// A stratum from its summary statistics.
    /// - Parameters:
    ///   - populationSize: N_h.
    ///   - sampleSize: n_h.
    ///   - mean: ȳ_h.
    ///   - variance: s_h² (divisor n_h − 1), nil when n_h < 2.
    public init(populationSize: Double, sampleSize: Int, mean: Double, variance: Double?) {
        self.populationSize = populationSize
        self.sampleSize = sampleSize
        self.mean = mean
        self.variance = variance
    }

    /// A stratum from a `MeanEstimate` of its sample.
    public init(populationSize: Double, estimate: MeanEstimate) {
        self.init(populationSize: populationSize, sampleSize: estimate.n, mean: estimate.mean,
                  variance: estimate.variance)
    }

    /// A stratum of a 0/1 variable: mean p_h = x_h / n_h and s_h² = n_h/(n_h − 1) · p_h (1 − p_h)
    /// (the sample variance of the 0/1 values).
    /// - Returns: nil when the counts are invalid (successes outside 0...n_h).
    public init?(populationSize: Double, successes: Int, sampleSize: Int) {
        guard sampleSize >= 0, (0...max(0, sampleSize)).contains(successes) else { return nil }
        let n = Double(sampleSize)
        let p = sampleSize > 0 ? Double(successes) / n : 0
        self.init(populationSize: populationSize, sampleSize: sampleSize, mean: p,
                  variance: sampleSize >= 2 ? n / (n - 1) * p * (1 - p) : nil)
    }
}

/// What to do with strata that have population but no sample.
public enum EmptyStratumPolicy: Sendable, Equatable {
    /// Leave them out: the estimate describes the population of the sampled strata only
    /// (`StratifiedEstimate.excludedPopulation` tells how much was left out).
    case exclude
    /// Give no estimate at all.
    case reject
}

/// A stratified mean (or proportion) with its design-based variance.
///
/// Estimator: ȳ_st = Σ_h (N_h/N) ȳ_h, with
/// Var(ȳ_st) = Σ_h (N_h/N)² (1 − n_h/N_h) s_h²/n_h (stratified simple random sampling
/// without replacement). This is what R `survey` computes for
/// `svymean(~y, svydesign(id = ~1, strata = ~h, weights = ~w, fpc = ~N_h))` with
/// w = N_h/n_h.
public struct StratifiedEstimate: Sendable, Equatable {
    /// The stratified mean.
    public let mean: Double
    /// Its variance; nil when a sampled stratum has n_h == 1 and n_h < N_h (no variance
    /// estimate for that stratum: R's `lonely.psu = "fail"` situation).
    public let variance: Double?
    /// √variance.
    public let se: Double?
    /// Degrees of freedom n − H (R `degf`); nil when variance is nil or n − H < 1.
    public let df: Double?
    /// Lower bound of the t-interval mean ± t(1 − α/2, df) · se.
    public let ciLow: Double?
    /// Upper bound of the t-interval.
    public let ciHigh: Double?
    /// Total sample size n = Σ n_h over the strata used.
    public let n: Int
    /// Number of strata used (H).
    public let strataUsed: Int
    /// Population size N = Σ N_h over the strata used.
    public let populationSize: Double
    /// Population of strata left out because they had no sample (`EmptyStratumPolicy.exclude`).
    public let excludedPopulation: Double
    /// Kish's effective sample size (Σ w)² / Σ w² with unit weights w = N_h/n_h,
    /// i.e. N² / Σ_h N_h²/n_h.
    public let kishEffectiveN: Double
    /// Design effect as R `svymean(…, deff = TRUE)`: Var_strat / Var_SRSWOR, where
    /// Var_SRSWOR = (1 − n/N) s_w²/n and s_w² = n/(n−1) · Σ w (y − ȳ)² / Σ w is the weighted
    /// population-variance estimate (R `svyvar`). R's source: `vsrs <- svyvar(x, design) *
    /// (psum - nobs)/(psum * nobs)`. Nil when it cannot be formed (variance nil, n < 2,
    /// s_w² == 0 or n == N).
    public let designEffect: Double?
    /// Design effect against simple random sampling with replacement, as R
    /// `deff = "replace"`: Var_strat / (s_w²/n).
    public let designEffectWithReplacement: Double?
    /// Confidence level of the interval.
    public let level: Double
}

/// Stratified estimation with known stratum population sizes.
public enum Stratified {
    /// The stratified mean from per-stratum summaries.
    ///
    /// - Parameters:
    ///   - strata: one summary per stratum; each needs N_h > 0 (finite), 0 ≤ n_h ≤ N_h, and for
    ///     n_h ≥ 2 a finite variance ≥ 0.
    ///   - level: confidence level in (0, 1).
    ///   - emptyStrata: what to do with strata with n_h == 0 (default: leave them out).
    /// - Returns: nil when the input is invalid, when no stratum has a sample, or when a stratum
    ///   is empty and the policy is `.reject`.
    /// - Complexity: O(H).
    public static func mean(strata: [StratumSummary], level: Double = 0.95,
                            emptyStrata: EmptyStratumPolicy = .exclude) -> StratifiedEstimate? {
        guard StatsPrecondition.isValidLevel(level) else { return nil }
        var used: [StratumSummary] = []
        var excluded = 0.0
        for s in strata {
            guard s.populationSize.isFinite, s.populationSize > 0, s.sampleSize >= 0,
                  Double(s.sampleSize) <= s.populationSize else { return nil }
            if s.sampleSize == 0 {
                if emptyStrata == .reject { return nil }
                excluded += s.populationSize
                continue
            }
            guard s.mean.isFinite else { return nil }
            if s.sampleSize >= 2 {
                guard let v = s.variance, v.isFinite, v >= 0 else { return nil }
            }
            used.append(s)
        }
        guard !used.isEmpty else { return nil }

        let N = used.reduce(0.0) { $0 + $1.populationSize }
        let n = used.reduce(0) { $0 + $1.sampleSize }
        let mean = used.reduce(0.0) { $0 + $1.populationSize * $1.mean } / N

        // Variance of the stratified mean; nil if a non-census stratum has a single unit.
        var variance: Double? = 0
        var sumW2 = 0.0           // Σ_h n_h w_h² = Σ_h N_h²/n_h
        var sumWD2 = 0.0          // Σ_i w_i (y_i − ȳ)², from stratum summaries
        for s in used {
            let nh = Double(s.sampleSize)
            let share = s.populationSize / N
            let within = s.sampleSize >= 2 ? (s.variance ?? 0) : 0
            sumW2 += s.populationSize * s.populationSize / nh
            let d = s.mean - mean
            sumWD2 += s.populationSize / nh * ((nh - 1) * within + nh * d * d)
            let finite = 1 - nh / s.populationSize
            if finite <= 0 { continue }           // census stratum: no sampling variance
            if s.sampleSize < 2 { variance = nil; continue }
            if let v = variance { variance = v + share * share * finite * within / nh }
        }

        let kish = N * N / sumW2
        var se: Double?
        var df: Double?
        var ciLow: Double?
        var ciHigh: Double?
        var deff: Double?
        var deffReplace: Double?
        if let v = variance {
            let standardError = v.squareRoot()
            se = standardError
            let degrees = n - used.count
            if degrees >= 1 {
                df = Double(degrees)
                let half = StudentT.upperQuantile((1 - level) / 2, df: Double(degrees)) * standardError
                ciLow = mean - half
                ciHigh = mean + half
            }
            if n >= 2 {
                let nd = Double(n)
                let populationVariance = nd / (nd - 1) * sumWD2 / N
                if populationVariance > 0 {
                    let srsReplace = populationVariance / nd
                    deffReplace = v / srsReplace
                    let srsWithout = srsReplace * (1 - nd / N)
                    if srsWithout > 0 { deff = v / srsWithout }
                }
            }
        }
        return StratifiedEstimate(mean: mean, variance: variance, se: se, df: df, ciLow: ciLow,
                                  ciHigh: ciHigh, n: n, strataUsed: used.count, populationSize: N,
                                  excludedPopulation: excluded, kishEffectiveN: kish,
                                  designEffect: deff, designEffectWithReplacement: deffReplace,
                                  level: level)
    }

    /// The stratified mean from raw values with a stratum label per value.
    ///
    /// Strata are taken in order of first appearance; labels in `populationSizes` without any
    /// value are empty strata (handled by `emptyStrata`).
    ///
    /// - Parameters:
    ///   - values: the observations; all finite.
    ///   - labels: the stratum of each observation (same count as `values`).
    ///   - populationSizes: N_h for every label that occurs.
    ///   - level: confidence level in (0, 1).
    ///   - emptyStrata: what to do with strata without observations.
    /// - Returns: nil when counts differ, a label has no population size, a value is not
    ///   finite, or `mean(strata:level:emptyStrata:)` returns nil.
    /// - Complexity: O(n + H).
    public static func mean<Label: Hashable>(values: [Double], labels: [Label],
                                             populationSizes: [Label: Double], level: Double = 0.95,
                                             emptyStrata: EmptyStratumPolicy = .exclude) -> StratifiedEstimate? {
        guard values.count == labels.count else { return nil }
        var order: [Label] = []
        var groups: [Label: [Double]] = [:]
        for (value, label) in zip(values, labels) {
            guard populationSizes[label] != nil else { return nil }
            if groups[label] == nil { order.append(label) }
            groups[label, default: []].append(value)
        }
        var strata: [StratumSummary] = []
        for label in order {
            guard let N = populationSizes[label], let group = groups[label],
                  let (m, ssd) = Descriptive.meanAndSumOfSquaredDeviations(group) else { return nil }
            let variance = group.count >= 2 ? ssd / Double(group.count - 1) : nil
            strata.append(StratumSummary(populationSize: N, sampleSize: group.count, mean: m,
                                         variance: variance))
        }
        for (label, N) in populationSizes where groups[label] == nil {
            strata.append(StratumSummary(populationSize: N, sampleSize: 0, mean: 0, variance: nil))
        }
        return mean(strata: strata, level: level, emptyStrata: emptyStrata)
    }

    /// The stratified proportion from per-stratum counts of a 0/1 variable (the stratified mean
    /// of the 0/1 values).
    ///
    /// - Parameter strata: per stratum, (N_h, successes x_h, sample size n_h).
    /// - Returns: as `mean(strata:level:emptyStrata:)`; nil for invalid counts.
    /// - Complexity: O(H).
    public static func proportion(strata: [(populationSize: Double, successes: Int, sampleSize: Int)],
                                  level: Double = 0.95,
                                  emptyStrata: EmptyStratumPolicy = .exclude) -> StratifiedEstimate? {
        var summaries: [StratumSummary] = []
        for s in strata {
            guard let summary = StratumSummary(populationSize: s.populationSize,
                                               successes: s.successes,
                                               sampleSize: s.sampleSize) else { return nil }
            summaries.append(summary)
        }
        return mean(strata: summaries, level: level, emptyStrata: emptyStrata)
    }
}
