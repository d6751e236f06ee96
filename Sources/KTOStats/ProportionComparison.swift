import Foundation

/// Comparison of two proportions with the test chosen by the expected counts: Fisher's exact
/// test for small tables, the pooled z-test otherwise.
public enum ProportionComparison {
    /// The test whose p-value is reported.
    public enum Method: Sendable, Equatable {
        /// Pooled two-proportion z-test (`HypothesisTests.twoProportions`).
        case pooledZ
        /// Fisher's exact test on the 2 × 2 table (`FisherExact.twoSided`).
        case fisherExact
    }

    /// Fisher is used when the smallest expected count is strictly below this (the usual
    /// rule of thumb for the chi-square / z approximation).
    public static let minimumExpectedCount = 5.0

    /// Compares x1/n1 with x2/n2.
    ///
    /// The 2 × 2 table is successes and failures × groups, (x1, n1 − x1, x2, n2 − x2). When its
    /// smallest expected count (row total × column total / n) is below 5, the p-value is
    /// Fisher's exact two-sided p; otherwise it is the pooled z-test's. In both cases the
    /// result's statistic is the pooled z, difference = p1 − p2 and standardError the pooled
    /// SE the z was divided by, so statistic = difference / standardError holds for both
    /// methods; only the p-value differs (with Fisher, `distribution` still reads `.normal`
    /// because df is nil, but the p-value is exact, not normal).
    ///
    /// - Parameters: successes and counts per group (0 ≤ x ≤ n, 1 ≤ n ≤
    ///   `FisherExact.maximumCount`).
    /// - Returns: the result and the method used; nil for invalid counts, or when both groups
    ///   are all successes or all failures (pooled proportion 0 or 1: no z, nothing to test).
    /// - Complexity: O(1) for the z-test; Fisher as `FisherExact.twoSided` (small tables only).
    public static func test(x1: Int, n1: Int, x2: Int, n2: Int) -> (result: TestResult, method: Method)? {
        guard (1...FisherExact.maximumCount).contains(n1), (1...FisherExact.maximumCount).contains(n2),
              (0...n1).contains(x1), (0...n2).contains(x2),
              let z = HypothesisTests.twoProportions(x1: x1, n1: n1, x2: x2, n2: n2),
              let expected = FisherExact.smallestExpectedCount(a: x1, b: n1 - x1, c: x2, d: n2 - x2)
        else { return nil }
        guard expected < minimumExpectedCount else { return (z, .pooledZ) }
        guard let p = FisherExact.twoSided(a: x1, b: n1 - x1, c: x2, d: n2 - x2) else { return nil }
        let result = TestResult(statistic: z.statistic, df: nil, pValue: p,
                                difference: z.difference, standardError: z.standardError)
        return (result, .fisherExact)
    }
}
