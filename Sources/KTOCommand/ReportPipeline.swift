import Foundation
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
    public func files(for loaded: LoadedStudy) throws -> (results: StudyResults, files: [(path: String, bytes: [UInt8])]) {
        let collected = Collected()
        let made = try deliver(for: loaded) { documents in
            let joined = documents.map { ($0.path, $0.bytes) }
            collected.lock.withLock { for (path, bytes) in joined { collected.bytes[path] = bytes } }
        }
        return (made.results, made.files.map { ($0.path, collected.bytes[$0.path] ?? []) })
    }

    /// The documents' bytes as the rendering threads deliver them.
    /// `@unchecked Sendable`: `bytes` is written under `lock` only, and read after the threads ended.
    private final class Collected: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [String: [UInt8]] = [:]
    }

    /// Renders the files of the report folder and hands each document's files to `deliver` as
    /// soon as they are rendered (from the rendering threads), so that they are written while
    /// others are still rendered. The bytes are not kept once delivered: at 1M respondents the
    /// outputs are 20 MB, which stayed resident to the end (a tenth of the run's peak memory).
    /// - Returns: the results, and the files' paths and sizes in a fixed order.
    /// - Throws: `StudyError` as `files(for:)`; whatever `deliver` throws, which stops the report.
    public func deliver(
        for loaded: LoadedStudy, to deliver: @Sendable ([OutputFile]) throws -> Void
    ) throws -> (results: StudyResults, files: [(path: String, size: Int)]) {
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
        let rendered = parallelMap(count) { i -> Result<[(path: String, size: Int)], any Error> in
            let k = startOrder[i]
            return Result {
                let files: [OutputFile]
                switch k {
                case 0: files = [OutputFile(path: ResultsCSVWriter.fileName, pieces: ResultsCSVWriter.pieces(results))]
                case 1: files = [OutputFile(path: "report.txt", bytes: Array(TextReportWriter().render(report).utf8))]
                case 2: files = [OutputFile(path: "index.html", bytes: HTMLReportWriter().bytes(report))]
                case 3: files = tables.includesCSV ? TablesBookWriter().render(report).map { OutputFile(path: $0.path, bytes: $0.bytes) } : []
                case tablesBook:
                    files = tables.includesWorkbook ? [OutputFile(path: TablesWorkbookWriter.fileName, bytes: try TablesWorkbookWriter().bytes(report, annexes: annexes))] : []
                default:
                    let g = k - 5
                    files = [OutputFile(path: "annex-\(annexSlugs[g]).html", bytes: HTMLReportWriter().bytes(annexes[g]))]
                }
                try deliver(files)
                return files.map { ($0.path, $0.size) }
            }
        }
        var documents = rendered
        for (i, k) in startOrder.enumerated() { documents[k] = rendered[i] }
        let files = try documents.flatMap { try $0.get() }
        return (results, files)
    }
}
