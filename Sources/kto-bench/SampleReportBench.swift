import Foundation

/// `kto-bench sample`: the sample study's report as a user gets it, `kto report` in a fresh
/// process each time (start, read, analyse, render, write), timed from outside. Two cases:
///
/// - a settled folder: the report folder was written more than two seconds before (as
///   `Reports/kto-2015` is), so the check before the swap trusts the files' stamps;
/// - again at once: the folder was written a moment ago, so both checks read every file.
///
/// Prints the median and the fastest run of each; the settled case waits 2.1 s before each
/// run (not counted).
func sampleReportBenchmark(kto: String, study: String, runs: Int) throws {
    let folder = NSTemporaryDirectory() + "kto-bench-sample-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = ["report", study, "--output", folder + "/rapport", "--quiet"]
    // posix_spawn and waitpid, output to /dev/null: Foundation's `Process` adds milliseconds of
    // its own (pipes, closing descriptors) to a run of tens of milliseconds.
    func once() throws -> Double {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([kto] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, kto, &actions, nil, argv, environ) == 0 else { throw BenchError("cannot start \(kto)") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard status == 0 else { throw BenchError("kto report failed (wait status \(status))") }
        return elapsed
    }
    _ = try once()
    var atOnce: [Double] = []
    for _ in 0..<runs { atOnce.append(try once()) }
    var settled: [Double] = []
    for _ in 0..<runs {
        usleep(2_100_000)
        settled.append(try once())
    }
    func summary(_ times: [Double]) -> String {
        "median \(fixed(median(of: times) * 1000, 1)) ms, fastest \(fixed((times.min() ?? 0) * 1000, 1)) ms"
    }
    print("kto report on \(study), \(runs) fresh processes each, \(machineDescription())")
    print("  settled folder: \(summary(settled))")
    print("  again at once:  \(summary(atOnce))")
    print("sample_report_ms: \(fixed(median(of: settled) * 1000, 1))")
}
