import Foundation
import KTOAnalysis
import KTOModel
import KTOReport
import KTOWriters

/// `kto-bench render STUDY [--runs N]`: the stages after the read, each on its own, in one
/// process: the analysis, the report models, and every output rendered into memory (nothing is
/// written). Per stage the median of `runs` timings, CPU seconds (user + system, all threads)
/// and wall seconds: `kto report` runs these stages on all cores at once, so for a change to
/// one stage its CPU is the figure to compare; a whole run's CPU varies more than one stage's.
func renderBenchmark(studyPath: String, runs: Int) throws {
    let loaded = try LoadedStudy.load(studyPath: studyPath)
    print("stage (median of \(runs))            cpu s     wall s")
    func stage(_ name: String, _ body: () throws -> Void) rethrows {
        var cpu: [Double] = []
        var wall: [Double] = []
        for _ in 0..<runs {
            let t = try timed(body)
            cpu.append(t.cpu)
            wall.append(t.wall)
        }
        let padded = name.padding(toLength: 30, withPad: " ", startingAt: 0)
        print("\(padded) \(fixed(median(of: cpu), 4))    \(fixed(median(of: wall), 4))")
    }
    var analysed: StudyResults?
    try stage("analyse") { analysed = try Analyzer().analyze(loaded) }
    guard let results = analysed else { throw BenchError("no results") }
    let scopes: [ReportBuilder.Scope] = [.organisation] + results.groupNames.indices.map { .gemeente($0) }
    var models: [ReportModel] = []
    stage("report models") { models = ReportBuilder().build(results, scopes: scopes) }
    let report = models[0]
    let annexes = Array(models.dropFirst())
    // Each output is kept until the next run, so that freeing it is not timed.
    var kept: [UInt8] = []
    stage("results.csv") { kept = ResultsCSVWriter.bytes(results) }
    stage("report.txt") { kept = Array(TextReportWriter().render(report).utf8) }
    stage("index.html") { kept = HTMLReportWriter().bytes(report) }
    stage("annexes (\(annexes.count))") { kept = annexes.flatMap { HTMLReportWriter().bytes($0) } }
    try stage("tables workbook") { kept = try TablesWorkbookWriter().bytes(report, annexes: annexes) }
    stage("tables CSV") { kept = TablesBookWriter().render(report).flatMap(\.bytes) }
    _ = kept.count
}
