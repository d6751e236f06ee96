import Foundation

/// The mutation loop: seeds first, then mutated corpus entries, the targets in turn. Before each
/// run the input goes to `current.bin` (and its target to `current.target`) in the work folder,
/// so that a crash, which ends the process, leaves its input behind for `--replay`.
final class Driver {
    struct Options {
        var seconds: Double?
        var runs: Int?
        var seed: UInt64 = 1
        var targets: [FuzzTarget] = FuzzTarget.allCases
        var corpora: [String] = []
        var work = ".build/kto-fuzz"
        var maxLength = 64 * 1024
        var root: String?
    }

    let options: Options
    let context: FuzzContext
    let mutator: Mutator
    private var random: FuzzRandom
    private var corpus: [FuzzTarget: [[UInt8]]] = [:]
    private var signatures: [FuzzTarget: Set<String>] = [:]
    private var runsPerTarget: [FuzzTarget: Int] = [:]
    private var violations = 0
    private var slowInputs = 0
    private var saved: Set<String> = []
    private let current: Int32
    private let currentTarget: Int32

    /// How many mutated inputs a target's corpus keeps at most.
    static let corpusLimit = 4000
    /// A run longer than this is reported (and its input saved) as slow: not an error, a lead.
    static let slowSeconds = 2.0

    init(options: Options) throws {
        self.options = options
        context = try FuzzContext(root: Seeds.repositoryRoot(options.root))
        mutator = Mutator(maxLength: options.maxLength)
        random = FuzzRandom(seed: options.seed)
        try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
        current = open(options.work + "/current.bin", O_WRONLY | O_CREAT, 0o644)
        currentTarget = open(options.work + "/current.target", O_WRONLY | O_CREAT, 0o644)
        guard current >= 0, currentTarget >= 0 else {
            throw FuzzError("cannot write \(options.work)/current.bin")
        }
    }

    deinit {
        close(current)
        close(currentTarget)
    }

