import Foundation
import KTOImport
import KTOModel

// kto-bench: measures the pipeline on deterministic synthetic studies. Run in release mode:
//   swift run -c release kto-bench parse [--mb 120]
// Prints human-readable lines, then machine-readable `key: value` lines last.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident set size in MB (Linux: VmHWM from /proc/self/status).
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Double($0) }
        if let kb = digits.first { return kb / 1024 }
    }
    return 0
}

func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.min() ?? 0
}

func parseBenchmark(megabytes: Int, loadOnly: Bool) throws {
    let bytesPerRow = 150
    let respondents = megabytes * 1_000_000 / bytesPerRow
    let synthetic = SyntheticStudy(respondents: respondents)
    let folder = NSTemporaryDirectory() + "kto-bench-parse"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let export = synthetic.export(meting: 2017)
    let dataPath = folder + "/export.csv"
    FileManager.default.createFile(atPath: dataPath, contents: Data(export))
    try synthetic.codebook().write(toFile: folder + "/codebook.csv", atomically: true, encoding: .utf8)
    try synthetic.studyFile(data: "export.csv", previous: nil).write(toFile: folder + "/bench.study", atomically: true, encoding: .utf8)
    let mb = Double(export.count) / 1e6
    print("synthetic export: \(respondents) respondents, \(String(format: "%.1f", mb)) MB, \(synthetic.gradeCodes.count + synthetic.statementCodes.count + synthetic.categoryCodes.count + 2) columns")

    // 1. The CSV reader alone: every field visited (its length summed) so nothing is optimised away.
    let source = try SourceText(contentsOf: dataPath)
    var checksum = 0
    let parseTime = try best(of: 3) {
        checksum = 0
        let reader = try CSVReader(source: source)
        _ = try reader.forEachRecord { record in
            for k in 0..<record.count { checksum &+= record.withBytes(k) { $0.count } }
        }
    }
    if loadOnly {
        let t = try best(of: 3) { _ = try LoadedStudy.load(studyPath: folder + "/bench.study") }
        print("read_validate_mb_per_second: \(String(format: "%.0f", mb / t))")
        return
    }
    // 2. Read + validate into typed columns (the file read from disk included).
    var rows = 0
    let loadTime = try best(of: 3) {
        let loaded = try LoadedStudy.load(studyPath: folder + "/bench.study")
        rows = loaded.current.rowCount
    }
    // Peer in the same run: the naive approach of a String per field (Foundation split).
    let slice = min(export.count, 20_000_000)
    var end = slice
    while end < export.count && export[end - 1] != 10 { end += 1 }
    let naiveBytes = Array(export[0..<end])
    var naiveFields = 0
    let naiveTime = best(of: 1) {
        let text = String(decoding: naiveBytes, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") {
            naiveFields += line.components(separatedBy: ";").count
        }
    }
    let parseRate = mb / parseTime
    let loadRate = mb / loadTime
    let naiveRate = Double(naiveBytes.count) / 1e6 / naiveTime
    print("csv parse: \(String(format: "%.3f", parseTime)) s (checksum \(checksum))")
    print("read + validate into columns: \(String(format: "%.3f", loadTime)) s, \(rows) rows")
    print("peer: String-per-field split on \(String(format: "%.1f", Double(naiveBytes.count) / 1e6)) MB: \(String(format: "%.1f", naiveRate)) MB/s (\(naiveFields) fields)")
    print("csv_mb: \(String(format: "%.1f", mb))")
    print("parse_mb_per_second: \(String(format: "%.0f", parseRate))")
    print("read_validate_mb_per_second: \(String(format: "%.0f", loadRate))")
    print("naive_string_split_mb_per_second: \(String(format: "%.1f", naiveRate))")
    print("speedup_parse_vs_naive: \(String(format: "%.1f", parseRate / naiveRate))")
    print("peak_rss_mb: \(String(format: "%.0f", peakRSSMegabytes()))")
}

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "parse"
var megabytes = 120
if let i = arguments.firstIndex(of: "--mb"), i + 1 < arguments.count, let value = Int(arguments[i + 1]) { megabytes = value }
do {
    switch command {
    case "parse": try parseBenchmark(megabytes: megabytes, loadOnly: false)
    case "load": try parseBenchmark(megabytes: megabytes, loadOnly: true)
    default:
        FileHandle.standardError.write(Data("usage: kto-bench parse [--mb N]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("kto-bench: \(error)\n".utf8))
    exit(1)
}
