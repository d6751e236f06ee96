import KTOModel
import KTOStats

/// What a test found besides its p-value: how it was done and how large the difference is.
struct TestOutcome: Sendable {
    var result: TestResult
    var method: TestMethod
    var effect: Effect?
    /// The comparison figure had no SD; the own SD stood in (`welchApproximate`).
    var approximate = false
}

/// Runs the tests a study asks for: two-sided, with the small-n rules. Classical tests when
/// unweighted (Welch; two proportions by pooled z, or Fisher's exact test when an expected count
/// is below 5); with weighting on, the difference of two estimates with its design-based SE. A
/// published figure is tested only when its n is known: without n it is a sample of unknown size
/// and stays context.
struct Tester: Sendable {
    var alpha: Double
    var suppressBelow: Int

    /// How the two figures of a test relate.
    enum Pairing: Sendable {
        /// Different samples (an earlier meting): SE = √(SE₁² + SE₂²).
        case independent
        /// The domain and its complement in the same weighted design, with the variance of the
        /// difference of their influence values (nil: none; then as independent).
        case complement(differenceVariance: Double?)
    }

    /// Whether `test(own, against: other, pairing: .complement)` uses the variance of the
    /// difference: both weighted, large enough, and a proportion strictly inside 0...1. Only then
    /// is that variance worth computing.
    func needsDifferenceVariance(_ own: TestInput, against other: TestInput) -> Bool {
        guard own.n >= suppressBelow, other.n >= suppressBelow,
              case .weighted(let a, let proportion) = own, case .weighted = other else { return false }
        return !proportion || (a.mean > 0 && a.mean < 1)
    }

    /// Own figure against the same figure of another sample: an earlier meting (independent) or
    /// the domain's complement in the same design.
    func test(_ own: TestInput, against other: TestInput, pairing: Pairing) -> TestOutcome? {
        guard own.n >= suppressBelow, other.n >= suppressBelow else { return nil }
        switch (own, other) {
        case (.mean(let a), .mean(let b)):
            guard let t = HypothesisTests.welch(a, b) else { return nil }
            return TestOutcome(result: t, method: .welch, effect: Self.hedges(a.n, a.mean, a.sd, b.n, b.mean, b.sd))
        case (.proportion(let a), .proportion(let b)):
            guard a.successes > 0, a.successes < a.n else { return nil }
            return proportions(x1: a.successes, n1: a.n, x2: b.successes, n2: b.n)
        case (.weighted(let a, let proportion), .weighted(let b, _)):
            if proportion, a.mean <= 0 || a.mean >= 1 { return nil }
            let difference: Double
            let se: Double
            let method: TestMethod
            if case .complement(let variance?) = pairing {
                (difference, se, method) = (a.mean - b.mean, variance.squareRoot(), .designDifference)
            } else {
                guard let sa = a.se, let sb = b.se else { return nil }
                (difference, se, method) = (a.mean - b.mean, (sa * sa + sb * sb).squareRoot(), .independentDifference)
            }
            guard se > 0 else { return nil }
            let effect = proportion
                ? EffectSize.cohensH(a.mean, b.mean).map(Effect.cohensH)
                : Self.hedges(a.n, a.mean, a.weightedVariance?.squareRoot(), b.n, b.mean, b.weightedVariance?.squareRoot())
            return TestOutcome(result: normal(difference, se, percent: proportion), method: method, effect: effect)
        default:
            return nil
        }
    }

    /// Own figure against a published one that comes with its n (and, for means, its SD): Welch
    /// or two proportions, as with respondent data; a mean without SD uses the own SD (marked
    /// approximate). Without n: nil (context only).
    func test(_ own: TestInput, against figure: Aggregates.Figure) -> TestOutcome? {
        guard own.n >= suppressBelow, let n = figure.n, n >= suppressBelow else { return nil }
        switch own {
        case .mean(let a):
            guard let sd = figure.sd ?? a.sd,
                  let t = HypothesisTests.welch(n1: a.n, mean1: a.mean, sd1: a.sd ?? 0, n2: n, mean2: figure.value, sd2: sd) else { return nil }
            return TestOutcome(result: t, method: .welch, effect: Self.hedges(a.n, a.mean, a.sd, n, figure.value, sd), approximate: figure.sd == nil)
        case .proportion(let a):
            guard a.successes > 0, a.successes < a.n else { return nil }
            return proportions(x1: a.successes, n1: a.n, x2: Int((figure.value / 100 * Double(n)).rounded()), n2: n)
        case .weighted(let a, let proportion):
            guard let se = a.se, se > 0 else { return nil }
            if proportion, a.mean <= 0 || a.mean >= 1 { return nil }
            let reference = proportion ? figure.value / 100 : figure.value
            let sd = proportion ? (reference * (1 - reference)).squareRoot() : (figure.sd ?? a.weightedVariance?.squareRoot())
            guard let sd else { return nil }
            let other = sd / Double(n).squareRoot()
            let effect = proportion
                ? EffectSize.cohensH(a.mean, reference).map(Effect.cohensH)
                : Self.hedges(a.n, a.mean, a.weightedVariance?.squareRoot(), n, reference, sd)
            return TestOutcome(
                result: normal(a.mean - reference, (se * se + other * other).squareRoot(), percent: proportion),
                method: .independentDifference, effect: effect, approximate: !proportion && figure.sd == nil)
        }
    }

    /// Two proportions: pooled z, or Fisher's exact test when an expected count is below 5.
    func proportions(x1: Int, n1: Int, x2: Int, n2: Int) -> TestOutcome? {
        guard let (t, method) = ProportionComparison.test(x1: x1, n1: n1, x2: x2, n2: n2) else { return nil }
        return TestOutcome(
            result: scaled(t), method: method == .fisherExact ? .fisherExact : .twoProportions,
            effect: EffectSize.cohensH(Double(x1) / Double(n1), Double(x2) / Double(n2)).map(Effect.cohensH))
    }

    static func hedges(_ n1: Int, _ m1: Double, _ s1: Double?, _ n2: Int, _ m2: Double, _ s2: Double?) -> Effect? {
        guard let s1, let s2 else { return nil }
        return EffectSize.hedgesG(n1: n1, mean1: m1, sd1: s1, n2: n2, mean2: m2, sd2: s2).map(Effect.hedgesG)
    }

    /// A z-test of a difference with its SE (normal p), in percentage points for proportions.
    func normal(_ difference: Double, _ se: Double, percent: Bool) -> TestResult {
        let z = difference / se
        let t = TestResult(statistic: z, df: nil, pValue: Normal.twoSidedPValue(z), difference: difference, standardError: se)
        return percent ? scaled(t) : t
    }

    /// Proportion tests report their difference and SE in percentage points, like the figures.
    func scaled(_ t: TestResult) -> TestResult {
        TestResult(statistic: t.statistic, df: t.df, pValue: t.pValue, difference: t.difference * 100, standardError: t.standardError * 100)
    }
}
