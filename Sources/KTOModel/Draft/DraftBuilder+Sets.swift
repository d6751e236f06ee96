import Foundation
import KTOImport

/// Multi-select questions: the file's multiple-response sets and runs of option columns.
extension DraftBuilder {
    /// Words that tick an option in the loader (`Loader+Chunk`); other counted values are named.
    static let tickingValues: Set<String> = ["1", "ja", "j", "yes", "y", "x", "waar", "true", "aangevinkt", "wel"]

    /// Dichotomy sets become one `multi` with a column per option. Multiple-category sets (each
    /// variable holds a category code: first mention, second mention) have no form in the
    /// codebook: their variables stay categories of their own, each marked.
    mutating func addResponseSets() {
        for set in table.multipleResponseSets {
            let members = set.variables.compactMap { name in facts.first { $0.name.lowercased() == name.lowercased() } }
            // A name with '|' cannot stand in the columns cell (code=column|…): such a set stays apart.
            guard members.count == set.variables.count, members.count >= 1,
                  members.allSatisfy({ !used.contains($0.index) && !Self.unusableName($0.name) })
            else { continue }
            switch set.kind {
            case .category:
                let note = "hoort bij de meerkeuzeset $\(set.name) ('\(set.label)'): elke variabele daarvan bevat een code "
                    + "(eerste, tweede noemer); dat kan het codeboek niet als één vraag lezen, dus staat elke variabele hier apart"
                for name in set.variables { memberNotes[name.lowercased()] = note }
                studyChecks.append("meerkeuzeset $\(set.name) (\(set.variables.joined(separator: ", "))) staat als losse categorievragen in het codeboek")
            case .dichotomy(let counted):
                var entry = CodebookDraft.Entry(variable: unique(set.name), type: .multi)
                entry.chapter = Self.chapter
                entry.section = Self.sections.closed
                entry.text = set.label.isEmpty ? set.name : PlatformText.oneLine(set.label)
                for (k, member) in members.enumerated() {
                    entry.columns.append(OptionColumn(code: k + 1, column: member.name))
                    entry.labels.append(ValueLabel(code: k + 1, label: Self.cleanLabel(member.text)))
                    used.insert(member.index)
                }
                if !Self.tickingValues.contains(counted.lowercased().trimmingCharacters(in: .whitespaces)) {
                    entry.checks.append("het bestand telt '\(counted)' als aangevinkt; kto leest 1, ja en x als aangevinkt en 0, nee en leeg als niet")
                }
                if set.label.isEmpty { entry.checks.append("vraagtekst ontbreekt in het bestand: vul hem in") }
                place(entry, at: members[0].index)
            }
        }
    }

    /// Runs of two or more columns `kanaal_1`, `kanaal_2`, … whose cells are 0/1 (or 1/empty) or
    /// one text each (the option's own text, or empty): a multi-select question without a set.
    mutating func addOptionRuns() {
        let metadata = Set(result.metadataColumns)
        var k = 0
        while k < facts.count {
            guard let stem = Self.stem(facts[k].name), !used.contains(k), !metadata.contains(facts[k].name),
                  !Self.unusableName(facts[k].name) else {
                k += 1
                continue
            }
            var end = k
            var options: [(index: Int, label: String)] = []
            var ticks = 0
            while end < facts.count, Self.stem(facts[end].name) == stem, !used.contains(end), !Self.unusableName(facts[end].name),
                  let option = optionLabel(facts[end]) {
                options.append((end, option.label))
                ticks += option.ticks
                end += 1
            }
            defer { k = max(end, k + 1) }
            guard options.count >= 2, ticks > 0 else { continue }
            var entry = CodebookDraft.Entry(variable: unique(stem), type: .multi)
            entry.chapter = Self.chapter
            entry.section = Self.sections.closed
            // Labels "question - option" (Qualtrics numeric exports) give the question.
            let split = options.map { $0.label.components(separatedBy: " - ") }
            if split.allSatisfy({ $0.count >= 2 }), Set(split.map { $0[0] }).count == 1 {
                entry.text = split[0][0]
                options = zip(options, split).map { ($0.index, $1.dropFirst().joined(separator: " - ")) }
            } else {
                entry.text = stem
                entry.checks.append("meerkeuzevraag afgeleid uit de kolomnamen \(options.map { facts[$0.index].name }.joined(separator: ", ")); vul de vraagtekst in")
            }
            for (n, option) in options.enumerated() {
                entry.columns.append(OptionColumn(code: n + 1, column: facts[option.index].name))
                entry.labels.append(ValueLabel(code: n + 1, label: Self.cleanLabel(option.label)))
                used.insert(option.index)
            }
            place(entry, at: options[0].index)
        }
    }

    /// An option column: its label and how many cells tick it; nil when the cells are not
    /// 0/1/empty or one text.
    func optionLabel(_ f: ColumnFacts) -> (label: String, ticks: Int)? {
        guard f.otherNumbers == 0, f.codeLists == 0 else { return nil }
        if f.codeCounts.isEmpty, f.texts.count == 1, let only = f.texts.values.first {
            return (only.spelling, only.count)
        }
        guard f.texts.isEmpty, Set(f.codeCounts.keys).isSubset(of: [0, 1]) else { return nil }
        let generic: Set<String> = ["genoemd", "ja", "aangevinkt", "1", "yes", "wel"]
        var label = f.hasLabel ? f.text : f.name
        if !f.hasLabel, let one = f.label(of: 1), !generic.contains(AnswerTexts.key(one)) { label = one }
        return (label, f.codeCounts[1] ?? 0)
    }

    /// `kanaal_3` → `kanaal`, `k3` → `k`, `Q5_1` → `Q5`; nil without a number at the end.
    static func stem(_ name: String) -> String? {
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard digits > 0, digits < name.count else { return nil }
        var stem = String(name.dropLast(digits))
        while let last = stem.last, last == "_" || last == "-" || last == "." { stem.removeLast() }
        return stem.isEmpty ? nil : stem
    }

    /// A label fit for `code=label|…`: one line, no `|`.
    static func cleanLabel(_ text: String) -> String {
        var scalars = Substring(PlatformText.oneLine(text).replacingOccurrences(of: "|", with: "/")).unicodeScalars
        // A leading combining mark would fuse with the '=' of code=label.
        while let first = scalars.first, isMark(first) || isControl(first) { scalars.removeFirst() }
        return String(scalars)
    }

    /// A `text` and a one-column `multi` with the same stem (`goed_tekst`, `goed_codes`) form a
    /// coded open question: they share a section of their own.
    mutating func pairOpenQuestions() {
        var textsByStem: [String: [Int]] = [:]
        for k in placed.indices where placed[k].entry.type == .text {
            textsByStem[Codebook.stem(placed[k].entry.variable), default: []].append(k)
        }
        for m in placed.indices where placed[m].entry.type == .multi && placed[m].entry.columns.isEmpty {
            let stem = Codebook.stem(placed[m].entry.variable)
            guard let texts = textsByStem[stem], texts.count == 1 else { continue }
            placed[m].entry.section = stem
            placed[texts[0]].entry.section = stem
        }
    }
}
