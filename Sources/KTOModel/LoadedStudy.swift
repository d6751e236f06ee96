import KTOImport

/// A study with its codebook and data read: everything the analysis needs.
public struct LoadedStudy: Sendable {
    public var study: Study
    public var codebook: Codebook
    public var current: Dataset
    public var previous: Dataset?
    /// One ledger per data file: the current meting's first, then the previous meting's.
    public var ledgers: [RowLedger]
    /// Benchmark groups in study order.
    public var benchmarks: [Aggregates] = []
    /// The previous meting's published figures, when it has no respondent data.
    public var previousAggregates: Aggregates?

    public init(study: Study, codebook: Codebook, current: Dataset, previous: Dataset?, ledgers: [RowLedger]) {
        self.study = study
        self.codebook = codebook
        self.current = current
        self.previous = previous
        self.ledgers = ledgers
    }

    /// Reads the study file, its codebook and the data of both metingen.
    /// - Parameters:
    ///   - strict: a rejected row is a fatal error.
    ///   - progress: (file, bytes done, bytes total) while reading.
    /// - Throws: `ImportError`, `StudyError` or `StrictModeError`, each naming file, line and column.
    public static func load(
        studyPath: String, strict: Bool = false, progress: ((String, Int, Int) -> Void)? = nil
    ) throws -> LoadedStudy {
        let study = try Study.load(path: studyPath)
        let codebook = try Codebook.load(path: study.codebook.path, displayName: study.codebook.displayName)
        let loader = DatasetLoader(study: study, codebook: codebook, strict: strict)
        let (current, ledgers) = try loader.load(files: study.dataFiles, meting: study.meting, progress: progress)
        var previous: Dataset?
        var allLedgers = ledgers
        var previousAggregates: Aggregates?
        if let spec = study.previous, let file = spec.aggregates {
            previousAggregates = try Aggregates.load(file, name: spec.meting, codebook: codebook)
        } else if let spec = study.previous {
            let (dataset, previousLedgers) = try loader.load(
                files: spec.dataFiles, meting: spec.meting, naming: .previous, progress: progress)
            previous = dataset
            allLedgers += previousLedgers
        }
        let benchmarks = try study.benchmarks.map { try Aggregates.load($0.file, name: $0.name, codebook: codebook) }
        var loaded = LoadedStudy(study: study, codebook: codebook, current: current, previous: previous, ledgers: allLedgers)
        loaded.benchmarks = benchmarks
        loaded.previousAggregates = previousAggregates
        return loaded
    }
}
