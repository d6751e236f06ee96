import Foundation

/// The benchmark: per size, generate the study (not timed), run the pipeline in a child process
/// (`kto-bench run-size`, so peak memory is per size), then the pandas peer on the same files.
/// A peer whose figures differ from ours fails the benchmark.
struct BenchRun {
    var sizes: [Int]
    var runs: Int
    var folder: String
    var peers: Bool
    var weighting = SyntheticStudy.Weighting.rake

    /// A peer script, next to this source file (override: KTO_BENCH_PEERS=folder).
    static func peer(_ name: String) -> String {
        if let folder = ProcessInfo.processInfo.environment["KTO_BENCH_PEERS"] { return folder + "/" + name }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("peers/" + name).path
    }

    /// The size at which the R `survey` peer runs (it takes seconds per 10,000 respondents).
    static let rSize = 100_000
    /// For how many grades and statements (the first ones) per meting the R peer checks the
    /// per-gemeente figures as well as the total (`svyby` on the raked design of 50,000
    /// respondents takes about 5 s per item; every item's total is checked).
    static let rPerGemeenteItems = 1

    func run() throws {
        print("kto-bench: \(machineDescription()); per size \(runs) runs, each in a fresh process (the one-core read in one of its own); medians (peak memory: the largest)")
        print("study: weighting = \(weighting.rawValue)\(weighting == .rake ? " (gemeente, leeftijd)" : ""), breakdowns = \(SyntheticStudy.breakdownCodes.joined(separator: ", "))")
        let python = peers ? pandasPython() : nil
        if peers && python == nil { print("pandas peer: skipped (python3 -c \"import pandas\" failed)") }
        let rscript = peers && sizes.contains(Self.rSize) ? surveyRscript() : nil
        if peers && sizes.contains(Self.rSize) && rscript == nil { print("R survey peer: skipped (Rscript -e 'library(survey)' failed)") }
        var last: [String: String] = [:]
        for size in sizes {
            let study = SyntheticStudy(respondents: size, weighting: weighting)
            let path = folder + "/n\(size)"
            try? FileManager.default.removeItem(atPath: path)
            let generated = try seconds { _ = try study.write(to: path) }
            var samples: [[String: String]] = []
            for _ in 0..<runs {
                var sample: [String: String] = [:]
                for mode in [[], ["--one-core"]] {
                    let child = try runProcess("/proc/self/exe", ["run-size", "--folder", path] + mode)
                    guard child.status == 0 else { throw BenchError("run-size \(size) failed (status \(child.status))") }
                    sample.merge(keyValues(child.output)) { _, new in new }
                }
                samples.append(sample)
            }
            var figures: [String: String] = samples.first ?? [:]
            func median(_ key: String) -> Double? {
                let values = samples.compactMap { $0[key].flatMap(Double.init) }
                return values.isEmpty ? nil : kto_bench.median(of: values)
            }
            let mb = median("csv_mb") ?? 0
            for key in ["read_seconds", "read_one_core_seconds", "analyse_render_seconds", "write_seconds", "end_to_end_seconds"] {
                figures[key] = median(key).map { fixed($0, 4) }
            }
            let totals = samples.compactMap { $0["end_to_end_seconds"].flatMap(Double.init) }
            figures["end_to_end_range"] = "\(fixed(totals.min() ?? 0, 3))-\(fixed(totals.max() ?? 0, 3))"
            figures["read_mb_per_second"] = median("read_seconds").map { fixed(mb / $0, 0) }
            figures["read_one_core_mb_per_second"] = median("read_one_core_seconds").map { fixed(mb / $0, 0) }
            let peak = samples.compactMap { $0["peak_rss_mb"].flatMap(Double.init) }.max()
            figures["peak_rss_mb"] = peak.map { fixed($0, 0) }
            figures["peak_rss_to_csv"] = peak.flatMap { mb > 0 ? fixed($0 / mb, 2) : nil }
            if let python {
                var times: [Double] = []
                for _ in 0..<runs {
                    let breakdowns = SyntheticStudy.background.flatMap { ["--breakdown", "\($0.code)=\($0.labels.count)"] }
                    let peer = try runProcess(python, [
                        Self.peer("pandas_peer.py"), "--ours", path + "/ours.csv", "--weighting", weighting.rawValue,
                        "--population", path + "/population.csv", "--margin", path + "/leeftijd.csv",
                    ] + breakdowns + [
                        path + "/export-\(SyntheticStudy.currentMeting).csv", "\(SyntheticStudy.currentMeting)",
                        path + "/export-\(SyntheticStudy.previousMeting).csv", "\(SyntheticStudy.previousMeting)",
                    ])
                    let values = keyValues(peer.output)
                    guard peer.status == 0, let pandas = values["pandas_seconds"].flatMap(Double.init) else {
                        throw BenchError("pandas peer failed at \(size) respondents (status \(peer.status)):\n\(peer.output)")
                    }
                    times.append(pandas)
                    figures["pandas_check"] = values["check"] ?? "?"
                }
                let pandas = kto_bench.median(of: times)
                figures["pandas_seconds"] = fixed(pandas, 3)
                if let ours = median("end_to_end_seconds") { figures["speedup_vs_pandas"] = fixed(pandas / ours, 1) }
            }
            if let rscript, size == Self.rSize {
                let peer = try runProcess(rscript, [
                    Self.peer("r_survey_peer.R"), weighting.rawValue, "\(Self.rPerGemeenteItems)", path + "/ours-weighted.csv", path + "/population.csv", path + "/leeftijd.csv",
                    path + "/export-\(SyntheticStudy.currentMeting).csv", "\(SyntheticStudy.currentMeting)",
                    path + "/export-\(SyntheticStudy.previousMeting).csv", "\(SyntheticStudy.previousMeting)",
                ])
                let values = keyValues(peer.output)
                guard peer.status == 0, let r = values["r_seconds"].flatMap(Double.init) else {
                    throw BenchError("R survey peer failed at \(size) respondents (status \(peer.status)):\n\(peer.output)")
                }
                figures["r_seconds"] = fixed(r, 2)
                figures["r_check"] = values["check"] ?? "?"
                if let ours = median("end_to_end_seconds") { figures["speedup_vs_r_survey"] = fixed(r / ours, 0) }
            }
            report(size: size, figures: figures, generated: generated)
            last = figures
        }
        // Machine-readable, last: the largest size.
        print("")
        for key in ["end_to_end_seconds", "read_mb_per_second", "peak_rss_mb", "peak_rss_to_csv", "pandas_seconds", "speedup_vs_pandas"] {
            print("\(key): \(last[key] ?? "n/a")")
        }
    }

