import Foundation
import KTOImport

/// The type of one column, from its values and labels.
extension DraftBuilder {
    typealias Entry = CodebookDraft.Entry

    /// The column's codebook row, or why it has none.
    func infer(_ f: ColumnFacts) -> Result<Entry, CodebookDraft.Omission> {
        let (missing, missingChecks) = missingCodes(f)
        var checks: [String] = []
        let missingSet = Set(missing.map(\.code))
        let valid = f.codeCounts.filter { !missingSet.contains($0.key) }
        let answers = f.texts.filter { AnswerTexts.noOpinion($0.value.spelling) == nil }
        let answerCount = answers.values.reduce(0) { $0 + $1.count }
        if let note = memberNotes[f.name.lowercased()] { checks.append(note) }
        var result: Result<Entry, CodebookDraft.Omission>
        if f.codeLists > 0 && answerCount == 0 {
            var entry = Entry(variable: f.name, type: .multi)
            entry.values = f.codeCounts.keys.sorted().map(String.init).joined(separator: ",")
            entry.section = Self.sections.codes
            entry.checks.append("codes van een open vraag (meerdere per cel, 1|4): vul de codelijst in als labels (code=omschrijving)")
            result = .success(entry)
        } else if f.codeCount + f.otherNumbers > 0 && answerCount * 20 <= f.nonEmpty {
            if answerCount > 0 {
                let shown = answers.values.sorted { $0.count > $1.count }.prefix(3).map { "'\($0.spelling)' \($0.count)×" }
                checks.append("teksten die geen code zijn (kto kan ze niet lezen): " + shown.joined(separator: ", "))
            }
            result = numeric(f, valid: valid, missing: missing)
        } else {
            var texts = answers.map { (key: $0.key, count: $0.value.count, spelling: $0.value.spelling) }
            for (code, count) in valid { texts.append((String(code), count, String(code))) }
            result = textual(f, texts: texts)
        }
        guard case .success(var entry) = result else { return result }
        entry.chapter = entry.type == .text || entry.type == .multi ? (entry.chapter.isEmpty ? Self.chapter : entry.chapter) : Self.chapter
        if entry.text.isEmpty { entry.text = f.text }
        if !f.hasLabel && entry.text == f.name && entry.type != .multi {
            checks.append("de data geeft geen vraagtekst: vul de vraag in (kolom text)")
        }
        if entry.type != .text && entry.type != .multi {
            entry.missing = missing
            checks = missingChecks + checks
        }
        entry.checks = checks + entry.checks
        fitMissing(&entry)
        // A reversed scale needs symmetric values; written-out values may not be.
        if entry.scale == "reversed", !entry.values.isEmpty {
            entry.type = .category
            entry.scale = ""
            entry.section = Self.sections.category
            entry.checks.append("de labels lopen van eens naar oneens en de geldige waarden zijn niet symmetrisch: als categorie opgenomen; zet de codes om om er een stelling van te maken")
        }
        return .success(entry)
    }

    // MARK: Missing codes

    /// The file's user-missing codes, labelled codes that say 'weet niet' or 'n.v.t.', codes for
    /// such texts, and unlabelled codes like 99 beside codes up to 10.
    func missingCodes(_ f: ColumnFacts) -> ([ValueLabel], [String]) {
        var missing: [ValueLabel] = []
        var checks: [String] = []
        for code in f.declaredMissing.sorted() {
            let label = f.label(of: code) ?? ""
            missing.append(ValueLabel(code: code, label: label))
            if label.isEmpty && (f.codeCounts[code] ?? 0) > 0 {
                checks.append("ontbrekende waarde \(code) heeft geen label in het bestand: is het weet niet of n.v.t.?")
            }
        }
        for label in f.valueLabels where !f.declaredMissing.contains(label.code) && !AnswerTexts.kinds(ofLabel: label.label).isEmpty {
            missing.append(label)
            checks.append("\(label.code)=\(label.label) is in het bestand geen ontbrekende waarde; hier wel (telt niet mee in de basis)")
        }
        var taken = Set(f.codeCounts.keys).union(f.valueLabels.map(\.code)).union(missing.map(\.code))
        // User-missing strings: a code each, with the string as its label (the loader reads the
        // string as that code).
        for (text, count) in f.missingTexts.sorted(by: { $0.key < $1.key }) where count > 0 {
            guard let code = [99, 98, 97, 96, 95, 999].first(where: { !taken.contains($0) }) else { continue }
            taken.insert(code)
            missing.append(ValueLabel(code: code, label: Self.cleanLabel(text)))
            checks.append("'\(text)' is in het bestand een ontbrekende waarde; hier code \(code)")
        }
        for text in f.texts.values.sorted(by: { $0.spelling < $1.spelling }) {
            guard let kind = AnswerTexts.noOpinion(text.spelling) else { continue }
            if missing.contains(where: { AnswerTexts.kinds(ofLabel: $0.label).contains(kind) }) { continue }
            let preferred: Int
            switch kind {
            case .dontKnow: preferred = 99
            case .notApplicable: preferred = 98
            case .noOpinion: preferred = 97
            }
            guard let code = [preferred, preferred * 10 + 9, -1, -2, -3].first(where: { !taken.contains($0) }) else { continue }
            taken.insert(code)
            missing.append(ValueLabel(code: code, label: Self.cleanLabel(text.spelling)))
        }
        // 99 among grades 1-10 without a label: a missing code, most likely.
        let known = Set(missing.map(\.code))
        let unlabelled = f.codeCounts.keys.filter { !known.contains($0) && f.label(of: $0) == nil }
        let sentinels = unlabelled.filter { $0 >= 90 || ($0 < 0 && $0 >= -99) }
        let others = f.codeCounts.keys.filter { !known.contains($0) && !sentinels.contains($0) }
        if !sentinels.isEmpty, let high = others.max(), let low = others.min(), high <= 10, low >= 0 {
            for code in sentinels.sorted() {
                missing.append(ValueLabel(code: code, label: ""))
                checks.append("\(code) komt \(f.codeCounts[code] ?? 0)× voor en heeft geen label: is het weet niet of n.v.t.? (staat nu als ontbrekende waarde)")
            }
        }
        return (missing.sorted { $0.code < $1.code }, checks)
    }

