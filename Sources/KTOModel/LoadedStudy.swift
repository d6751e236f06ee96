import Foundation
import KTOImport

/// An earlier meting as it was read: its respondents, or its published figures.
public struct EarlierMeting: Sendable {
    public var meting: String
    public var dataset: Dataset?
    public var figures: Aggregates?

    public init(meting: String, dataset: Dataset? = nil, figures: Aggregates? = nil) {
        self.meting = meting
        self.dataset = dataset
        self.figures = figures
    }
}

/// A study with its codebook and data read: everything the analysis needs.
public struct LoadedStudy: Sendable {
    public var study: Study
    public var codebook: Codebook
    public var current: Dataset
    /// Earlier metingen, most recent first.
    public var earlier: [EarlierMeting] = []
    /// One ledger per data file: the current meting's first, then the earlier metingen's.
    public var ledgers: [RowLedger]
    /// Benchmark groups in study order.
    public var benchmarks: [Aggregates] = []

    /// The most recent earlier meting's respondents.
    public var previous: Dataset? {
        get { earlier.first?.dataset }
        set {
            if earlier.isEmpty, let newValue { earlier = [EarlierMeting(meting: newValue.meting)] }
            if !earlier.isEmpty { earlier[0].dataset = newValue }
        }
    }

    /// The most recent earlier meting's published figures, when it has no respondent data.
    public var previousAggregates: Aggregates? {
        get { earlier.first?.figures }
        set {
            if earlier.isEmpty, let newValue { earlier = [EarlierMeting(meting: study.previous?.meting ?? newValue.name)] }
            if !earlier.isEmpty { earlier[0].figures = newValue }
        }
    }
    /// One ledger per coding file (current meting's first); their codes are in the datasets.
    public var codingLedgers: [CodingLedger] = []
    /// Per codes variable (lowercased): rows of the current meting a coding file marks `-`
    /// (read, nothing codable).
    public var notCodable: [String: Set<Int>] = [:]
    /// Names the anonymiser replaces in quotes (the study's `staff` file).
    public var staffNames: [String] = []
    /// What the ledgers say about whether this data can carry a report.
    public var quality = DataQuality()

    public init(study: Study, codebook: Codebook, current: Dataset, previous: Dataset?, ledgers: [RowLedger]) {
        self.study = study
        self.codebook = codebook
        self.current = current
        self.earlier = previous.map { [EarlierMeting(meting: $0.meting, dataset: $0)] } ?? []
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
        try load(study: Study.load(path: studyPath), strict: strict, progress: progress)
    }

