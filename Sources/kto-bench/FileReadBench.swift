import Foundation
import KTOImport

/// A file format of `kto-bench read-sav` / `read-xlsx`: kto's reader and the Python peer that
/// writes the benchmark file and times the usual Python reader of that format on it.
enum FileReadKind: String {
    case sav
    case xlsx

    /// The peer (next to this source): pyreadstat.read_sav, or openpyxl in read-only mode.
    var peerScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("peers/\(rawValue)_peer.py").path
    }

    var peerName: String { self == .sav ? "pyreadstat" : "openpyxl" }

    /// kto's reader alone (file read included), as `kto` reads a data file.
    func read(_ path: String) throws -> DataTable {
        try TableFile.read(path: path, displayName: path).table
    }
}

/// `kto-bench read-sav|read-xlsx PATH [--runs 3] [--cases N] [--no-peers]`: kto's reader alone, in
/// MB/s of the file, next to the peer on the same file (which also writes the file when PATH does
/// not exist). The peer's sum and count of numeric cells and its count of texts must equal ours.
func fileReadBenchmark(_ kind: FileReadKind, path: String, runs: Int, peer: Bool, cases: Int, fresh: Int = 0) throws {
    let python = which("python3")
    if !FileManager.default.fileExists(atPath: path) {
        guard let python else { throw BenchError("\(path) does not exist and python3 is not there to write it") }
        print("writing \(path) (\(cases) cases) with \(kind.peerName) ...")
        let made = try runProcess(python, [kind.peerScript, path, "--write", "--cases", String(cases)])
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
        let wall = try seconds { table = try kind.read(path) }
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
            case .text(let t): if !t.allSatisfy({ $0 == " " }) { texts += 1 }
            case .empty, .boolean: break
            }
        }
    }
    let mb = Double(size) / 1e6
    let key = kind.rawValue
    print("file: \(fixed(mb, 1)) MB, \(table.rowCount) cases x \(table.columns.count) variables")
    print("\(key)_seconds: \(fixed(time, 4))  cpu: \(fixed(cpu, 4)) (user \(fixed(split.user, 4)), system \(fixed(split.system, 4)))")
    print("\(key)_mb_per_s: \(fixed(mb / time, 0))  cpu: \(fixed(mb / cpu, 0))")
    print("numeric_sum: \(fixed(sum, 6))  numeric_count: \(count)  text_count: \(texts)")
    if fresh > 0 { try freshProcesses(kind, path: path, count: fresh, megabytes: mb) }
    guard peer, let python else { return }
    let result = try runProcess(python, [kind.peerScript, path, "--runs", String(runs)])
    guard result.status == 0 else { throw BenchError("\(kind.peerName) peer failed:\n\(result.output)") }
    var values: [String: Double] = [:]
    for line in result.output.split(separator: "\n") {
        let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let v = Double(parts[1]) { values[parts[0]] = v }
    }
    let peerTime = values["peer_seconds"] ?? .nan
    let peerCPU = values["peer_cpu_seconds"] ?? .nan
    print("\(kind.peerName)_seconds: \(fixed(peerTime, 4))  cpu: \(fixed(peerCPU, 4))")
    print("\(kind.peerName)_mb_per_s: \(fixed(mb / peerTime, 0))  cpu: \(fixed(mb / peerCPU, 0))")
    print("speedup_vs_\(kind.peerName): \(fixed(peerTime / time, 1))")
    let peerSum = values["numeric_sum"] ?? .nan
    let agree = abs(peerSum - sum) <= 1e-9 * max(1, abs(sum)) && values["numeric_count"] == Double(count)
        && values["text_count"] == Double(texts)
    print("peer check: \(agree ? "sums, counts and texts agree" : "MISMATCH: \(result.output)")")
    if !agree { throw BenchError("\(kind.peerName) read different values") }
}

/// The read in `count` fresh processes, one run each (a first read in a process pays for the
/// fresh memory that later runs in the same process reuse): their median, fastest and slowest,
/// each process timing its own read.
func freshProcesses(_ kind: FileReadKind, path: String, count: Int, megabytes: Double) throws {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
    let key = "\(kind.rawValue)_seconds"
    var times: [Double] = []
    for _ in 0..<count {
        let child = try runProcess(me, ["read-\(kind.rawValue)", path, "--runs", "1", "--no-peers"])
        guard child.status == 0, let value = keyValues(child.output)[key]?.split(separator: " ").first.flatMap({ Double($0) }) else {
            throw BenchError("a fresh read of \(path) failed:\n\(child.output)")
        }
        times.append(value)
    }
    times.sort()
    let middle = median(of: times)
    print("fresh processes: \(count), median \(fixed(middle, 4)) s, fastest \(fixed(times[0], 4)) s, slowest \(fixed(times[times.count - 1], 4)) s")
    print("\(kind.rawValue)_fresh_median_mb_per_s: \(fixed(megabytes / middle, 0))")
}

/// User and system CPU seconds of this process so far.
func cpuSeconds() -> (user: Double, system: Double, total: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return (user, system, user + system)
}