    /// A grade (1-10) or statement (1-5) whose missing code lies in the default range: the
    /// values are written out without it.
    func fitMissing(_ entry: inout Entry) {
        let range: ClosedRange<Int>
        switch entry.type {
        case .grade: range = 1...10
        case .likert: range = 1...5
        default: return
        }
        let inside = entry.missing.map(\.code).filter(range.contains)
        guard !inside.isEmpty, entry.values.isEmpty else { return }
        entry.values = range.filter { !inside.contains($0) }.map(String.init).joined(separator: ",")
        entry.checks.append("ontbrekende code \(inside.map(String.init).joined(separator: ", ")) ligt binnen \(range.lowerBound)-\(range.upperBound); de geldige waarden staan daarom uitgeschreven")
    }

    // MARK: Numbers

    func numeric(_ f: ColumnFacts, valid: [Int: Int], missing: [ValueLabel]) -> Result<Entry, CodebookDraft.Omission> {
        if f.otherNumbers * 20 > f.nonEmpty {
            return .failure(.init(column: f.name, reason: "getallen met decimalen of groter dan 9999 (\(f.otherNumbers)×): geen vraagtype van kto"))
        }
        let missingSet = Set(missing.map(\.code))
        let codes = Set(valid.keys)
        let labels = f.valueLabels.filter { !missingSet.contains($0.code) }
        guard !codes.isEmpty || !labels.isEmpty else {
            return .failure(.init(column: f.name, reason: "alleen ontbrekende waarden"))
        }
        var entry: Entry
        let all = codes.union(labels.map(\.code))
        let scaleLabels = labels.filter { (1...5).contains($0.code) && AnswerTexts.scalePoint($0.label) != nil }
        if scaleLabels.count >= 3, all.isSubset(of: Set(1...5)) {
            entry = likert(f, labels: labels.sorted { $0.code < $1.code })
        } else if codes.isSubset(of: Set(1...10)), codes.count >= 3, (codes.max() ?? 0) >= 6, labels.allSatisfy({ [1, 10].contains($0.code) }) {
            entry = Entry(variable: f.name, type: .grade)
            entry.section = Self.sections.grade
            if codes.count < 5 || (codes.max() ?? 0) < 8 {
                entry.checks.append("rapportcijfer (1-10) afgeleid uit de waarden \(codes.sorted().map(String.init).joined(separator: ", ")); is het een categorie, kies dan category")
            }
        } else if codes.isSubset(of: Set(1...5)), codes.count >= 3, labels.isEmpty, Self.soundsLikeAStatement(f.text) {
            entry = likert(f, labels: [])
            entry.checks.append("stelling afgeleid uit de vraagtekst en de waarden 1-5; labels: de standaard (1 = helemaal oneens … 5 = helemaal eens)")
        } else if all.count <= 30 {
            entry = Entry(variable: f.name, type: .category)
            entry.section = Self.sections.category
            entry.labels = labels.sorted { $0.code < $1.code }.map { ValueLabel(code: $0.code, label: Self.cleanLabel($0.label)) }
            let unlabelled = codes.subtracting(labels.map(\.code)).sorted()
            if labels.isEmpty {
                entry.values = unlabelled.map(String.init).joined(separator: ",")
                entry.checks.append("geen labels in het bestand: vul ze in (code=omschrijving, bijvoorbeeld 1=Nee|2=Ja)")
                if codes.isSubset(of: Set(1...5)) && codes.count >= 3 { entry.checks.append("of is het een stelling (type likert)?") }
            } else if !unlabelled.isEmpty {
                entry.values = all.sorted().map(String.init).joined(separator: ",")
                entry.checks.append("codes zonder label: \(unlabelled.map(String.init).joined(separator: ", "))")
            }
        } else {
            return .failure(.init(column: f.name, reason: "\(all.count) verschillende getallen: geen vraagtype van kto (zoals leeftijd in jaren of een duur)"))
        }
        return .success(entry)
    }

