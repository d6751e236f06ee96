/// The upper quantiles t_df of a two-sided interval, remembered per degrees of freedom: a report
/// asks for the same few thousand df tens of thousands of times, and each costs a Newton
/// iteration on the incomplete beta function. A value to carry through one computation (no shared
/// state); the quantiles are those `StudentT.upperQuantile` gives, bit for bit.
public struct TQuantiles: Sendable {
    /// The confidence level.
    public let level: Double
    /// (1 − level)/2.
    let alpha: Double
    private var known: [Double: Double] = [:]
    private var normal: Double?

    public init(level: Double) {
        self.level = level
        alpha = (1 - level) / 2
    }

    /// t with P(T > t) = (1 − level)/2 for `df` degrees of freedom; the normal quantile for df nil
    /// or ≤ 0.
    public mutating func upper(df: Double?) -> Double {
        guard let df, df > 0 else {
            if let normal { return normal }
            let z = Normal.upperQuantile(alpha)
            normal = z
            return z
        }
        if let q = known[df] { return q }
        let q = StudentT.upperQuantile(alpha, df: df)
        known[df] = q
        return q
    }
}
