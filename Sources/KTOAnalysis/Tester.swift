import KTOModel
import KTOStats

/// Runs the tests a study asks for: two-sided, with the small-n rules. Classical tests when
/// unweighted; with weighting on, the difference of two estimates with its design-based SE.
struct Tester: Sendable {
    var alpha: Double
    var suppressBelow: Int

    /// Own figure against the same figure of another sample: an earlier meting (independent) or
    /// the domain's complement in the same design (`complement`: the variance frame to use).
    func test(_ own: TestInput, against other: TestInput, complement: VarianceFrame?) -> (TestResult, TestMethod)? {
        guard own.n >= suppressBelow, other.n >= suppressBelow else { return nil }
        switch (own, other) {
        case (.mean(let a), .mean(let b)):
            return HypothesisTests.welch(a, b).map { ($0, .welch) }
        case (.proportion(let a), .proportion(let b)):
            guard a.successes > 0, a.successes < a.n,
                  let t = HypothesisTests.twoProportions(x1: a.successes, n1: a.n, x2: b.successes, n2: b.n) else { return nil }
            return (scaled(t), .twoProportions)
        case (.weighted(let a, let proportion), .weighted(let b, _)):
            if proportion, a.mean <= 0 || a.mean >= 1 { return nil }
            let difference: Double
            let se: Double
            let method: TestMethod
            if let complement, let d = complement.difference(a, b) {
                (difference, se, method) = (d.difference, d.se, .designDifference)
            } else {
                guard let sa = a.se, let sb = b.se else { return nil }
                (difference, se, method) = (a.mean - b.mean, (sa * sa + sb * sb).squareRoot(), .independentDifference)
            }
            guard se > 0 else { return nil }
            let z = difference / se
            let t = TestResult(statistic: z, df: nil, pValue: Normal.twoSidedPValue(z), difference: difference, standardError: se)
            return (proportion ? scaled(t) : t, method)
        default:
            return nil
        }
    }

    /// Own figure against a published one: Welch (means) or two proportions when the publisher
    /// gives n (and SD); otherwise the figure is a fixed value, tested with the own SE.
    func test(_ own: TestInput, against figure: Aggregates.Figure) -> (TestResult, TestMethod)? {
        guard own.n >= suppressBelow else { return nil }
        switch own {
        case .mean(let a):
            guard let se = a.se, se > 0 else { return nil }
            if let n = figure.n, let sd = figure.sd, n >= 2,
               let t = HypothesisTests.welch(n1: a.n, mean1: a.mean, sd1: a.sd ?? 0, n2: n, mean2: figure.value, sd2: sd) {
                return (t, .welch)
            }
            return HypothesisTests.oneSample(estimate: a.mean, reference: figure.value, standardError: se, df: a.df).map { ($0, .fixedMean) }
        case .proportion(let a):
            guard a.successes > 0, a.successes < a.n else { return nil }
            let p0 = figure.value / 100
            if let n = figure.n {
                let x = Int((p0 * Double(n)).rounded())
                return HypothesisTests.twoProportions(x1: a.successes, n1: a.n, x2: x, n2: n).map { (scaled($0), .twoProportions) }
            }
            return HypothesisTests.oneSample(estimate: a.proportion, reference: p0, standardError: a.se, df: nil).map { (scaled($0), .fixedProportion) }
        case .weighted(let a, let proportion):
            guard let se = a.se, se > 0 else { return nil }
            if proportion, a.mean <= 0 || a.mean >= 1 { return nil }
            let reference = proportion ? figure.value / 100 : figure.value
            var otherSE: Double?
            if let n = figure.n, n >= 2 {
                if proportion { otherSE = (reference * (1 - reference) / Double(n)).squareRoot() }
                else if let sd = figure.sd { otherSE = sd / Double(n).squareRoot() }
            }
            let combined = otherSE.map { (se * se + $0 * $0).squareRoot() } ?? se
            let difference = a.mean - reference
            let z = difference / combined
            let t = TestResult(statistic: z, df: nil, pValue: Normal.twoSidedPValue(z), difference: difference, standardError: combined)
            let method: TestMethod = otherSE == nil ? (proportion ? .fixedProportion : .fixedMean) : .independentDifference
            return (proportion ? scaled(t) : t, method)
        }
    }

    /// Proportion tests report their difference and SE in percentage points, like the figures.
    func scaled(_ t: TestResult) -> TestResult {
        TestResult(statistic: t.statistic, df: t.df, pValue: t.pValue, difference: t.difference * 100, standardError: t.standardError * 100)
    }
}
