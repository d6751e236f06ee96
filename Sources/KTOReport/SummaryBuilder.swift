import KTOAnalysis
import KTOModel
import KTOStats

/// Writes the summary: Dutch sentences built from the key figures and the findings. A sentence
/// states a difference only when a test found it (after adjustment for multiple testing), and
/// calls figures equal only when the test found nothing and the shown figures are the same.
struct SummaryBuilder {
    let results: StudyResults
    /// All significant differences, computed once: every sentence kind filters this list.
    let findings: [Finding]

    init(results: StudyResults) {
        self.init(results: results, findings: results.findings)
    }

    /// With the findings already made (`results.findings`).
    init(results: StudyResults, findings: [Finding]) {
        self.results = results
        self.findings = findings
    }

    func sentences() -> [SummarySentence] {
        var list: [SummarySentence] = []
        if let response = results.response.first, let rate = response.rate {
            list.append(SummarySentence(
                text: "In totaal vulden \(Rounding.formatInteger(response.respondents)) van de \(Rounding.formatInteger(response.invited)) aangeschreven klanten de vragenlijst in: een respons van \(Rounding.formatPercent(rate * 100)).",
                figures: []))
        }
        var seenChapters: Set<String> = []
        for result in results.variables where result.variable.type == .grade {
            guard !seenChapters.contains(result.variable.chapter) else { continue }
            seenChapters.insert(result.variable.chapter)
            if let sentence = gradeSentence(result) { list.append(sentence) }
        }
        list += changeSentences()
        if let sentence = statementSentence() { list.append(sentence) }
        list += openAnswerSentences()
        if results.groupNames.count > 1 {
            let gemeenteFindings = findings.filter { $0.contrast == .rest && $0.measure.isEvaluative && $0.domain.partition == .gemeenten }
            let text: String
            if !gemeenteFindings.isEmpty {
                text = "De resultaten per gemeente zijn indicatief. Op \(gemeenteFindings.count) rapportcijfers en stellingen wijkt een gemeente significant af van de rest van de organisatie (zie de bijlagen per gemeente)."
            } else if testsRun(.rest, in: .gemeenten) > 0 {
                text = "Tussen de gemeenten zijn geen significante verschillen gevonden; de resultaten per gemeente zijn indicatief."
            } else {
                text = "De gemeenten zijn niet onderling getoetst: daarvoor waren er per gemeente te weinig antwoorden."
            }
            list.append(SummarySentence(text: text, figures: []))
        }
        list += breakdownSentences()
        return list
    }

    /// How many evaluative tests (means and % eens) of a contrast were made, in one domain or a
    /// partition: "no significant differences" is only said where something was tested.
    func testsRun(_ contrast: Contrast, domain: Domain? = nil, in partition: Domain.Partition? = nil) -> Int {
        var count = 0
        for result in results.variables {
            guard let current = result.current, current.meting == results.meting else { continue }
            for own in current.domains where (domain == nil || own.domain == domain) && (partition == nil || own.domain.partition == partition) {
                count += own.contrasts.filter { Self.same($0.contrast, contrast) && $0.measure.isEvaluative }.count
            }
        }
        return count
    }

    /// Contrasts of the same kind (any previous meting is "previous").
    static func same(_ a: Contrast, _ b: Contrast) -> Bool {
        switch (a, b) {
        case (.previous, .previous), (.rest, .rest): return true
        case (.benchmark(let x), .benchmark(let y)): return x == y
        default: return false
        }
    }

    func grade(_ v: Double) -> String { Rounding.formatDutch(v, decimals: 1) }

    /// "Rapportcijfer medewerkers …" is a heading, not a phrase: "de medewerkers …".
    func subject(_ text: String) -> String {
        text.lowercased().hasPrefix("rapportcijfer ") ? "de " + text.dropFirst("rapportcijfer ".count) : text
    }

    func lowered(_ text: String) -> String { DutchText.lowercasedFirst(text) }

    func kind(_ measure: Measure) -> ValueKind { measure == .mean ? .grade : .percent }

    func format(_ value: Double, _ kind: ValueKind) -> String { kind == .grade ? grade(value) : Rounding.formatPercent(value) }

    /// "; klein verschil" by the effect size (0,2 / 0,5 / 0,8), nothing when it is unknown.
    func size(_ finding: Finding) -> String {
        switch finding.effect?.magnitude {
        case .negligible?: return "; zeer klein verschil"
        case .small?: return "; klein verschil"
        case .medium?: return "; middelgroot verschil"
        case .large?: return "; groot verschil"
        case nil: return ""
        }
    }

