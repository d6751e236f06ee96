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
        let report = ReportBuilder().build(results)
        let files: [(path: String, bytes: [UInt8])] = [
            ("results.csv", Array(ResultsCSVWriter.render(results.rows).utf8)),
            ("report.txt", Array(TextReportWriter().render(report).utf8)),
        ]
        return (results, files)
    }
}
