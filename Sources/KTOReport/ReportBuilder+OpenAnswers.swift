import KTOAnalysis
import KTOModel
import KTOStats
import KTOText

extension ReportBuilder {
    /// Puts the coded open questions into the report: one section per question (its codebook
    /// section, e.g. "Goed"), in its codebook chapter ("Succes- en verbeterpunten"). The chapter goes
    /// where the codebook has it among the other chapters; when other items share the chapter, the
    /// sections are added to it.
    /// - Parameters:
    ///   - domains: the domains to show as columns (current meting), in order.
    ///   - benchmarks: whether to add the benchmark columns (organisation reports only).
    ///   - quotes: whether to add the quotes (they come from the whole organisation).
    func insertOpenAnswerChapters(
        into chapters: inout [Chapter], results: StudyResults, domains: [Domain], benchmarks: Bool = true, quotes: Bool = true
    ) {
        var order: [String] = []
        var sections: [String: [(line: Int, section: Section)]] = [:]
        var firstLine: [String: Int] = [:]
        func add(_ section: Section, chapter: String, line: Int) {
            let title = chapter.isEmpty ? "Open vragen" : chapter
            if sections[title] == nil {
                order.append(title)
                firstLine[title] = line
            }
            sections[title, default: []].append((line, section))
        }
        for question in results.openQuestions {
            add(openAnswerSection(question, results: results, domains: domains, benchmarks: benchmarks, quotes: quotes),
                chapter: question.question.codes.chapter, line: question.question.codes.line)
        }
        for question in results.uncodedQuestions {
            add(uncodedSection(question, results: results, domains: domains, quotes: quotes), chapter: question.variable.chapter, line: question.variable.line)
        }
        // Where each existing chapter starts in the codebook (chapters without items: before all).
        var chapterLine: [String: Int] = [:]
        for result in results.variables {
            let title = result.variable.chapter.isEmpty ? "Overige vragen" : result.variable.chapter
            chapterLine[title] = min(chapterLine[title] ?? Int.max, result.variable.line)
        }
        for title in order {
            let own = (sections[title] ?? []).sorted { $0.line < $1.line }.map(\.section)
            if let k = chapters.firstIndex(where: { $0.title == title }) {
                chapters[k].sections += own
                continue
            }
            let line = firstLine[title] ?? Int.max
            let position = chapters.firstIndex { chapterLine[$0.title].map { $0 > line } ?? false } ?? chapters.count
            chapters.insert(Chapter(title: title, sections: own), at: position)
        }
    }

    /// An open question without codes: how many wrote something, per gemeente, and a few quotes.
    func uncodedSection(_ question: UncodedQuestionResult, results: StudyResults, domains: [Domain], quotes: Bool) -> Section {
        let rows = domains.map { domain -> UncodedAnswersTable.Row in
            let k: Int
            switch domain {
            case .gemeente(let g): k = g + 1
            default: k = 0
            }
            return UncodedAnswersTable.Row(group: results.name(of: domain), written: question.written[k], respondents: question.respondents[k])
        }
        let total = question.written.first ?? 0
        let intro = "Deze open vraag is niet gecodeerd: er zijn geen percentages per onderwerp. De tabel toont hoeveel klanten iets schreven"
            + (quotes && !question.quotes.isEmpty ? "; daaronder enkele geanonimiseerde citaten, op dezelfde manier gekozen als bij de gecodeerde vragen." : ".")
            + " In totaal schreven \(Rounding.formatInteger(total)) klanten een antwoord."
        let table = UncodedAnswersTable(
            variable: question.variable.code, question: question.variable.text.isEmpty ? question.variable.code : question.variable.text, rows: rows,
            quotes: quotes ? question.quotes.map { TextCleaner.plain($0.text, singleLine: true) } : [])
        let title = question.variable.section.isEmpty ? question.variable.text : question.variable.section
        return Section(title: title, blocks: [.paragraph(intro), .uncodedAnswers(table)])
    }