    /// The annex's summary: where the gemeente differs significantly from the rest and from its
    /// own previous meting.
    func gemeenteSentences(_ g: Int) -> [SummarySentence] {
        let name = results.groupNames[g]
        let own = findings.filter { $0.domain == .gemeente(g) && $0.measure.isEvaluative }
        var list: [SummarySentence] = []
        var comparisons: [(Contrast, String)] = [(.rest, "Ten opzichte van de rest van de organisatie")]
        if let previous = results.previousMeting { comparisons.append((.previous(previous), "Ten opzichte van \(previous)")) }
        for (contrast, leadText) in comparisons {
            let selected = own.filter { Self.same($0.contrast, contrast) }.prefix(8)
            guard !selected.isEmpty else {
                let tested = testsRun(contrast, domain: .gemeente(g)) > 0
                list.append(SummarySentence(text: tested
                    ? "\(leadText) zijn er voor \(name) geen significante verschillen."
                    : "\(leadText) is \(name) niet getoetst: daarvoor waren te weinig antwoorden.", figures: []))
                continue
            }
            var figures: [SummarySentence.Figure] = []
            let items = selected.map { finding -> String in
                let kind = kind(finding.measure)
                figures.append(.init(variable: finding.variable, row: name, column: results.meting, value: finding.value, kind: kind))
                let other = contrast == .rest ? "rest \(format(finding.reference, kind))" : "was \(format(finding.reference, kind))"
                if case .previous = contrast, let previousMeting = results.previousMeting {
                    figures.append(.init(variable: finding.variable, row: name, column: previousMeting, value: finding.reference, kind: kind))
                }
                return "\(lowered(subject(finding.text))) \(finding.direction == .higher ? "hoger" : "lager") (\(format(finding.value, kind)); \(other)\(size(finding)))"
            }
            list.append(SummarySentence(text: "\(leadText) scoort \(name) significant: " + items.joined(separator: "; ") + ".", figures: figures))
        }
        return list
    }

    func gradeSentence(_ result: VariableResult) -> SummarySentence? {
        guard let total = result.current?.domain(.total), total.size.isShown, let mean = total.value(.mean) else { return nil }
        let code = result.variable.code
        var figures = [SummarySentence.Figure(variable: code, row: "Totaal", column: results.meting, value: mean, kind: .grade)]
        var text = "Klanten geven \(lowered(subject(result.variable.text))) gemiddeld een \(grade(mean))"
        if let previousMeting = results.previousMeting, let old = result.meting(previousMeting)?.domain(.total)?.value(.mean),
           let test = total.contrasts(of: .mean).first(where: { Self.same($0.contrast, .previous(previousMeting)) }) {
            figures.append(.init(variable: code, row: "Totaal", column: previousMeting, value: old, kind: .grade))
            switch test.direction {
            case .higher: text += ", significant hoger dan in \(previousMeting) (\(grade(old)))"
            case .lower: text += ", significant lager dan in \(previousMeting) (\(grade(old)))"
            case .none:
                text += grade(old) == grade(mean)
                    ? ", gelijk aan \(previousMeting) (\(grade(old)))"
                    : ", niet significant anders dan in \(previousMeting) (\(grade(old)))"
            }
        }
        text += "."
        var parts: [String] = []
        for benchmark in results.benchmarks {
            guard let figure = benchmark.figure(code, .mean) else { continue }
            figures.append(.init(variable: code, row: "Totaal", column: benchmark.shortName, value: figure.value, kind: .grade))
            let test = total.contrasts(of: .mean).first { $0.contrast == .benchmark(benchmark.name) }
            var part = "\(benchmark.name): \(grade(figure.value))"
            if test?.direction == .higher { part += " (uw resultaat is significant hoger)" }
            if test?.direction == .lower { part += " (uw resultaat is significant lager)" }
            parts.append(part)
        }
        if !parts.isEmpty { text += " Ter vergelijking: " + parts.joined(separator: "; ") + "." }
        return SummarySentence(text: text, figures: figures)
    }

