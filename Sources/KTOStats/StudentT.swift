import Foundation

/// Student's t distribution with any positive (possibly non-integer) degrees of freedom.
///
/// Tails come from the regularized incomplete beta function,
/// P(|T| > t) = I_{df/(df+t²)}(df/2, ½), computed without forming 1 − CDF, so two-sided
/// p-values keep their relative accuracy far below 1e-10. For df > 4e5 the distribution is
/// evaluated through the normal approximation used by R (`pt`):
/// z = t (1 − 1/(4 df)) / √(1 + t²/(2 df)); for df = +∞ it is the normal distribution.
public enum StudentT {
    /// Degrees of freedom above which the normal approximation is used.
    static let largeDF = 4e5

    /// The pair x = df/(df+t²), y = t²/(df+t²), computed so that neither loses precision
    /// and t² never overflows.
    private static func betaArguments(_ t: Double, df: Double) -> (x: Double, y: Double) {
        let at = abs(t)
        if at > 1 {
            let r = (df / at) / at   // df / t²
            return (r / (1 + r), 1 / (1 + r))
        }
        let u = (at / df) * at       // t² / df
        return (1 / (1 + u), u / (1 + u))
    }

    /// P(|T| ≥ |t|): the two-sided p-value of a t statistic.
    ///
    /// - Parameters:
    ///   - t: the statistic.
    ///   - df: degrees of freedom, > 0 (may be non-integer or +∞).
    /// - Returns: a probability in 0...1; NaN for NaN input or df ≤ 0.
    /// - Complexity: O(√df) continued-fraction steps for moderate df, O(1) otherwise.
    public static func twoSidedPValue(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if df > largeDF { return Normal.twoSidedPValue(normalApproximation(t, df: df)) }
        if t == 0 { return 1 }
        if t.isInfinite { return 0 }
        let (x, y) = betaArguments(t, df: df)
        return Beta.incomplete(x: x, y: y, a: df / 2, b: 0.5).lower
    }

    /// P(T > t), computed directly (accurate for large t).
    ///
    /// - Parameters:
    ///   - t: the point.
    ///   - df: degrees of freedom, > 0 (may be non-integer or +∞).
    /// - Returns: the upper-tail probability; NaN for NaN input or df ≤ 0.
    /// - Complexity: O(√df) for moderate df, O(1) otherwise.
    public static func upperTail(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if df > largeDF { return Normal.upperTail(normalApproximation(t, df: df)) }
        if t == 0 { return 0.5 }
        if t.isInfinite { return t > 0 ? 0 : 1 }
        let (x, y) = betaArguments(t, df: df)
        let tails = Beta.incomplete(x: x, y: y, a: df / 2, b: 0.5)
        // tails.lower = P(|T| > |t|), tails.upper = P(|T| ≤ |t|).
        return t > 0 ? 0.5 * tails.lower : 0.5 + 0.5 * tails.upper
    }

    /// P(T ≤ t), computed directly (accurate for very negative t).
    ///
    /// - Parameters: as for `upperTail(_:df:)`.
    /// - Returns: the lower-tail probability.
    /// - Complexity: as for `upperTail(_:df:)`.
    public static func cdf(_ t: Double, df: Double) -> Double {
        upperTail(-t, df: df)
    }

    /// The density of T at t.
    ///
    /// - Parameters: as for `upperTail(_:df:)`.
    /// - Complexity: O(1).
    public static func density(_ t: Double, df: Double) -> Double {
        if df.isInfinite { return Normal.density(t) }
        let at = abs(t)
        // log(1 + t²/df), without overflow for huge t.
        let log1pt2 = at > df.squareRoot()
            ? 2 * log(at) - log(df) + log1p(df / at / at)
            : log1p(at * at / df)
        return exp(-Beta.logBeta(df / 2, 0.5) - 0.5 * log(df) - (df + 1) / 2 * log1pt2)
    }

    /// The quantile t with P(T ≤ t) = p.
    ///
    /// - Parameters:
    ///   - p: lower-tail probability in 0...1.
    ///   - df: degrees of freedom, > 0.
    /// - Returns: the quantile (relative accuracy about 1e-13); ±∞ at p = 0 or 1,
    ///   NaN for invalid input.
    /// - Complexity: a handful of CDF evaluations (safeguarded Newton iterations).
    public static func quantile(_ p: Double, df: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p <= 0.5 { return -upperQuantile(p, df: df) }
        return upperQuantile(1 - p, df: df)
    }

    /// The quantile t with P(T > t) = q; use this for small upper-tail probabilities.
    ///
    /// The t distribution is inverted in closed form for df = 1 and df = 2; otherwise a start
    /// from the normal quantile (Cornish–Fisher) or the power-law tail is refined by Newton's
    /// method on log P(T > t), safeguarded by bisection inside a bracket, until a Newton step is
    /// below 1e-9 relative (the next one would be below the tail's own accuracy). From 20 df on
    /// the start is the five-term expansion, usually one or two tails from the quantile.
    ///
    /// - Parameters:
    ///   - q: upper-tail probability in 0...1.
    ///   - df: degrees of freedom, > 0 (may be non-integer or +∞).
    /// - Returns: the quantile; +∞ at q = 0, −∞ at q = 1, NaN for invalid input.
    /// - Complexity: none to a few tail evaluations (two at most, usually, from 20 df on).
    public static func upperQuantile(_ q: Double, df: Double) -> Double {
        if q.isNaN || df.isNaN || q < 0 || q > 1 || df <= 0 { return .nan }
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        if q > 0.5 { return -upperQuantile(1 - q, df: df) }
        if q == 0.5 { return 0 }
        if df.isInfinite { return Normal.upperQuantile(q) }
        if df == 1 {
            // P(T > t) = ½ − atan(t)/π  ⇒  t = tan(π (½ − q)) = 1 / tan(π q).
            return q > 0.25 ? tan(Double.pi * (0.5 - q)) : 1 / tan(Double.pi * q)
        }
        if df == 2 {
            // P(T > t) = ½ − t / (2 √(t² + 2))  ⇒  t = (1 − 2q) / √(2 q (1 − q)).
            return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()
        }
        let z = Normal.upperQuantile(q)
        if df <= largeDF, let t = expanded(z, df: df) { return t }
        return newtonUpperQuantile(q, df: df, z: z)
    }

