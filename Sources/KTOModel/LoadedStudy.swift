import KTOImport

/// A study with its codebook and data read: everything the analysis needs.
public struct LoadedStudy: Sendable {
    public var study: Study
    public var codebook: Codebook
    public var current: Dataset
    public var previous: Dataset?
    /// One ledger per data file: the current meting's first, then the previous meting's.
    public var ledgers: [RowLedger]

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
        if let spec = study.previous {
            let (dataset, previousLedgers) = try loader.load(
                files: spec.dataFiles, meting: spec.meting, naming: .previous, progress: progress)
            previous = dataset
            allLedgers += previousLedgers
        }
        return LoadedStudy(study: study, codebook: codebook, current: current, previous: previous, ledgers: allLedgers)
    }
}
