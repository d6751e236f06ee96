import KTOModel

/// A variable's figures in one domain of one meting, with the tests of its figures.
public struct DomainResult: Sendable, Equatable {
    public var domain: Domain
    /// The base: valid answers (or respondents with a valid code).
    public var n: Int
    /// What the small-n rules say about this domain's figures.
    public var size: SampleSize
    public var estimates: [Estimate]
    /// How the valid answers spread over the codes (grades and scale points), for charts.
    public var distribution: [CodeFrequency] = []
    /// The tests of this domain's figures (current meting only).
    public var contrasts: [ContrastResult] = []
    /// The domain's respondents without a valid answer: per missing code ('weet niet', 'n.v.t.'),
    /// empty cells and unusable ones (unweighted counts).
    public var nonresponse = Nonresponse()

    public init(domain: Domain, n: Int, size: SampleSize, estimates: [Estimate]) {
        self.domain = domain
        self.n = n
        self.size = size
        self.estimates = estimates
    }

    public func estimate(_ measure: Measure) -> Estimate? { estimates.first { $0.measure == measure } }

    /// The figure's value, nil when there is none (not: when it may not be shown; see `size`).
    public func value(_ measure: Measure) -> Double? { estimate(measure)?.value }

    public func contrasts(of measure: Measure) -> [ContrastResult] { contrasts.filter { $0.measure == measure } }
}

/// Respondents of a domain without a valid answer, by kind (unweighted counts).
public struct Nonresponse: Sendable, Equatable {
    /// Per missing code, in codebook order.
    public var missing: [Int] = []
    public var noAnswer = 0
    public var unreadable = 0
    /// Respondents who were asked (routing): valid answers, missing codes, empty and unusable cells.
    public var asked = 0
    /// Missing codes that mean 'weet niet' (no opinion) and 'n.v.t.' (did not apply).
    public var dontKnow = 0
    public var notApplicable = 0

    public init(missing: [Int] = [], noAnswer: Int = 0, unreadable: Int = 0) {
        self.missing = missing
        self.noAnswer = noAnswer
        self.unreadable = unreadable
    }

    /// Shares of the respondents asked, 0-100; nil when nobody was asked.
    public var dontKnowPercent: Double? { share(dontKnow) }
    public var notApplicablePercent: Double? { share(notApplicable) }
    /// Empty and unusable cells.
    public var noAnswerPercent: Double? { share(noAnswer + unreadable) }
    /// Everyone asked without a valid answer.
    public var withoutAnswerPercent: Double? { share(dontKnow + notApplicable + noAnswer + unreadable) }

    func share(_ count: Int) -> Double? { asked > 0 ? Double(count) / Double(asked) * 100 : nil }
}

/// A variable in one meting: every domain, total first, then the gemeenten, then the categories
/// of each breakdown variable.
public struct MetingResult: Sendable, Equatable {
    public var meting: String
    public var domains: [DomainResult]

    public init(meting: String, domains: [DomainResult]) {
        self.meting = meting
        self.domains = domains
    }

    /// The figures of `domain`. Searched by index: `first(where:)` copies every result it
    /// passes (their arrays retained and released), and the report builder asks thousands of times.
    public func domain(_ domain: Domain) -> DomainResult? {
        for k in domains.indices where domains[k].domain == domain { return domains[k] }
        return nil
    }
}

/// Everything known about one questionnaire variable.
public struct VariableResult: Sendable, Equatable {
    public var variable: Variable
    /// The current meting first, then earlier metingen that asked the variable.
    public var metingen: [MetingResult]

    public init(variable: Variable, metingen: [MetingResult]) {
        self.variable = variable
        self.metingen = metingen
    }

    public var current: MetingResult? { metingen.first }
    public func meting(_ label: String) -> MetingResult? {
        for k in metingen.indices where metingen[k].meting == label { return metingen[k] }
        return nil
    }
}
