import Foundation

/// LimeSurvey CSV exports (Responses → Export, CSV), with headings as question codes (`q1`,
/// `kanaal[SQ001]`) or as "code. text" (`q1. Hoe tevreden bent u?`), and answers as codes
/// (`A1`, `A2`, `Y`) or as full texts:
///
/// ```
/// "id. Response ID","submitdate. Date submitted","lastpage. Last page","startlanguage. Start language","seed. Seed",…
/// "1","2025-03-02 10:12:01","4","nl","1183047","A2",…
/// ```
///
/// A response without `submitdate` was never submitted and is left out unless asked for. Answer
/// codes `A1`, `A2`, … (or `AO01`, …) become the numbers 1, 2, …; `Y`/`N` become 1 (Ja) and
/// 2 (Nee); the subquestion columns of a multiple-choice question (`Y` or empty) become one
/// multiple-response set.
enum LimeSurveyExport {
    static let metadata: Set<String> = [
        "id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp", "ipaddr", "refurl",
        "interviewtime",
    ]

    /// `q1. Question text` → (`q1`, `Question text`); a heading of only a code → (code, nil).
    static func heading(_ text: String) -> (code: String, label: String?) {
        guard let dot = text.range(of: ". ") else { return (text, nil) }
        let code = String(text[..<dot.lowerBound])
        guard isCode(code) else { return (text, nil) }
        let label = String(text[dot.upperBound...]).trimmingCharacters(in: .whitespaces)
        return (code, label.isEmpty ? nil : label)
    }

    /// Letters, digits and `_`, optionally followed by `[…]` groups: `G01Q03[SQ001]`.
    static func isCode(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
        var depth = 0
        for c in text {
            if c == "[" { depth += 1; if depth > 1 { return false }; continue }
            if c == "]" { depth -= 1; if depth < 0 { return false }; continue }
            guard c.isASCII, c.isLetter || c.isNumber || c == "_" || (depth == 1 && c == "#") else { return false }
        }
        return depth == 0
    }

    static func recognises(_ names: [String]) -> Bool {
        missing(names).isEmpty
    }

    static func missing(_ names: [String]) -> [String] {
        let codes = Set(names.map { heading($0).code.lowercased() })
        return ["submitdate", "lastpage", "startlanguage"].filter { !codes.contains($0) }
    }

    static func shape(_ draft: inout PlatformDraft, includeUnfinished: Bool) {
        for k in draft.names.indices {
            let (code, label) = heading(draft.names[k])
            draft.names[k] = code
            if let label { draft.labels[k] = PlatformText.oneLine(label) }
        }
        draft.metadata = draft.names.filter { metadata.contains($0.lowercased()) }
        if !includeUnfinished, let submitted = draft.column("submitdate") {
            let values = (0..<draft.rowCount).map { draft.text(row: $0, column: submitted) }
            draft.leaveOut { row in values[row] == nil ? .notSubmitted : nil }
        }
        findMultipleChoice(&draft)
        let isMetadata = Set(draft.metadata)
        let inSets = Set(draft.sets.flatMap(\.variables))
        for k in draft.names.indices where !isMetadata.contains(draft.names[k]) && !inSets.contains(draft.names[k]) {
            convertCodes(&draft, column: k)
        }
    }

    /// `A7`, `AO07` → 7.
    static func answerCode(_ text: String) -> Int? {
        var rest = Substring(text)
        guard rest.first == "A" else { return nil }
        rest = rest.dropFirst()
        if rest.first == "O" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 4, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(rest)
    }

    /// A column whose every answer is an answer code becomes numbers; one of only `Y` and `N`
    /// becomes 1 and 2 with the labels Ja and Nee.
    static func convertCodes(_ draft: inout PlatformDraft, column k: Int) {
        let values = draft.columns[k].map(PlatformDraft.text)
        let present = values.compactMap { $0 }
        guard !present.isEmpty else { return }
        if present.allSatisfy({ answerCode($0) != nil }) {
            draft.columns[k] = values.map { $0.flatMap(answerCode).map { .number(Double($0)) } ?? .empty }
            draft.notes.append(.answerCodesAsNumbers(column: draft.names[k]))
        } else if present.allSatisfy({ $0 == "Y" || $0 == "N" }) {
            draft.columns[k] = values.map { $0 == "Y" ? .number(1) : $0 == "N" ? .number(2) : .empty }
            draft.valueLabels[k] = [
                ValueLabelEntry(value: .number(1), label: "Ja"), ValueLabelEntry(value: .number(2), label: "Nee"),
            ]
            draft.notes.append(.yesNoAsNumbers(column: draft.names[k]))
        }
    }

    /// Runs of `base[sub]` columns holding only `Y` or nothing (a multiple-choice question);
    /// `base[other]` and `base[comment]` (texts) stay separate columns.
    static func findMultipleChoice(_ draft: inout PlatformDraft) {
        var k = 0
        while k < draft.names.count {
            guard let base = split(draft.names[k])?.base else {
                k += 1
                continue
            }
            var members: [Int] = []
            var end = k
            while end < draft.names.count, let parts = split(draft.names[end]), parts.base == base {
                let sub = parts.sub
                if !["other", "comment"].contains(sub.lowercased()) && !sub.lowercased().hasSuffix("comment") { members.append(end) }
                end += 1
            }
            defer { k = end }
            let values = members.map { draft.columns[$0].compactMap(PlatformDraft.text) }
            guard members.count >= 2, values.allSatisfy({ $0.allSatisfy { $0 == "Y" } }), values.contains(where: { !$0.isEmpty }) else { continue }
            var question: String?
            for j in members {
                let (option, stem) = subquestion(draft.labels[j])
                question = question ?? stem
                draft.labels[j] = option ?? split(draft.names[j])?.sub
            }
            draft.makeOptionSet(name: base, label: question ?? base, columns: members)
        }
    }

    /// `kanaal[SQ001]` → (`kanaal`, `SQ001`).
    static func split(_ name: String) -> (base: String, sub: String)? {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]"), open > name.startIndex else { return nil }
        let sub = name[name.index(after: open)..<name.index(before: name.endIndex)]
        return (String(name[..<open]), String(sub))
    }

    /// `Hoe had u contact? [Telefoon]` → (`Telefoon`, `Hoe had u contact?`).
    static func subquestion(_ label: String?) -> (option: String?, question: String?) {
        guard let label else { return (nil, nil) }
        guard label.hasSuffix("]"), let open = label.lastIndex(of: "[") else { return (nil, label) }
        let option = label[label.index(after: open)..<label.index(before: label.endIndex)].trimmingCharacters(in: .whitespaces)
        let question = label[..<open].trimmingCharacters(in: .whitespaces)
        return (option.isEmpty ? nil : option, question.isEmpty ? nil : question)
    }
}
