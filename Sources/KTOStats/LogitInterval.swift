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
        var quantiles = TQuantiles(level: level)
        return interval(proportion: p, standardError: se, df: df, quantiles: &quantiles)
    }

    /// As `interval(proportion:standardError:df:level:)`, with the t quantiles of `quantiles`
    /// (its level), which keeps those it computes for the next interval.
    public static func interval(proportion p: Double, standardError se: Double, df: Double?, quantiles: inout TQuantiles) -> (low: Double, high: Double)? {
        guard p > 0, p < 1, se.isFinite, se >= 0, StatsPrecondition.isValidLevel(quantiles.level) else { return nil }
        let q = quantiles.upper(df: df)
        let logit = log(p / (1 - p))
        let half = q * se / (p * (1 - p))
        func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        return (expit(logit - half), expit(logit + half))
    }
}
