/// A significant difference, as a value: what the generated summary and the report's
/// highlights are made of. Only tested, significant differences become findings.
public struct Finding: Sendable, Equatable {
    public var variable: String
    /// The item text (question or statement; for a category: its label).
    public var text: String
    public var group: GroupID
    public var comparison: Comparison
    public var of: MeasureRef
    public var direction: TestOutcome.Direction
    /// The own figure (mean, or percentage 0-100) and the comparison's.
    public var value: Double
    public var reference: Double
    public var pValue: Double
    /// Whether a higher figure is worse (negative statements).
    public var lowerIsBetter: Bool

    /// Whether the difference is good news.
    public var isImprovement: Bool { (direction == .higher) != lowerIsBetter }
}

extension StudyResults {
    /// Every significant difference of the current meting, most relevant first: the organisation
    /// before the gemeenten, the previous meting before benchmarks before the rest, then the
    /// largest test statistic first (ties by item order).
    public var findings: [Finding] {
        var list: [(finding: Finding, order: (Int, Int, Double, Int))] = []
        for (itemIndex, result) in variables.enumerated() {
            guard let current = result.current, current.meting == meting else { continue }
            for group in current.groups {
                for test in group.tests where test.direction != .none {
                    let value: Double?
                    switch test.of.measure {
                    case .mean: value = group.grade?.estimate?.mean
                    case .pctOnvoldoende: value = group.grade?.onvoldoende.map { $0.proportion * 100 }
                    case .pctAgree: value = group.statement?.agree.map { $0.proportion * 100 }
                    case .pctCategory: value = group.categories?.shares.first { $0.label == test.of.category }?.estimate.map { $0.proportion * 100 }
                    default: value = nil
                    }
                    guard let value else { continue }
                    let negative = result.variable.polarity == .negative || test.of.measure == .pctOnvoldoende
                    let finding = Finding(
                        variable: result.variable.code,
                        text: test.of.category.isEmpty ? result.variable.text : "\(result.variable.text): \(test.of.category)",
                        group: group.group, comparison: test.comparison, of: test.of, direction: test.direction,
                        value: value, reference: test.reference, pValue: test.test.pValue, lowerIsBetter: negative)
                    let groupRank = group.group == .total ? 0 : 1
                    let comparisonRank: Int
                    switch test.comparison {
                    case .previous: comparisonRank = 0
                    case .benchmark: comparisonRank = 1
                    case .rest: comparisonRank = 2
                    }
                    list.append((finding, (groupRank, comparisonRank, -abs(test.test.statistic), itemIndex)))
                }
            }
        }
        return list.sorted { $0.order < $1.order }.map(\.finding)
    }
}
