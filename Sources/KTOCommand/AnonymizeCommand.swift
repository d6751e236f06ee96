import Foundation
import KTOImport
import KTOModel
import KTOReport
import KTOText

/// `kto anonymize`: reads text on standard input and writes it anonymised to standard output, line
/// by line, for analysts who clean quotes by hand; what was replaced goes to standard error.
struct AnonymizeCommand {
    var tool: KTOTool

    func run(_ args: [String], input: () -> [UInt8]) throws -> KTOTool.ExitCode {
        let parsed = try Arguments(args, flags: ["--help"], options: ["--names"], command: "anonymize")
        if parsed.flags.contains("--help") { tool.console.out(Help.anonymize); return .ok }
        guard parsed.positionals.isEmpty else {
            throw UsageError("kto anonymize leest van standaardinvoer: kto anonymize < antwoorden.txt > geanonimiseerd.txt", command: "anonymize")
        }
        var names: [String] = []
        if let option = parsed.options["--names"] {
            let path = tool.resolve(option)
            guard FileManager.default.fileExists(atPath: path) else { throw UsageError("namenlijst '\(option)' bestaat niet", command: "anonymize") }
            names = try NameList.load(Study.DataFile(path: path, displayName: option))
        }
        let summary = try Self.anonymize(input(), names: names, out: tool.console.out)
        var message = "kto anonymize: \(summary.textsSeen) \(summary.textsSeen == 1 ? "regel" : "regels") gelezen"
        if !names.isEmpty { message += " (namenlijst: \(names.count) \(names.count == 1 ? "naam" : "namen"))" }
        message += summary.total == 0
            ? "; niets vervangen."
            : "; in \(summary.textsChanged) \(summary.textsChanged == 1 ? "regel" : "regels") vervangen door (…): \(AnonymizationWording.describe(summary.counts))."
        tool.console.err(message)
        return .ok
    }

    /// Decodes the input (UTF-8, UTF-16 or Windows-1252, as detected), and writes every line
    /// cleaned of control characters and anonymised. A final line break does not make an extra line.
    static func anonymize(_ bytes: [UInt8], names: [String], out: (String) -> Void) throws -> AnonymizationSummary {
        let source = try SourceText(bytes: bytes, file: "standaardinvoer")
        let text = source.string(0..<source.bytes.count)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        let anonymizer = Anonymizer(knownNames: names)
        var summary = AnonymizationSummary()
        for line in lines {
            let result = anonymizer.anonymize(TextCleaner.plain(String(line)))
            summary.add(result)
            out(result.text)
        }
        return summary
    }
}
