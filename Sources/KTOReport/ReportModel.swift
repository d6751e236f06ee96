/// A report as values: chapters, sections and blocks built from the analysis only.
/// Writers read it and format numbers; they never compute.
public struct ReportModel: Sendable, Equatable {
    public var title: String
    public var subtitle: String
    public var meting: String
    public var previousMeting: String?
    /// The chapters in reading order.
    public var chapters: [Chapter]
    /// Short explanations of symbols used in tables (n.g., –): only those this report can show.
    public var legend: [String]
    /// The one-line key to the marks, for captions under tables.
    public var marksKey: String = ""
    /// For an annex: the gemeente it is about (its figures are indicatief as a whole).
    public var gemeente: String?

    public init(title: String, subtitle: String, meting: String, previousMeting: String?, chapters: [Chapter], legend: [String], gemeente: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.meting = meting
        self.previousMeting = previousMeting
        self.chapters = chapters
        self.legend = legend
        self.gemeente = gemeente
    }
}

extension ReportModel {
    /// Every block in reading order with the titles of its chapter and section, for writers that
    /// list one kind of block over the whole report.
    public var placedBlocks: [(chapter: String, section: String, block: Block)] {
        chapters.flatMap { chapter in chapter.sections.flatMap { section in section.blocks.map { (chapter.title, section.title, $0) } } }
    }
}

public struct Chapter: Sendable, Equatable {
    public var title: String
    public var sections: [Section]
}

public struct Section: Sendable, Equatable {
    public var title: String
    public var blocks: [Block]
}

public enum Block: Sendable, Equatable {
    case paragraph(String)
    /// Generated summary sentences, each with the figures it cites.
    case summary([SummarySentence])
    /// One item (grade or statement): groups as rows, metingen as columns.
    case item(ItemTable)
    /// A single-choice question: one item table per category.
    case categories(question: String, variable: String, tables: [ItemTable])
    case response(ResponseTable)
    /// Coded open answers with illustrative, anonymised quotes.
    case codedAnswers(CodedAnswersTable)
    /// A section's grades and statements by the categories of one breakdown variable.
    case breakdown(BreakdownTable)
    /// An open question without codes: written answers per group and a few quotes.
    case uncodedAnswers(UncodedAnswersTable)
    /// The prioriteitenmatrix: each aspect's score against its importance for the overall grade.
    case priorities(PriorityTable)
}

/// The prioriteitenmatrix as a table: per aspect its mean (score) and importance, and where the
/// two medians put it.
public struct PriorityTable: Sendable, Equatable {
    public enum Quadrant: Sendable, Equatable, CaseIterable {
        case improve, keep, later, lessImportant

        /// The quadrant's name in the report.
        public var label: String {
            switch self {
            case .improve: return "Verbeterpunt"
            case .keep: return "Sterk punt"
            case .later: return "Later verbeteren"
            case .lessImportant: return "Minder belangrijk"
            }
        }
    }

    public struct Row: Sendable, Equatable {
        public var variable: String
        /// The aspect's question.
        public var item: String
        public var mean: Double
        public var importance: Double
        /// Respondents behind the importance (both answered; complete cases for a regression).
        public var n: Int
        public var quadrant: Quadrant
    }

    /// The overall grade's question.
    public var overall: String
    /// What the importance is ("samenhang (r)", "bijdrage (β)").
    public var importanceLabel: String
    public var rows: [Row]
    public var medianMean: Double
    public var medianImportance: Double
}

/// An open question that was not coded: per group how many clients wrote something, and quotes.
public struct UncodedAnswersTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var group: String
        public var written: Int
        public var respondents: Int

        /// Percent of the respondents who wrote something.
        public var percent: Double? { respondents > 0 ? Double(written) / Double(respondents) * 100 : nil }
    }

    public var variable: String
    public var question: String
    public var rows: [Row]
    /// Anonymised, cleaned quotes.
    public var quotes: [String]
}

/// Items as rows, the total and a breakdown variable's categories as columns; each category's
/// figure is marked where it differs significantly from the rest of the respondents.
public struct BreakdownTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var variable: String
        /// The question or statement.
        public var item: String
        /// What the figure is ("rapportcijfer", "% (helemaal) eens").
        public var measureLabel: String
        public var kind: ValueKind
        /// For statements: agreeing is bad news.
        public var negative: Bool
        /// The total first, then one per category.
        public var cells: [Cell]

        public init(variable: String, item: String, measureLabel: String, kind: ValueKind, negative: Bool, cells: [Cell]) {
            self.variable = variable
            self.item = item
            self.measureLabel = measureLabel
            self.kind = kind
            self.negative = negative
            self.cells = cells
        }
    }

    /// The breakdown variable's code.
    public var variable: String
    /// "Naar leeftijd".
    public var title: String
    /// "Totaal", then the category labels.
    public var columns: [String]
    /// Per column its significance letter ("" for the total): A, B, C, … for the categories.
    public var letters: [String]
    public var rows: [Row]

    public init(variable: String, title: String, columns: [String], letters: [String] = [], rows: [Row]) {
        self.variable = variable
        self.title = title
        self.columns = columns
        self.letters = letters
        self.rows = rows
    }

    /// What the letters mean, for captions and legends.
    public static let lettersKey = "Letters: het cijfer is significant hoger dan dat van de kolom met die letter (toetsen tussen elk paar categorieën, gecorrigeerd binnen de tabel)."

    /// The letter of category column `k` (1-based among the columns, after the total): A … Z,
    /// then AA, AB, … as spreadsheet columns go.
    public static func letter(_ k: Int) -> String {
        var n = k
        var text = ""
        while n > 0 {
            text = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + text
            n = (n - 1) / 26
        }
        return text
    }
}

