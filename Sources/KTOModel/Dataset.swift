/// The answers of one meting, column by column, typed by the codebook.
///
/// Only rows that passed the ledger's checks are here; every row has a known group.
public struct Dataset: Sendable {
    /// One variable's answers, one entry per row.
    public enum Column: Sendable, Equatable {
        /// Codes for grade, likert and category variables; see `Dataset.noAnswer` and `Dataset.unreadable`.
        case codes(CodeColumn)
        /// Several codes per row (coded open answers); empty = not coded.
        case multi([[Int16]])
        /// Open answers; `nil` = no answer.
        case texts([String?])
    }

    /// Cell was empty.
    public static let noAnswer: Int16 = .min
    /// Cell held something that is neither a valid code, a missing code nor a label; counted in the ledger.
    public static let unreadable: Int16 = .min + 1

    /// The meting's label (e.g. "2015").
    public let meting: String
    public let codebook: Codebook
    /// Group names in study order.
    public let groups: [String]
    /// Group index (into `groups`) per row.
    public internal(set) var group: [UInt16]
    /// Respondent id per row (empty strings when the codebook has no id variable).
    public internal(set) var ids: RespondentIDs
    /// Source line per row, for tracing a quote back to the export.
    public internal(set) var lines: [Int32]
    /// The weight delivered with the data, per row (`weighting = variable`); nil otherwise.
    public internal(set) var weights: [Double]?
    /// Columns aligned with `codebook.variables`; `nil` when the variable is not in this meting's data.
    public internal(set) var columns: [Column?]

    public var rowCount: Int { group.count }

    /// A dataset from columns built elsewhere (tests, synthetic benchmarks).
    /// - Precondition: every column and `ids`/`lines` have one entry per row of `group`, and
    ///   `columns` has one entry per codebook variable.
    public init(meting: String, codebook: Codebook, groups: [String], group: [UInt16], ids: [String], lines: [Int32], columns: [Column?]) {
        precondition(ids.count == group.count && lines.count == group.count && columns.count == codebook.variables.count)
        self.meting = meting
        self.codebook = codebook
        self.groups = groups
        self.group = group
        self.ids = RespondentIDs(ids)
        self.lines = lines
        self.columns = columns
    }

    /// The same rows with a weight column (tests, synthetic benchmarks).
    /// - Precondition: one weight per row.
    public func withWeights(_ weights: [Double]) -> Dataset {
        precondition(weights.count == rowCount)
        var copy = self
        copy.weights = weights
        return copy
    }

    public init(meting: String, codebook: Codebook, groups: [String]) {
        self.meting = meting
        self.codebook = codebook
        self.groups = groups
        self.group = []
        self.ids = []
        self.lines = []
        self.columns = Array(repeating: nil, count: codebook.variables.count)
    }

    /// The column of a variable by code, if the meting has it.
    public func column(_ code: String) -> Column? {
        guard let index = codebook.index(of: code) else { return nil }
        return columns[index]
    }

    /// Rows per group.
    public var groupCounts: [Int] {
        var counts = [Int](repeating: 0, count: groups.count)
        for g in group { counts[Int(g)] += 1 }
        return counts
    }
}
