import KTOImport
import KTOModel

/// What one fuzz target made of one input: a short signature of the behaviour (new signatures
/// put the input in the corpus) and the invariants it broke.
struct TargetOutcome {
    var signature: String
    var violations: [String] = []
}

/// The parsers under fuzzing; each reads one input the way `kto` reads that kind of file and
/// checks invariants beyond "does not crash".
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `CSVReader`/`CSVCursor`: records, the code table (`next(writingValuesTo:)`), `partition`.
    case csv
    /// `Study.parse`.
    case study
    /// `Codebook.parse`, then the fuzz study's data read with the parsed codebook.
    case codebook
    /// `CodingFile.apply` against the fuzz study's dataset.
    case coding
    /// `Aggregates.parse` (benchmarks, published figures) against the sample codebook.
    case aggregates
    /// `KeywordDictionary.parse` against the sample codebook's questions, then matching.
    case dictionary
    /// `DatasetLoader` on the fuzz study with the input as its data file, sequential and in parts.
    case loader
    /// `TableFile` (CSV and platform exports, .sav, .xlsx), then `kto init`'s codebook draft.
    case table
    /// A study and its data built from the input's bytes (`DesignTarget`), analysed and rendered.
    case design

    /// The seed files of this target, by name (see `Seeds`).
    func accepts(seedNamed name: String) -> Bool {
        let lower = name.lowercased()
        switch self {
        case .csv: return lower.hasSuffix(".csv")
        case .study: return lower.hasSuffix(".study")
        case .codebook: return lower.hasSuffix("codebook.csv")
        case .coding: return lower.hasPrefix("codering") || lower.contains("coding")
        case .aggregates: return lower.hasPrefix("benchmark") || lower.contains("aggregates")
        case .dictionary: return lower.hasPrefix("trefwoorden") || lower.contains("dictionary")
        case .loader: return lower.hasSuffix(".csv") && !lower.hasSuffix("codebook.csv") && !lower.hasPrefix("benchmark")
            && !lower.hasPrefix("trefwoorden") && !lower.hasPrefix("codering")
        case .table: return [".sav", ".zsav", ".xlsx"].contains { lower.hasSuffix($0) } || lower.contains("export")
        case .design: return lower.hasPrefix("design-choices")
        }
    }

    func run(_ input: [UInt8], context: FuzzContext) -> TargetOutcome {
        var checker = Checker()
        let signature: String
        switch self {
        case .csv: signature = CSVTarget.run(input, checker: &checker)
        case .study: signature = ModelTargets.study(input, context: context, checker: &checker)
        case .codebook: signature = ModelTargets.codebook(input, context: context, checker: &checker)
        case .coding: signature = ModelTargets.coding(input, context: context, checker: &checker)
        case .aggregates: signature = ModelTargets.aggregates(input, context: context, checker: &checker)
        case .dictionary: signature = ModelTargets.dictionary(input, context: context, checker: &checker)
        case .loader: signature = LoaderTarget.run(input, context: context, checker: &checker)
        case .table: signature = TableTarget.run(input, context: context, checker: &checker)
        case .design: signature = DesignTarget.run(input, context: context, checker: &checker)
        }
        return TargetOutcome(signature: signature, violations: checker.violations)
    }
}
