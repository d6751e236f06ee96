/// One figure of one domain in one meting: the exact value (rounded only by a writer), its base
/// and its uncertainty. Percentages are on the 0-100 scale, with SE and interval in points.
public struct Estimate: Sendable, Equatable {
    public var measure: Measure
    /// nil when there is nothing to show (no valid answers).
    public var value: Double?
    /// The unweighted base (valid answers, or respondents with a code).
    public var n: Int
    public var se: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    /// With weighting on: Kish's effective n and the design effect.
    public var design: DesignFigures?

    public init(measure: Measure, value: Double?, n: Int, se: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil, design: DesignFigures? = nil) {
        self.measure = measure
        self.value = value
        self.n = n
        self.se = se
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.design = design
    }
}

/// What a weighted figure adds: Kish's effective n, (Σw)²/Σw² over its respondents, and the
/// design effect as R `survey` reports it (`deff`: the variance over that of simple random
/// sampling without replacement of the same size).
public struct DesignFigures: Sendable, Equatable {
    public var effectiveN: Double
    public var designEffect: Double?

    public init(effectiveN: Double, designEffect: Double?) {
        self.effectiveN = effectiveN
        self.designEffect = designEffect
    }
}

/// How a domain's valid answers spread over the codes (for charts): respondents and share.
public struct CodeFrequency: Sendable, Equatable {
    public var code: Int
    public var count: Int
    /// Percent of the base (weighted when the design is).
    public var percent: Double

    public init(code: Int, count: Int, percent: Double) {
        self.code = code
        self.count = count
        self.percent = percent
    }
}
