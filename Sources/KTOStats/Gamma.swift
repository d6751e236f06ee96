import Foundation

/// The gamma function on the logarithmic scale.
public enum Gamma {
    /// log(√(2π)).
    static let logSqrt2Pi = 0.918_938_533_204_672_741_78

    /// Natural logarithm of Γ(x) for x > 0.
    ///
    /// For x ≥ 10 the Stirling series with eight correction terms is used (truncation error
    /// below 1e-17); smaller arguments are shifted up with Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1)).
    /// The absolute error is about 1e-14 (relative error about 1e-15 away from the zeros
    /// at x = 1 and x = 2).
    ///
    /// - Parameter x: the argument; must be positive.
    /// - Returns: log Γ(x); `.infinity` for x == 0 and `.nan` for negative or NaN input.
    /// - Complexity: O(1).
    public static func logGamma(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return .infinity }
        if x.isInfinite { return .infinity }
        if x >= 10 {
            return (x - 0.5) * log(x) - x + logSqrt2Pi + stirlingCorrection(x)
        }
        var shifted = x
        var product = 1.0
        while shifted < 10 {
            product *= shifted
            shifted += 1
        }
        return logGamma(shifted) - log(product)
    }

    /// The remainder of Stirling's formula:
    /// log Γ(x) − ((x − ½) log x − x + log √(2π)), for x ≥ 10.
    ///
    /// Used by `Beta.logBeta` to avoid cancellation between large log-gamma values.
    /// - Parameter x: the argument; intended for x ≥ 10 (accuracy degrades below).
    /// - Complexity: O(1).
    static func stirlingCorrection(_ x: Double) -> Double {
        let r = 1 / x
        let r2 = r * r
        // Coefficients B_{2k} / (2k (2k − 1)) for k = 1...8.
        let c1 = 1.0 / 12, c2 = -1.0 / 360, c3 = 1.0 / 1260, c4 = -1.0 / 1680
        let c5 = 1.0 / 1188, c6 = -691.0 / 360_360, c7 = 1.0 / 156, c8 = -3617.0 / 122_400
        let series = c1 + r2 * (c2 + r2 * (c3 + r2 * (c4 + r2 * (c5 + r2 * (c6 + r2 * (c7 + r2 * c8))))))
        return r * series
    }
}
