import Foundation

/// The outcome of a two-sided hypothesis test.
///
/// Tests return `nil` instead of a result when the statistic cannot be computed (too few
/// observations, zero standard error, degenerate pooled proportion); a result never holds
/// NaN or infinite values.
public struct TestResult: Sendable, Equatable {
    /// The reference distribution of the statistic.
    public enum Distribution: Sendable, Equatable {
        /// Student's t with `df` degrees of freedom.
        case studentT
        /// Standard normal.
        case normal
    }

    /// The test statistic (t or z).
    public let statistic: Double
    /// Degrees of freedom for a t statistic; nil for z.
    public let df: Double?
    /// Two-sided p-value, P(|T| ≥ |statistic|), computed from the upper tail directly.
    public let pValue: Double
    /// The estimated difference (estimate − reference, or group 1 − group 2).
    public let difference: Double
    /// The standard error the statistic was divided by.
    public let standardError: Double
    /// The distribution used for the p-value.
    public var distribution: Distribution { df == nil ? .normal : .studentT }

    /// A result with its parts given (for rescaling a computed result, e.g. to percentage points).
    public init(statistic: Double, df: Double?, pValue: Double, difference: Double, standardError: Double) {
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
        self.difference = difference
        self.standardError = standardError
    }
}

/// Two-sided hypothesis tests from summary statistics.
public enum HypothesisTests {
    /// Welch's two-sample t-test (unequal variances), as R `t.test(x, y)`.
    ///
    /// t = (m1 − m2) / √(s1²/n1 + s2²/n2), with Welch–Satterthwaite degrees of freedom
    /// df = (v1 + v2)² / (v1²/(n1 − 1) + v2²/(n2 − 1)), vi = si²/ni.
    ///
    /// - Parameters: per group, the count n (≥ 2), mean and SD (divisor n − 1, ≥ 0).
    /// - Returns: nil when a group has n < 2, an input is not finite or negative, or both
    ///   variances are zero.
    /// - Complexity: O(√df).
    public static func welch(n1: Int, mean1: Double, sd1: Double,
                             n2: Int, mean2: Double, sd2: Double) -> TestResult? {
        guard n1 >= 2, n2 >= 2,
              [mean1, sd1, mean2, sd2].allSatisfy({ $0.isFinite }), sd1 >= 0, sd2 >= 0 else { return nil }
        let v1 = sd1 * sd1 / Double(n1)
        let v2 = sd2 * sd2 / Double(n2)
        let v = v1 + v2
        guard v > 0 else { return nil }
        let se = v.squareRoot()
        let df = v * v / (v1 * v1 / Double(n1 - 1) + v2 * v2 / Double(n2 - 1))
        let difference = mean1 - mean2
        return tResult(difference: difference, se: se, df: df)
    }

    /// Welch's test from two `MeanEstimate`s (see `welch(n1:mean1:sd1:n2:mean2:sd2:)`).
    /// - Returns: nil when either estimate has no SD (n == 1) or the test is not computable.
    public static func welch(_ a: MeanEstimate, _ b: MeanEstimate) -> TestResult? {
        guard let sd1 = a.sd, let sd2 = b.sd else { return nil }
        return welch(n1: a.n, mean1: a.mean, sd1: sd1, n2: b.n, mean2: b.mean, sd2: sd2)
    }

    /// Two-proportion z-test with pooled variance, as R
    /// `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)` (R reports X-squared = z²).
    ///
    /// z = (p1 − p2) / √(p̄ (1 − p̄) (1/n1 + 1/n2)), p̄ = (x1 + x2)/(n1 + n2).
    ///
    /// - Parameters: successes and counts per group (0 ≤ x ≤ n, n ≥ 1).
    /// - Returns: nil when a count is invalid or the pooled proportion is 0 or 1.
    /// - Complexity: O(1).
    public static func twoProportions(x1: Int, n1: Int, x2: Int, n2: Int) -> TestResult? {
        guard n1 >= 1, n2 >= 1, (0...n1).contains(x1), (0...n2).contains(x2) else { return nil }
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        guard pooled > 0, pooled < 1 else { return nil }
        let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        let difference = Double(x1) / Double(n1) - Double(x2) / Double(n2)
        return zResult(difference: difference, se: se)
    }

    /// One-sample test of an estimate against a fixed reference value, using the
    /// estimate's own standard error ("SE of estimate" form).
    ///
    /// With `df` given, t = (estimate − reference) / se is referred to Student's t with df
    /// degrees of freedom (a mean against a benchmark; with se = sd/√n and df = n − 1 this
    /// equals R `t.test(x, mu = reference)`). Without `df` the statistic is a z (normal).
    ///
    /// - Parameters:
    ///   - estimate: the estimate.
    ///   - reference: the fixed value it is compared with.
    ///   - standardError: the estimate's SE, > 0.
    ///   - df: degrees of freedom (finite, > 0) for a t-test, or nil for a z-test.
    /// - Returns: nil when the SE is not positive, an input is not finite, or df is not
    ///   a positive finite number.
    /// - Complexity: O(√df).
    public static func oneSample(estimate: Double, reference: Double, standardError: Double,
                                 df: Double? = nil) -> TestResult? {
        guard estimate.isFinite, reference.isFinite, standardError.isFinite,
              standardError > 0 else { return nil }
        let difference = estimate - reference
        if let df {
            guard df > 0, df.isFinite else { return nil }
            return tResult(difference: difference, se: standardError, df: df)
        }
        return zResult(difference: difference, se: standardError)
    }

    /// One-sample test of a mean against a fixed value, as R `t.test(x, mu = reference)`.
    /// - Returns: nil when the estimate has n < 2 or zero SD.
    public static func oneSample(_ estimate: MeanEstimate, reference: Double) -> TestResult? {
        guard let se = estimate.se, let df = estimate.df else { return nil }
        return oneSample(estimate: estimate.mean, reference: reference, standardError: se, df: df)
    }

    /// One-sample z-test of a proportion against a fixed value, with the standard error under
    /// the null hypothesis ("null proportion" form): z = (p − p0) / √(p0 (1 − p0) / n).
    /// Equals R `prop.test(x, n, p = p0, correct = FALSE)` (X-squared = z²).
    ///
    /// - Parameters:
    ///   - successes: number of successes, 0...n.
    ///   - n: number of observations, ≥ 1.
    ///   - reference: the null proportion p0, strictly between 0 and 1.
    /// - Returns: nil for invalid counts or p0 outside (0, 1).
    /// - Complexity: O(1).
    public static func proportion(successes: Int, n: Int, reference p0: Double) -> TestResult? {
        guard n >= 1, (0...n).contains(successes), p0 > 0, p0 < 1 else { return nil }
        let se = (p0 * (1 - p0) / Double(n)).squareRoot()
        return zResult(difference: Double(successes) / Double(n) - p0, se: se)
    }

    private static func tResult(difference: Double, se: Double, df: Double) -> TestResult? {
        let t = difference / se
        guard t.isFinite, df.isFinite else { return nil }
        let p = StudentT.twoSidedPValue(t, df: df)
        guard p.isFinite else { return nil }
        return TestResult(statistic: t, df: df, pValue: p, difference: difference, standardError: se)
    }

    private static func zResult(difference: Double, se: Double) -> TestResult? {
        let z = difference / se
        guard z.isFinite, se > 0 else { return nil }
        return TestResult(statistic: z, df: nil, pValue: Normal.twoSidedPValue(z),
                          difference: difference, standardError: se)
    }
}