    /// One coded question: a short explanation, the table, and what was not counted.
    func openAnswerSection(_ question: CodedQuestionResult, results: StudyResults, domains: [Domain], benchmarks: Bool, quotes: Bool) -> Section {
        let table = codedAnswersTable(question, results: results, domains: domains, benchmarks: benchmarks, quotes: quotes)
        var blocks: [Block] = []
        let total = question.current?.domain(.total)
        let base = total?.n ?? 0
        // Whether the percentages add up to more than 100 is a fact of this table, not a given.
        let sum = question.question.codeList.reduce(0) { $0 + Int(total?.value(.count($1.code)) ?? 0) }
        var intro: String
        if question.question.isClosed {
            let who = question.question.hasNoneOption ? "de klanten aan wie de vraag gesteld werd" : "de klanten die ten minste één antwoord aankruisten"
            intro = "Meer antwoorden mogelijk. De tabel toont per antwoord het percentage van \(who) (totaal: \(Rounding.formatInteger(base))); "
                + (sum > base ? "omdat een klant meer antwoorden kan geven, tellen de percentages op tot meer dan 100%." : "een klant kan meer antwoorden geven.")
        } else {
            intro = "Klanten konden in eigen woorden antwoorden; elk antwoord is ingedeeld in een of meer punten van een vaste codelijst. "
                + "De tabel toont per punt het percentage van de klanten die ten minste één punt noemden (totaal: \(Rounding.formatInteger(base))); "
                + (sum > base ? "omdat een klant meer punten kan noemen, tellen de percentages op tot meer dan 100%." : "een klant kan meer punten noemen.")
        }
        if question.uncodedAnswers > 0 {
            let n = question.uncodedAnswers
            intro += " \(Rounding.formatInteger(n)) \(n == 1 ? "geschreven antwoord bevatte" : "geschreven antwoorden bevatten") geen codeerbaar punt (bijvoorbeeld ‘geen’) en \(n == 1 ? "telt" : "tellen") niet mee."
        }
        if let previous = results.previousMeting, question.meting(previous) == nil,
           results.previousFigures?.hasFigures(for: question.question.codes.code, where: { if case .pctMentioned = $0 { return true } else { return false } }) != true {
            intro += " In \(previous) is deze vraag niet gesteld."
        }
        blocks.append(.paragraph(intro))
        blocks.append(.codedAnswers(table))
        let title = question.question.codes.section.isEmpty ? question.question.codes.text : question.question.codes.section
        return Section(title: title, blocks: blocks)
    }

    /// The table: codes in table order as rows; columns: each domain of the current meting (the
    /// previous meting's total right after the current total, when it has this question), then the
    /// benchmarks.
    func codedAnswersTable(_ question: CodedQuestionResult, results: StudyResults, domains: [Domain], benchmarks: Bool, quotes: Bool) -> CodedAnswersTable {
        let variable = question.question.codes.code
        enum Column {
            case current(Domain)
            case previousData(DomainResult?)
            case figures(ReferenceFigures, marks: Bool)
        }
        var columns: [(heading: String, column: Column)] = []
        let isMention: (Measure) -> Bool = { if case .pctMentioned = $0 { return true } else { return false } }
        for id in domains {
            let name = id == .total ? "Totaal \(results.meting)" : results.name(of: id)
            columns.append((name, .current(id)))
            // Every earlier meting that asked the question, most recent first.
            for label in results.earlierMetingen where id == .total {
                if let earlier = question.meting(label) {
                    columns.append(("Totaal \(label)", .previousData(earlier.domain(.total))))
                } else if let figures = results.figures(of: label), figures.hasFigures(for: variable, where: isMention) {
                    columns.append(("Totaal \(label)", .figures(figures, marks: false)))
                }
            }
        }
        if benchmarks {
            for benchmark in results.benchmarks { columns.append((benchmark.shortName, .figures(benchmark, marks: true))) }
        }
        let current = question.current
        let total = current?.domain(.total)

        var rows: [CodedAnswersTable.Row] = []
        for code in question.order {
            let measure = Measure.pctMentioned(code)
            let cells = columns.map { entry -> Cell in
                switch entry.column {
                case .current(let id):
                    return current?.domain(id).map { Self.cell($0, measure: measure, marks: true, previous: results.previousMeting) } ?? Cell(state: .notAsked, n: nil)
                case .previousData(let domain):
                    return domain.map { Self.cell($0, measure: measure, marks: false, previous: results.previousMeting) } ?? Cell(state: .notAsked, n: nil)
                case .figures(let figures, let marks):
                    guard let figure = figures.figure(variable, measure) else { return Cell(state: .notAvailable, n: nil) }
                    let shown = marks ? (total?.contrasts(of: measure) ?? []).compactMap { contrast -> Cell.Mark? in
                        guard contrast.contrast == .benchmark(figures.name), contrast.direction != .none else { return nil }
                        return Cell.Mark(against: .benchmark, higher: contrast.direction == .higher)
                    } : []
                    return Cell(state: .value(figure.value), n: figure.n, marks: shown)
                }
            }
            rows.append(CodedAnswersTable.Row(label: question.label(of: code), cells: cells))
        }
        let bases: [Int?] = columns.map { entry in
            switch entry.column {
            case .current(let id): return current?.domain(id)?.n
            case .previousData(let domain): return domain?.n
            case .figures: return nil
            }
        }
        // Quotes were anonymised and cleaned in the analysis; cleaned once more here so that no
        // control character can reach a writer whatever produced the results.
        let quoteBlocks = quotes ? question.quotes.map { entry in
            CodedAnswersTable.Quotes(label: entry.label, quotes: entry.quotes.map { TextCleaner.plain($0.text, singleLine: true) })
        } : []
        var table = CodedAnswersTable(
            variable: variable, question: question.question.text?.text ?? question.question.codes.text,
            columns: columns.map(\.heading), bases: bases, rows: rows, quotes: quoteBlocks)
        table.closed = question.question.isClosed
        return table
    }

