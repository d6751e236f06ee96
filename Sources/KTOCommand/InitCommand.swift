import Foundation
import KTOImport
import KTOModel

/// `kto init DATA`: drafts `codebook.csv` and `kto.study` from a data file, beside it or in
/// `--output`, never over an existing file. What it cannot decide goes to stderr (and into the
/// files, as the codebook's check column and comments in the study file).
struct InitCommand {
    var tool: KTOTool

    static let codebookName = "codebook.csv"
    static let studyName = "kto.study"

    func run(_ args: [String]) throws -> KTOTool.ExitCode {
        let console = tool.console
        let parsed = try Arguments(args, flags: ["--help"], options: ["--group", "--output", "--sheet", "--format"], command: "init")
        if parsed.flags.contains("--help") { console.out(Help.initCommand); return .ok }
        guard parsed.positionals.count == 1 else {
            throw UsageError("geef precies één databestand, bijvoorbeeld: kto init export.sav", command: "init")
        }
        let argument = parsed.positionals[0]
        let dataPath = tool.resolve(argument)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dataPath, isDirectory: &isDirectory) else {
            throw UsageError("databestand '\(argument)' bestaat niet", command: "init")
        }
        guard !isDirectory.boolValue else {
            throw UsageError("'\(argument)' is een map, geen databestand", command: "init")
        }
        var format: ExportFormat?
        if let name = parsed.options["--format"] {
            guard let given = ExportFormat(userName: name), given.isCSV else {
                throw UsageError("onbekend formaat '\(name)'; kies plain, qualtrics, limesurvey of surveymonkey", command: "init")
            }
            format = given
        }
        let folder = URL(fileURLWithPath: parsed.options["--output"].map(tool.resolve) ?? URL(fileURLWithPath: dataPath).deletingLastPathComponent().path).standardized.path
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UsageError("'\(parsed.options["--output"] ?? folder)' is een bestand, geen map", command: "init")
        }
        let codebookPath = folder + "/" + Self.codebookName
        let studyPath = folder + "/" + Self.studyName
        // Refused before anything is read: nothing is touched.
        let existing = [codebookPath, studyPath].filter { FileManager.default.fileExists(atPath: $0) }
        guard existing.isEmpty else { throw InitRefusal.exists(existing) }

        let fileName = URL(fileURLWithPath: dataPath).lastPathComponent
        let result = try TableFile.read(path: dataPath, displayName: fileName, sheet: parsed.options["--sheet"], format: format)
        let draft: CodebookDraft
        do {
            draft = try CodebookDraft.make(from: result, group: parsed.options["--group"])
        } catch {
            switch error {
            case .groupNotFound, .noGroupColumn: throw UsageError(error.message, command: "init")
            case .groupWithoutValues, .emptyTable:
                console.err("fout: " + error.message)
                return .dataProblem
            }
        }
        let meting = Self.meting(from: fileName)
        let study = draft.studyText(
            data: Self.relativePath(from: folder, to: dataPath), codebook: Self.codebookName,
            sheet: parsed.options["--sheet"].map { _ in result.table.sheet ?? "" }, meting: meting)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.writeNew(codebookPath, draft.codebookBytes())
        do {
            try Self.writeNew(studyPath, Array(study.utf8))
        } catch {
            // Only what this run created is removed.
            try? FileManager.default.removeItem(atPath: codebookPath)
            throw error
        }
        for line in Self.summary(draft, result: result, codebook: codebookPath, study: studyPath) { console.out(line) }
        let checks = draft.checks + ["[population]: vul per gemeente het aantal aangeschreven klanten in (\(draft.groups.joined(separator: ", ")))"]
        console.err("kto init: te controleren (ook in de kolom check van \(Self.codebookName) en in \(Self.studyName)):")
        for check in checks { console.err("  - " + check) }
        return .ok
    }

    /// What was written and found, for standard output.
    static func summary(_ draft: CodebookDraft, result: TableFileResult, codebook: String, study: String) -> [String] {
        var lines = ["Concept geschreven:", "  \(codebook)", "  \(study)"]
        let shape = result.format == .plain ? "CSV" : result.format.displayName
        var read = "Gelezen: \(draft.source) (\(shape)\(result.formatRecognised || !result.format.isCSV ? "" : ", opgegeven")), \(draft.respondents) respondenten"
        if draft.leftOutRows > 0 { read += ", \(draft.leftOutRows) rijen weggelaten (\(CodebookDraft.leftOutSummary(result.leftOut)))" }
        lines.append(read)
        var counts: [(VariableType, Int)] = []
        for entry in draft.entries {
            if let k = counts.firstIndex(where: { $0.0 == entry.type }) { counts[k].1 += 1 } else { counts.append((entry.type, 1)) }
        }
        lines.append("Codeboek: \(draft.entries.count) variabelen (" + counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") + ")")
        lines.append("Gemeenten (groepsvariabele \(draft.groupVariable)): \(draft.groups.joined(separator: ", "))")
        for note in result.notes { lines.append("Omgezet: " + note.message) }
        if !draft.omitted.isEmpty {
            lines.append("Niet in het codeboek: " + draft.omitted.map { "\($0.column) (\($0.reason))" }.joined(separator: ", "))
        }
        lines.append("Vul [population] in \(URL(fileURLWithPath: study).lastPathComponent) in, loop de punten hieronder na en draai: kto check \(study)")
        return lines
    }

    /// The meting: a year (19xx or 20xx) in the file name, else this year.
    static func meting(from fileName: String) -> String {
        let characters = Array(fileName)
        var k = 0
        while k + 4 <= characters.count {
            let window = characters[k..<k + 4]
            let before = k == 0 || !characters[k - 1].isNumber
            let after = k + 4 == characters.count || !characters[k + 4].isNumber
            if before, after, window.allSatisfy({ $0.isASCII && $0.isNumber }), ["19", "20"].contains(String(window.prefix(2))) {
                return String(window)
            }
            k += 1
        }
        return String(Calendar(identifier: .gregorian).component(.year, from: Date()))
    }

    /// `path` relative to `folder` (`../data/export.sav`), as the study file names it.
    static func relativePath(from folder: String, to path: String) -> String {
        let base = URL(fileURLWithPath: folder).standardized.pathComponents
        let target = URL(fileURLWithPath: path).standardized.pathComponents
        var common = 0
        while common < base.count, common < target.count - 1, base[common] == target[common] { common += 1 }
        guard common > 1 || base.first != "/" else { return path }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// Creates `path` with `bytes`; fails if it exists (also when it appeared since the check).
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw errno == EEXIST ? InitRefusal.exists([path]) : InitRefusal.cannotWrite(path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw InitRefusal.cannotWrite(path) }
            written += n
        }
    }
}

/// `kto init` does not write (exit 2): a file it would write exists, or cannot be written.
public enum InitRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case exists([String])
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .exists(let paths):
            return "kto init overschrijft nooit een bestand: \(paths.joined(separator: " en ")) bestaat al; "
                + "kies met --output een andere map, of hernoem of verwijder het bestand zelf"
        case .cannotWrite(let path):
            return "kan \(path) niet schrijven"
        }
    }
}
