import KTOModel
import KTOStats

/// A breakdown variable and its categories, in codebook order.
public struct BreakdownVariable: Sendable, Equatable {
    public var variable: Variable
    public var categories: [ValueLabel]

    /// The category's label (its code when it has none).
    public func label(of code: Int) -> String { categories.first { $0.code == code }?.label ?? String(code) }

    /// What reports call the breakdown: the codebook's section ("Leeftijd"), else the variable's code.
    public var name: String { variable.section.isEmpty ? variable.code : variable.section }
}

/// Response in one group: invited clients, respondents, rate and margin of error.
public struct ResponseResult: Sendable, Equatable {
    public var domain: Domain
    public var invited: Int
    public var respondents: Int
    /// Respondents / invited, 0...1; nil when nobody was invited.
    public var rate: Double?
    /// Margin of error of a 50% proportion at 95%, with finite-population correction (0...1).
    public var marginOfError: Double?
}

/// How the respondents were weighted, in facts the method section and results.csv state.
public struct DesignSummary: Sendable, Equatable {
    public var weighting: Study.Weighting
    /// Per meting (current first): the weights per gemeente and in total (empty when unweighted).
    public var weights: [(meting: String, summaries: [WeightSummary])]
    /// Raking: the margins, the sweeps needed is not kept (a property of the data, not the report).
    public var rakeVariables: [String]

    public static func == (a: DesignSummary, b: DesignSummary) -> Bool {
        a.weighting == b.weighting && a.rakeVariables == b.rakeVariables
            && a.weights.map(\.meting) == b.weights.map(\.meting) && a.weights.map(\.summaries) == b.weights.map(\.summaries)
    }
}

/// How many tests a family holds and how their p-values were adjusted.
public struct FamilySummary: Sendable, Equatable {
    public var family: TestFamily
    public var tests: Int
    /// Significant before and after adjustment.
    public var significantUnadjusted: Int
    public var significant: Int
}

/// What the analysis of a study found: one typed table of estimates and tests that the report
/// model, the summary and results.csv read; nothing downstream recomputes a figure.
public struct StudyResults: Sendable, Equatable {
    public var title: String
    public var client: String
    public var meting: String
    /// The most recent earlier meting: the one every figure is tested against.
    public var previousMeting: String?
    /// Gemeente names in study order.
    public var groupNames: [String]
    /// The breakdown variables (`breakdowns =`), in study order.
    public var breakdowns: [BreakdownVariable] = []
    /// Every earlier meting, most recent first (with data or only published figures).
    public var earlierMetingen: [String] = []
    /// Results per analysed variable, in codebook order.
    public var variables: [VariableResult]
    /// Response of the current meting: total first, then per gemeente.
    public var response: [ResponseResult]
    public var thresholds: Study.Thresholds
    /// Benchmark figures (typed), in study order.
    public var benchmarks: [ReferenceFigures] = []
    /// Published figures of earlier metingen that have no respondent data, by meting.
    public var earlierFigures: [ReferenceFigures] = []

    /// The most recent earlier meting's published figures, when it has no respondent data.
    public var previousFigures: ReferenceFigures? { earlierFigures.first { $0.name == previousMeting } }

    /// The published figures of an earlier meting, if that is all there is of it.
    public func figures(of meting: String) -> ReferenceFigures? { earlierFigures.first { $0.name == meting } }

    /// Every meting, current first, then the earlier ones, most recent first.
    public var metingen: [String] { [meting] + earlierMetingen }
    /// Coded open questions (multi-code percentages, tests, quotes), in codebook order.
    public var openQuestions: [CodedQuestionResult] = []
    /// Open questions without codes, in codebook order.
    public var uncodedQuestions: [UncodedQuestionResult] = []
    public var design: DesignSummary
    /// Per family of tests: how many, and how many significant before and after adjustment.
    public var families: [FamilySummary] = []
    /// How much weighting by gemeente would move the current total (unweighted studies).
    public var weightingEffect = WeightingEffect()
    /// Per meting (current first): rows read and rejected, unusable cells.
    public var dataNotes: [DataNotes] = []
    /// The prioriteitenmatrix, when the study names an overall grade (`overall =`).
    public var priorities: PriorityResult?

    /// The display name of a domain ("Totaal" for the total).
    public func name(of domain: Domain) -> String {
        switch domain {
        case .total: return "Totaal"
        case .gemeente(let g): return groupNames[g]
        case .category(let b, let code): return breakdowns[b].label(of: code)
        }
    }

    /// The name results.csv uses for a domain: `total`, the gemeente, or `VARIABLE=LABEL`.
    public func key(of domain: Domain) -> String {
        switch domain {
        case .total: return "total"
        case .gemeente(let g): return groupNames[g]
        case .category(let b, let code): return "\(breakdowns[b].variable.code)=\(breakdowns[b].label(of: code))"
        }
    }

    /// The total and the gemeenten, in report order.
    public var groupDomains: [Domain] { [.total] + groupNames.indices.map { .gemeente($0) } }

    /// The categories of breakdown `b` as domains.
    public func categoryDomains(_ b: Int) -> [Domain] { breakdowns[b].categories.map { .category(breakdown: b, code: $0.code) } }

    public func result(_ code: String) -> VariableResult? {
        let key = code.lowercased()
        return variables.first { $0.variable.code.lowercased() == key }
    }

    /// The label of a measure's category, for text: a category or code label.
    public func label(of measure: Measure, in variable: Variable) -> String {
        guard let code = measure.code else { return "" }
        return variable.label(of: code) ?? String(code)
    }

    /// Whether the figures are weighted.
    public var isWeighted: Bool { design.weighting.isWeighted }
}

/// How far the total moves when the gemeenten are weighted by their populations, computed so
/// that the method section can say it in numbers instead of assuming it.
public struct WeightingEffect: Sendable, Equatable {
    /// The largest absolute difference of a grade mean (grade points) and of a percentage
    /// (% onvoldoende, % eens, % per category; percentage points), with the item (its text).
    public var largestGradeDifference: (variable: String, difference: Double)?
    public var largestPercentDifference: (variable: String, difference: Double)?

    public init() {}

    public static func == (a: WeightingEffect, b: WeightingEffect) -> Bool {
        a.largestGradeDifference?.variable == b.largestGradeDifference?.variable
            && a.largestGradeDifference?.difference == b.largestGradeDifference?.difference
            && a.largestPercentDifference?.variable == b.largestPercentDifference?.variable
            && a.largestPercentDifference?.difference == b.largestPercentDifference?.difference
    }
}

/// What the ledgers say about the data behind the figures, for the method section.
public struct DataNotes: Sendable, Equatable {
    public var meting: String
    public var rowsRead: Int
    public var rowsRejected: Int
    /// Unusable cells (counted as no answer) and the variables they are in.
    public var unusableCells: Int
    public var unusableVariables: [String]
    /// Non-empty cells of the variables that had unusable cells (the base of the share).
    public var nonEmptyCells: Int
}
