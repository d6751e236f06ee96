/// A significant difference, as a value: what the generated summary and the report's highlights
/// are made of. Only tested differences that are significant after adjustment become findings.
public struct Finding: Sendable, Equatable {
    public var variable: String
    /// The item text (question or statement; for a category: its label).
    public var text: String
    public var domain: Domain
    public var contrast: Contrast
    public var measure: Measure
    public var direction: Direction
    /// The own figure (mean, or percentage 0-100) and the comparison's.
    public var value: Double
    public var reference: Double
    public var pAdjusted: Double
    /// The size of the difference (Hedges' g or Cohen's h), when it could be computed.
    public var effect: Effect?
    /// Whether a higher figure is worse (negative statements, % onvoldoende).
    public var lowerIsBetter: Bool

    /// Whether the difference is good news.
    public var isImprovement: Bool { (direction == .higher) != lowerIsBetter }
}

extension StudyResults {
    /// Every significant difference of the current meting, most relevant first: the organisation
    /// before the gemeenten before breakdown categories, the previous meting before benchmarks
    /// before the rest, then the largest test statistic first (ties by item order).
    public var findings: [Finding] {
        var list: [(finding: Finding, order: (Int, Int, Double, Int))] = []
        for (itemIndex, result) in variables.enumerated() {
            guard let current = result.current, current.meting == meting else { continue }
            for domain in current.domains {
                // Pairs of breakdown categories are the tables' letters, not summary findings.
                for contrast in domain.contrasts where contrast.direction != .none && !contrast.contrast.isPair {
                    guard let value = domain.value(contrast.measure) else { continue }
                    let negative = result.variable.polarity == .negative || contrast.measure == .pctOnvoldoende
                    let label = label(of: contrast.measure, in: result.variable)
                    let finding = Finding(
                        variable: result.variable.code,
                        text: label.isEmpty ? result.variable.text : "\(result.variable.text): \(label)",
                        domain: domain.domain, contrast: contrast.contrast, measure: contrast.measure, direction: contrast.direction,
                        value: value, reference: contrast.reference, pAdjusted: contrast.pAdjusted, effect: contrast.effect,
                        lowerIsBetter: negative)
                    let domainRank: Int
                    switch domain.domain {
                    case .total: domainRank = 0
                    case .gemeente: domainRank = 1
                    case .category: domainRank = 2
                    }
                    let contrastRank: Int
                    switch contrast.contrast {
                    case .previous: contrastRank = 0
                    case .benchmark: contrastRank = 1
                    case .rest, .category: contrastRank = 2
                    }
                    list.append((finding, (domainRank, contrastRank, -abs(contrast.test.statistic), itemIndex)))
                }
            }
        }
        return list.sorted { $0.order < $1.order }.map(\.finding)
    }
}

extension StudyResults {
    /// Every test of the current meting (items and coded questions).
    public var contrasts: [ContrastResult] {
        let items = variables.compactMap(\.current).filter { $0.meting == meting }
        let questions = openQuestions.compactMap(\.current).filter { $0.meting == meting }
        return (items + questions).flatMap { $0.domains.flatMap(\.contrasts) }
    }

    /// Whether any test of the current meting (items and coded questions) satisfies `predicate`:
    /// as `contrasts.contains(where:)`, without gathering every test first.
    public func containsContrast(where predicate: (ContrastResult) -> Bool) -> Bool {
        func found(_ current: MetingResult?) -> Bool {
            guard let current, current.meting == meting else { return false }
            return current.domains.contains { $0.contrasts.contains(where: predicate) }
        }
        return variables.contains { found($0.current) } || openQuestions.contains { found($0.current) }
    }

    /// Whether any benchmark or earlier meting's published figure came with its n (only those
    /// are tested).
    public var publishedFiguresHaveN: Bool {
        (benchmarks + earlierFigures).contains { $0.figures.values.contains { $0.n != nil } }
    }
}
