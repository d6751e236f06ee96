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
        /// The row's place in a spreadsheet or SPSS file (nil for text files).
        public var table: TablePlace?

        public init(line: Int, reason: Reason) {
            self.line = line
            self.reason = reason
        }

        /// `data.csv:12`, or the table's row (`export.xlsx:Blad1 rij 12`, `export.sav: case 12`).
        public func place(file: String) -> String {
            guard let table else { return "\(file):\(line)" }
            switch table.format {
            case .sav, .zsav: return "\(table.file): case \(table.row)"
            case .csv: return "\(table.file):\(table.row)"
            case .xlsx: return "\(table.file):\(table.sheet.map { $0 + " " } ?? "")rij \(table.row)"
            }
        }
    }

    /// One unusable cell, kept as an example.
    public struct CellExample: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var value: String
        public var table: TablePlace?

        public init(line: Int, column: Int, value: String) {
            self.line = line
            self.column = column
            self.value = value
        }

        /// `data.csv:12:7`, or the table's cell (`export.xlsx:Blad1!C12`).
        public func place(file: String) -> String { table?.description ?? "\(file):\(line):\(column)" }
    }

    /// One distinct unusable value of a variable: how often it occurs and where first.
    public struct UnusableValue: Sendable, Equatable {
        public var value: String
        public var count: Int
        public var line: Int
        public var column: Int
        /// A number outside the valid codes (true) or text that is no code or label (false).
        public var outOfRange: Bool
        public var table: TablePlace?

        public init(value: String, count: Int, line: Int, column: Int, outOfRange: Bool) {
            self.value = value
            self.count = count
            self.line = line
            self.column = column
            self.outOfRange = outOfRange
        }

        /// Where the value occurs first: `data.csv:12:7`, or the table's cell.
        public func place(file: String) -> String { table?.description ?? "\(file):\(line):\(column)" }
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
    /// For a spreadsheet or SPSS file: what it is (the encoding and dialect then describe the
    /// text kto made of it, not the file).
    public var table: TableOrigin?
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

    /// What kind of file a ledger is about when it is not a plain CSV export: an SPSS file, a
    /// workbook or a survey platform's export, read through `TableFile`.
    public struct TableOrigin: Sendable, Equatable {
        public var format: ExportFormat
        /// Recognised from the file (true) or named in the study (`format =`).
        public var recognised: Bool
        public var sheet: String?
        /// The character encoding the file declares (SPSS) or was read in (CSV), if any.
        public var encoding: String?
        /// Rows of the file that are no respondents (not finished, not submitted, malformed),
        /// each with its place and reason: counted, never silently dropped.
        public var leftOut: [LeftOutRow] = []
        /// The platform's own columns (dates, progress, …): not questions, so not "unknown".
        public var platformColumns: [String] = []
        /// How the reader converted what it read (LimeSurvey codes, option columns).
        public var notes: [TableFileNote] = []

        public init(format: ExportFormat, recognised: Bool, sheet: String?, encoding: String?) {
            self.format = format
            self.recognised = recognised
            self.sheet = sheet
            self.encoding = encoding
        }
    }

    /// Gives every place this ledger names its cell in the table the text was rendered from.
    mutating func locate(with places: TablePlaces) {
        for k in rejections.indices { rejections[k].table = places.place(line: rejections[k].line, column: nil) }
        for v in cellIssues.indices {
            for k in cellIssues[v].examples.indices {
                let e = cellIssues[v].examples[k]
                cellIssues[v].examples[k].table = places.place(line: e.line, column: e.column)
            }
            for k in cellIssues[v].values.indices {
                let e = cellIssues[v].values[k]
                cellIssues[v].values[k].table = places.place(line: e.line, column: e.column)
            }
        }
    }

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
