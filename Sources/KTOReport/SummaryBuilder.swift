import KTOAnalysis
import KTOModel
import KTOStats

/// Writes the summary: Dutch sentences built from the key figures and the findings. A sentence
/// states a difference only when a test found it, and calls figures equal only when the test found
/// nothing and the shown figures are the same.
struct SummaryBuilder {
    let results: StudyResults
    /// All significant differences, computed once: every sentence kind filters this list.
    let findings: [Finding]

    init(results: StudyResults) {
        self.results = results
        self.findings = results.findings
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
            let gemeenteFindings = findings.filter { $0.comparison == .rest && Self.evaluative($0) }
            let text: String
            if !gemeenteFindings.isEmpty {
                text = "De resultaten per gemeente zijn indicatief. Op \(gemeenteFindings.count) rapportcijfers en stellingen wijkt een gemeente significant af van de rest van de organisatie (zie de bijlagen per gemeente)."
            } else if testsRun(comparison: .rest) > 0 {
                text = "Tussen de gemeenten zijn geen significante verschillen gevonden; de resultaten per gemeente zijn indicatief."
            } else {
                text = "De gemeenten zijn niet onderling getoetst: daarvoor waren er per gemeente te weinig antwoorden."
            }
            list.append(SummarySentence(text: text, figures: []))
        }
        return list
    }

    /// How many evaluative tests (means and % eens) of this comparison were made, for one group
    /// or all: "no significant differences" is only said where something was tested.
    func testsRun(comparison: Comparison, group: GroupID? = nil) -> Int {
        var count = 0
        for result in results.variables {
            guard let current = result.current, current.meting == results.meting else { continue }
            for own in current.groups where group == nil || own.group == group {
                count += own.tests.filter { $0.comparison == comparison && ($0.of.measure == .mean || $0.of.measure == .pctAgree) }.count
            }
        }
        return count
    }

    func grade(_ v: Double) -> String { Rounding.formatDutch(v, decimals: 1) }

    /// "Rapportcijfer medewerkers …" is a heading, not a phrase: "de medewerkers …".
    func subject(_ text: String) -> String {
        text.lowercased().hasPrefix("rapportcijfer ") ? "de " + text.dropFirst("rapportcijfer ".count) : text
    }

    /// The annex's summary: where the gemeente differs significantly from the rest and from its
    /// own previous meting.
    func gemeenteSentences(_ g: Int) -> [SummarySentence] {
        let name = results.groupNames[g]
        let own = findings.filter { $0.group == .gemeente(g) && Self.evaluative($0) }
        var list: [SummarySentence] = []
        var comparisons: [(Comparison, String)] = [(.rest, "Ten opzichte van de rest van de organisatie")]
        if let previous = results.previousMeting { comparisons.append((.previous, "Ten opzichte van \(previous)")) }
        for (comparison, leadText) in comparisons {
            let selected = own.filter { $0.comparison == comparison }.prefix(8)
            guard !selected.isEmpty else {
                let tested = testsRun(comparison: comparison, group: .gemeente(g)) > 0
                list.append(SummarySentence(text: tested
                    ? "\(leadText) zijn er voor \(name) geen significante verschillen."
                    : "\(leadText) is \(name) niet getoetst: daarvoor waren te weinig antwoorden.", figures: []))
                continue
            }
            var figures: [SummarySentence.Figure] = []
            let items = selected.map { finding -> String in
                let kind: ValueKind = finding.of.measure == .mean ? .grade : .percent
                let format = { (v: Double) in kind == .grade ? grade(v) : Rounding.formatPercent(v) }
                figures.append(.init(variable: finding.variable, row: name, column: results.meting, value: finding.value, kind: kind))
                let other = comparison == .rest ? "rest \(format(finding.reference))" : "was \(format(finding.reference))"
                if comparison == .previous, let previousMeting = results.previousMeting {
                    figures.append(.init(variable: finding.variable, row: name, column: previousMeting, value: finding.reference, kind: kind))
                }
                return "\(lowered(subject(finding.text))) \(finding.direction == .higher ? "hoger" : "lager") (\(format(finding.value)); \(other))"
            }
            list.append(SummarySentence(text: "\(leadText) scoort \(name) significant: " + items.joined(separator: "; ") + ".", figures: figures))
        }
        return list
    }

    /// "de dienstverlening …" from "De dienstverlening …" (not for abbreviations such as "KCC").
    func lowered(_ text: String) -> String {
        guard let first = text.first, let second = text.dropFirst().first, first.isUppercase, second.isLowercase else { return text }
        return first.lowercased() + text.dropFirst()
    }

    func gradeSentence(_ result: VariableResult) -> SummarySentence? {
        guard let total = result.current?.group(.total), total.size.isShown, let mean = total.grade?.estimate?.mean else { return nil }
        let code = result.variable.code
        var figures = [SummarySentence.Figure(variable: code, row: "Totaal", column: results.meting, value: mean, kind: .grade)]
        var text = "Klanten geven \(lowered(subject(result.variable.text))) gemiddeld een \(grade(mean))"
        if let previousMeting = results.previousMeting, let old = result.meting(previousMeting)?.group(.total)?.grade?.estimate?.mean,
           let test = total.tests(of: MeasureRef(.mean)).first(where: { $0.comparison == .previous }) {
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
        for (k, benchmark) in results.benchmarks.enumerated() {
            guard let figure = benchmark.figure(code, "mean") else { continue }
            let short = results.benchmarkShortNames[k]
            figures.append(.init(variable: code, row: "Totaal", column: short, value: figure.value, kind: .grade))
            let test = total.tests(of: MeasureRef(.mean)).first { $0.comparison == .benchmark(benchmark.name) }
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
        let changes = findings.filter { $0.group == .total && $0.comparison == .previous && Self.evaluative($0) }
        var list: [SummarySentence] = []
        for improving in [true, false] {
            let selected = changes.filter { $0.isImprovement == improving }.prefix(6)
            guard !selected.isEmpty else { continue }
            var figures: [SummarySentence.Figure] = []
            let items = selected.map { finding -> String in
                let kind: ValueKind = finding.of.measure == .mean ? .grade : .percent
                let format = { (v: Double) in kind == .grade ? grade(v) : Rounding.formatPercent(v) }
                figures.append(.init(variable: finding.variable, row: "Totaal", column: results.meting, value: finding.value, kind: kind))
                figures.append(.init(variable: finding.variable, row: "Totaal", column: previousMeting, value: finding.reference, kind: kind))
                if finding.of.measure == .pctAgree {
                    return "‘\(lowered(finding.text))’ (\(format(finding.value)) eens tegen \(format(finding.reference)))"
                }
                return "\(lowered(subject(finding.text))) (\(format(finding.value)) tegen \(format(finding.reference)))"
            }
            let lead = improving
                ? "Significant beter dan in \(previousMeting) scoren: "
                : "Significant slechter dan in \(previousMeting) scoren: "
            list.append(SummarySentence(text: lead + items.joined(separator: "; ") + ".", figures: figures))
        }
        if list.isEmpty && testsRun(comparison: .previous, group: .total) > 0 {
            list.append(SummarySentence(text: "Ten opzichte van \(previousMeting) zijn er voor de organisatie als geheel geen significante verschillen.", figures: []))
        }
        return list
    }

    /// Per coded open question the two points mentioned most (the table's first rows).
    func openAnswerSentences() -> [SummarySentence] {
        results.openQuestions.compactMap { question -> SummarySentence? in
            guard let total = question.current?.group(.total), total.size.isShown else { return nil }
            let top = question.order.prefix(2).compactMap { code -> (String, Double)? in
                guard let e = total.share(code)?.estimate else { return nil }
                return (question.label(of: code), e.proportion * 100)
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

    static func evaluative(_ finding: Finding) -> Bool {
        finding.of.measure == .mean || finding.of.measure == .pctAgree
    }

    /// The positive statement most and least agreed with.
    func statementSentence() -> SummarySentence? {
        let statements = results.variables.compactMap { result -> (VariableResult, Double)? in
            guard result.variable.type == .likert, result.variable.polarity == .positive,
                  let total = result.current?.group(.total), total.size == .enough,
                  let agree = total.statement?.agree else { return nil }
            return (result, agree.proportion * 100)
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
