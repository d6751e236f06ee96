import Foundation

/// A weighted mean from a single-stage sample with sampling weights.
///
/// Matches R `survey`: `svymean(~y, svydesign(id = ~1, weights = ~w, data))`
/// (with-replacement linearization variance), `svyvar` for the SD, and `confint(…, df = degf)`
/// for the interval (df = n − 1).
public struct WeightedMeanEstimate: Sendable, Equatable {
    /// Number of observations with positive weight.
    public let n: Int
    /// Σ w.
    public let sumOfWeights: Double
    /// Weighted mean Σ w y / Σ w.
    public let mean: Double
    /// Weighted SD: √( n/(n−1) · Σ w (y − ȳ)² / Σ w ) (R `svyvar`); nil for n == 1.
    public let sd: Double?
    /// Linearization SE: √( n/(n−1) · Σ (w (y − ȳ) / Σ w)² ); nil for n == 1.
    public let se: Double?
    /// Degrees of freedom n − 1; nil for n == 1.
    public let df: Double?
    /// Lower bound of the t-interval; nil for n == 1.
    public let ciLow: Double?
    /// Upper bound of the t-interval; nil for n == 1.
    public let ciHigh: Double?
    /// Kish's effective sample size (Σ w)² / Σ w².
    public let kishEffectiveN: Double
    /// Confidence level of the interval.
    public let level: Double
}

extension Descriptive {
    /// The weighted mean with its linearization standard error and t-interval.
    ///
    /// Observations with weight 0 are left out. With all weights equal, the mean, SD and SE
    /// equal the unweighted ones.
    ///
    /// - Parameters:
    ///   - values: the observations; all must be finite.
    ///   - weights: one weight per observation; all must be finite and ≥ 0.
    ///   - level: confidence level in (0, 1).
    /// - Returns: nil when the counts differ, no weight is positive, a value or weight is
    ///   invalid, or the level is invalid.
    /// - Complexity: O(n).
    public static func weightedMeanEstimate(values: [Double], weights: [Double],
                                            level: Double = 0.95) -> WeightedMeanEstimate? {
        guard values.count == weights.count, StatsPrecondition.isValidLevel(level) else { return nil }
        var n = 0
        var sumW = 0.0
        var sumW2 = 0.0
        var sumWY = 0.0
        for (y, w) in zip(values, weights) {
            guard y.isFinite, w.isFinite, w >= 0 else { return nil }
            guard w > 0 else { continue }
            n += 1
            sumW += w
            sumW2 += w * w
            sumWY += w * y
        }
        guard n > 0, sumW > 0 else { return nil }
        var mean = sumWY / sumW
        var residual = 0.0
        for (y, w) in zip(values, weights) where w > 0 { residual += w * (y - mean) }
        mean += residual / sumW
        var sumWD2 = 0.0     // Σ w (y − ȳ)²
        var sumZ2 = 0.0      // Σ (w (y − ȳ) / Σw)²
        for (y, w) in zip(values, weights) where w > 0 {
            let d = y - mean
            sumWD2 += w * d * d
            let z = w * d / sumW
            sumZ2 += z * z
        }
        let kish = sumW * sumW / sumW2
        guard n >= 2 else {
            return WeightedMeanEstimate(n: n, sumOfWeights: sumW, mean: mean, sd: nil, se: nil,
                                        df: nil, ciLow: nil, ciHigh: nil, kishEffectiveN: kish,
                                        level: level)
        }
        let factor = Double(n) / Double(n - 1)
        let sd = (factor * sumWD2 / sumW).squareRoot()
        let se = (factor * sumZ2).squareRoot()
        let df = Double(n - 1)
        let half = StudentT.upperQuantile((1 - level) / 2, df: df) * se
        return WeightedMeanEstimate(n: n, sumOfWeights: sumW, mean: mean, sd: sd, se: se, df: df,
                                    ciLow: mean - half, ciHigh: mean + half, kishEffectiveN: kish,
                                    level: level)
    }
}
