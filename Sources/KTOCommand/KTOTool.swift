import Foundation
import KTOImport
import KTOAnalysis
import KTOModel
import KTOSample
import KTOWriters

/// The `kto` command line: parses arguments, runs a command, and turns errors into messages and
/// exit codes. The library never prints or exits; this is the only place that decides how.
public struct KTOTool: Sendable {
    public enum ExitCode: Int32, Sendable {
        case ok = 0
        case dataProblem = 1
        case usage = 2
    }

    public var console: Console
    /// The folder relative paths are resolved against (the process's working directory).
    public var workingDirectory: String
    /// Where a command leaves its large values (the datasets, the results, the files' bytes) when
    /// the process ends right after it: the executable passes one and exits without freeing them,
    /// which at a million respondents took tens of milliseconds after the report was written. Nil
    /// (tests, other callers): freed as usual.
    public var keepAlive: KeepAlive?

    public init(
        console: Console = .standard, workingDirectory: String = FileManager.default.currentDirectoryPath,
        keepAlive: KeepAlive? = nil
    ) {
        self.console = console
        self.workingDirectory = workingDirectory
        self.keepAlive = keepAlive
    }

    /// Holds values until the process exits (`exit` frees nothing).
    public final class KeepAlive: @unchecked Sendable {
        // One command runs at a time, on the main thread; the lock is only for the compiler's sake.
        private let lock = NSLock()
        private var held: [Any] = []

        public init() {}

        func hold(_ value: Any) {
            lock.lock()
            held.append(value)
            lock.unlock()
        }
    }

    /// The sample study, relative to the working directory.
    public static let sampleStudy = "SampleData/kto-2015.study"

