import KTOStats

/// The figures of a linearized (weighted) mean of scores over a domain.
struct DesignEstimate: Sendable {
    var mean: Double
    /// nil until the variance is known (`VarianceFrame.completed`), and without one.
    var se: Double?
    /// Respondents (unweighted) and Σw.
    var n: Int
    var sumOfWeights: Double
    /// Degrees of freedom of the design within the domain: respondents − strata with respondents.
    var df: Double
    var design: DesignFigures
    /// Σw(y − ȳ)²/Σw · n/(n − 1): the weighted variance of the scores (for a weighted SD).
    var weightedVariance: Double?
    /// Per group: Σz and Σz² of the influence values, for the variance and for contrasts.
    var sum: [Double]
    var sumOfSquares: [Double]
}
