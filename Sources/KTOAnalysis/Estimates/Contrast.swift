import KTOStats

/// What a figure is compared with.
public enum Contrast: Sendable, Hashable {
    /// The same domain in an earlier meting.
    case previous(String)
    /// The rest of the organisation: every respondent outside the domain (for a gemeente the other
    /// gemeenten together, never the total that holds it).
    case rest
    /// A benchmark group's published figure.
    case benchmark(String)
    /// Another category of the same breakdown variable (the significance letters of a breakdown
    /// table): its code and label.
    case category(code: Int, label: String)

    /// A test between two categories of a breakdown.
    public var isPair: Bool {
        if case .category = self { return true }
        return false
    }

    /// The name results.csv uses: `previous` (the most recent earlier meting), `previous:<meting>`
    /// (an older one, `compare_with`), `rest`, `benchmark:<name>`, `vs:<label>`.
    public func key(mostRecent: String?) -> String {
        switch self {
        case .previous(let meting): return meting == mostRecent ? "previous" : "previous:\(meting)"
        case .rest: return "rest"
        case .benchmark(let name): return "benchmark:\(name)"
        case .category(_, let label): return "vs:\(label)"
        }
    }
}

/// The tests whose p-values are adjusted together.
public enum TestFamily: Sendable, Hashable {
    /// Every test against one earlier meting.
    case previous(String)
    /// Every gemeente against the rest.
    case gemeenten
    /// The categories of one breakdown variable against their rest.
    case breakdown(Int)
    /// Every test against one benchmark.
    case benchmark(String)
    /// The pairwise tests between the categories of one breakdown variable for the items of one
    /// codebook section: one breakdown table of the report.
    case pairwise(breakdown: Int, section: String)
}

/// How a difference was tested.
public enum TestMethod: String, Sendable, Equatable {
    /// Welch's t for two independent means (unweighted).
    case welch
    /// Pooled two-proportion z (unweighted).
    case twoProportions
    /// Fisher's exact test (two-sided, as R `fisher.test`): a two-proportion comparison whose
    /// smallest expected count is below 5.
    case fisherExact
    /// Domain against its complement in the same weighted design: the difference with its
    /// linearized SE (R `svyglm(y ~ in_domain)`), normal p.
    case designDifference
    /// Two independent weighted estimates (different metingen): SE = √(SE₁² + SE₂²), normal p.
    case independentDifference
}

/// How large a tested difference is, on a scale without units: Hedges' g for means (pooled SD,
/// small-sample correction), Cohen's h for proportions; read with the 0.2 / 0.5 / 0.8 bounds.
public enum Effect: Sendable, Equatable {
    case hedgesG(Double)
    case cohensH(Double)

    public var value: Double {
        switch self {
        case .hedgesG(let g): return g
        case .cohensH(let h): return h
        }
    }

    public var magnitude: EffectSize.Magnitude { EffectSize.magnitude(value) }
}

/// Higher, lower or not significantly different (after adjustment).
public enum Direction: Sendable, Equatable {
    case higher, lower, none
}

/// One test of a figure against a comparison.
public struct ContrastResult: Sendable, Equatable {
    public var measure: Measure
    public var contrast: Contrast
    public var family: TestFamily
    /// The comparison's figure (mean, or percentage 0-100).
    public var reference: Double
    /// Statistic, df, unadjusted p, difference (own − reference) and its SE, in the figure's units.
    public var test: TestResult
    public var method: TestMethod
    /// The size of the difference.
    public var effect: Effect?
    /// The comparison figure had no SD; the own SD stood in.
    public var approximate = false
    /// The p-value after adjustment within the family (`[thresholds] adjust`); equal to the
    /// unadjusted p until the analysis has adjusted it.
    public var pAdjusted: Double
    /// Significant at α after adjustment, and which way.
    public var direction: Direction

    public init(measure: Measure, contrast: Contrast, family: TestFamily, reference: Double, test: TestResult, method: TestMethod, effect: Effect? = nil) {
        self.measure = measure
        self.contrast = contrast
        self.family = family
        self.reference = reference
        self.test = test
        self.method = method
        self.effect = effect
        self.pAdjusted = test.pValue
        self.direction = .none
    }
}