    /// Runs the tool with the arguments after the program name.
    public func run(_ arguments: [String]) -> ExitCode {
        guard let command = arguments.first else {
            console.out(Help.main)
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "--help", "-h", "help":
                if let topic = rest.first {
                    guard let text = Help.text(for: topic) else { throw UsageError("onbekende opdracht '\(topic)'") }
                    console.out(text)
                } else {
                    console.out(Help.main)
                }
                return .ok
            case "--version": console.out("kto 0.1.0"); return .ok
            case "report": return try report(rest)
            case "check": return try check(rest)
            case "sample": return try sample(rest)
            case "code": return try CodeCommand(tool: self).run(rest)
            case "init": return try InitCommand(tool: self).run(rest)
            case "anonymize", "anonimiseer":
                return try AnonymizeCommand(tool: self).run(rest) { Array(FileHandle.standardInput.readDataToEndOfFile()) }
            default:
                throw UsageError("onbekende opdracht '\(command)'; kies init, report, check, code, anonymize, sample of help")
            }
        } catch let error as UsageError {
            console.err("kto: \(error.message)")
            console.err("Zie 'kto \(error.command.map { "\($0) " } ?? "")--help'.")
            return .usage
        } catch let refusal as OutputRefusal {
            console.err("kto: \(refusal)")
            return .usage
        } catch let refusal as SampleWriteRefusal {
            console.err("kto: \(refusal)")
            return .usage
        } catch let refusal as InitRefusal {
            console.err("kto: \(refusal)")
            return .usage
        } catch {
            reportFailure(error)
            return .dataProblem
        }
    }

    /// Prints a failure as `file:line:column: message` with the offending line and a caret.
    func reportFailure(_ error: any Error) {
        switch error {
        case let e as StudyError:
            for problem in e.problems { console.err("fout: " + DiagnosticRenderer.render(problem)) }
        case let e as DesignErrors:
            for problem in e.errors { console.err("fout: " + problem.message) }
        case let d as any Diagnostic:
            console.err("fout: " + DiagnosticRenderer.render(d))
        default:
            console.err("fout: \(error)")
        }
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardized.path
    }

    func progressReporter() -> ((String, Int, Int) -> Void)? {
        guard console.errIsTerminal else { return nil }
        let console = self.console
        return { file, done, total in
            let percent = total > 0 ? done * 100 / total : 100
            console.err("\u{1B}[1A\u{1B}[2K  lezen \(file): \(percent)% (\(done >> 20) van \(total >> 20) MB)")
        }
    }

    func readStudy(_ path: String) throws -> Study {
        let resolved = resolve(path)
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw UsageError("studiebestand '\(path)' bestaat niet", command: nil)
        }
        return try Study.load(path: resolved)
    }

    func loadStudy(_ study: Study, strict: Bool) throws -> LoadedStudy {
        if console.errIsTerminal { console.err("") }
        return try LoadedStudy.load(study: study, strict: strict, progress: progressReporter())
    }

    func loadStudy(_ path: String, strict: Bool) throws -> LoadedStudy {
        try loadStudy(readStudy(path), strict: strict)
    }

    func check(_ args: [String]) throws -> ExitCode {
        let parsed = try Arguments(args, flags: ["--help", "--strict"], options: [], command: "check")
        if parsed.flags.contains("--help") { console.out(Help.check); return .ok }
        guard parsed.positionals.count == 1 else {
            throw UsageError("geef precies één studiebestand, bijvoorbeeld: kto check \(Self.sampleStudy)", command: "check")
        }
        let loaded = try loadStudy(parsed.positionals[0], strict: parsed.flags.contains("--strict"))
        console.out("Studie: \(loaded.study.title) (meting \(loaded.study.meting))")
        console.out("Codeboek: \(loaded.study.codebook.displayName), \(loaded.codebook.variables.count) variabelen")
        let reversed = loaded.codebook.variables.filter(\.reversedScale).map(\.code)
        if !reversed.isEmpty {
            console.out("Omgekeerde schaal (scale = reversed), codes omgezet zodat de hoogste code helemaal eens is: \(reversed.joined(separator: ", "))")
        }
        for ledger in loaded.ledgers { console.out(LedgerText.render(ledger)) }
        for ledger in loaded.codingLedgers { console.out(CodingLedgerText.render(ledger)) }
        for warning in loaded.quality.warnings { console.out("let op: " + DiagnosticRenderer.render(warning)) }
        for problem in loaded.quality.problems { console.err("fout: " + DiagnosticRenderer.render(problem)) }
        var designProblems = false
        do {
            for (meting, summaries) in try Analyzer.weightSummaries(loaded) where !summaries.isEmpty {
                console.out(WeightText.render(meting: meting, summaries: summaries, groups: loaded.study.groups.map(\.name)))
            }
        } catch {
            for problem in error.errors { console.err("fout: " + problem.message) }
            designProblems = true
        }
        let clean = loaded.ledgers.allSatisfy { $0.rejections.isEmpty && $0.cellIssues.isEmpty }
            && loaded.codingLedgers.allSatisfy { $0.rejections.isEmpty } && loaded.quality.problems.isEmpty && !designProblems
        if !loaded.quality.problems.isEmpty || designProblems {
            console.out("Geen rapport mogelijk: de data kan het rapport niet dragen (zie de fouten hierboven).")
        } else {
            console.out(clean ? "In orde: alle rijen en cellen zijn bruikbaar." : "Let op: niet alle rijen of cellen zijn bruikbaar (zie hierboven).")
        }
        return clean ? .ok : .dataProblem
    }

    func report(_ args: [String]) throws -> ExitCode {
        let parsed = try Arguments(args, flags: ["--help", "--strict", "--quiet"], options: ["--output"], command: "report")
        if parsed.flags.contains("--help") { console.out(Help.report); return .ok }
        guard parsed.positionals.count <= 1 else {
            throw UsageError("geef hoogstens één studiebestand", command: "report")
        }
        let path = parsed.positionals.first ?? Self.sampleStudy
        let study = try readStudy(path)
        // The output folder is checked while the data is read, on another core (a refusal touches
        // nothing; it is reported before anything the read found). That core then builds the
        // anonymiser's word tables, which the analysis needs for the quotes.
        let output = OutputFolder(path: parsed.options["--output"].map(resolve) ?? study.output)
        let inputs = study.inputFiles
        let checking = Background { () -> Result<OutputFolder.Inspection, OutputRefusal> in
            let checked = Result { () throws(OutputRefusal) in try output.check(protecting: inputs) }
            if case .success = checked { Analyzer.prepareQuoteTables() }
            return checked
        }
        let reading = Result { try loadStudy(study, strict: parsed.flags.contains("--strict")) }
        let inspection = try checking.wait().get()
        let loaded = try reading.get()
        let quiet = parsed.flags.contains("--quiet")
        if !quiet {
            for ledger in loaded.ledgers { console.out(LedgerText.render(ledger, limit: 5)) }
            for ledger in loaded.codingLedgers { console.out(CodingLedgerText.render(ledger, limit: 5)) }
            for warning in loaded.quality.warnings { console.out("let op: " + DiagnosticRenderer.render(warning)) }
        }
        // Each document is written into a staging folder as soon as it is rendered; the folder is
        // checked again and swapped in at the end, or removed when anything fails.
        let staging: OutputFolder.Staging
        do {
            staging = try output.stage()
        } catch {
            console.err("fout: \(error)")
            return .dataProblem
        }
        let files: [(path: String, size: Int)]
        do {
            let made = try ReportPipeline().deliver(for: loaded) { documents in
                for document in documents { try staging.add(document) }
            }
            files = made.files
            keepAlive?.hold(made)
            keepAlive?.hold(loaded)
        } catch let error as OutputFolder.WriteError {
            staging.discard()
            console.err("fout: \(error)")
            return .dataProblem
        } catch {
            staging.discard()
            throw error
        }
        do {
            try staging.commit(protecting: study.inputFiles, after: inspection)
        } catch let refusal as OutputRefusal {
            throw refusal
        } catch {
            console.err("fout: \(error)")
            return .dataProblem
        }
        if !quiet {
            console.out("Rapport geschreven naar \(output.path)/")
            for file in files { console.out("  \(file.path)") }
        }
        return .ok
    }

    func sample(_ args: [String]) throws -> ExitCode {
        let parsed = try Arguments(args, flags: ["--help"], options: [], command: "sample")
        if parsed.flags.contains("--help") { console.out(Help.sample); return .ok }
        guard parsed.positionals.count <= 1 else { throw UsageError("geef hoogstens één map", command: "sample") }
        let folder = resolve(parsed.positionals.first ?? "SampleData")
        let written = try SampleStudyGenerator().write(to: folder)
        console.out("Voorbeelddata geschreven naar \(folder)/")
        for file in written { console.out("  \(file)") }
        return .ok
    }
}
