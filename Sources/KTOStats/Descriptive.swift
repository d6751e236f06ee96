import Foundation

/// A mean with its spread and a Student-t confidence interval.
///
/// Fields that need at least two observations (`variance`, `sd`, `se`, `df`, `ciLow`,
/// `ciHigh`) are `nil` when n == 1. When all values are equal, `sd` and `se` are 0 and the
/// interval collapses to the mean. No field is ever NaN or infinite.
public struct MeanEstimate: Sendable, Equatable {
    /// Number of observations (≥ 1).
    public let n: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Sample variance with divisor n − 1; nil for n == 1.
    public let variance: Double?
    /// Standard deviation √variance; nil for n == 1.
    public let sd: Double?
    /// Standard error of the mean, sd / √n; nil for n == 1.
    public let se: Double?
    /// Degrees of freedom of the interval, n − 1; nil for n == 1.
    public let df: Double?
    /// Lower bound of the confidence interval mean − t(1 − α/2, n − 1) · se; nil for n == 1.
    public let ciLow: Double?
    /// Upper bound of the confidence interval; nil for n == 1.
    public let ciHigh: Double?
    /// Median (mean of the two middle values for even n); nil when built from moments only.
    public let median: Double?
    /// Confidence level of the interval, e.g. 0.95.
    public let level: Double

    /// Builds an estimate from the count, the mean and the sum of squared deviations.
    ///
    /// - Parameters:
    ///   - n: number of observations; n == 0 gives nil.
    ///   - mean: the mean (must be finite).
    ///   - sumOfSquaredDeviations: Σ (x − mean)²; tiny negative rounding is clamped to 0.
    ///   - median: the median, if known.
    ///   - level: confidence level in (0, 1).
    /// - Returns: nil when n < 1, the level is invalid, or an input is not finite.
    /// - Complexity: one t-quantile evaluation.
    public init?(n: Int, mean: Double, sumOfSquaredDeviations: Double, median: Double? = nil,
                 level: Double = 0.95) {
        var quantiles = TQuantiles(level: level)
        self.init(n: n, mean: mean, sumOfSquaredDeviations: sumOfSquaredDeviations, median: median, quantiles: &quantiles)
    }

    /// As `init?(n:mean:sumOfSquaredDeviations:median:level:)` at the level of `quantiles`, whose
    /// t quantile it uses (and keeps) for df = n − 1: many estimates share their df.
    public init?(n: Int, mean: Double, sumOfSquaredDeviations: Double, median: Double? = nil, quantiles: inout TQuantiles) {
        let level = quantiles.level
        guard n >= 1, mean.isFinite, sumOfSquaredDeviations.isFinite,
              StatsPrecondition.isValidLevel(level) else { return nil }
        self.n = n
        self.mean = mean
        self.median = median
        self.level = level
        guard n >= 2 else {
            variance = nil; sd = nil; se = nil; df = nil; ciLow = nil; ciHigh = nil
            return
        }
        let v = max(0, sumOfSquaredDeviations) / Double(n - 1)
        let s = v.squareRoot()
        let standardError = s / Double(n).squareRoot()
        let degrees = Double(n - 1)
        let half = quantiles.upper(df: degrees) * standardError
        variance = v
        sd = s
        se = standardError
        df = degrees
        ciLow = mean - half
        ciHigh = mean + half
    }

    /// Builds an estimate from summary statistics (n, mean, SD with divisor n − 1).
    ///
    /// - Parameters:
    ///   - n: number of observations.
    ///   - mean: the mean.
    ///   - sd: the standard deviation (ignored when n == 1).
    ///   - level: confidence level in (0, 1).
    /// - Returns: nil when n < 1, sd is negative or not finite (for n ≥ 2), or the level is invalid.
    /// - Complexity: one t-quantile evaluation.
    public init?(n: Int, mean: Double, sd: Double, level: Double = 0.95) {
        if n >= 2 && !(sd >= 0 && sd.isFinite) { return nil }
        let ssd = n >= 2 ? sd * sd * Double(n - 1) : 0
        self.init(n: n, mean: mean, sumOfSquaredDeviations: ssd, median: nil, level: level)
    }
}

/// Descriptive statistics of a sample of doubles.
public enum Descriptive {
    /// Mean, SD (n − 1), SE, median and t-interval of a sample.
    ///
    /// Uses two passes (mean, then a corrected sum of squared deviations), which is
    /// numerically stable for data with a large offset.
    ///
    /// - Parameters:
    ///   - values: the observations; all must be finite.
    ///   - level: confidence level in (0, 1), default 0.95.
    /// - Returns: nil for an empty sample, a non-finite value, or an invalid level.
    /// - Complexity: O(n log n) (the median sorts a copy); O(n) memory.
    public static func meanEstimate<C: Collection>(_ values: C, level: Double = 0.95) -> MeanEstimate?
    where C.Element == Double {
        guard let (mean, ssd) = meanAndSumOfSquaredDeviations(values), let med = median(values) else {
            return nil
        }
        return MeanEstimate(n: values.count, mean: mean, sumOfSquaredDeviations: ssd, median: med,
                            level: level)
    }

    /// The arithmetic mean, or nil for an empty sample or non-finite values.
    /// - Complexity: O(n).
    public static func mean<C: Collection>(_ values: C) -> Double? where C.Element == Double {
        meanAndSumOfSquaredDeviations(values)?.mean
    }

    /// The median: the middle value, or the mean of the two middle values for even n.
    ///
    /// - Parameter values: the observations; all must be finite.
    /// - Returns: nil for an empty sample or when a value is not finite.
    /// - Complexity: O(n log n).
    public static func median<C: Collection>(_ values: C) -> Double? where C.Element == Double {
        guard !values.isEmpty, values.allSatisfy({ $0.isFinite }) else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[mid] }
        return midpoint(sorted[mid - 1], sorted[mid])
    }

    /// (a + b) / 2 without overflow; exact when a == b.
    static func midpoint(_ a: Double, _ b: Double) -> Double {
        a == b ? a : a / 2 + b / 2
    }

    /// Two-pass mean and Σ (x − mean)², with the mean corrected by the mean residual.
    /// - Returns: nil for an empty sample or non-finite values (or overflow).
    static func meanAndSumOfSquaredDeviations<C: Collection>(_ values: C) -> (mean: Double, ssd: Double)?
    where C.Element == Double {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        var sum = 0.0
        for x in values {
            guard x.isFinite else { return nil }
            sum += x
        }
        var mean = sum / n
        guard mean.isFinite else { return nil }
        var residual = 0.0
        for x in values { residual += x - mean }
        mean += residual / n
        var ssd = 0.0
        for x in values {
            let d = x - mean
            ssd += d * d
        }
        guard ssd.isFinite else { return nil }
        return (mean, ssd)
    }
}
