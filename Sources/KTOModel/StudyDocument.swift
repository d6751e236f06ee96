import Foundation
import KTOImport

/// A study file as written: sections of `key = value` entries with their lines, before any key
/// is interpreted. Reading it finds the mistakes of form (a line without `=`, a header without
/// `]`, a section or key written twice) so that `Study.parse` only interprets.
struct StudyDocument {
    struct Entry {
        /// The key as written and lowercased.
        var key: String
        var rawKey: String
        var value: String
        var line: Int
    }

    struct Block {
        /// The section's kind, lowercased and with Dutch aliases mapped (`""` for the top).
        var kind: String
        /// What follows the kind in the header: a benchmark's name, a meting's label.
        var argument: String
        var line: Int
        var entries: [Entry] = []

        /// The header as an analyst reads it, for messages.
        var header: String { argument.isEmpty ? "[\(kind)]" : "[\(kind) \(argument)]" }

        func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
        func entries(_ key: String) -> [Entry] { entries.filter { $0.key == key } }
    }

    var top: Block
    var sections: [Block]

    /// Kinds of section, with the keys each allows (nil: keys are data, such as gemeente names).
    static let schema: [String: Set<String>?] = [
        "population": nil,
        "margin": nil,
        "groups": nil,
        "previous": ["meting", "data", "aggregates", "coding", "sheet", "format"],
        "thresholds": ["indicative", "suppress", "alpha", "unreadable", "adjust", "nonresponse"],
        "benchmark": ["file", "short"],
    ]
    static let aliases = ["populatie": "population", "vorige": "previous", "drempels": "thresholds"]
    /// What may enclose a section's argument: `[benchmark "Regio"]`.
    static let quotes: Set<Character> = ["\""]
    /// Section kinds that may appear more than once, each with its own argument.
    static let repeatable: Set<String> = ["benchmark", "margin", "previous", "groups"]
    /// What to do when a repeatable section appears twice under the same name.
    static let repeatHints: [String: String] = [
        "benchmark": "geef elke benchmark een eigen naam",
        "margin": "zet de hele marge onder één kop",
        "previous": "geef elke vorige meting een eigen kop, bijvoorbeeld [previous 2013] en [previous 2011]",
        "groups": "zet alle groepen van die meting onder één kop",
    ]
    /// Section kinds whose header must name something.
    static let needsArgument: [String: String] = [
        "benchmark": "geef de benchmark een naam: [benchmark Referentiegroep]",
        "margin": "noem de variabele van de marge: [margin leeftijd]",
        "groups": "noem de meting: [groups 2013]",
    ]

    /// A line without its comment: `#` after a space or tab starts one (`data = a.csv  # 2015`),
    /// so a `#` inside a word (`Blad#2`) stays.
    static func withoutComment(_ line: String) -> String {
        var previous: Character = " "
        for index in line.indices {
            let c = line[index]
            if c == "#", previous == " " || previous == "\t", index != line.startIndex {
                return line[..<index].trimmingWhitespace()
            }
            previous = c
        }
        return line
    }

    /// Reads the text; problems of form are appended to `problems`.
    init(text: String, file: String, problems: inout [StudyProblem]) {
        top = Block(kind: "", argument: "", line: 1)
        sections = []
        var current: Int?  // index into sections; nil = top
        var seenHeaders: [String: Int] = [:]
        var lineNumber = 0
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for raw in lines {
            lineNumber += 1
            let rawLine = String(raw)
            let line = Self.withoutComment(rawLine.trimmingWhitespace())
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            func problem(_ message: String) {
                problems.append(StudyProblem(message, at: SourceLocation(file: file, line: lineNumber), lineText: rawLine))
            }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { problem("sectiekop zonder ']'"); current = -1; continue }
                let name = line.dropFirst().dropLast().trimmingWhitespace()
                let word = String(name.prefix { !$0.isWhitespace })
                let kind = Self.aliases[word.lowercased()] ?? word.lowercased()
                let argument = name.dropFirst(word.count).trimmingWhitespace()
                    .trimmingCharacters(in: Self.quotes)
                guard Self.schema[kind] != nil else {
                    problem("onbekende sectie [\(name)]; bekende secties: [population], [previous], [thresholds], [benchmark NAAM], [margin VARIABELE], [groups METING]")
                    current = -1
                    continue
                }
                if argument.isEmpty, let message = Self.needsArgument[kind] { problem(message) }
                let block = Block(kind: kind, argument: argument, line: lineNumber)
                let identity = kind + " " + Variable.labelKey(argument)
                if let first = seenHeaders[identity] {
                    let hint = Self.repeatHints[kind] ?? "zet alles van deze sectie onder één kop"
                    problem("sectie \(block.header) staat twee keer in de studie (eerst op regel \(first)); \(hint)")
                    current = -1
                    continue
                }
                seenHeaders[identity] = lineNumber
                sections.append(block)
                current = sections.count - 1
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problem("regel zonder '=': schrijf sleutel = waarde")
                continue
            }
            let rawKey = line[..<equals].trimmingWhitespace()
            let entry = Entry(
                key: rawKey.lowercased(), rawKey: rawKey,
                value: line[line.index(after: equals)...].trimmingWhitespace(), line: lineNumber)
            if current == -1 { continue }  // under a bad header: already reported
            let block = current.map { sections[$0] } ?? top
            // Keys that are names (gemeenten) are checked where they are interpreted.
            let keysAreData = Self.schema[block.kind].map { $0 == nil } ?? false
            if !keysAreData, let first = block.entry(entry.key) {
                problem("sleutel '\(rawKey)' staat twee keer in \(block.kind.isEmpty ? "de studie" : block.header) (eerst op regel \(first.line)); een lijst schrijft u op één regel, gescheiden door komma's")
                continue
            }
            if let k = current { sections[k].entries.append(entry) } else { top.entries.append(entry) }
        }
    }

    /// The sections of one kind, in file order.
    func sections(_ kind: String) -> [Block] { sections.filter { $0.kind == kind } }
}