    /// Reads the codebook and the data of every meting of a study already read.
    public static func load(
        study: Study, strict: Bool = false, progress: ((String, Int, Int) -> Void)? = nil
    ) throws -> LoadedStudy {
        let codebook = try Codebook.load(path: study.codebook.path, displayName: study.codebook.displayName)
        let pairing = codebook.openQuestionPairing()
        guard pairing.problems.isEmpty else { throw StudyError(pairing.problems) }
        let loader = DatasetLoader(study: study, codebook: codebook, strict: strict)
        // The comparison files (earlier metingen' figures, benchmarks) are small: read on another
        // thread while the data is read, and taken in study order below, so the first error is
        // still the one a sequential read meets first.
        typealias Read = Result<Aggregates, any Error>
        let comparisons = Background { () -> (earlier: [Read?], benchmarks: [Read]) in
            let earlier = study.previousMetingen.map { spec in
                spec.aggregates.map { file in Read { try Aggregates.load(file, name: spec.meting, codebook: codebook) } }
            }
            return (earlier, study.benchmarks.map { spec in Read { try Aggregates.load(spec.file, name: spec.name, codebook: codebook) } })
        }
        let reads = try readMetingen(study, with: loader, progress: progress)
        let figures = comparisons.wait()
        var (current, ledgers) = try reads[0].get()
        let coding = try CodingFile.apply(study.codingFiles, to: &current, questions: pairing.questions)
        var codingLedgers = coding.ledgers
        var allLedgers = ledgers
        var earlier: [EarlierMeting] = []
        var next = 1
        for (k, spec) in study.previousMetingen.enumerated() {
            if let read = figures.earlier[k] {
                earlier.append(EarlierMeting(meting: spec.meting, figures: try read.get()))
                continue
            }
            var (dataset, previousLedgers) = try reads[next].get()
            next += 1
            codingLedgers += try CodingFile.apply(spec.codingFiles, to: &dataset, questions: pairing.questions).ledgers
            earlier.append(EarlierMeting(meting: spec.meting, dataset: dataset))
            allLedgers += previousLedgers
        }
        let benchmarks = try figures.benchmarks.map { try $0.get() }
        var loaded = LoadedStudy(study: study, codebook: codebook, current: current, previous: nil, ledgers: allLedgers)
        loaded.earlier = earlier
        loaded.benchmarks = benchmarks
        let rejected = codingLedgers.flatMap(\.rejections)
        if strict, !rejected.isEmpty {
            throw StudyError(rejected.map { StudyProblem("regel afgewezen (--strict): \($0.message)", at: $0.location, lineText: $0.lineText) })
        }
        loaded.codingLedgers = codingLedgers
        loaded.notCodable = coding.notCodable
        loaded.staffNames = try study.staffFile.map(NameList.load) ?? []
        var respondents = [current.meting: current.groupCounts]
        for meting in earlier { if let dataset = meting.dataset { respondents[dataset.meting] = dataset.groupCounts } }
        loaded.quality = DataQuality(ledgers: allLedgers, study: study, codebook: codebook, respondents: respondents, strict: strict)
        return loaded
    }

    /// Data of all metingen together up to which they are read side by side (the current meting
    /// and every earlier one with data, each on a core); above it one after the other, so that a
    /// large study holds one export's bytes at a time.
    static let concurrentReadBytes = 32 << 20

    /// The data of the current meting, then of every earlier meting with data, in study order:
    /// read one after the other, or side by side when they are small. Each entry is what
    /// `DatasetLoader.load` returned or threw; the caller takes them in order, so the first
    /// error is the one a sequential read would have met first.
    static func readMetingen(
        _ study: Study, with loader: DatasetLoader, progress: ((String, Int, Int) -> Void)?
    ) throws -> [Result<(Dataset, [RowLedger]), any Error>] {
        let earlier = study.previousMetingen.filter { $0.aggregates == nil }
        let jobs: [(files: [Study.DataFile], meting: String, naming: DatasetLoader.Naming)] =
            [(study.dataFiles, study.meting, .current)] + earlier.map { ($0.dataFiles, $0.meting, .meting($0.meting)) }
        let sizes = jobs.flatMap(\.files).map { file in
            (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? Int.max / 64
        }
        guard jobs.count > 1, sizes.reduce(0, +) <= concurrentReadBytes else {
            // One after the other, stopping at the first error as before; a large export is
            // mapped (`FileMapping`), or where it cannot be, its bytes go into the memory of the
            // one before where they fit (`ByteReserve`).
            var results: [Result<(Dataset, [RowLedger]), any Error>] = []
            let reserve = ByteReserve()
            for job in jobs {
                let result = Result {
                    try loader.load(files: job.files, meting: job.meting, naming: job.naming, progress: progress, reserve: reserve)
                }
                results.append(result)
                if case .failure = result { break }
            }
            return results
        }
        let results = concurrentMap(jobs.count) { k in
            // Small files: no progress while they are read, each reported done afterwards.
            Result { try loader.load(files: jobs[k].files, meting: jobs[k].meting, naming: jobs[k].naming) }
        }
        for (file, size) in zip(jobs.flatMap(\.files), sizes) { progress?(file.displayName, size, size) }
        return results
    }
}