    /// The method paragraph on open answers: coding, base, quotes and what the anonymiser replaced.
    func openAnswerMethod(_ results: StudyResults) -> [Block] {
        var blocks: [Block] = []
        if results.openQuestions.contains(where: \.question.isClosed) {
            blocks.append(.paragraph("Bij meerkeuzevragen (meer antwoorden mogelijk) is het percentage per antwoord berekend over de klanten die ten minste één antwoord aankruisten, of, bij een vraag met het antwoord ‘geen van deze’, over iedereen aan wie de vraag gesteld werd; de percentages zijn getoetst zoals de andere percentages."))
        }
        let coded = results.openQuestions.filter { !$0.question.isClosed }
        guard !coded.isEmpty else { return blocks }
        let written = coded.reduce(0) { $0 + $1.writtenAnswers }
        var summary: [AnonymizationKind: Int] = [:]
        var changed = 0
        for question in coded {
            for (kind, count) in question.anonymization.counts { summary[kind, default: 0] += count }
            changed += question.anonymization.textsChanged
        }
        let total = summary.values.reduce(0, +)
        var text = "Open antwoorden zijn gecodeerd volgens een vaste codelijst per vraag; een antwoord kan meer codes krijgen. "
            + "Percentages zijn berekend over de klanten met ten minste één gecodeerd punt en zijn getoetst zoals de andere percentages. "
        let quotesShown = results.openQuestions.reduce(0) { $0 + $1.quotes.reduce(0) { $0 + $1.quotes.count } }
        if quotesShown > 0 {
            text += "De citaten zijn per punt reproduceerbaar gekozen (bij voorkeur antwoorden van 40 tot 300 tekens, geen herhalingen, "
                + "niet uit een gemeente waar minder dan \(results.thresholds.suppress) klanten een gecodeerd punt noemden). "
        }
        if total == 0 {
            text += "Alle \(Rounding.formatInteger(written)) geschreven antwoorden zijn vóór het kiezen van citaten geanonimiseerd; daarbij is niets vervangen."
        } else {
            text += "Alle \(Rounding.formatInteger(written)) geschreven antwoorden zijn vóór het kiezen van citaten geanonimiseerd: "
                + "in \(Rounding.formatInteger(changed)) \(changed == 1 ? "antwoord is" : "antwoorden zijn") \(Rounding.formatInteger(total)) "
                + "\(total == 1 ? "gegeven" : "gegevens") vervangen door (…): \(AnonymizationWording.describe(summary))."
        }
        return blocks + [.paragraph(text)]
    }
}
