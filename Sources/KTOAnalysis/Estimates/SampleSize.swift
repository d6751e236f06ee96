import KTOModel
import KTOStats

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
    /// - Parameters:
    ///   - sizes: the parts' sizes; `n`: their respondents, in the same order.
    public static func withComplements(_ sizes: [SampleSize], n: [Int], thresholds: Study.Thresholds) -> [SampleSize] {
        let hidden = sizes.map { $0 == .suppressed || $0 == .complementary }
        let extra = ComplementarySuppression.complements(sizes: n, hidden: hidden, threshold: max(thresholds.suppress, 1))
        return zip(sizes, extra).map { $1 ? .complementary : $0 }
    }
}
