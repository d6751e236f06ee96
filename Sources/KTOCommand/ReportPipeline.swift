import KTOAnalysis
import KTOModel
import KTOReport
import KTOWriters

/// From loaded data to the files of the report folder: analysis → report model → writers.
/// Every output is made from the one `StudyResults` value, so outputs cannot disagree.
public struct ReportPipeline: Sendable {
    public init() {}

    /// The files of the report folder (relative path → bytes), in a fixed order.
    public func files(for loaded: LoadedStudy) -> (results: StudyResults, files: [(path: String, bytes: [UInt8])]) {
        let results = Analyzer().analyze(loaded)
        let builder = ReportBuilder()
        let report = builder.build(results)
        var files: [(path: String, bytes: [UInt8])] = [
            ("results.csv", Array(ResultsCSVWriter.render(results.rows).utf8)),
            ("report.txt", Array(TextReportWriter().render(report).utf8)),
            ("index.html", Array(HTMLReportWriter().render(report).utf8)),
        ]
        var used: Set<String> = []
        for (g, name) in results.groupNames.enumerated() {
            // Two names that fold to the same slug still get distinct files.
            var slug = Slug.make(name)
            while used.contains(slug) { slug += "-\(g + 1)" }
            used.insert(slug)
            let annex = builder.build(results, scope: .gemeente(g))
            files.append(("annex-\(slug).html", Array(HTMLReportWriter().render(annex).utf8)))
        }
        files += TablesBookWriter().render(report)
        return (results, files)
    }
}
