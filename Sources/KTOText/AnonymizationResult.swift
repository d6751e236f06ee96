/// The outcome of anonymising one text: the new text and how many items of
/// each kind were replaced. It never contains the replaced personal data.
public struct AnonymizationResult: Sendable, Equatable {
    /// The anonymised text.
    public let text: String
    /// Number of replacements per kind; kinds without replacements are absent.
    public let counts: [AnonymizationKind: Int]

    /// Creates a result.
    public init(text: String, counts: [AnonymizationKind: Int]) {
        self.text = text
        self.counts = counts
    }

    /// Total number of replacements.
    public var total: Int { counts.values.reduce(0, +) }

    /// Whether anything was replaced.
    public var wasChanged: Bool { total > 0 }

    /// Number of replacements of `kind`.
    public func count(of kind: AnonymizationKind) -> Int { counts[kind] ?? 0 }

    /// Counts in the fixed order of ``AnonymizationKind/allCases``, zero counts left out.
    public var orderedCounts: [(kind: AnonymizationKind, count: Int)] {
        AnonymizationKind.allCases.compactMap { kind in
            counts[kind].map { (kind: kind, count: $0) }
        }
    }
}

/// Totals over many anonymised texts, for the report on anonymisation.
public struct AnonymizationSummary: Sendable, Equatable {
    /// Number of replacements per kind over all texts added.
    public private(set) var counts: [AnonymizationKind: Int] = [:]
    /// Number of texts added.
    public private(set) var textsSeen = 0
    /// Number of texts in which at least one replacement was made.
    public private(set) var textsChanged = 0

    /// Creates an empty summary.
    public init() {}

    /// Adds the outcome of one text.
    public mutating func add(_ result: AnonymizationResult) {
        textsSeen += 1
        if result.wasChanged { textsChanged += 1 }
        for (kind, count) in result.counts { counts[kind, default: 0] += count }
    }

    /// Total number of replacements.
    public var total: Int { counts.values.reduce(0, +) }

    /// Number of replacements of `kind`.
    public func count(of kind: AnonymizationKind) -> Int { counts[kind] ?? 0 }
}