    /// The quantile from its expansion in powers of 1/df about the normal quantile z (Fisher and
    /// Cornish; Abramowitz and Stegun 26.7.5, with the fifth term), where the terms left out are
    /// below 1e-17 of t: from about 800 df at q = 0.025. Checked against 40-digit values; a
    /// large domain's interval then costs no Newton iterations on the incomplete beta function,
    /// whose continued fraction takes O(√df) steps. nil where the expansion is not accurate
    /// enough. Not used above `largeDF`, where `upperTail` is R's normal approximation and the
    /// quantile must invert that.
    static func expandedUpperQuantile(_ q: Double, df: Double) -> Double? {
        expanded(Normal.upperQuantile(q), df: df)
    }

    /// `expandedUpperQuantile` from the normal quantile z.
    private static func expanded(_ z: Double, df: Double) -> Double? {
        guard df >= 200 else { return nil }
        let (t, omitted) = expansion(z, df: df)
        return omitted <= 1e-17 * abs(t) ? t : nil
    }

    /// Five terms of the expansion about the normal quantile x, and a bound on the sixth:
    /// |g6| ≤ 2 max(1, x²) |g5| over the range checked.
    private static func expansion(_ x: Double, df: Double) -> (t: Double, omitted: Double) {
        let x2 = x * x
        let g1 = (x2 + 1) * x / 4
        let g2 = ((5 * x2 + 16) * x2 + 3) * x / 96
        let g3 = (((3 * x2 + 19) * x2 + 17) * x2 - 15) * x / 384
        let g4 = ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945) * x / 92160
        let g5 = (((((27 * x2 + 339) * x2 + 930) * x2 - 1782) * x2 - 765) * x2 + 17955) * x / 368640
        let v = 1 / df
        let t = x + (g1 + (g2 + (g3 + (g4 + g5 * v) * v) * v) * v) * v
        let v5 = v * v * v * v * v
        return (t, 2 * max(1, x2) * abs(g5) * v5 * v)
    }

    /// Newton from a start near the quantile; z is the normal quantile of q.
    private static func newtonUpperQuantile(_ q: Double, df: Double, z: Double) -> Double {
        var t: Double
        if df >= 20, z <= 6 {
            // From 20 df on, and short of the far tail, the expansion's five terms are within
            // about 1e-9 of the quantile: the first Newton step then lands on it.
            t = expansion(z, df: df).t
        } else {
            // Two terms of the expansion, or the power-law tail
            // P(T > t) ≈ df^(df/2 − 1) t^(−df) / B(df/2, ½), an upper bound: the larger.
            let z2 = z * z
            let cornishFisher = z + z * (z2 + 1) / (4 * df)
                + z * ((5 * z2 + 16) * z2 + 3) / (96 * df * df)
            let logTailStart = 0.5 * log(df)
                - (log(q) + log(df) + Beta.logBeta(df / 2, 0.5)) / df
            t = max(cornishFisher, min(exp(logTailStart), 1e300))
        }
        if !(t > 0) || !t.isFinite { t = 1 }
        // Bracket [lo, hi] with upperTail(lo) ≥ q ≥ upperTail(hi).
        var lo = 0.0
        var hi = Double.infinity
        let logQ = log(q)
        for _ in 0..<200 {
            let tail = upperTail(t, df: df)
            if tail == q { return t }
            if tail > q { lo = t } else { hi = t }
            let g = log(tail) - logQ                        // decreasing in t
            let slope = density(t, df: df) / tail           // −d/dt log P(T > t)
            var next = t + g / slope
            var newton = true
            if !(next > lo && next < hi) || !next.isFinite {
                next = hi.isFinite ? 0.5 * (lo + hi) : 2 * max(t, 1)
                newton = false
            }
            if abs(next - t) <= 1e-15 * abs(t) || (hi.isFinite && hi - lo <= 4 * hi.ulp) {
                return next
            }
            // Newton converges quadratically: after a step below 1e-9 of t the error is of the
            // order of its square, far below what the tail itself is accurate to (about 1e-14);
            // iterating further only made steps of that noise until the bracket closed (7 tails
            // a quantile).
            if newton && abs(next - t) <= 1e-9 * abs(t) { return next }
            t = next
        }
        return t
    }

    /// R's normal approximation for large df (used by `pt` for df > 4e5).
    private static func normalApproximation(_ t: Double, df: Double) -> Double {
        if df.isInfinite { return t }
        let v = 1 / (4 * df)
        if abs(t) > 1 {
            // Same value, written so that t² cannot overflow.
            let sign: Double = t < 0 ? -1 : 1
            return sign * (1 - v) / (1 / t / t + 2 * v).squareRoot()
        }
        return t * (1 - v) / (1 + t * t * 2 * v).squareRoot()
    }
}
