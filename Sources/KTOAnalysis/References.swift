import KTOModel

/// Published figures of a comparison group (a benchmark, or a previous meting known only from its
/// report), keyed by variable and typed measure: the analysis turns the file's category labels
/// into codes once, so the report never looks a figure up by text.
public struct ReferenceFigures: Sendable, Equatable {
    public struct Key: Sendable, Hashable {
        public var variable: String
        public var measure: Measure
    }

    public var name: String
    /// A short heading for table columns.
    public var shortName: String
    public var figures: [Key: Aggregates.Figure]

    public func figure(_ variable: String, _ measure: Measure) -> Aggregates.Figure? {
        figures[Key(variable: variable.lowercased(), measure: measure)]
    }

    /// Whether the file gives any figure of this measure kind for the variable (e.g. any
    /// `pct_mentioned`), to tell "not asked" from "not available".
    public func hasFigures(for variable: String, where test: (Measure) -> Bool) -> Bool {
        figures.keys.contains { $0.variable == variable.lowercased() && test($0.measure) }
    }

    /// The figures of an aggregates file, typed by the codebook.
    init(_ aggregates: Aggregates, shortName: String, codebook: Codebook, name: String? = nil) {
        self.name = name ?? aggregates.name
        self.shortName = shortName
        var figures: [Key: Aggregates.Figure] = [:]
        for (key, figure) in aggregates.figures {
            guard let variable = codebook.variable(key.variable) else { continue }
            let measure: Measure?
            switch key.measure {
            case "mean": measure = .mean
            case "pct_onvoldoende": measure = .pctOnvoldoende
            case "pct_agree": measure = .pctAgree
            case "pct_category": measure = variable.code(forLabel: key.category).map { .pctCategory($0) }
            case "pct_mentioned": measure = variable.code(forLabel: key.category).map { .pctMentioned($0) }
            default: measure = nil
            }
            if let measure { figures[Key(variable: variable.code.lowercased(), measure: measure)] = figure }
        }
        self.figures = figures
    }
}
