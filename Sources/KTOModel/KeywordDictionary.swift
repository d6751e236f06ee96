import Foundation
import KTOImport

/// Transparent keyword rules for a first pass at coding open answers: "if the answer contains this
/// word or phrase, it gets this code". The analyst edits the rules in Excel and checks every
/// suggestion; nothing here is learned or hidden.
///
/// File format (CSV, `;` or any sniffed separator, any supported encoding), a header row and one
/// rule per row; rows whose first cell starts with `#` are comments:
///
/// ```
/// variabele;trefwoord;code
/// goed_codes;op tijd;1
/// goed_codes;vriendelijk*;2
/// verbeter_codes;steeds een andere consulent;Minder wisselingen consulenten
/// ```
///
/// - `variabele`: the codes variable (`goed_codes`) or its text variable (`goed_tekst`).
/// - `trefwoord`: a word or phrase. Matching ignores case and accents (`geïnformeerd` =
///   `geinformeerd`) and punctuation, and is on whole words: `tijd` does not match `tijdig`. A `*`
///   at the end of a word matches any ending (`vriendelijk*`: vriendelijk, vriendelijke,
///   vriendelijkheid).
/// - `code`: a code of the question's code list, by number or by label.
public struct KeywordDictionary: Sendable, Equatable {
    /// One rule.
    public struct Rule: Sendable, Equatable {
        /// The codes variable of the question (its codebook spelling).
        public var question: String
        /// The word or phrase as written in the file.
        public var phrase: String
        public var code: Int
        /// The rule's line in the file.
        public var line: Int
        /// The phrase as words; `prefix` words match any word that starts with them.
        var words: [(text: String, prefix: Bool)]

        public static func == (a: Rule, b: Rule) -> Bool {
            a.question == b.question && a.phrase == b.phrase && a.code == b.code && a.line == b.line
        }
    }

    /// A rule that fired on an answer.
    public struct Match: Sendable, Equatable {
        public var code: Int
        public var phrase: String
    }

    public var file: String
    public var rules: [Rule]

    static let variableAliases: Set<String> = ["variable", "variabele", "vraag"]
    static let phraseAliases: Set<String> = ["trefwoord", "trefwoorden", "woord", "word", "phrase", "zin", "keyword"]
    static let codeAliases: Set<String> = ["code", "codes"]

    /// Reads a dictionary and checks every rule against the open questions.
    /// - Throws: `ImportError`; `StudyError` listing every bad rule with line and column.
    public static func load(_ file: Study.DataFile, questions: [OpenQuestion]) throws -> KeywordDictionary {
        let source = try SourceText(contentsOf: file.path, displayName: file.displayName)
        return try parse(source, questions: questions)
    }