    /// A statement on a 5-point scale: polarity to check, the scale turned when the labels run
    /// from agree to disagree (as `Codebook` would otherwise refuse them).
    func likert(_ f: ColumnFacts, labels: [ValueLabel]) -> Entry {
        var entry = Entry(variable: f.name, type: .likert)
        entry.section = Self.sections.likert
        entry.labels = labels.map { ValueLabel(code: $0.code, label: Self.cleanLabel($0.label)) }
        let low = labels.first { $0.code == 1 }.flatMap { Variable.agreement(of: $0.label) }
        let high = labels.first { $0.code == 5 }.flatMap { Variable.agreement(of: $0.label) }
        if low == .positive && high == .negative {
            entry.scale = "reversed"
            entry.checks.append("de labels lopen van eens (1) naar oneens (5): scale = reversed, kto keert de codes om; klopt dat?")
        }
        entry.checks.append("richting: is eens hier goed nieuws (laat leeg of positive) of slecht nieuws (negative, zoals 'ik moet te lang wachten')?")
        return entry
    }

    static func soundsLikeAStatement(_ text: String) -> Bool {
        let words = Set(AnswerTexts.key(text).split(separator: " "))
        return !words.isDisjoint(with: ["eens", "oneens", "stelling", "stellingen", "tevreden", "ontevreden"])
    }

    // MARK: Texts

    func textual(_ f: ColumnFacts, texts: [(key: String, count: Int, spelling: String)]) -> Result<Entry, CodebookDraft.Omission> {
        guard !texts.isEmpty else {
            return .failure(.init(column: f.name, reason: "alleen antwoorden zonder oordeel (weet niet, n.v.t.)"))
        }
        let total = texts.reduce(0) { $0 + $1.count }
        let points = texts.map { AnswerTexts.scalePoint($0.spelling) }
        if texts.count >= 2, points.allSatisfy({ $0 != nil }) {
            return .success(likertFromTexts(f, texts: texts))
        }
        if texts.allSatisfy({ AnswerTexts.yes.contains($0.key) || AnswerTexts.no.contains($0.key) }) {
            var entry = Entry(variable: f.name, type: .category)
            entry.section = Self.sections.category
            let yes = texts.filter { AnswerTexts.yes.contains($0.key) }.max { $0.count < $1.count }?.spelling ?? "Ja"
            let no = texts.filter { AnswerTexts.no.contains($0.key) }.max { $0.count < $1.count }?.spelling ?? "Nee"
            entry.labels = [ValueLabel(code: 1, label: yes), ValueLabel(code: 2, label: no)]
            return .success(entry)
        }
        let distinct = texts.count
        let average = f.averageTextLength
        if distinct > 15 || average > 40 || (distinct * 2 > total && distinct > 5) || (average > 20 && distinct * 2 > total) {
            var entry = Entry(variable: f.name, type: .text)
            entry.section = Self.sections.open
            return .success(entry)
        }
        var entry = Entry(variable: f.name, type: .category)
        entry.section = Self.sections.category
        let ordered = texts.map(\.spelling).sorted { Self.naturalLess($0, $1) }
        entry.labels = ordered.enumerated().map { ValueLabel(code: $0.offset + 1, label: Self.cleanLabel($0.element)) }
        if ordered.count > 2 {
            entry.checks.append("de categorieën zijn op volgorde van het alfabet genummerd; geef ze de volgorde van de vraag (codes en labels)")
        }
        if ordered.contains(where: { $0.contains("|") }) { entry.checks.append("'|' in een antwoord is in het label '/' geworden; kto herkent dat antwoord dan niet") }
        return .success(entry)
    }

    /// Texts of an agreement or satisfaction scale: the labels as the data writes them, the
    /// points it lacks in the scale's usual words.
    func likertFromTexts(_ f: ColumnFacts, texts: [(key: String, count: Int, spelling: String)]) -> Entry {
        let satisfaction = texts.filter { AnswerTexts.satisfaction[$0.key] != nil && AnswerTexts.agreement[$0.key] == nil }.count
        let agreement = texts.filter { AnswerTexts.agreement[$0.key] != nil && AnswerTexts.satisfaction[$0.key] == nil }.count
        let usual = satisfaction > agreement
            ? ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"]
            : ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
        var labels: [ValueLabel] = []
        for point in 1...5 {
            let seen = texts.filter { AnswerTexts.scalePoint($0.spelling) == point }.max { ($0.count, $1.spelling) < ($1.count, $0.spelling) }
            labels.append(ValueLabel(code: point, label: seen?.spelling ?? usual[point - 1]))
        }
        return likert(f, labels: labels)
    }
}