    func report(size: Int, figures: [String: String], generated: Double) {
        func value(_ key: String) -> String { figures[key] ?? "n/a" }
        let perRespondent = (figures["end_to_end_seconds"].flatMap(Double.init) ?? 0) / Double(size) * 1e6
        let readPerRespondent = (figures["read_seconds"].flatMap(Double.init) ?? 0) / Double(size) * 1e6
        print("")
        print("== \(size) respondents (two metingen), \(value("csv_mb")) MB CSV, \(value("rows_used")) rows used; generated in \(fixed(generated, 2)) s (not timed)")
        print("  read (load + validate, all cores)   \(value("read_seconds")) s   \(value("read_mb_per_second")) MB/s")
        print("  read on one core                    \(value("read_one_core_seconds")) s   \(value("read_one_core_mb_per_second")) MB/s")
        print("  analyse + render (files written)    \(value("analyse_render_seconds")) s   (\(value("output_files")) files, \(value("output_mb")) MB)")
        print("  commit (check, manifest, swap)      \(value("write_seconds")) s")
        print("  end to end                          \(value("end_to_end_seconds")) s   (runs: \(value("end_to_end_range")) s)")
        print("  per respondent                      \(fixed(perRespondent, 3)) µs end to end, \(fixed(readPerRespondent, 3)) µs read")
        print("  peak resident memory (VmHWM)        \(value("peak_rss_mb")) MB   (\(value("peak_rss_to_csv"))× the CSV)")
        if figures["r_seconds"] != nil {
            print("  R survey peer (one run)             \(value("r_seconds")) s   ours \(value("speedup_vs_r_survey"))× faster; figures \(value("r_check"))")
        }
        if figures["pandas_seconds"] != nil {
            print("  pandas peer (read, weights, mean/%) \(value("pandas_seconds")) s   ours \(value("speedup_vs_pandas"))× faster; figures \(value("pandas_check"))")
        }
        for key in ["end_to_end_seconds", "read_mb_per_second", "read_one_core_mb_per_second", "peak_rss_mb", "peak_rss_to_csv", "pandas_seconds", "speedup_vs_pandas"] {
            print("  n\(size)_\(key): \(value(key))")
        }
    }

    /// Rscript, if it can load the survey package.
    func surveyRscript() -> String? {
        guard let rscript = which("Rscript"),
              let check = try? runProcess(rscript, ["-e", "suppressPackageStartupMessages(library(survey))"]), check.status == 0
        else { return nil }
        return rscript
    }

    /// python3, if it can import pandas.
    func pandasPython() -> String? {
        guard let python = which("python3"),
              let check = try? runProcess(python, ["-c", "import pandas"]), check.status == 0 else { return nil }
        return python
    }
}
