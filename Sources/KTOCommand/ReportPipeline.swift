import KTOAnalysis
import KTOModel
import KTOReport
import KTOWriters

/// From loaded data to the files of the report folder: analysis → report model → writers.
/// Every output is made from the one `StudyResults` value, so outputs cannot disagree.
public struct ReportPipeline: Sendable {
    public init() {}

    /// The files of the report folder (relative path → bytes), in a fixed order.
    /// - Throws: `StudyError` with the data-quality problems when the data cannot carry a report
    ///   (`LoadedStudy.quality`): no report is made from answers kto could not read.
    /// - Parameter deliver: called with each document's files as soon as they are rendered (from
    ///   the rendering threads), so that they can be written while others are still rendered;
    ///   an error it throws stops the report.
    public func files(
        for loaded: LoadedStudy, deliver: (@Sendable ([(path: String, bytes: [UInt8])]) throws -> Void)? = nil
    ) throws -> (results: StudyResults, files: [(path: String, bytes: [UInt8])]) {
        guard loaded.quality.problems.isEmpty else {
            throw StudyError(loaded.quality.problems.map { StudyProblem($0.message, at: $0.location) })
        }
        let results = try Analyzer().analyze(loaded)
        // The organisation's report and every gemeente's annex, sharing what they have in common.
        let models = ReportBuilder().build(results, scopes: [.organisation] + results.groupNames.indices.map { .gemeente($0) })
        let report = models[0]
        var slugs: [String] = []
        for (g, name) in results.groupNames.enumerated() {
            // Two names that fold to the same slug still get distinct files.
            var slug = Slug.make(name)
            while slugs.contains(slug) { slug += "-\(g + 1)" }
            slugs.append(slug)
        }
        let annexSlugs = slugs
        let annexes = Array(models.dropFirst())
        let tables = loaded.study.tables
        // The documents are independent: rendered on all cores, listed in a fixed order. The
        // tables book, the longest, is started first, so that it does not run on alone at the end.
        let count = 5 + annexes.count
        let tablesBook = 4
        let startOrder = [tablesBook] + (0..<count).filter { $0 != tablesBook }
        let rendered = parallelMap(count) { i -> Result<[(path: String, bytes: [UInt8])], any Error> in
            let k = startOrder[i]
            return Result {
                let files: [(path: String, bytes: [UInt8])]
                switch k {
                case 0: files = [("results.csv", ResultsCSVWriter.bytes(results))]
                case 1: files = [("report.txt", Array(TextReportWriter().render(report).utf8))]
                case 2: files = [("index.html", HTMLReportWriter().bytes(report))]
                case 3: files = tables.includesCSV ? TablesBookWriter().render(report) : []
                case tablesBook:
                    files = tables.includesWorkbook ? [(TablesWorkbookWriter.fileName, try TablesWorkbookWriter().bytes(report, annexes: annexes))] : []
                default:
                    let g = k - 5
                    files = [("annex-\(annexSlugs[g]).html", HTMLReportWriter().bytes(annexes[g]))]
                }
                try deliver?(files)
                return files
            }
        }
        var documents = rendered
        for (i, k) in startOrder.enumerated() { documents[k] = rendered[i] }
        let files = try documents.flatMap { try $0.get() }
        return (results, files)
    }
}
