import Foundation
import KTOImport
import KTOModel

/// `kto-bench parse`: the CSV reader alone, and read + validate into typed columns, on one
/// synthetic export of about `megabytes` MB; peer: a `String` per field (Foundation split).
func parseBenchmark(megabytes: Int) throws {
    let bytesPerRow = 143
    let rows = megabytes * 1_000_000 / bytesPerRow
    // The current meting's export of a study twice that size has `rows` rows.
    let synthetic = SyntheticStudy(respondents: 2 * rows)
    let folder = NSTemporaryDirectory() + "kto-bench-parse"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let dataPath = folder + "/export.csv"
    let size = try synthetic.writeExport(meting: SyntheticStudy.currentMeting, to: dataPath)
    try synthetic.codebook().write(toFile: folder + "/codebook.csv", atomically: true, encoding: .utf8)
    try synthetic.studyFile(current: "export.csv", previous: "export.csv")
        .write(toFile: folder + "/bench.study", atomically: true, encoding: .utf8)
    let mb = Double(size) / 1e6
    print("synthetic export: \(rows) respondents, \(fixed(mb, 1)) MB, \(synthetic.columnCount) columns")

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
    // 2. Read + validate into typed columns (the file read from disk included), one meting.
    let study = try Study.load(path: folder + "/bench.study")
    let codebook = try Codebook.load(path: study.codebook.path, displayName: study.codebook.displayName)
    func load(parallelism: Int?) throws -> (Double, Int) {
        var loader = DatasetLoader(study: study, codebook: codebook)
        loader.parallelism = parallelism
        var used = 0
        let time = try best(of: 3) { used = try loader.load(files: study.dataFiles, meting: study.meting).0.rowCount }
        return (time, used)
    }
    let (loadTime, used) = try load(parallelism: nil)
    let (oneCoreTime, _) = try load(parallelism: 1)

    // Peer in the same run: the naive approach of a String per field (Foundation split).
    let export = Array(source.bytes)
    var end = min(export.count, 20_000_000)
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
    let naiveRate = Double(naiveBytes.count) / 1e6 / naiveTime
    print("csv parse: \(fixed(parseTime, 3)) s (checksum \(checksum))")
    print("read + validate into columns: \(fixed(loadTime, 3)) s all cores, \(fixed(oneCoreTime, 3)) s one core, \(used) rows")
    print("peer: String-per-field split on \(fixed(Double(naiveBytes.count) / 1e6, 1)) MB: \(fixed(naiveRate, 1)) MB/s (\(naiveFields) fields)")
    print("csv_mb: \(fixed(mb, 1))")
    print("parse_mb_per_second: \(fixed(parseRate, 0))")
    print("read_validate_mb_per_second: \(fixed(mb / loadTime, 0))")
    print("read_validate_one_core_mb_per_second: \(fixed(mb / oneCoreTime, 0))")
    print("naive_string_split_mb_per_second: \(fixed(naiveRate, 1))")
    print("speedup_parse_vs_naive: \(fixed(parseRate / naiveRate, 1))")
    print("peak_rss_mb: \(fixed(peakRSSMegabytes(), 0))")
}

/// `kto-bench read`: the read of both metingen of a study (kept, as `LoadedStudy.load` keeps
/// them), best of `runs`; `threads` nil = `LoadedStudy.load` itself.
func readBenchmark(studyPath: String, threads: Int?, runs: Int) throws {
    let study = try Study.load(path: studyPath)
    let codebook = try Codebook.load(path: study.codebook.path, displayName: study.codebook.displayName)
    var loader = DatasetLoader(study: study, codebook: codebook)
    loader.parallelism = threads
    var files = study.dataFiles
    if let previous = study.previous { files += previous.dataFiles }
    let bytes = try files.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int ?? 0 }.reduce(0, +)
    var rows = 0
    let time = try best(of: runs) {
        if threads == nil {
            let loaded = try LoadedStudy.load(studyPath: studyPath)
            rows = loaded.current.rowCount + (loaded.previous?.rowCount ?? 0)
            return
        }
        rows = try loadInTurn(study, with: loader).reduce(0) { $0 + $1.rowCount }
    }
    print("read: \(rows) rows, \(fixed(Double(bytes) / 1e6, 1)) MB in \(fixed(time, 4)) s: \(fixed(Double(bytes) / 1e6 / time, 0)) MB/s, \(fixed(time / Double(max(rows, 1)) * 1e9, 0)) ns/row, peak RSS \(fixed(peakRSSMegabytes(), 0)) MB")
}

/// Both metingen of `study` with `loader`, as `LoadedStudy` reads large metingen: one after the
/// other (each large export mapped, or read into the memory of the one before, `ByteReserve`).
func loadInTurn(_ study: Study, with loader: DatasetLoader) throws -> [Dataset] {
    let reserve = ByteReserve()
    var datasets = [try loader.load(files: study.dataFiles, meting: study.meting, reserve: reserve).0]
    if let previous = study.previous {
        datasets.append(try loader.load(files: previous.dataFiles, meting: previous.meting, naming: .previous, reserve: reserve).0)
    }
    return datasets
}

/// `kto-bench cursor`: the CSV pass alone on one core (every record split; with `table`, also
/// every column but the first and last looked up in a code table v → v, empty → -1).
func cursorBenchmark(path: String, table useTable: Bool) throws {
    let source = try SourceText(contentsOf: path)
    let reader = try CSVReader(source: source)
    var table = CSVCodeTable(columns: reader.header.count)
    for k in 1..<reader.header.count - 1 {
        table[emptyIn: k] = -1
        for v in 0...99 { table[k, v] = Int16(v) }
    }
    var sum = 0
    let t = try best(of: 3) {
        sum = 0
        var cursor = reader.makeCursor(decoding: useTable ? table : nil)
        while let record = try cursor.next() {
            sum &+= record.count
            if useTable { sum &+= record.slowValues }
        }
    }
    print("cursor table=\(useTable): \(fixed(Double(source.bytes.count) / 1e6 / t, 0)) MB/s (\(sum))")
}
