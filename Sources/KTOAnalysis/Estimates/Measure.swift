/// What a figure measures. Codes are the codebook's; labels are looked up where text is written.
public enum Measure: Sendable, Hashable {
    case mean, sd, median
    /// Grades 1-5 (below `GradeSummary.passMark`).
    case pctOnvoldoende
    /// The top half of a statement's scale; `pctDisagree` the bottom half, `pctNeutral` the middle.
    case pctAgree, pctNeutral, pctDisagree
    /// A category of a single-choice question.
    case pctCategory(Int)
    /// A code of a coded open question (or a closed multi-select option): % of the base that
    /// mentions it.
    case pctMentioned(Int)
    /// Respondents with this code (unweighted).
    case count(Int)
    /// Respondents with at least one valid code of a multi-code question (unweighted).
    case base

    /// The name results.csv uses.
    public var name: String {
        switch self {
        case .mean: return "mean"
        case .sd: return "sd"
        case .median: return "median"
        case .pctOnvoldoende: return "pct_onvoldoende"
        case .pctAgree: return "pct_agree"
        case .pctNeutral: return "pct_neutral"
        case .pctDisagree: return "pct_disagree"
        case .pctCategory: return "pct_category"
        case .pctMentioned: return "pct_mentioned"
        case .count, .base: return "count"
        }
    }

    /// The code the measure is about, if any.
    public var code: Int? {
        switch self {
        case .pctCategory(let c), .pctMentioned(let c), .count(let c): return c
        default: return nil
        }
    }

    /// Percentages are on the 0-100 scale.
    public var isPercentage: Bool {
        switch self {
        case .pctOnvoldoende, .pctAgree, .pctNeutral, .pctDisagree, .pctCategory, .pctMentioned: return true
        default: return false
        }
    }

    /// A figure whose change is good or bad news (the summary's subject), not a profile share.
    public var isEvaluative: Bool { self == .mean || self == .pctAgree }
}
