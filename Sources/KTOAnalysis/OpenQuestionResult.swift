import KTOModel
import KTOText

/// An illustrative quote: anonymised and cleaned, with the respondent it came from (for the analyst;
/// the report shows the text only).
public struct Quote: Sendable, Equatable {
    public var respondent: String
    public var text: String
}

/// The quotes chosen for one code.
public struct CodeQuotes: Sendable, Equatable {
    public var code: Int
    public var label: String
    public var quotes: [Quote]
}

/// Everything known about one coded open question. Its figures are estimates like any other:
/// per domain a `base` (respondents with at least one valid code) and per code `pctMentioned` and
/// `count`.
public struct CodedQuestionResult: Sendable, Equatable {
    public var question: OpenQuestion
    /// The current meting first, then earlier metingen that have the codes.
    public var metingen: [MetingResult]
    /// Codes in table order, as the published tables: descending by the current total's percentage
    /// as shown (whole percents), equal percentages in code order ("Anders" has no special place:
    /// the published improvement table lists it at 10% above a 7% code). Code order when the total
    /// is suppressed (an order would reveal what is not shown).
    public var order: [Int]
    /// Quotes per code in table order (codes without quotes included, with none).
    public var quotes: [CodeQuotes]
    /// Written answers of the current meting to this question (all, coded or not).
    public var writtenAnswers: Int
    /// Written answers of the current meting without a valid code (not codable or not coded yet):
    /// outside every base.
    public var uncodedAnswers: Int
    /// What the anonymiser replaced in those answers before quotes were chosen.
    public var anonymization: AnonymizationSummary

    public var current: MetingResult? { metingen.first }
    public func meting(_ label: String) -> MetingResult? { metingen.first { $0.meting == label } }

    /// The label of a code.
    public func label(of code: Int) -> String {
        question.codeList.first { $0.code == code }?.label ?? String(code)
    }
}

/// An open question without codes: how many clients wrote something, per gemeente, and a few
/// anonymised quotes. Nothing is counted per theme: the answers were not coded.
public struct UncodedQuestionResult: Sendable, Equatable {
    public var variable: Variable
    /// Written answers of the current meting: total first, then per gemeente (study order).
    public var written: [Int]
    /// Respondents of the current meting: total first, then per gemeente (the base of `written`).
    public var respondents: [Int]
    public var quotes: [Quote]
    public var anonymization: AnonymizationSummary
}
