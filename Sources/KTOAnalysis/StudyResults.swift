import KTOModel
import KTOStats

/// Which respondents a result is about.
public enum GroupID: Sendable, Hashable {
    /// The whole organisation (all gemeenten pooled, unweighted).
    case total
    /// One gemeente, by its index in the study.
    case gemeente(Int)
}

/// A variable's statistics in one group of one meting.
public struct GroupResult: Sendable, Equatable {
    public var group: GroupID
    /// The group's display name ("Totaal" is not used here: see `StudyResults.name(of:)`).
    public var tally: Tally
    public var grade: GradeSummary?
    public var statement: StatementSummary?
    public var categories: CategorySummary?
    /// Significance tests of this group's figures (current meting only).
    public var tests: [TestOutcome] = []
    /// What the small-n rules say about this group's figures.
    public var size: SampleSize = .enough

    /// Valid answers.
    public var n: Int { tally.n }

    /// The tests of one figure.
    public func tests(of ref: MeasureRef) -> [TestOutcome] { tests.filter { $0.of == ref } }
}

/// The small-n rules for one result (thresholds from the study file).
public enum SampleSize: Sendable, Equatable {
    /// n ≥ the indicative threshold.
    case enough
    /// suppress ≤ n < indicative: shown, marked indicatief.
    case indicative
    /// 0 < n < suppress: not shown anywhere, not tested.
    case suppressed
    /// Enough answers, but hidden so that a suppressed group of the same partition cannot be
    /// recovered as the total minus the others (`ComplementarySuppression`); not tested.
    case complementary
    /// n = 0: geen waarnemingen.
    case none

    public init(n: Int, thresholds: Study.Thresholds) {
        if n == 0 { self = .none }
        else if n < thresholds.suppress { self = .suppressed }
        else if n < thresholds.indicative { self = .indicative }
        else { self = .enough }
    }

    /// Whether the figure may be shown.
    public var isShown: Bool { self == .enough || self == .indicative }

    /// Whether quotes may come from this group: it has enough respondents not to be recognisable.
    /// A complement is hidden only so that another group cannot be computed; its size is no risk.
    public var allowsQuotes: Bool { self == .enough || self == .indicative || self == .complementary }

    /// Marks the parts of a partition that must be hidden as complements of suppressed ones.
    /// - Parameter sizes: the n of each part, in the order of `sizes` and `self`.
    public static func withComplements(_ sizes: [SampleSize], n: [Int], thresholds: Study.Thresholds) -> [SampleSize] {
        let hidden = sizes.map { $0 == .suppressed || $0 == .complementary }
        let extra = ComplementarySuppression.complements(sizes: n, hidden: hidden, threshold: max(thresholds.suppress, 1))
        return zip(sizes, extra).map { $1 ? .complementary : $0 }
    }
}

/// The total post-stratified to the population frame: each item's respondents per gemeente are
/// weighted by N_h / n_h (stratified simple random sampling with finite-population correction).
public struct WeightedTotal: Sendable, Equatable {
    public var mean: StratifiedEstimate?
    public var onvoldoende: StratifiedEstimate?
    public var agree: StratifiedEstimate?
    /// Per category label, in code order.
    public var categories: [(label: String, estimate: StratifiedEstimate?)]

    public static func == (a: WeightedTotal, b: WeightedTotal) -> Bool {
        a.mean == b.mean && a.onvoldoende == b.onvoldoende && a.agree == b.agree
            && a.categories.map(\.label) == b.categories.map(\.label) && a.categories.map(\.estimate) == b.categories.map(\.estimate)
    }
}

/// A variable in one meting: every group, total first.
public struct MetingResult: Sendable, Equatable {
    public var meting: String
    /// Total first, then the gemeenten in study order.
    public var groups: [GroupResult]
    /// The weighted total, when the study asks for weighting.
    public var weighted: WeightedTotal?

    public func group(_ id: GroupID) -> GroupResult? { groups.first { $0.group == id } }
}

/// Everything known about one questionnaire variable.
public struct VariableResult: Sendable, Equatable {
    public var variable: Variable
    /// The current meting first, then the previous meting when the variable was asked then.
    public var metingen: [MetingResult]

    public var current: MetingResult? { metingen.first }
    public func meting(_ label: String) -> MetingResult? { metingen.first { $0.meting == label } }
}

/// Response in one group: invited clients, respondents, rate and margin of error.
public struct ResponseResult: Sendable, Equatable {
    public var group: GroupID
    public var invited: Int
    public var respondents: Int
    /// Respondents / invited, 0...1; nil when nobody was invited.
    public var rate: Double?
    /// Margin of error of a 50% proportion at 95%, with finite-population correction (0...1).
    public var marginOfError: Double?
}

/// How far the total moves when the gemeenten are weighted by their populations, computed so
/// that the method section can say it in numbers instead of assuming it.
public struct WeightingEffect: Sendable, Equatable {
    /// The largest absolute difference of a grade mean (grade points) and of a percentage
    /// (% onvoldoende, % eens, % per category; percentage points), with the item (its text) it is in.
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

    public init(meting: String, rowsRead: Int, rowsRejected: Int, unusableCells: Int, unusableVariables: [String], nonEmptyCells: Int) {
        self.meting = meting
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.unusableCells = unusableCells
        self.unusableVariables = unusableVariables
        self.nonEmptyCells = nonEmptyCells
    }
}

/// The analysis of a study: one value the report model and every writer read.
public struct StudyResults: Sendable, Equatable {
    public var title: String
    public var client: String
    public var meting: String
    public var previousMeting: String?
    /// Gemeente names in study order.
    public var groupNames: [String]
    /// Results per analysed variable, in codebook order.
    public var variables: [VariableResult]
    /// Response of the current meting: total first, then per gemeente.
    public var response: [ResponseResult]
    public var thresholds: Study.Thresholds
    /// Benchmark group names in study order, and their short names for table headings.
    public var benchmarkNames: [String] = []
    public var benchmarkShortNames: [String] = []
    /// Benchmark figures by name, for tables that show them beside the own result.
    public var benchmarks: [Aggregates] = []
    /// The previous meting's published figures, when it has no respondent data.
    public var previousAggregates: Aggregates?
    /// Coded open questions (multi-code percentages, tests, quotes), in codebook order.
    public var openQuestions: [CodedQuestionResult] = []
    /// How much weighting by gemeente would move the current total.
    public var weightingEffect = WeightingEffect()
    /// Per meting (current first): rows read and rejected, unusable cells.
    public var dataNotes: [DataNotes] = []

    /// The display name of a group ("Totaal" for the total).
    public func name(of group: GroupID) -> String {
        switch group {
        case .total: return "Totaal"
        case .gemeente(let g): return groupNames[g]
        }
    }

    /// All groups in report order: total first.
    public var groupIDs: [GroupID] { [.total] + groupNames.indices.map { .gemeente($0) } }

    public func result(_ code: String) -> VariableResult? {
        let key = code.lowercased()
        return variables.first { $0.variable.code.lowercased() == key }
    }
}
