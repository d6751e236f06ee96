import KTOImport

/// The account of one input file: every row read is either used or rejected with a reason, and
/// every cell that could not be used is counted per variable.
public struct RowLedger: Sendable, Equatable {
    /// Why a row was not used.
    public enum Reason: Sendable, Equatable, Hashable {
        case wrongFieldCount(expected: Int, found: Int)
        case textAfterClosingQuote(column: Int)
        case missingGroup
        case unknownGroup(String)
        /// A gemeente value that `[groups METING]` of the study leaves out (`= -`).
        case excludedGroup(String)
        case missingID
        case duplicateID(String, firstLine: Int)

        /// The reason in Dutch.
        public var message: String {
            switch self {
            case .wrongFieldCount(let expected, let found):
                return "rij heeft \(found) velden, de kopregel \(expected)"
            case .textAfterClosingQuote(let column):
                return "tekst na een afsluitend aanhalingsteken (kolom \(column))"
            case .missingGroup: return "geen gemeente ingevuld"
            case .unknownGroup(let value): return "onbekende gemeente '\(value)' (niet in [population] van de studie)"
            case .excludedGroup(let value): return "gemeente '\(value)' hoort volgens [groups] van de studie niet bij dit onderzoek"
            case .missingID: return "geen respondentnummer"
            case .duplicateID(let id, let first): return "respondentnummer '\(id)' komt al voor op regel \(first)"
            }
        }

        /// A short key for counting reasons of one kind.
        public var kind: String {
            switch self {
            case .wrongFieldCount: return "aantal velden"
            case .textAfterClosingQuote: return "aanhalingstekens"
            case .missingGroup: return "geen gemeente"
            case .unknownGroup: return "onbekende gemeente"
            case .excludedGroup: return "gemeente buiten de studie"
            case .missingID: return "geen respondentnummer"
            case .duplicateID: return "dubbel respondentnummer"
            }
        }
    }

    /// One rejected row.
    public struct Rejection: Sendable, Equatable {
        public var line: Int
        public var reason: Reason
    }

    /// One unusable cell, kept as an example.
    public struct CellExample: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var value: String
    }

    /// One distinct unusable value of a variable: how often it occurs and where first.
    public struct UnusableValue: Sendable, Equatable {
        public var value: String
        public var count: Int
        public var line: Int
        public var column: Int
        /// A number outside the valid codes (true) or text that is no code or label (false).
        public var outOfRange: Bool
    }

    /// Unusable cells of one variable.
    public struct CellIssues: Sendable, Equatable {
        public var variable: String
        /// A number that is not a valid or missing code (e.g. 11 for a grade).
        public var outOfRange: Int = 0
        /// Text that is no number and no label, or a number with a fraction where codes are whole.
        public var unreadable: Int = 0
        /// The first few cells, for the message.
        public var examples: [CellExample] = []
        /// The distinct unusable values, most frequent first (at most `maximumDistinctValues`;
        /// the rest are in the counts only).
        public var values: [UnusableValue] = []
        /// Non-empty cells of this variable in the file: the base of `share`.
        public var nonEmpty: Int = 0

        public var total: Int { outOfRange + unreadable }

        /// Unusable cells as a share (0...1) of the non-empty cells.
        public var share: Double { nonEmpty > 0 ? Double(total) / Double(nonEmpty) : 0 }

        /// Distinct values kept per variable (and per part of a file while reading).
        public static let maximumDistinctValues = 32
    }

    public var file: String
    /// The meting the file belongs to.
    public var meting: String = ""
    public var encoding: TextEncoding
    public var encodingDetected: Bool
    public var dialect: CSVDialect
    public var dialectSniffed: Bool
    /// Data rows read (the header not counted; blank lines not counted).
    public var rowsRead: Int = 0
    /// Rows that went into the dataset.
    public var rowsUsed: Int = 0
    public var rejections: [Rejection] = []
    /// Empty lines skipped, and lines of only separators (`;;;;`, as Excel saves an empty row).
    public var blankLines: Int = 0
    /// Text cells matched to a code through a label ("weet niet" → 8).
    public var labelsMatched: Int = 0
    /// Per variable with at least one unusable cell, in codebook order.
    public var cellIssues: [CellIssues] = []
    /// Columns in the file that the codebook does not describe (ignored).
    public var unknownColumns: [String] = []
    /// Columns without a name whose cells are all empty (Excel's trailing `;;;`), ignored.
    public var emptyColumns: Int = 0
    /// Codebook variables absent from the file (treated as not asked).
    public var absentVariables: [String] = []

    /// Rows rejected.
    public var rowsRejected: Int { rejections.count }

    /// Whether every row is accounted for.
    public var isBalanced: Bool { rowsUsed + rowsRejected == rowsRead }

    /// Rejections counted per kind, in first-seen order.
    public var rejectionCounts: [(kind: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for r in rejections {
            if counts[r.reason.kind] == nil { order.append(r.reason.kind) }
            counts[r.reason.kind, default: 0] += 1
        }
        return order.map { ($0, counts[$0] ?? 0) }
    }
}
