/// What `TableFile.read` made of a data file: the table, the rows it left out (each with its place
/// and reason, so the ledger can count them), and what it recognised on the way.
public struct TableFileResult: Sendable, Equatable {
    /// The respondents' rows, header rows and left-out rows removed.
    public var table: DataTable
    /// The format used: recognised from the file, or the one given.
    public var format: ExportFormat
    /// Whether `format` was recognised (true) or given by the caller (false).
    public var formatRecognised: Bool
    /// Rows of the file that are not in `table`, in file order.
    public var leftOut: [LeftOutRow]
    /// Header rows read after the row of names (Qualtrics: question texts and ImportIds;
    /// SurveyMonkey: the option row).
    public var headerRowsSkipped: Int
    /// The platform's own columns (dates, IP address, progress, …), kept in the table but not
    /// questions of the survey; names as in `table`.
    public var metadataColumns: [String]
    /// Conversions made on the way, for the user to know about.
    public var notes: [TableFileNote]
    /// For CSV files: the encoding, the separator and the blank lines.
    public var text: TextDetails?

    public init(
        table: DataTable, format: ExportFormat, formatRecognised: Bool, leftOut: [LeftOutRow] = [],
        headerRowsSkipped: Int = 0, metadataColumns: [String] = [], notes: [TableFileNote] = [], text: TextDetails? = nil
    ) {
        self.table = table
        self.format = format
        self.formatRecognised = formatRecognised
        self.leftOut = leftOut
        self.headerRowsSkipped = headerRowsSkipped
        self.metadataColumns = metadataColumns
        self.notes = notes
        self.text = text
    }

    /// How a CSV file was read.
    public struct TextDetails: Sendable, Equatable {
        public var encoding: TextEncoding
        public var encodingDetected: Bool
        public var dialect: CSVDialect
        public var dialectSniffed: Bool
        /// Empty lines and lines of only separators (no respondent, not left out).
        public var blankLines: Int
        /// Physical lines in the file.
        public var lines: Int

        public init(encoding: TextEncoding, encodingDetected: Bool, dialect: CSVDialect, dialectSniffed: Bool, blankLines: Int, lines: Int) {
            self.encoding = encoding
            self.encodingDetected = encodingDetected
            self.dialect = dialect
            self.dialectSniffed = dialectSniffed
            self.blankLines = blankLines
            self.lines = lines
        }
    }

    /// Whether `column` is one of the platform's own columns.
    public func isMetadata(_ column: String) -> Bool { metadataColumns.contains(column) }
}

/// A row of the file that is not a respondent of the table.
public struct LeftOutRow: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Qualtrics: `Finished` is False (or 0): the respondent stopped before the end.
        case notFinished
        /// LimeSurvey: `submitdate` is empty: the response was never submitted.
        case notSubmitted
        /// CSV: the row has another number of fields than the header.
        case wrongFieldCount(found: Int, expected: Int)
        /// CSV: text after a closing quote (`"abc"x`), at this 1-based field.
        case textAfterQuote(field: Int)
    }

    /// The physical line (CSV) or the sheet row (xlsx) where the row starts.
    public var line: Int
    public var reason: Reason
    /// The place in words: `export.csv:17` or `export.xlsx:Blad1!17`.
    public var place: String

    public init(line: Int, reason: Reason, place: String) {
        self.line = line
        self.reason = reason
        self.place = place
    }

    /// The reason in Dutch, for the ledger.
    public var message: String {
        switch reason {
        case .notFinished: return "niet afgemaakt (Finished = False): weggelaten"
        case .notSubmitted: return "niet verstuurd (submitdate leeg): weggelaten"
        case .wrongFieldCount(let found, let expected): return "\(found) velden in plaats van \(expected)"
        case .textAfterQuote(let field): return "tekst na een sluitend aanhalingsteken in veld \(field)"
        }
    }
}

/// A conversion `TableFile` made, named so that `kto check` and `kto init` can say so.
public enum TableFileNote: Sendable, Equatable {
    /// LimeSurvey answer codes `A1`, `A2`, … (or `AO01`, …) read as the numbers 1, 2, ….
    case answerCodesAsNumbers(column: String)
    /// LimeSurvey `Y`/`N` read as 1 (Ja) and 2 (Nee).
    case yesNoAsNumbers(column: String)
    /// Option columns of a multi-select question (cell = the option's text, or empty) read as
    /// 1 (ticked) or empty, and made one multiple-response set.
    case optionColumnsAsSet(set: String, columns: [String])

    /// The note in Dutch.
    public var message: String {
        switch self {
        case .answerCodesAsNumbers(let column):
            return "\(column): antwoordcodes A1, A2, … gelezen als 1, 2, …"
        case .yesNoAsNumbers(let column):
            return "\(column): Y en N gelezen als 1 (Ja) en 2 (Nee)"
        case .optionColumnsAsSet(let set, let columns):
            return "\(set): kolommen per optie (\(columns.joined(separator: ", "))) gelezen als één meerkeuzevraag, aangevinkt = 1"
        }
    }
}