    /// Significant changes since the previous meting, for the organisation as a whole.
    func changeSentences() -> [SummarySentence] {
        guard let previousMeting = results.previousMeting else { return [] }
        // Only evaluative figures: a shift in the respondents' profile is neither better nor worse,
        // and % onvoldoende repeats what the mean says.
        let changes = findings.filter {
            $0.domain == .total && Self.same($0.contrast, .previous(previousMeting)) && $0.measure.isEvaluative
        }
        var list: [SummarySentence] = []
        for improving in [true, false] {
            let selected = changes.filter { $0.isImprovement == improving }.prefix(6)
            guard !selected.isEmpty else { continue }
            var figures: [SummarySentence.Figure] = []
            let items = selected.map { finding -> String in
                let kind = kind(finding.measure)
                figures.append(.init(variable: finding.variable, row: "Totaal", column: results.meting, value: finding.value, kind: kind))
                figures.append(.init(variable: finding.variable, row: "Totaal", column: previousMeting, value: finding.reference, kind: kind))
                if finding.measure == .pctAgree {
                    return "‘\(lowered(finding.text))’ (\(format(finding.value, kind)) eens tegen \(format(finding.reference, kind))\(size(finding)))"
                }
                return "\(lowered(subject(finding.text))) (\(format(finding.value, kind)) tegen \(format(finding.reference, kind))\(size(finding)))"
            }
            let lead = improving
                ? "Significant beter dan in \(previousMeting) scoren: "
                : "Significant slechter dan in \(previousMeting) scoren: "
            list.append(SummarySentence(text: lead + items.joined(separator: "; ") + ".", figures: figures))
        }
        if list.isEmpty && testsRun(.previous(previousMeting), domain: .total) > 0 {
            list.append(SummarySentence(text: "Ten opzichte van \(previousMeting) zijn er voor de organisatie als geheel geen significante verschillen.", figures: []))
        }
        return list
    }

    /// Per breakdown variable: which categories score significantly higher or lower than the rest
    /// on the grades and statements, or that none does (only where something was tested).
    func breakdownSentences() -> [SummarySentence] {
        results.breakdowns.indices.compactMap { b -> SummarySentence? in
            let name = DutchText.lowercasedFirst(results.breakdowns[b].name)
            let own = findings.filter { $0.domain.partition == .breakdown(b) && $0.contrast == .rest && $0.measure.isEvaluative }
            guard !own.isEmpty else {
                return testsRun(.rest, in: .breakdown(b)) > 0
                    ? SummarySentence(text: "Naar \(name) verschillen de groepen niet significant van de overige klanten.", figures: [])
                    : nil
            }
            var figures: [SummarySentence.Figure] = []
            let items = own.prefix(6).map { finding -> String in
                let kind = kind(finding.measure)
                let category = results.name(of: finding.domain)
                figures.append(.init(variable: finding.variable, row: finding.text, column: category, value: finding.value, kind: kind))
                return "\(lowered(subject(finding.text))) bij ‘\(category)’ \(finding.direction == .higher ? "hoger" : "lager") (\(format(finding.value, kind)) tegen \(format(finding.reference, kind)) bij de overige klanten\(size(finding)))"
            }
            return SummarySentence(text: "Naar \(name) scoren sommige groepen significant anders dan de overige klanten: " + items.joined(separator: "; ") + ".", figures: figures)
        }
    }

    /// Per coded open question the two points mentioned most (the table's first rows).
    func openAnswerSentences() -> [SummarySentence] {
        results.openQuestions.compactMap { question -> SummarySentence? in
            guard let total = question.current?.domain(.total), total.size.isShown else { return nil }
            let top = question.order.prefix(2).compactMap { code -> (String, Double)? in
                guard let value = total.value(.pctMentioned(code)) else { return nil }
                return (question.label(of: code), value)
            }
            guard top.count == 2 else { return nil }
            let column = "Totaal \(results.meting)"
            let asked = question.question.text?.text ?? question.question.codes.text
            let text = "Op de vraag ‘\(asked)’ noemen klanten het vaakst ‘\(top[0].0)’ (\(Rounding.formatPercent(top[0].1))) en ‘\(top[1].0)’ (\(Rounding.formatPercent(top[1].1)) van wie iets noemde)."
            return SummarySentence(text: text, figures: top.map {
                .init(variable: question.question.codes.code, row: $0.0, column: column, value: $0.1, kind: .percent)
            })
        }
    }

    /// The positive statement most and least agreed with.
    func statementSentence() -> SummarySentence? {
        let statements = results.variables.compactMap { result -> (VariableResult, Double)? in
            guard result.variable.type == .likert, result.variable.polarity == .positive,
                  let total = result.current?.domain(.total), total.size == .enough,
                  let agree = total.value(.pctAgree) else { return nil }
            return (result, agree)
        }
        guard statements.count >= 2,
              let best = statements.max(by: { $0.1 < $1.1 }), let worst = statements.min(by: { $0.1 < $1.1 }),
              best.1 > worst.1 else { return nil }
        let text = "Van de positief gestelde stellingen krijgt ‘\(lowered(best.0.variable.text))’ de meeste instemming (\(Rounding.formatPercent(best.1)) (helemaal) eens) en ‘\(lowered(worst.0.variable.text))’ de minste (\(Rounding.formatPercent(worst.1)))."
        return SummarySentence(text: text, figures: [
            .init(variable: best.0.variable.code, row: "Totaal", column: results.meting, value: best.1, kind: .percent),
            .init(variable: worst.0.variable.code, row: "Totaal", column: results.meting, value: worst.1, kind: .percent),
        ])
    }
}
