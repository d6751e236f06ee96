import Foundation

extension HypothesisTests {
    /// One-sample score test of a proportion, as R `prop.test(x, n, p = p0, correct = FALSE)`:
    /// X² = (x − n p0)² / (n p0 (1 − p0)) on 1 df, reported as the signed
    /// z = (p̂ − p0) / √(p0 (1 − p0) / n) (z² = X²; the two-sided normal p equals the
    /// chi-square upper tail).
    ///
    /// This is the same test as `proportion(successes:n:reference:)`, under the name used in
    /// the literature (the standard error is taken under the null, not from p̂, so x = 0 and
    /// x = n still give a finite statistic).
    ///
    /// - Parameters:
    ///   - successes: number of successes, 0...n.
    ///   - n: number of observations, ≥ 1.
    ///   - reference: the null proportion p0, strictly between 0 and 1.
    /// - Returns: statistic z, df nil, difference p̂ − p0, standardError √(p0 (1 − p0) / n);
    ///   nil for invalid counts or p0 outside (0, 1) or NaN.
    /// - Complexity: O(1).
    public static func scoreTest(successes: Int, n: Int, reference p0: Double) -> TestResult? {
        proportion(successes: successes, n: n, reference: p0)
    }
}
