import KTOModel
import KTOStats

/// A rapportcijfer in one group: mean with spread, median, distribution and % onvoldoende.
public struct GradeSummary: Sendable, Equatable {
    /// Mean, SD (n−1), SE and the t-based CI; nil when nobody answered.
    public var estimate: MeanEstimate?
    /// Share of grades below 5.5 (1-5); nil when nobody answered.
    public var onvoldoende: ProportionEstimate?
    /// (code, count) for every valid grade, in code order.
    public var distribution: [(code: Int, count: Int)]
    public var n: Int

    public static func == (a: GradeSummary, b: GradeSummary) -> Bool {
        a.estimate == b.estimate && a.onvoldoende == b.onvoldoende && a.n == b.n
            && a.distribution.map(\.code) == b.distribution.map(\.code)
            && a.distribution.map(\.count) == b.distribution.map(\.count)
    }

    /// Grades strictly below this are onvoldoende.
    public static let passMark = 5.5

    public init(tally: Tally, variable: Variable, level: Double) {
        let pairs = zip(variable.validCodes, tally.valid).map { (code: $0, count: $1) }.sorted { $0.code < $1.code }
        distribution = pairs
        n = tally.n
        guard n > 0 else {
            estimate = nil
            onvoldoende = nil
            return
        }
        // Exact mean from integer totals, then the squared deviations about it (two passes).
        let total = pairs.reduce(0) { $0 + $1.code * $1.count }
        let mean = Double(total) / Double(n)
        let ssd = pairs.reduce(0.0) { $0 + Double($1.count) * (Double($1.code) - mean) * (Double($1.code) - mean) }
        estimate = MeanEstimate(n: n, mean: mean, sumOfSquaredDeviations: ssd, median: Self.median(pairs, n: n), level: level)
        let below = pairs.filter { Double($0.code) < Self.passMark }.reduce(0) { $0 + $1.count }
        onvoldoende = ProportionEstimate(successes: below, n: n, level: level)
    }

    /// The median from counts: the middle value, or the mean of the two middle values.
    static func median(_ pairs: [(code: Int, count: Int)], n: Int) -> Double {
        func value(atRank rank: Int) -> Int {
            var cumulative = 0
            for p in pairs {
                cumulative += p.count
                if cumulative >= rank { return p.code }
            }
            return pairs.last?.code ?? 0
        }
        let low = value(atRank: (n + 1) / 2)
        let high = value(atRank: n / 2 + 1)
        return Double(low + high) / 2
    }
}

/// A statement in one group: % (helemaal) eens, neutraal and (helemaal) oneens of valid answers.
public struct StatementSummary: Sendable, Equatable {
    public var agree: ProportionEstimate?
    public var neutral: ProportionEstimate?
    public var disagree: ProportionEstimate?
    /// Valid answers (the base): 'weet niet', 'n.v.t.' and empty cells are not in it.
    public var n: Int
    public var polarity: Polarity

    public init(tally: Tally, variable: Variable, level: Double) {
        let pairs = zip(variable.validCodes, tally.valid).sorted { $0.0 < $1.0 }
        let k = pairs.count
        // The top half of the scale agrees, the bottom half disagrees, an odd middle is neutral.
        let half = k / 2
        let disagreeCount = pairs.prefix(half).reduce(0) { $0 + $1.1 }
        let agreeCount = pairs.suffix(half).reduce(0) { $0 + $1.1 }
        n = tally.n
        polarity = variable.polarity
        agree = ProportionEstimate(successes: agreeCount, n: n, level: level)
        disagree = ProportionEstimate(successes: disagreeCount, n: n, level: level)
        neutral = k % 2 == 1 ? ProportionEstimate(successes: n - agreeCount - disagreeCount, n: n, level: level) : nil
    }
}

/// A single-choice question in one group: the share of each category among valid answers.
public struct CategorySummary: Sendable, Equatable {
    public struct Share: Sendable, Equatable {
        public var code: Int
        public var label: String
        public var count: Int
        public var estimate: ProportionEstimate?
    }

    public var shares: [Share]
    public var n: Int

    public init(tally: Tally, variable: Variable, level: Double) {
        n = tally.n
        let total = n
        shares = zip(variable.validCodes, tally.valid).map { code, count in
            Share(code: code, label: variable.label(of: code) ?? String(code), count: count,
                  estimate: ProportionEstimate(successes: count, n: total, level: level))
        }
    }
}
