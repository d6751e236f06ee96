import Foundation
import KTOImport

/// `kto-bench read-sav PATH [--runs 3] [--no-peers]`: SAVReader alone (file read included), in
/// MB/s of the file, next to pyreadstat.read_sav on the same file (peers/sav_peer.py, which also
/// writes the file when PATH does not exist). The peer's sums of numeric cells must equal ours.
func savBenchmark(path: String, runs: Int, peer: Bool, cases: Int) throws {
    let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("peers/sav_peer.py").path
    let python = which("python3")
    if !FileManager.default.fileExists(atPath: path) {
        guard let python else { throw BenchError("\(path) does not exist and python3 is not there to write it") }
        print("writing \(path) (\(cases) cases) with pyreadstat ...")
        let made = try runProcess(python, [peerScript, path, "--write", "--cases", String(cases)])
        guard made.status == 0 else { throw BenchError("writing \(path) failed:\n\(made.output)") }
    }
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    // Best of `runs`, wall clock and CPU time (the machine may be shared); the previous table is
    // freed outside the timing.
    var table: DataTable?
    var time = Double.infinity
    var cpu = Double.infinity
    var split = (user: 0.0, system: 0.0)
    for _ in 0..<runs {
        table = nil
        let cpuStart = cpuSeconds()
        let wall = try seconds { table = try SAVReader.read(path: path, displayName: path) }
        let cpuEnd = cpuSeconds()
        if cpuEnd.total - cpuStart.total < cpu {
            cpu = cpuEnd.total - cpuStart.total
            split = (cpuEnd.user - cpuStart.user, cpuEnd.system - cpuStart.system)
        }
        time = min(time, wall)
    }
    guard let table else { return }
    var sum = 0.0
    var count = 0
    var texts = 0
    for column in table.columns {
        for cell in column.cells {
            switch cell {
            case .number(let v): sum += v; count += 1
            case .text: texts += 1
            case .empty, .boolean: break
            }
        }
    }
    let mb = Double(size) / 1e6
    print("file: \(fixed(mb, 1)) MB, \(table.rowCount) cases x \(table.columns.count) variables")
    print("sav_seconds: \(fixed(time, 4))  cpu: \(fixed(cpu, 4)) (user \(fixed(split.user, 4)), system \(fixed(split.system, 4)))")
    print("sav_mb_per_s: \(fixed(mb / time, 0))  cpu: \(fixed(mb / cpu, 0))")
    print("numeric_sum: \(fixed(sum, 6))  numeric_count: \(count)  text_count: \(texts)")
    guard peer, let python else { return }
    let result = try runProcess(python, [peerScript, path, "--runs", String(runs)])
    guard result.status == 0 else { throw BenchError("pyreadstat peer failed:\n\(result.output)") }
    var values: [String: Double] = [:]
    for line in result.output.split(separator: "\n") {
        let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let v = Double(parts[1]) { values[parts[0]] = v }
    }
    let peerTime = values["pyreadstat_seconds"] ?? .nan
    let peerCPU = values["pyreadstat_cpu_seconds"] ?? .nan
    print("pyreadstat_seconds: \(fixed(peerTime, 4))  cpu: \(fixed(peerCPU, 4))")
    print("pyreadstat_mb_per_s: \(fixed(mb / peerTime, 0))  cpu: \(fixed(mb / peerCPU, 0))")
    let peerSum = values["numeric_sum"] ?? .nan
    let agree = abs(peerSum - sum) <= 1e-9 * max(1, abs(sum)) && values["numeric_count"] == Double(count)
        && values["text_count"] == Double(texts)
    print("peer check: \(agree ? "sums, counts and texts agree" : "MISMATCH: \(result.output)")")
    if !agree { throw BenchError("pyreadstat read different values") }
}

/// User and system CPU seconds of this process so far.
func cpuSeconds() -> (user: Double, system: Double, total: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return (user, system, user + system)
}
