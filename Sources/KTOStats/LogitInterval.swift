import Foundation

/// The confidence interval of a weighted proportion on the logit scale, as R `survey`'s
/// `svyciprop(method = "logit")`: logit(p̂) ± t_df · SE(p̂)/(p̂(1 − p̂)), transformed back. It stays
/// inside 0...1, unlike p̂ ± 1,96 SE for small shares.
public enum LogitInterval {
    /// - Parameters:
    ///   - proportion: p̂ (0...1).
    ///   - standardError: the design-based SE of p̂.
    ///   - df: degrees of freedom of the design (respondents − strata); nil or ≤ 0: normal quantile.
    ///   - level: confidence level.
    /// - Returns: nil for p̂ of 0 or 1 or without an SE.
    public static func interval(proportion p: Double, standardError se: Double, df: Double?, level: Double = 0.95) -> (low: Double, high: Double)? {
        guard p > 0, p < 1, se.isFinite, se >= 0, StatsPrecondition.isValidLevel(level) else { return nil }
        let alpha = (1 - level) / 2
        let q: Double
        if let df, df > 0 { q = StudentT.upperQuantile(alpha, df: df) } else { q = Normal.upperQuantile(alpha) }
        let logit = log(p / (1 - p))
        let half = q * se / (p * (1 - p))
        func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        return (expit(logit - half), expit(logit + half))
    }
}
