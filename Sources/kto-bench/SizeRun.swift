import Foundation
import KTOAnalysis
import KTOCommand
import KTOModel
import KTOWriters

/// One run of one size, in a process of its own (`kto-bench run-size`), as `kto report` would
/// run: a fresh process, nothing cached but the files in the OS page cache.
///
/// Stages: read (`LoadedStudy.load`: study file, codebook, both exports, every row checked),
/// analyse and render (`ReportPipeline().deliver(for:to:)`: every item × gemeente × meting,
/// every output rendered and, as `kto report` does, written into a staging folder as soon as it
/// is rendered), write (`OutputFolder.Staging.commit`: the folder checked again, the manifest,
/// the swap). Peak resident memory (VmHWM) is taken right
/// after, so it is the pipeline's; then our figures for the peers are written.
/// With `oneCore`, only the read, through the loader with parallelism 1.
struct SizeRun {
    var folder: String
    var oneCore = false

    func run() throws {
        if oneCore { return try runOneCore() }
        let studyPath = folder + "/bench.study"
        let csvBytes = try ["export-\(SyntheticStudy.currentMeting).csv", "export-\(SyntheticStudy.previousMeting).csv"]
            .map { try FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.size] as? Int ?? 0 }
            .reduce(0, +)
        var loaded: LoadedStudy?
        var made: (results: StudyResults, files: [(path: String, size: Int)])?
        let (read, readCPU) = try timed { loaded = try LoadedStudy.load(studyPath: studyPath) }
        guard let study = loaded else { throw BenchError("no study") }
        var staging: OutputFolder.Staging?
        let (analyse, analyseCPU) = try timed {
            let files = try OutputFolder(path: folder + "/report").stage()
            staging = files
            made = try ReportPipeline().deliver(for: study) { documents in
                for document in documents { try files.add(document) }
            }
        }
        guard let (results, files) = made, let staging else { throw BenchError("no files") }
        let (write, writeCPU) = try timed { try staging.commit() }
        let peak = peakRSSMegabytes()
        let rows = study.current.rowCount + (study.previous?.rowCount ?? 0)
        try PeerFigures.write(results, to: folder + "/ours.csv")
        try PeerFigures.writeWeighted(results, to: folder + "/ours-weighted.csv")
        let mb = Double(csvBytes) / 1e6
        print("rows_used: \(rows)")
        print("csv_mb: \(fixed(mb, 1))")
        print("read_seconds: \(fixed(read, 4))")
        print("analyse_render_seconds: \(fixed(analyse, 4))")
        print("write_seconds: \(fixed(write, 4))")
        print("end_to_end_seconds: \(fixed(read + analyse + write, 4))")
        print("read_cpu_seconds: \(fixed(readCPU, 4))")
        print("analyse_render_cpu_seconds: \(fixed(analyseCPU, 4))")
        print("write_cpu_seconds: \(fixed(writeCPU, 4))")
        print("output_files: \(files.count)")
        print("output_mb: \(fixed(Double(files.reduce(0) { $0 + $1.size }) / 1e6, 1))")
        print("peak_rss_mb: \(fixed(peak, 0))")
    }

    /// The read of both metingen on one core (`DatasetLoader.parallelism = 1`).
    func runOneCore() throws {
        let studyPath = folder + "/bench.study"
        let time = try seconds {
            let study = try Study.load(path: studyPath)
            let codebook = try Codebook.load(path: study.codebook.path, displayName: study.codebook.displayName)
            var loader = DatasetLoader(study: study, codebook: codebook)
            loader.parallelism = 1
            _ = try loadInTurn(study, with: loader)
        }
        print("read_one_core_seconds: \(fixed(time, 4))")
    }
}

/// Our figures in the form the peers compute them, for their cross-checks.
enum PeerFigures {
    /// The peers' name of a domain: `total`, `gemeente=CODE` (the gemeente's code in the data),
    /// `VARIABLE=CODE` for a breakdown category.
    static func key(_ domain: Domain, in results: StudyResults) -> String {
        switch domain {
        case .total: return "total"
        case .gemeente(let g): return "gemeente=\(g + 1)"
        case .category(let b, let code): return "\(results.breakdowns[b].variable.code)=\(code)"
        }
    }

    /// `meting;item;group;n;mean;pct_agree`: per meting and domain (total, every gemeente, every
    /// breakdown category) the unweighted n of valid answers, and the (weighted, as the study
    /// says) mean of every grade and % (4+5) of every statement. Missing values are empty.
    static func write(_ results: StudyResults, to path: String) throws {
        var lines = ["meting;item;group;n;mean;pct_agree"]
        for variable in results.variables where variable.variable.type == .grade || variable.variable.type == .likert {
            let grade = variable.variable.type == .grade
            for meting in variable.metingen {
                for domain in meting.domains {
                    let value = domain.value(grade ? .mean : .pctAgree).map { "\($0)" } ?? ""
                    let prefix = "\(meting.meting);\(variable.variable.code);\(key(domain.domain, in: results));\(domain.n)"
                    lines.append(grade ? "\(prefix);\(value);" : "\(prefix);;\(value)")
                }
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `meting;item;group;estimate;se`: the total and every gemeente, per grade (mean) and
    /// statement (proportion (4+5) of valid answers, 0...1), for the R peer.
    static func writeWeighted(_ results: StudyResults, to path: String) throws {
        var lines = ["meting;item;group;estimate;se"]
        for variable in results.variables where variable.variable.type == .grade || variable.variable.type == .likert {
            let measure: Measure = variable.variable.type == .grade ? .mean : .pctAgree
            let scale = measure == .mean ? 1.0 : 0.01
            for meting in variable.metingen {
                for domain in meting.domains where !isCategory(domain.domain) {
                    guard let estimate = domain.estimate(measure), let value = estimate.value else { continue }
                    lines.append("\(meting.meting);\(variable.variable.code);\(key(domain.domain, in: results));\(value * scale);\(estimate.se.map { "\($0 * scale)" } ?? "")")
                }
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A breakdown category (the R peer checks the total and the gemeenten).
    static func isCategory(_ domain: Domain) -> Bool {
        if case .category = domain { return true }
        return false
    }
}