    /// Fuzzes until `--seconds` or `--runs` is reached; returns the exit status (1: an invariant broke).
    func fuzz() -> Int32 {
        let seeds = Seeds(root: Seeds.repositoryRoot(options.root), corpora: options.corpora, maxLength: min(options.maxLength, 16 * 1024))
        let start = Date()
        say("kto-fuzz: seed \(options.seed), targets \(options.targets.map(\.rawValue).joined(separator: ", ")), \(seeds.files.count) seed files")
        say("kto-fuzz: each input is written to \(options.work)/current.bin before it runs; after a crash: kto-fuzz --replay \(options.work)/current.bin --target $(cat \(options.work)/current.target)")
        var total = 0
        func done() -> Bool {
            if let runs = options.runs, total >= runs { return true }
            if let seconds = options.seconds, Date().timeIntervalSince(start) >= seconds { return true }
            return options.runs == nil && options.seconds == nil && total >= 10_000
        }
        // Every seed once, on its targets.
        for target in options.targets {
            for seed in seeds.seeds(for: target) where !done() {
                execute(target, seed)
                corpus[target, default: []].append(seed)
                total += 1
            }
        }
        var lastReport = Date()
        while !done() {
            let target = options.targets[total % options.targets.count]
            let pool = corpus[target] ?? []
            let base = pool.isEmpty ? [] : pool[random.below(pool.count)]
            let donorPool = random.chance(80) ? pool : corpus[random.element(options.targets)] ?? pool
            let other = donorPool.isEmpty ? [] : donorPool[random.below(donorPool.count)]
            let input = mutator.mutate(base, other: other, random: &random)
            execute(target, input)
            total += 1
            if Date().timeIntervalSince(lastReport) >= 30 {
                lastReport = Date()
                say("kto-fuzz: \(total) runs, \(Int(Date().timeIntervalSince(start))) s, corpus \(corpusSummary()), invariant violations \(violations)")
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        let perTarget = options.targets.map { "\($0.rawValue) \(runsPerTarget[$0] ?? 0)" }.joined(separator: ", ")
        say("kto-fuzz: \(total) runs in \(String(format: "%.1f", elapsed)) s (\(perTarget))")
        say("kto-fuzz: corpus \(corpusSummary())")
        say("kto-fuzz: crashes 0, invariant violations \(violations)\(violations > 0 ? " (inputs in \(options.work))" : ""), slow inputs \(slowInputs)")
        return violations > 0 ? 1 : 0
    }

    private func corpusSummary() -> String {
        options.targets.map { "\($0.rawValue) \(corpus[$0]?.count ?? 0)" }.joined(separator: ", ")
    }

    /// Runs one input on one target: saves it first, keeps it when it behaved in a new way,
    /// reports and saves it when it broke an invariant.
    private func execute(_ target: FuzzTarget, _ input: [UInt8]) {
        writeCurrent(input, target: target)
        runsPerTarget[target, default: 0] += 1
        let started = Date()
        let outcome = target.run(input, context: context)
        let seconds = Date().timeIntervalSince(started)
        if seconds > Self.slowSeconds {
            let name = "slow-\(target.rawValue)-\(String(Self.hash(input), radix: 16)).bin"
            if saved.insert(name).inserted {
                slowInputs += 1
                _ = FileManager.default.createFile(atPath: options.work + "/" + name, contents: Data(input))
                say("kto-fuzz: \(target.rawValue): slow input, \(String(format: "%.1f", seconds)) s (\(options.work)/\(name), \(input.count) bytes)")
            }
        }
        if signatures[target, default: []].insert(outcome.signature).inserted, (corpus[target]?.count ?? 0) < Self.corpusLimit {
            corpus[target, default: []].append(input)
        }
        guard !outcome.violations.isEmpty else { return }
        let name = "violation-\(target.rawValue)-\(String(Self.hash(input), radix: 16)).bin"
        guard saved.insert(name).inserted else { return }
        violations += 1
        _ = FileManager.default.createFile(atPath: options.work + "/" + name, contents: Data(input))
        say("kto-fuzz: \(target.rawValue): invariant broken (input \(options.work)/\(name), \(input.count) bytes):")
        for message in outcome.violations.prefix(5) { say("  " + String(message.prefix(600))) }
    }

    private func writeCurrent(_ input: [UInt8], target: FuzzTarget) {
        input.withUnsafeBytes { _ = pwrite(current, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(current, off_t(input.count))
        let name = Array(target.rawValue.utf8)
        name.withUnsafeBytes { _ = pwrite(currentTarget, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(currentTarget, off_t(name.count))
    }

    /// Runs saved inputs again (all targets, or `--target`); returns 1 when an invariant broke.
    func replay(_ files: [String]) -> Int32 {
        var broken = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                say("kto-fuzz: cannot read \(file)")
                broken += 1
                continue
            }
            for target in options.targets {
                let outcome = target.run([UInt8](data), context: context)
                say("\(file): \(target.rawValue): \(outcome.violations.isEmpty ? "ok" : "invariant broken") (\(outcome.signature))")
                for message in outcome.violations { say("  " + message) }
                if !outcome.violations.isEmpty { broken += 1 }
            }
        }
        return broken > 0 ? 1 : 0
    }

    /// Shrinks a saved input while it still breaks an invariant on `options.targets` (removing
    /// ever smaller pieces), and writes the result next to it as FILE.min.
    func minimize(_ file: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: file) else {
            say("kto-fuzz: cannot read \(file)")
            return 1
        }
        func breaks(_ input: [UInt8]) -> Bool {
            options.targets.contains { !$0.run(input, context: context).violations.isEmpty }
        }
        var input = [UInt8](data)
        guard breaks(input) else {
            say("kto-fuzz: \(file) breaks no invariant")
            return 1
        }
        var chunk = max(1, input.count / 2)
        while true {
            var start = 0
            var removed = false
            while start < input.count {
                var candidate = input
                candidate.removeSubrange(start..<min(input.count, start + chunk))
                if breaks(candidate) {
                    input = candidate
                    removed = true
                } else {
                    start += chunk
                }
            }
            if chunk == 1 && !removed { break }
            if !removed { chunk = max(1, chunk / 2) }
        }
        _ = FileManager.default.createFile(atPath: file + ".min", contents: Data(input))
        say("kto-fuzz: \(data.count) bytes -> \(input.count) bytes: \(file).min")
        for target in options.targets {
            for message in target.run(input, context: context).violations { say("  \(target.rawValue): \(message)") }
        }
        return 0
    }

    /// FNV-1a, to name saved inputs.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

struct FuzzError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Prints a line at once (`print` to a file or pipe is block-buffered; a crash would lose it).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