    /// Parses dictionary text (see the type's description).
    public static func parse(_ source: SourceText, questions: [OpenQuestion]) throws -> KeywordDictionary {
        let reader = try CSVReader(source: source)
        let file = source.file
        var columns: [String: Int] = [:]
        for (k, raw) in reader.header.enumerated() {
            let name = raw.trimmingWhitespace().lowercased()
            if variableAliases.contains(name) { columns["variable"] = columns["variable"] ?? k }
            if phraseAliases.contains(name) { columns["phrase"] = columns["phrase"] ?? k }
            if codeAliases.contains(name) { columns["code"] = columns["code"] ?? k }
        }
        guard let variableColumn = columns["variable"], let phraseColumn = columns["phrase"], let codeColumn = columns["code"] else {
            throw StudyError([StudyProblem(
                "het woordenboek mist een kolom: verwacht een kopregel variabele;trefwoord;code",
                at: SourceLocation(file: file, line: 1), lineText: source.lineText(1))])
        }
        var problems: [StudyProblem] = []
        var rules: [Rule] = []
        var seen: [String: Int] = [:]
        let windows1252 = source.encoding == .windows1252
        var cursor = reader.makeCursor()
        while let record = try cursor.next() {
            if (0..<record.count).allSatisfy(record.isBlank) { continue }
            func cell(_ k: Int) -> String {
                guard k < record.count else { return "" }
                return record.withBytes(k) { SourceText.decode($0, windows1252: windows1252) }.trimmingWhitespace()
            }
            if record.count > 0, cell(0).hasPrefix("#") { continue }
            func problem(_ message: String, _ k: Int) {
                // The cell's own line: a quoted cell before it may span lines.
                let offset = record.offset(ofField: k < record.count ? k : 0)
                let column = k < record.count ? source.column(ofByte: offset) : nil
                problems.append(StudyProblem(
                    message, at: SourceLocation(file: file, line: record.line(ofByte: offset), column: column),
                    lineText: source.lineText(containingByte: offset)))
            }
            let name = cell(variableColumn)
            guard let question = questions.first(where: {
                $0.codes.code.lowercased() == name.lowercased() || $0.text?.code.lowercased() == name.lowercased()
            }) else {
                let known = questions.map(\.codes.code).joined(separator: ", ")
                problem("'\(name)' is geen gecodeerde open vraag uit het codeboek (bekend: \(known))", variableColumn)
                continue
            }
            let phrase = cell(phraseColumn)
            guard let words = parsePhrase(phrase) else {
                problem(phrase.isEmpty
                    ? "leeg trefwoord"
                    : "trefwoord '\(phrase)' bevat geen woorden, of een * die niet aan het eind van een woord staat", phraseColumn)
                continue
            }
            let codeText = cell(codeColumn)
            let codes = question.codeList
            var code: Int?
            if let number = Int(codeText), codes.contains(where: { $0.code == number }) {
                code = number
            } else {
                let key = Variable.labelKey(codeText)
                code = codes.first { Variable.labelKey($0.label) == key && !key.isEmpty }?.code
            }
            guard let code else {
                let list = codes.map { "\($0.code)=\($0.label)" }.joined(separator: ", ")
                problem("code '\(codeText)' staat niet in de codelijst van \(question.codes.code) (\(list))", codeColumn)
                continue
            }
            let key = "\(question.codes.code.lowercased())\u{1F}\(words.map { $0.text + ($0.prefix ? "*" : "") }.joined(separator: " "))\u{1F}\(code)"
            if let first = seen[key] {
                problem("deze regel staat al op regel \(first) (zelfde vraag, trefwoord en code)", phraseColumn)
                continue
            }
            seen[key] = record.line
            rules.append(Rule(question: question.codes.code, phrase: phrase, code: code, line: record.line, words: words))
        }
        guard problems.isEmpty else { throw StudyError(problems) }
        return KeywordDictionary(file: file, rules: rules)
    }

    public init(file: String = "", rules: [Rule]) {
        self.file = file
        self.rules = rules
    }

    /// The rules that fire on `text` for the question with codes variable `question`, in file order.
    public func matches(_ text: String, question: String) -> [Match] {
        let key = question.lowercased()
        let tokens = Self.words(of: text)
        guard !tokens.isEmpty else { return [] }
        var result: [Match] = []
        for rule in rules where rule.question.lowercased() == key {
            if Self.contains(tokens, rule.words) { result.append(Match(code: rule.code, phrase: rule.phrase)) }
        }
        return result
    }

    /// The codes the rules give `text`, ascending, each once.
    public func codes(for text: String, question: String) -> [Int] {
        Array(Set(matches(text, question: question).map(\.code))).sorted()
    }

    /// Lower case, accents removed, split into runs of letters and digits (also used to compare
    /// quotes for duplicates).
    public static func words(of text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A phrase as words; nil when it has none or a `*` that is not at the end of a word.
    static func parsePhrase(_ phrase: String) -> [(text: String, prefix: Bool)]? {
        var result: [(text: String, prefix: Bool)] = []
        for written in phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }) {
            var word = Substring(written)
            var prefix = false
            if word.hasSuffix("*") {
                prefix = true
                word = word.dropLast()
            }
            guard !word.contains("*") else { return nil }
            let parts = words(of: String(word))
            guard !parts.isEmpty else {
                if prefix { return nil }
                continue
            }
            for (k, part) in parts.enumerated() { result.append((part, prefix && k == parts.count - 1)) }
        }
        return result.isEmpty ? nil : result
    }

    static func contains(_ tokens: [String], _ words: [(text: String, prefix: Bool)]) -> Bool {
        guard words.count <= tokens.count else { return false }
        outer: for start in 0...(tokens.count - words.count) {
            for (j, word) in words.enumerated() {
                let token = tokens[start + j]
                if word.prefix ? !token.hasPrefix(word.text) : token != word.text { continue outer }
            }
            return true
        }
        return false
    }
}