/// A coded open question: per code the % of respondents with a codable answer who mention it
/// (multi-code, so a column sums to more than 100%), and per code a few anonymised quotes.
public struct CodedAnswersTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var cells: [Cell]

        public init(label: String, cells: [Cell]) {
            self.label = label
            self.cells = cells
        }
    }

    public struct Quotes: Sendable, Equatable {
        /// The code's label.
        public var label: String
        /// Anonymised, cleaned quotes; never from a group below the suppression threshold.
        public var quotes: [String]

        public init(label: String, quotes: [String]) {
            self.label = label
            self.quotes = quotes
        }
    }

    public var variable: String
    public var question: String
    /// Column headings (e.g. "Totaal 2015", "Totaal 2013", gemeenten, benchmark short names).
    public var columns: [String]
    /// The base (respondents with at least one code) per column; nil where unknown (benchmarks).
    public var bases: [Int?]
    /// Codes in the order the published tables use (most mentioned first, "Anders" last).
    public var rows: [Row]
    public var quotes: [Quotes]
    /// A closed multi-select question (options ticked), not coded open answers.
    public var closed = false

    public init(variable: String, question: String, columns: [String], bases: [Int?], rows: [Row], quotes: [Quotes]) {
        self.variable = variable
        self.question = question
        self.columns = columns
        self.bases = bases
        self.rows = rows
        self.quotes = quotes
    }
}

/// What a cell's number is, so a writer knows how to format it.
public enum ValueKind: Sendable, Equatable {
    /// A rapportcijfer: one decimal (7,0).
    case grade
    /// A percentage 0-100: whole number (59%).
    case percent
}

/// One cell: the exact value (rounded only by the writer) and its base.
public struct Cell: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case value(Double)
        /// Nobody in this group answered.
        case noObservations
        /// Fewer answers than the suppression threshold: the value is not shown.
        case suppressed
        /// The question was not asked in this meting.
        case notAsked
        /// The comparison group has no figure for this item.
        case notAvailable
        /// Nothing belongs here (a benchmark beside a gemeente).
        case blank
    }

    /// A significant difference to show beside the figure.
    public struct Mark: Sendable, Equatable {
        public enum Against: Sendable, Equatable {
            /// The same group in the previous meting (on the current meting's cell).
            case previous
            /// The rest of the organisation (on a gemeente's current cell).
            case rest
            /// On a benchmark's cell: the own result is higher/lower than this benchmark.
            case benchmark
        }

        public var against: Against
        public var higher: Bool
    }

    public var state: State
    public var n: Int?
    /// Indicatief: shown, but on fewer answers than the indicative threshold.
    public var indicative: Bool
    public var marks: [Mark]
    /// In a breakdown table: the letters of the columns this figure is significantly higher than
    /// ("BC"), as SPSS CTABLES and Q print them.
    public var letters = ""

    public init(state: State, n: Int?, indicative: Bool = false, marks: [Mark] = []) {
        self.state = state
        self.n = n
        self.indicative = indicative
        self.marks = marks
    }

    public var value: Double? {
        if case .value(let v) = state { return v }
        return nil
    }
}

/// How the current meting's answers of one group are spread, for charts.
public enum Breakdown: Sendable, Equatable {
    /// Percent of valid answers per grade (code order), and the onvoldoende share (grades 1-5).
    case grades(percentByGrade: [Double], grades: [Int], onvoldoende: Double)
    /// Percent (helemaal) eens, neutraal, (helemaal) oneens.
    case agreement(agree: Double, neutral: Double, disagree: Double)
}

/// A table for one item: a row per group, a column per meting.
public struct ItemTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var group: String
        public var cells: [Cell]
        /// The current meting's spread for this group; nil when not shown (suppressed, no answers).
        public var breakdown: Breakdown?
        /// Whether this is the total of the organisation.
        public var isTotal: Bool
        /// Percent of the respondents asked without a valid answer (weet niet, n.v.t., none), this meting.
        public var withoutAnswer: Double?
    }

    public var variable: String
    public var title: String
    /// What the numbers are, in Dutch ("gemiddeld rapportcijfer", "% (helemaal) eens").
    public var measureLabel: String
    public var kind: ValueKind
    /// For statements: true when agreeing is bad news (lower is better).
    public var negative: Bool
    /// Meting labels, current first, then benchmark names.
    public var columns: [String]
    /// How many of `columns` are metingen (the rest are benchmarks, filled on the total row only).
    public var metingColumns: Int
    public var rows: [Row]
}

/// Response per group.
public struct ResponseTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var group: String
        public var invited: Int
        public var respondents: Int
        /// Percentages 0-100.
        public var rate: Double?
        public var marginOfError: Double?
    }

    public var rows: [Row]
}

/// A generated sentence of the summary and the figures it states, so a test can check that every
/// number in the summary equals the number in its table.
public struct SummarySentence: Sendable, Equatable {
    public struct Figure: Sendable, Equatable {
        public var variable: String
        /// The group's row name ("Totaal", a gemeente) or a benchmark's column heading.
        public var row: String
        /// The column heading (a meting or a benchmark short name).
        public var column: String
        public var value: Double
        public var kind: ValueKind
    }

    public var text: String
    public var figures: [Figure]
}
