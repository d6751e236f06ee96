/// Which respondents an estimate is about: the whole organisation, one gemeente, or one category
/// of a breakdown variable (leeftijd, duur, traject, …). Every domain keeps the full design: its
/// standard errors are those of a subpopulation, not of a separate sample.
public enum Domain: Sendable, Hashable {
    /// Every respondent of the meting.
    case total
    /// One gemeente, by its index in the study.
    case gemeente(Int)
    /// One category of a breakdown variable: `breakdown` indexes `StudyResults.breakdowns`,
    /// `code` is the category's code.
    case category(breakdown: Int, code: Int)

    /// The family of domains this one belongs to with its siblings (for suppression and tests).
    public var partition: Partition {
        switch self {
        case .total: return .none
        case .gemeente: return .gemeenten
        case .category(let b, _): return .breakdown(b)
        }
    }

    /// The domains that together make up the total.
    public enum Partition: Sendable, Hashable {
        case none
        case gemeenten
        case breakdown(Int)
    }
}
