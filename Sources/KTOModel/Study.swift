import KTOImport

/// Everything a report needs to know about one meting of one client: the study file's content
/// with paths resolved against the study file's folder.
public struct Study: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        /// The gemeente's name as reports show it.
        public var name: String
        /// Invited clients (the population), for the response rate and weights.
        public var population: Int

        public init(name: String, population: Int) {
            self.name = name
            self.population = population
        }
    }

    /// The previous meting: its label and its respondent-level data, or (when only the old report
    /// exists) a file of its published figures.
    public struct PreviousMeting: Sendable, Equatable {
        public var meting: String
        public var dataFiles: [DataFile]
        public var aggregates: DataFile?
        /// Coding files of the previous meting's open answers (`coding =` under [previous]).
        public var codingFiles: [DataFile] = []
        /// How that meting's group values map to today's gemeenten (`[groups METING]`): value
        /// (name or code, normalised) → group index, or nil for rows that are not part of the study.
        public var groupMap: [String: Int?] = [:]
        /// Gemeenten of today that did not take part in that meting (`ontbreekt =` in `[groups]`).
        public var absentGroups: [Int] = []

        public init(meting: String, dataFiles: [DataFile], aggregates: DataFile? = nil) {
            self.meting = meting
            self.dataFiles = dataFiles
            self.aggregates = aggregates
        }
    }

    /// A benchmark group given as aggregates (item, measure, value, n).
    public struct Benchmark: Sendable, Equatable {
        public var name: String
        public var file: DataFile
        /// A short name for table headings (at most about 10 characters), e.g. "RPA".
        public var shortName: String

        public init(name: String, file: DataFile, shortName: String? = nil) {
            self.name = name
            self.file = file
            self.shortName = shortName ?? String(name.prefix(10))
        }
    }

    /// A file named in the study file: the resolved path and the name as written (for messages).
    public struct DataFile: Sendable, Equatable {
        public var path: String
        public var displayName: String
        /// For an .xlsx file: the sheet to read (`sheet =`); nil = the first.
        public var sheet: String?
        /// The file's shape when named (`format = qualtrics`); nil = recognised from the file.
        public var format: ExportFormat?

        public init(path: String, displayName: String) {
            self.path = path
            self.displayName = displayName
        }
    }

    /// What drives the overall grade: `overall = algemeen`, optionally `aspects = a, b` (default:
    /// every other grade) and `drivers = correlation | regression`.
    public struct Priorities: Sendable, Equatable {
        public enum Drivers: String, Sendable, Equatable {
            /// Pearson's r of each aspect with the overall grade (pairwise complete cases).
            case correlation
            /// Standardized coefficients of one regression on all aspects (complete cases).
            case regression
        }

        public var overall: String
        /// Empty: every grade of the codebook other than the overall one.
        public var aspects: [String]
        public var drivers: Drivers
        /// Where `overall =` is in the study file (for messages).
        public var line: Int

        public init(overall: String, aspects: [String] = [], drivers: Drivers = .correlation, line: Int = 1) {
            self.overall = overall
            self.aspects = aspects
            self.drivers = drivers
            self.line = line
        }
    }

    /// How respondents are weighted: always one weight per respondent, never per item.
    public enum Weighting: Sendable, Equatable {
        /// Every respondent counts once (the default).
        case none
        /// Post-stratification to `[population]`: w = N_h/n_h per gemeente, a stratified design
        /// with finite-population correction.
        case gemeente
        /// Raking to the margins of `variables` (the group variable's margin is `[population]`,
        /// the others `[margin VARIABLE]`), optionally with bounds on the weight as a ratio to the
        /// mean weight.
        case rake(variables: [String], trim: ClosedRange<Double>?)
        /// A weight column delivered with the data.
        case variable(column: String)

        public var isWeighted: Bool { self != .none }
    }

    /// The population counts of one raking margin (`[margin VARIABLE]`): per category, given by
    /// its code or label as written, the number in the population.
    public struct Margin: Sendable, Equatable {
        public struct Entry: Sendable, Equatable {
            /// The category as written (a code or a label; `-` or `onbekend`: respondents without a value).
            public var category: String
            public var population: Double
            public var line: Int

            public init(category: String, population: Double, line: Int) {
                self.category = category
                self.population = population
                self.line = line
            }
        }

        public var variable: String
        public var entries: [Entry]
        public var line: Int

        public init(variable: String, entries: [Entry], line: Int) {
            self.variable = variable
            self.entries = entries
            self.line = line
        }
    }

    /// Small-n and significance settings.
    public struct Thresholds: Sendable, Equatable {
        /// A result on fewer respondents is marked indicatief.
        public var indicative: Int = 30
        /// A result on fewer respondents is not shown at all.
        public var suppress: Int = 10
        /// Two-sided significance level.
        public var alpha: Double = 0.05
        /// A variable whose unusable non-empty cells exceed this share (percent) of its non-empty
        /// cells in a file stops the report: the answers were not understood.
        public var unreadablePercent: Double = 5
        /// Items where more than this share (percent) of the respondents asked gave no valid answer
        /// are named in the method section (`nonresponse = 20`).
        public var nonresponsePercent: Double = 20
        /// How p-values are adjusted within each family of tests (`adjust = bh|holm|bonferroni|none`).
        public var adjust: PValueAdjustment = .benjaminiHochberg

        public init(indicative: Int = 30, suppress: Int = 10, alpha: Double = 0.05) {
            self.indicative = indicative
            self.suppress = suppress
            self.alpha = alpha
        }
    }

    public var studyFile: String
    public var title: String
    public var client: String
    public var meting: String
    public var dataFiles: [DataFile]
    public var codebook: DataFile
    /// The grouping variable's code (gemeente).
    public var groupVariable: String
    /// Groups in report order, with their populations.
    public var groups: [Group]
    /// Earlier metingen, most recent first (`[previous]`, `[previous 2013]`, `[previous 2011]`, …).
    public var previousMetingen: [PreviousMeting] = []
    /// The most recent earlier meting: the one every figure is tested against.
    public var previous: PreviousMeting? {
        get { previousMetingen.first }
        set { previousMetingen = newValue.map { [$0] } ?? [] }
    }
    /// Earlier metingen that are also tested against (`compare_with = 2011`), besides the most recent.
    public var compareWith: [String] = []
    public var benchmarks: [Benchmark]
    public var thresholds: Thresholds
    /// The output folder (resolved).
    public var output: String
    /// How respondents are weighted (`weighting =`); unweighted by default.
    public var weighting: Weighting = .none
    /// Raking margins other than the group variable's, in study order.
    public var margins: [Margin] = []
    /// Category variables whose categories are domains of their own (`breakdowns =`), in order.
    public var breakdowns: [String] = []
    /// Keep responses a platform marks as not finished or not submitted (`include_unfinished = ja`).
    public var includeUnfinished = false
    /// The prioriteitenmatrix (`overall =`), if the study asks for one.
    public var priorities: Priorities?
    /// Where the weighting and breakdown keys are in the study file (for messages).
    public var weightingLine: Int = 1
    public var breakdownsLine: Int = 1
    /// Encoding override for the data files (`nil`: detect).
    public var encoding: TextEncoding?
    /// Separator override for the data files (`nil`: sniff).
    public var dialect: CSVDialect?
    /// Coding files of the open answers (`coding = codering-2015.csv`): respnr;variable;codes.
    public var codingFiles: [DataFile] = []
    /// The keyword dictionary `kto code` uses when none is given (`dictionary = trefwoorden.csv`).
    public var dictionary: DataFile?
    /// Staff names the anonymiser replaces in quotes (`staff = medewerkers.txt`, one per line).
    public var staffFile: DataFile?
    /// Illustrative quotes per code in the report (`quotes = 3`; 0 = none).
    public var quotesPerCode: Int = 3
    /// The tables book as a workbook, CSV files or both (`tables =`; default the workbook).
    public var tables: TablesFormat = .xlsx

    public init(
        studyFile: String, title: String, client: String, meting: String, dataFiles: [DataFile], codebook: DataFile,
        groupVariable: String, groups: [Group], previous: PreviousMeting? = nil, benchmarks: [Benchmark] = [],
        thresholds: Thresholds = Thresholds(), output: String, encoding: TextEncoding? = nil, dialect: CSVDialect? = nil
    ) {
        self.studyFile = studyFile
        self.title = title
        self.client = client
        self.meting = meting
        self.dataFiles = dataFiles
        self.codebook = codebook
        self.groupVariable = groupVariable
        self.groups = groups
        self.previousMetingen = previous.map { [$0] } ?? []
        self.benchmarks = benchmarks
        self.thresholds = thresholds
        self.output = output
        self.encoding = encoding
        self.dialect = dialect
    }

    /// Every file the study reads, resolved: the study file, codebook, data, coding files,
    /// dictionary, staff list, previous meting's files and benchmarks. Output is never written over
    /// any of them.
    public var inputFiles: [String] {
        var files = [studyFile, codebook.path] + dataFiles.map(\.path) + codingFiles.map(\.path)
        files += [dictionary, staffFile].compactMap { $0?.path }
        if let previous {
            files += previous.dataFiles.map(\.path) + previous.codingFiles.map(\.path)
            if let aggregates = previous.aggregates { files.append(aggregates.path) }
        }
        files += benchmarks.map(\.file.path)
        return files
    }

    /// The population of all groups together.
    public var totalPopulation: Int { groups.reduce(0) { $0 + $1.population } }

    /// The group with this name (case-insensitive).
    public func groupIndex(named name: String) -> Int? {
        let key = Variable.labelKey(name)
        return groups.firstIndex { Variable.labelKey($0.name) == key }
    }
}
