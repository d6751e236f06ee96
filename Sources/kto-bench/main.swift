import Foundation
import KTOCommand

// kto-bench: measures the whole pipeline on deterministic synthetic studies. Release mode only:
//   swift build -c release --product kto-bench && .build/release/kto-bench
//   kto-bench [run] [--sizes 10000,100000,1000000] [--runs 3] [--no-peers] [--folder DIR]
//             [--weighting rake|gemeente]   the study's weighting (default rake: gemeente, leeftijd)
//   kto-bench parse [--mb 120]      CSV parse and read+validate MB/s vs a String-split peer
//   kto-bench read STUDY [--threads N]   only the read of a study, for profiling
//   kto-bench cursor EXPORT.csv          only the CSV pass, one core, without and with a code table
//   kto-bench read-sav FILE.sav [--runs 3] [--cases 500000] [--no-peers] [--fresh N]
//                                        the .sav reader vs pyreadstat (writes FILE.sav if absent);
//                                        --fresh N: also the median of N fresh processes
//   kto-bench read-xlsx FILE.xlsx [--runs 3] [--cases 20000] [--no-peers] [--fresh N]
//                                        the .xlsx reader vs openpyxl read-only (writes it if absent)
//   kto-bench sample [--runs 15] [--kto PATH] [--study STUDY]
//                                        `kto report` on the sample study in fresh processes
//   kto-bench render STUDY [--runs 9]    the analysis, the report models and each output on its
//                                        own (CPU and wall), after one read of the study
// `run` prints a table per size, then machine-readable `key: value` lines for the largest size.
// Peers in the same run (skipped with --no-peers): pandas (peers/pandas_peer.py) at every size
// when python3 can import pandas; R survey (peers/r_survey_peer.R) at 100,000 respondents when
// Rscript can load survey. Both do the same weighted work and check their figures against ours
// (estimates to 1e-9, R's standard errors to 1e-6); a difference fails the benchmark.

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

let usage = """
    usage: kto-bench [run] [--sizes 10000,100000,1000000] [--runs 3] [--no-peers] [--folder DIR]
                     [--weighting rake|gemeente]
           kto-bench parse [--mb 120]
           kto-bench read STUDY [--threads N] [--runs 3]
           kto-bench cursor EXPORT.csv
           kto-bench read-sav FILE.sav [--runs 3] [--cases 500000] [--no-peers] [--fresh N]
           kto-bench read-xlsx FILE.xlsx [--runs 3] [--cases 20000] [--no-peers] [--fresh N]
           kto-bench sample [--runs 15] [--kto PATH] [--study SampleData/kto-2015.study]
           kto-bench render STUDY [--runs 9]

    """

if arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" {
    // Asking for help runs nothing (a bare `kto-bench` runs the default benchmark).
    print(usage, terminator: "")
    exit(0)
}

// As the kto executable does, so the figures are kto's.
ProcessMemory.configure()
let command = arguments.first.flatMap { $0.hasPrefix("--") ? nil : $0 } ?? "run"
do {
    switch command {
    case "run":
        let sizes = (option("--sizes") ?? "10000,100000,1000000").split(separator: ",").compactMap { Int($0) }
        let runs = option("--runs").flatMap { Int($0) } ?? 3
        let folder = option("--folder") ?? NSTemporaryDirectory() + "kto-bench"
        guard let weighting = SyntheticStudy.Weighting(rawValue: option("--weighting") ?? "rake") else {
            throw BenchError("--weighting: rake or gemeente")
        }
        try BenchRun(sizes: sizes, runs: max(1, runs), folder: folder, peers: !arguments.contains("--no-peers"), weighting: weighting).run()
    case "run-size":
        // Internal: one size in a child process, so its peak memory is its own.
        guard let folder = option("--folder") else { throw BenchError("run-size needs --folder") }
        try SizeRun(folder: folder, oneCore: arguments.contains("--one-core")).run()
    case "read":
        // Only the read of a study (both metingen), for profiling: kto-bench read STUDY [--threads N].
        guard arguments.count >= 2 else { throw BenchError("read needs a study file") }
        try readBenchmark(studyPath: arguments[1], threads: option("--threads").flatMap { Int($0) }, runs: option("--runs").flatMap { Int($0) } ?? 3)
    case "cursor":
        // The CSV pass alone on one core, without and with a code table: kto-bench cursor EXPORT.
        guard arguments.count >= 2 else { throw BenchError("cursor needs an export file") }
        try cursorBenchmark(path: arguments[1], table: false)
        try cursorBenchmark(path: arguments[1], table: true)
    case "read-sav", "read-xlsx":
        let kind: FileReadKind = command == "read-sav" ? .sav : .xlsx
        guard arguments.count >= 2 else { throw BenchError("\(command) needs a .\(kind.rawValue) file") }
        try fileReadBenchmark(
            kind, path: arguments[1], runs: max(1, option("--runs").flatMap { Int($0) } ?? 3), peer: !arguments.contains("--no-peers"),
            cases: option("--cases").flatMap { Int($0) } ?? (kind == .sav ? 500_000 : 20_000),
            fresh: option("--fresh").flatMap { Int($0) } ?? 0)
    case "sample":
        // The kto next to this kto-bench (the same build), unless --kto names another.
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kto").path
        try sampleReportBenchmark(
            kto: option("--kto") ?? sibling, study: option("--study") ?? "SampleData/kto-2015.study",
            runs: max(1, option("--runs").flatMap { Int($0) } ?? 15))
    case "render":
        // The stages after the read, each on its own: kto-bench render STUDY [--runs 9].
        guard arguments.count >= 2 else { throw BenchError("render needs a study file") }
        try renderBenchmark(studyPath: arguments[1], runs: max(1, option("--runs").flatMap { Int($0) } ?? 9))
    case "parse":
        try parseBenchmark(megabytes: option("--mb").flatMap { Int($0) } ?? 120)
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("kto-bench: \(error)\n".utf8))
    exit(1)
}
