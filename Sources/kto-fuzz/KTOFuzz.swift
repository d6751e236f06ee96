import Foundation

/// `kto-fuzz`: a deterministic mutation fuzzer for kto's parsers (a developer tool; see the
/// README, Tests → Fuzzing). Built with `-DKTO_LIBFUZZER` and `-sanitize=fuzzer`, the same
/// targets run under libFuzzer instead (`LibFuzzerEntry.swift`).
enum KTOFuzz {
    static let usage = """
        usage: kto-fuzz [--seconds N | --runs N] [--seed S] [--target NAME]... [--corpus DIR]...
                        [--work DIR] [--max-length BYTES] [--root DIR]
               kto-fuzz --replay FILE... [--target NAME]...
               kto-fuzz --minimize FILE [--target NAME]...
               kto-fuzz --write-seeds DIR

        Mutates seed inputs (Tests/Fixtures, SampleData and a few built in) and runs them through
        the parsers, checking invariants; stops after N seconds or N runs (default 10000 runs).
        Targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")) (default: all, in turn).
        Each input is written to WORK/current.bin before it runs (WORK: .build/kto-fuzz); a crash
        ends the process, and `kto-fuzz --replay WORK/current.bin` runs that input again.
        Inputs that break an invariant are saved in WORK and make the exit status 1.
        --minimize shrinks a saved input that breaks an invariant (to FILE.min).
        --write-seeds writes the seed files into DIR (a corpus for libFuzzer).
        """

    static func main(_ arguments: [String]) -> Int32 {
        var options = Driver.Options()
        var replay: [String] = []
        var minimize: String?
        var writeSeeds: String?
        var targets: [FuzzTarget] = []
        var k = 0
        func value() -> String? {
            k += 1
            return k < arguments.count ? arguments[k] : nil
        }
        while k < arguments.count {
            let argument = arguments[k]
            switch argument {
            case "--seconds":
                guard let v = value().flatMap(Double.init), v > 0 else { return fail("--seconds needs a positive number") }
                options.seconds = v
            case "--runs":
                guard let v = value().flatMap(Int.init), v > 0 else { return fail("--runs needs a positive number") }
                options.runs = v
            case "--seed":
                guard let v = value().flatMap({ UInt64($0) }) else { return fail("--seed needs a number") }
                options.seed = v
            case "--target":
                guard let v = value().flatMap(FuzzTarget.init(rawValue:)) else { return fail("unknown --target") }
                targets.append(v)
            case "--corpus":
                guard let v = value() else { return fail("--corpus needs a folder") }
                options.corpora.append(v)
            case "--work":
                guard let v = value() else { return fail("--work needs a folder") }
                options.work = v
            case "--max-length":
                guard let v = value().flatMap(Int.init), v >= 16 else { return fail("--max-length needs a number of at least 16") }
                options.maxLength = v
            case "--root":
                guard let v = value() else { return fail("--root needs a folder") }
                options.root = v
            case "--minimize":
                guard let v = value() else { return fail("--minimize needs a file") }
                minimize = v
            case "--write-seeds":
                guard let v = value() else { return fail("--write-seeds needs a folder") }
                writeSeeds = v
            case "--replay":
                while k + 1 < arguments.count, !arguments[k + 1].hasPrefix("--") {
                    k += 1
                    replay.append(arguments[k])
                }
                if replay.isEmpty { return fail("--replay needs a file") }
            case "-h", "--help":
                print(usage)
                return 0
            default:
                return fail("unknown argument '\(argument)'")
            }
            k += 1
        }
        if !targets.isEmpty { options.targets = targets }
        if let folder = writeSeeds {
            let seeds = Seeds(root: Seeds.repositoryRoot(options.root), corpora: [], maxLength: 16 * 1024)
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (n, file) in seeds.files.enumerated() {
                _ = FileManager.default.createFile(atPath: "\(folder)/\(n)-\(file.name)", contents: Data(file.bytes))
            }
            print("kto-fuzz: \(seeds.files.count) seed files written to \(folder)")
            return 0
        }
        do {
            let driver = try Driver(options: options)
            if let minimize { return driver.minimize(minimize) }
            return replay.isEmpty ? driver.fuzz() : driver.replay(replay)
        } catch {
            FileHandle.standardError.write(Data("kto-fuzz: \(error)\n".utf8))
            return 1
        }
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("kto-fuzz: \(message)\n\n\(usage)\n".utf8))
        return 2
    }
}

@main
struct KTOFuzzMain {
    static func main() {
        #if KTO_LIBFUZZER
        exit(runLibFuzzer())
        #else
        exit(KTOFuzz.main(Array(CommandLine.arguments.dropFirst())))
        #endif
    }
}
