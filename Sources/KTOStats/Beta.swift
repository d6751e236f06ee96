import Foundation

/// The beta function and the regularized incomplete beta function.
public enum Beta {
    /// Natural logarithm of the beta function B(a, b) = Γ(a) Γ(b) / Γ(a + b).
    ///
    /// When an argument is large, the Stirling corrections are combined directly so that the
    /// large log-gamma terms cancel analytically rather than numerically (as in R's `lbeta`).
    ///
    /// - Parameters:
    ///   - a: first shape parameter, > 0.
    ///   - b: second shape parameter, > 0.
    /// - Returns: log B(a, b); `.nan` when an argument is not positive.
    /// - Complexity: O(1).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN || a <= 0 || b <= 0 { return .nan }
        let p = min(a, b)
        let q = max(a, b)
        if q.isInfinite { return -.infinity }
        let ratio = p / (p + q)
        if p >= 10 {
            let corr = Gamma.stirlingCorrection(p) + Gamma.stirlingCorrection(q)
                - Gamma.stirlingCorrection(p + q)
            return -0.5 * log(q) + Gamma.logSqrt2Pi + corr + (p - 0.5) * log(ratio)
                + q * log1p(-ratio)
        }
        if q >= 10 {
            let corr = Gamma.stirlingCorrection(q) - Gamma.stirlingCorrection(p + q)
            return Gamma.logGamma(p) + corr + p - p * log(p + q) + (q - 0.5) * log1p(-ratio)
        }
        return Gamma.logGamma(p) + Gamma.logGamma(q) - Gamma.logGamma(p + q)
    }

    /// The regularized incomplete beta function I_x(a, b) (the Beta(a, b) CDF at x).
    ///
    /// - Parameters:
    ///   - x: the point, clamped to 0...1.
    ///   - a: first shape parameter, > 0.
    ///   - b: second shape parameter, > 0.
    /// - Returns: I_x(a, b) in 0...1; `.nan` for invalid parameters.
    /// - Complexity: O(√max(a, b)) continued-fraction iterations.
    public static func regularized(x: Double, a: Double, b: Double) -> Double {
        incomplete(x: x, y: 1 - x, a: a, b: b).lower
    }

    /// The upper tail 1 − I_x(a, b), computed without cancellation when it is small.
    ///
    /// - Parameters: as for `regularized(x:a:b:)`.
    /// - Returns: 1 − I_x(a, b) in 0...1; `.nan` for invalid parameters.
    /// - Complexity: O(√max(a, b)).
    public static func regularizedUpper(x: Double, a: Double, b: Double) -> Double {
        incomplete(x: x, y: 1 - x, a: a, b: b).upper
    }

    /// Both tails of the regularized incomplete beta function, given x and y = 1 − x separately
    /// so that callers who know y more precisely than 1 − x (Student t) keep that precision.
    ///
    /// The continued fraction (modified Lentz) is evaluated for I_x(a, b) when
    /// x < (a + 1) / (a + b + 2) and for I_y(b, a) otherwise (symmetry switch); the other tail
    /// is the complement. The tail evaluated directly is the one below the distribution's bulk,
    /// so small tails keep full relative precision.
    static func incomplete(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        if x.isNaN || y.isNaN || a.isNaN || b.isNaN || a <= 0 || b <= 0 { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        if x < (a + 1) / (a + b + 2) {
            let direct = continuedFractionTail(x: x, y: y, a: a, b: b)
            return (direct, 1 - direct)
        } else {
            let direct = continuedFractionTail(x: y, y: x, a: b, b: a)
            return (1 - direct, direct)
        }
    }

    /// I_x(a, b) by its continued fraction; accurate when x < (a + 1) / (a + b + 2).
    private static func continuedFractionTail(x: Double, y: Double, a: Double, b: Double) -> Double {
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = y < 0.5 ? log(y) : log1p(-x)
        let logFront = a * logX + b * logY - logBeta(a, b)
        if logFront < -745.2 { return 0 }
        let front = exp(logFront)
        return min(1, max(0, front * lentz(x: x, a: a, b: b) / a))
    }

    /// Modified Lentz evaluation of the incomplete beta continued fraction.
    private static func lentz(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let maxIterations = 100_000
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1
        while m <= maxIterations {
            let md = Double(m)
            let m2 = 2 * md
            // Even step.
            var aa = md * (b - md) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
            m += 1
        }
        return h
    }
}
