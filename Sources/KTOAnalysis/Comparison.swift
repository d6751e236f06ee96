import KTOModel
import KTOStats

/// What a result is compared with.
public enum Comparison: Sendable, Hashable {
    /// The same group in the previous meting.
    case previous
    /// The other gemeenten of the organisation together (the complement, not the total).
    case rest
    /// A benchmark group given as published figures.
    case benchmark(String)

    /// The name `results.csv` uses: `previous`, `rest`, `benchmark:<name>`.
    public var key: String {
        switch self {
        case .previous: return "previous"
        case .rest: return "rest"
        case .benchmark(let name): return "benchmark:\(name)"
        }
    }
}

/// Which figure of a group was tested.
public struct MeasureRef: Sendable, Hashable {
    public var measure: ResultRow.Measure
    /// The category label for `pct_category`; empty otherwise.
    public var category: String

    public init(_ measure: ResultRow.Measure, category: String = "") {
        self.measure = measure
        self.category = category
    }
}

/// The outcome of one significance test of a group's figure against a comparison.
public struct TestOutcome: Sendable, Equatable {
    public enum Direction: Sendable, Equatable {
        case higher, lower, none
    }

    public var of: MeasureRef
    public var comparison: Comparison
    /// The comparison's value (mean, or percentage 0-100).
    public var reference: Double
    public var test: TestResult
    public var direction: Direction
    /// How the test was done, in Dutch (for the method section).
    public var method: String
}

/// The figure of a group that a test needs: a mean or a proportion with its counts.
enum Testable {
    case mean(MeanEstimate)
    case proportion(ProportionEstimate)
}

/// Runs the tests a study asks for: two-sided at α, with the small-n rules.
struct Tester {
    var alpha: Double
    var suppressBelow: Int

    func direction(_ test: TestResult) -> TestOutcome.Direction {
        guard test.pValue < alpha else { return .none }
        return test.difference > 0 ? .higher : .lower
    }

    /// Own figure vs the same figure of another sample (previous meting or rest of the organisation).
    func test(_ own: Testable, against other: Testable, of ref: MeasureRef, comparison: Comparison) -> TestOutcome? {
        switch (own, other) {
        case (.mean(let a), .mean(let b)):
            guard a.n >= suppressBelow, b.n >= suppressBelow, let t = HypothesisTests.welch(a, b) else { return nil }
            return TestOutcome(of: ref, comparison: comparison, reference: b.mean, test: t, direction: direction(t), method: "welch")
        case (.proportion(let a), .proportion(let b)):
            guard a.n >= suppressBelow, b.n >= suppressBelow, a.successes > 0, a.successes < a.n,
                  let t = HypothesisTests.twoProportions(x1: a.successes, n1: a.n, x2: b.successes, n2: b.n) else { return nil }
            return TestOutcome(of: ref, comparison: comparison, reference: b.proportion * 100, test: scaled(t), direction: direction(t), method: "twoProportions")
        default:
            return nil
        }
    }

    /// Own figure vs a published figure: Welch when the publisher gives n and SD (means) or n
    /// (proportions); otherwise the figure is taken as a fixed value and tested with the own SE.
    func test(_ own: Testable, against figure: Aggregates.Figure, of ref: MeasureRef, comparison: Comparison) -> TestOutcome? {
        switch own {
        case .mean(let a):
            guard a.n >= suppressBelow, let se = a.se, se > 0 else { return nil }
            if let n = figure.n, let sd = figure.sd, n >= 2,
               let t = HypothesisTests.welch(n1: a.n, mean1: a.mean, sd1: a.sd ?? 0, n2: n, mean2: figure.value, sd2: sd) {
                return TestOutcome(of: ref, comparison: comparison, reference: figure.value, test: t, direction: direction(t), method: "welch")
            }
            guard let t = HypothesisTests.oneSample(estimate: a.mean, reference: figure.value, standardError: se, df: a.df) else { return nil }
            return TestOutcome(of: ref, comparison: comparison, reference: figure.value, test: t, direction: direction(t), method: "fixedMean")
        case .proportion(let a):
            guard a.n >= suppressBelow, a.successes > 0, a.successes < a.n else { return nil }
            let p0 = figure.value / 100
            if let n = figure.n {
                let x = Int((p0 * Double(n)).rounded())
                guard let t = HypothesisTests.twoProportions(x1: a.successes, n1: a.n, x2: x, n2: n) else { return nil }
                return TestOutcome(of: ref, comparison: comparison, reference: figure.value, test: scaled(t), direction: direction(t), method: "twoProportions")
            }
            guard let t = HypothesisTests.oneSample(estimate: a.proportion, reference: p0, standardError: a.se, df: nil) else { return nil }
            return TestOutcome(of: ref, comparison: comparison, reference: figure.value, test: scaled(t), direction: direction(t), method: "fixedProportion")
        }
    }

    /// Proportion tests report their difference and SE in percentage points, like the figures.
    func scaled(_ t: TestResult) -> TestResult {
        TestResult(statistic: t.statistic, df: t.df, pValue: t.pValue, difference: t.difference * 100, standardError: t.standardError * 100)
    }
}

extension GroupResult {
    /// The figures of this group that are tested, with their references.
    var testables: [(MeasureRef, Testable)] {
        var list: [(MeasureRef, Testable)] = []
        if let grade {
            if let e = grade.estimate { list.append((MeasureRef(.mean), .mean(e))) }
            if let p = grade.onvoldoende { list.append((MeasureRef(.pctOnvoldoende), .proportion(p))) }
        }
        if let agree = statement?.agree { list.append((MeasureRef(.pctAgree), .proportion(agree))) }
        if let categories {
            for share in categories.shares {
                if let e = share.estimate { list.append((MeasureRef(.pctCategory, category: share.label), .proportion(e))) }
            }
        }
        return list
    }
}
