import Foundation
import KTOImport

/// Builds a `CodebookDraft`: first the group and id columns, then the multi-select questions
/// (the file's multiple-response sets, and runs of option columns), then every other column by
/// its values (`DraftBuilder+Types`).
struct DraftBuilder {
    let result: TableFileResult
    var table: DataTable { result.table }
    var facts: [ColumnFacts] = []
    /// Columns already in an entry or left out.
    var used: Set<Int> = []
    /// Entries with the column position they take in the codebook.
    var placed: [(position: Int, entry: CodebookDraft.Entry)] = []
    var omitted: [CodebookDraft.Omission] = []
    var studyChecks: [String] = []
    /// Names taken (lower case): the columns' and the entries'.
    var names: Set<String> = []
    /// Notes for columns that belong to a multiple-category set, by lower-case name.
    var memberNotes: [String: String] = [:]

    static let sections = (grade: "Rapportcijfers", likert: "Stellingen", category: "Vragen met categorieën",
                           closed: "Meerkeuzevragen", open: "Open vragen", codes: "Codes open vragen")
    static let chapter = "Vragen"

    init(result: TableFileResult) {
        self.result = result
    }

    mutating func build(group: String?) throws(CodebookDraftError) -> CodebookDraft {
        guard !table.columns.isEmpty, table.rowCount > 0 else { throw .emptyTable(file: table.file) }
        facts = table.columns.enumerated().map { ColumnFacts(column: $1, index: $0) }
        names = Set(facts.map { $0.name.lowercased() })
        let groupFacts = try findGroup(group)
        let (groupEntry, groupNames) = try makeGroup(groupFacts)
        place(groupEntry, at: groupFacts.index)
        used.insert(groupFacts.index)
        findID()
        addResponseSets()
        addOptionRuns()
        let metadata = Set(result.metadataColumns)
        for f in facts where !used.contains(f.index) {
            used.insert(f.index)
            if metadata.contains(f.name) {
                omitted.append(.init(column: f.name, reason: "gegevens van het platform (\(result.format.displayName))"))
            } else if f.name.isEmpty {
                omitted.append(.init(column: "kolom \(f.index + 1)", reason: "kolom zonder naam"))
            } else if Self.unusableName(f.name) {
                omitted.append(.init(column: "kolom \(f.index + 1)", reason: "de naam bevat onzichtbare tekens of |; geef de kolom een gewone naam"))
            } else if f.nonEmpty == 0 {
                omitted.append(.init(column: f.name, reason: "in geen enkele rij ingevuld"))
            } else if f.isDate {
                omitted.append(.init(column: f.name, reason: "datum"))
            } else {
                switch infer(f) {
                case .success(let entry): place(entry, at: f.index)
                case .failure(let omission): omitted.append(omission)
                }
            }
        }
        pairOpenQuestions()
        let entries = placed.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element.entry)
        if !result.leftOut.isEmpty {
            studyChecks.append("\(result.leftOut.count) rijen van het bestand zijn geen respondent (zie kto check): " + Self.reasons(result.leftOut))
        }
        return CodebookDraft(
            source: table.file, format: result.format, entries: entries, groupVariable: groupFacts.name, groups: groupNames,
            omitted: omitted, studyChecks: studyChecks, respondents: table.rowCount, leftOutRows: result.leftOut.count)
    }

    static func reasons(_ rows: [LeftOutRow]) -> String { CodebookDraft.leftOutSummary(rows) }

    mutating func place(_ entry: CodebookDraft.Entry, at position: Int) {
        var entry = entry
        // A label the cleaning left empty would be refused by the codebook: the code stands in.
        entry.labels = entry.labels.map { Self.isBlank($0.label) ? ValueLabel(code: $0.code, label: String($0.code)) : $0 }
        placed.append((position, entry))
        names.insert(entry.variable.lowercased())
    }

    /// `name`, or `name_2`, … when a column or entry already has it.
    mutating func unique(_ name: String) -> String {
        var candidate = name
        var n = 2
        while names.contains(candidate.lowercased()) {
            candidate = "\(name)_\(n)"
            n += 1
        }
        names.insert(candidate.lowercased())
        return candidate
    }

    // MARK: Id

    /// The respondent id: a column named like one whose values are all different.
    mutating func findID() {
        let metadata = Set(result.metadataColumns)
        let named = facts.filter { f in
            !used.contains(f.index) && CodebookDraft.idNames.contains(Self.compact(f.name)) && f.nonEmpty > 0 && !Self.unusableName(f.name)
        }
        let ordered = named.filter { !metadata.contains($0.name) } + named.filter { metadata.contains($0.name) }
        for f in ordered where f.duplicateCells {
            studyChecks.append("'\(f.name)' lijkt een respondentnummer, maar waarden komen dubbel voor; niet als id gebruikt")
        }
        guard let id = ordered.first(where: { !$0.duplicateCells }) else {
            studyChecks.append("geen kolom met respondentnummers herkend; heeft de data er een, zet die dan met type id in het codeboek")
            return
        }
        var entry = CodebookDraft.Entry(variable: id.name, type: .id)
        entry.text = id.hasLabel ? id.text : "Respondentnummer"
        if id.nonEmpty < table.rowCount {
            entry.checks.append("\(table.rowCount - id.nonEmpty) rijen zonder respondentnummer; kto wijst die af")
        }
        place(entry, at: id.index)
        used.insert(id.index)
    }

    /// Whether a label is empty once control characters go and the codebook trims it.
    static func isBlank(_ text: String) -> Bool {
        CodebookDraft.visible(text).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Whether a column's name cannot stand in the codebook as it is: empty once trimmed, with
    /// spaces around it (the codebook trims them), control characters, a leading combining mark
    /// or `|` (the separator of `columns`).
    static func unusableName(_ name: String) -> Bool {
        name.isEmpty || hasControl(name) || name.contains("|") || name.trimmingCharacters(in: .whitespacesAndNewlines) != name
    }

    /// C0 and C1 control characters and DEL (tab and line ends included: names never hold them).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
    }

    /// Whether `text` holds a control character, or starts with a combining mark (it would
    /// join the `=` before it into one character, and `code=label` would not split).
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl) || text.unicodeScalars.first.map(isMark) == true
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// A name without case, `_`, `-`, `.` and spaces: `Response_ID` → `responseid`.
    static func compact(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " && $0 != "." })
    }

    // MARK: Group

    mutating func findGroup(_ requested: String?) throws(CodebookDraftError) -> ColumnFacts {
        let metadata = Set(result.metadataColumns)
        // Columns whose values repeat, with a handful of them: what a gemeente column looks like.
        let candidates = facts.filter { f in
            let distinct = f.codeCounts.count + f.texts.count
            return !metadata.contains(f.name) && !f.name.isEmpty && !Self.unusableName(f.name) && (2...30).contains(distinct) && distinct * 2 <= f.nonEmpty
        }.map(\.name)
        if let requested {
            let key = requested.lowercased()
            guard let f = facts.first(where: { $0.name.lowercased() == key }), !Self.unusableName(f.name) else {
                throw .groupNotFound(name: requested, candidates: candidates)
            }
            return f
        }
        if let f = facts.first(where: { CodebookDraft.groupNames.contains($0.name.lowercased()) && $0.nonEmpty > 0 }) { return f }
        let byText = facts.filter { f in
            guard !metadata.contains(f.name), f.nonEmpty > 0, !Self.unusableName(f.name) else { return false }
            let words = Set(AnswerTexts.key(f.text).split(separator: " "))
            return words.contains("gemeente") || words.contains("municipality") || words.contains("woongemeente")
        }
        if byText.count == 1 { return byText[0] }
        throw .noGroupColumn(file: table.file, candidates: byText.isEmpty ? candidates : byText.map(\.name))
    }

    /// The group entry and the gemeenten: the file's labels of the codes that occur, or the
    /// texts as written.
    mutating func makeGroup(_ f: ColumnFacts) throws(CodebookDraftError) -> (CodebookDraft.Entry, [String]) {
        var entry = CodebookDraft.Entry(variable: f.name, type: .group)
        entry.text = f.hasLabel ? f.text : "Gemeente"
        guard f.nonEmpty > 0 else { throw .groupWithoutValues(name: f.name) }
        var labels: [ValueLabel] = []
        let codes = f.codeCounts.keys.filter { !f.declaredMissing.contains($0) }.sorted()
        for code in codes {
            if let label = f.label(of: code) {
                labels.append(ValueLabel(code: code, label: label))
            } else {
                labels.append(ValueLabel(code: code, label: "Gemeente \(code)"))
                entry.checks.append("code \(code) heeft geen naam in het bestand: vervang 'Gemeente \(code)' hier en in [population] door de naam")
            }
        }
        let absent = f.valueLabels.filter { !codes.contains($0.code) && !f.declaredMissing.contains($0.code) }
        if !absent.isEmpty {
            entry.checks.append("zonder respondenten en daarom weggelaten: " + absent.map { "\($0.code)=\($0.label)" }.joined(separator: ", "))
        }
        // Texts (a CSV or workbook with names): each its own code, in alphabetical order.
        let texts = f.texts.values.map(\.spelling).sorted { Self.naturalLess($0, $1) }
        // Texts take the lowest codes not in use (codes must stay within -9999...9999).
        var taken = Set(labels.map(\.code)).union(f.declaredMissing)
        var next = 1
        for text in texts where !labels.contains(where: { AnswerTexts.key($0.label) == AnswerTexts.key(text) }) {
            while taken.contains(next) { next += 1 }
            labels.append(ValueLabel(code: next, label: text))
            taken.insert(next)
        }
        if !f.textValueLabels.isEmpty {
            entry.checks.append("de data noemt de gemeenten zoals ze in de cellen staan; het bestand geeft ze als labels: "
                + f.textValueLabels.map { "\($0.value)=\($0.label)" }.joined(separator: ", "))
        }
        let empty = table.rowCount - f.nonEmpty
        let missingRows = f.declaredMissing.reduce(0) { $0 + (f.codeCounts[$1] ?? 0) } + f.missingTexts.values.reduce(0, +)
        if empty + missingRows > 0 {
            entry.checks.append("\(empty + missingRows) rijen zonder (bekende) gemeente; kto wijst die af")
        }
        if let odd = labels.first(where: { $0.label.contains(where: { "=#[]|".contains($0) }) }) {
            entry.checks.append("de naam '\(odd.label)' bevat =, #, [, ] of |: pas hem aan in het codeboek en in [population]")
        }
        entry.labels = labels.map { ValueLabel(code: $0.code, label: Self.isBlank(Self.cleanLabel($0.label)) ? "Gemeente \($0.code)" : Self.cleanLabel($0.label)) }
        return (entry, entry.labels.map(\.label))
    }

    /// Text order with numbers compared as numbers: `18-26` < `27-40` < `65 jaar en ouder`.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let na = Int(a.prefix { $0.isASCII && $0.isNumber })
        let nb = Int(b.prefix { $0.isASCII && $0.isNumber })
        if let na, let nb, na != nb { return na < nb }
        let ka = AnswerTexts.key(a)
        let kb = AnswerTexts.key(b)
        return ka != kb ? ka < kb : a < b
    }
}
