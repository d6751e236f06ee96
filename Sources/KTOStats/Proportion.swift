import Foundation

/// A sample proportion with its standard error and Wilson score interval.
public struct ProportionEstimate: Sendable, Equatable {
    /// Number of observations (≥ 1).
    public let n: Int
    /// Number of successes (0...n).
    public let successes: Int
    /// The proportion successes / n.
    public let proportion: Double
    /// Standard error √(p (1 − p) / n) (0 when p is 0 or 1).
    public let se: Double
    /// Lower bound of the Wilson score interval.
    public let wilsonLow: Double
    /// Upper bound of the Wilson score interval.
    public let wilsonHigh: Double
    /// Confidence level of the interval.
    public let level: Double

    /// Estimates a proportion.
    ///
    /// The Wilson score interval (without continuity correction) is
    /// (p + z²/(2n) ± z √(p(1−p)/n + z²/(4n²))) / (1 + z²/n), with z the normal quantile at
    /// 1 − (1 − level)/2; it equals R `prop.test(x, n, correct = FALSE)$conf.int`.
    ///
    /// - Parameters:
    ///   - successes: number of successes, 0...n.
    ///   - n: number of observations, ≥ 1.
    ///   - level: confidence level in (0, 1).
    /// - Returns: nil when n < 1, successes is outside 0...n, or the level is invalid.
    /// - Complexity: O(1).
    public init?(successes: Int, n: Int, level: Double = 0.95) {
        guard n >= 1, successes >= 0, successes <= n, StatsPrecondition.isValidLevel(level) else {
            return nil
        }
        let nd = Double(n)
        let p = Double(successes) / nd
        let z = Normal.upperQuantile((1 - level) / 2)
        let z2 = z * z
        let denominator = 1 + z2 / nd
        let center = (p + z2 / (2 * nd)) / denominator
        let half = z * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot() / denominator
        self.n = n
        self.successes = successes
        self.proportion = p
        self.se = (p * (1 - p) / nd).squareRoot()
        self.wilsonLow = successes == 0 ? 0 : max(0, center - half)
        self.wilsonHigh = successes == n ? 1 : min(1, center + half)
        self.level = level
    }
}

/// Margins of error for survey planning and reporting.
public enum MarginOfError {
    /// The margin of error of a 50 % proportion with finite-population correction:
    /// z · √(0.25 / n) · √((N − n) / (N − 1)), with z the normal quantile at 1 − (1 − level)/2
    /// (1.959963984540054 for 95 %).
    ///
    /// - Parameters:
    ///   - sampleSize: n, ≥ 1.
    ///   - populationSize: N, ≥ n. N == n (a census) gives 0.
    ///   - level: confidence level in (0, 1), default 0.95.
    /// - Returns: the margin as a proportion (multiply by 100 for percentage points);
    ///   nil when n < 1, N < n, or the level is invalid.
    /// - Complexity: O(1).
    public static func halfProportion(sampleSize n: Int, populationSize N: Int,
                                      level: Double = 0.95) -> Double? {
        guard n >= 1, N >= n, StatsPrecondition.isValidLevel(level) else { return nil }
        if N == n { return 0 }
        let z = Normal.upperQuantile((1 - level) / 2)
        let fpc = (Double(N - n) / Double(N - 1)).squareRoot()
        return z * (0.25 / Double(n)).squareRoot() * fpc
    }
}
