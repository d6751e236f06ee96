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
    ///   - groups: the groups to show as columns (current meting), in order.
    ///   - benchmarks: whether to add the benchmark columns (organisation reports only).
    ///   - quotes: whether to add the quotes (they come from the whole organisation).
    func insertOpenAnswerChapters(
        into chapters: inout [Chapter], results: StudyResults, groups: [GroupID], benchmarks: Bool = true, quotes: Bool = true
    ) {
        var order: [String] = []
        var sections: [String: [Section]] = [:]
        var firstLine: [String: Int] = [:]
        for question in results.openQuestions {
            let title = question.question.codes.chapter.isEmpty ? "Open vragen" : question.question.codes.chapter
            if sections[title] == nil {
                order.append(title)
                firstLine[title] = question.question.codes.line
            }
            sections[title, default: []].append(openAnswerSection(question, results: results, groups: groups, benchmarks: benchmarks, quotes: quotes))
        }
        // Where each existing chapter starts in the codebook (chapters without items: before all).
        var chapterLine: [String: Int] = [:]
        for result in results.variables {
            let title = result.variable.chapter.isEmpty ? "Overige vragen" : result.variable.chapter
            chapterLine[title] = min(chapterLine[title] ?? Int.max, result.variable.line)
        }
        for title in order {
            let own = sections[title] ?? []
            if let k = chapters.firstIndex(where: { $0.title == title }) {
                chapters[k].sections += own
                continue
            }
            let line = firstLine[title] ?? Int.max
            let position = chapters.firstIndex { chapterLine[$0.title].map { $0 > line } ?? false } ?? chapters.count
            chapters.insert(Chapter(title: title, sections: own), at: position)
        }
    }

    /// One coded question: a short explanation, the table, and what was not counted.
    func openAnswerSection(_ question: CodedQuestionResult, results: StudyResults, groups: [GroupID], benchmarks: Bool, quotes: Bool) -> Section {
        let table = codedAnswersTable(question, results: results, groups: groups, benchmarks: benchmarks, quotes: quotes)
        var blocks: [Block] = []
        let base = question.current?.group(.total)?.base ?? 0
        // Whether the percentages add up to more than 100 is a fact of this table, not a given.
        let sum = question.current?.group(.total)?.shares.reduce(0) { $0 + $1.count } ?? 0
        var intro = "Klanten konden in eigen woorden antwoorden; elk antwoord is ingedeeld in een of meer punten van een vaste codelijst. "
            + "De tabel toont per punt het percentage van de klanten die ten minste één punt noemden (totaal: \(Rounding.formatInteger(base))); "
            + (sum > base ? "omdat een klant meer punten kan noemen, tellen de percentages op tot meer dan 100%." : "een klant kan meer punten noemen.")
        if question.uncodedAnswers > 0 {
            let n = question.uncodedAnswers
            intro += " \(Rounding.formatInteger(n)) \(n == 1 ? "geschreven antwoord bevatte" : "geschreven antwoorden bevatten") geen codeerbaar punt (bijvoorbeeld ‘geen’) en \(n == 1 ? "telt" : "tellen") niet mee."
        }
        if let previous = results.previousMeting, question.meting(previous) == nil,
           results.previousAggregates?.figures.keys.contains(where: { $0.variable == question.question.codes.code.lowercased() && $0.measure == ResultRow.Measure.pctMentioned.rawValue }) != true {
            intro += " In \(previous) is deze vraag niet gesteld."
        }
        blocks.append(.paragraph(intro))
        blocks.append(.codedAnswers(table))
        let title = question.question.codes.section.isEmpty ? question.question.codes.text : question.question.codes.section
        return Section(title: title, blocks: blocks)
    }

    /// The table: codes in table order as rows; columns: each group of the current meting (the
    /// previous meting's total right after the current total, when it has this question), then the
    /// benchmarks.
    func codedAnswersTable(_ question: CodedQuestionResult, results: StudyResults, groups: [GroupID], benchmarks: Bool, quotes: Bool) -> CodedAnswersTable {
        let variable = question.question.codes.code
        enum Column {
            case current(GroupID)
            case previousData(CodedGroupResult?)
            case previousFigures(Aggregates)
            case benchmark(Aggregates)
        }
        var columns: [(heading: String, column: Column)] = []
        let previousMeting = results.previousMeting.flatMap { question.meting($0) }
        let hasPreviousFigures = results.previousAggregates?.figures.keys.contains {
            $0.variable == variable.lowercased() && $0.measure == ResultRow.Measure.pctMentioned.rawValue
        } ?? false
        for id in groups {
            let name = id == .total ? "Totaal \(results.meting)" : results.name(of: id)
            columns.append((name, .current(id)))
            if id == .total, let label = results.previousMeting {
                if let previousMeting {
                    columns.append(("Totaal \(label)", .previousData(previousMeting.group(.total))))
                } else if hasPreviousFigures, let aggregates = results.previousAggregates {
                    columns.append(("Totaal \(label)", .previousFigures(aggregates)))
                }
            }
        }
        if benchmarks {
            for (k, benchmark) in results.benchmarks.enumerated() {
                let heading = k < results.benchmarkShortNames.count ? results.benchmarkShortNames[k] : benchmark.name
                columns.append((heading, .benchmark(benchmark)))
            }
        }
        let current = question.current
        let total = current?.group(.total)

        func cell(_ group: CodedGroupResult?, code: Int, label: String, marks showMarks: Bool) -> Cell {
            guard let group else { return Cell(state: .notAsked, n: nil) }
            switch group.size {
            case .none: return Cell(state: .noObservations, n: 0)
            case .suppressed, .complementary: return Cell(state: .suppressed, n: group.base)
            case .enough, .indicative:
                guard let e = group.share(code)?.estimate else { return Cell(state: .noObservations, n: group.base) }
                let ref = MeasureRef(.pctMentioned, category: label)
                let marks = showMarks ? group.tests(of: ref).compactMap { test -> Cell.Mark? in
                    guard test.direction != .none else { return nil }
                    switch test.comparison {
                    case .previous: return Cell.Mark(against: .previous, higher: test.direction == .higher)
                    case .rest: return Cell.Mark(against: .rest, higher: test.direction == .higher)
                    case .benchmark: return nil
                    }
                } : []
                return Cell(state: .value(e.proportion * 100), n: group.base, indicative: group.size == .indicative, marks: marks)
            }
        }

        var rows: [CodedAnswersTable.Row] = []
        for code in question.order {
            let label = question.label(of: code)
            let ref = MeasureRef(.pctMentioned, category: label)
            let cells = columns.map { entry -> Cell in
                switch entry.column {
                case .current(let id):
                    return cell(current?.group(id), code: code, label: label, marks: true)
                case .previousData(let group):
                    return cell(group, code: code, label: label, marks: false)
                case .previousFigures(let aggregates):
                    guard let figure = aggregates.figure(variable, ref.measure.rawValue, category: label) else { return Cell(state: .notAvailable, n: nil) }
                    return Cell(state: .value(figure.value), n: figure.n)
                case .benchmark(let aggregates):
                    guard let figure = aggregates.figure(variable, ref.measure.rawValue, category: label) else { return Cell(state: .notAvailable, n: nil) }
                    let marks = (total?.tests(of: ref) ?? []).compactMap { test -> Cell.Mark? in
                        guard test.comparison == .benchmark(aggregates.name), test.direction != .none else { return nil }
                        return Cell.Mark(against: .benchmark, higher: test.direction == .higher)
                    }
                    return Cell(state: .value(figure.value), n: figure.n, marks: marks)
                }
            }
            rows.append(CodedAnswersTable.Row(label: label, cells: cells))
        }
        let bases: [Int?] = columns.map { entry in
            switch entry.column {
            case .current(let id): return current?.group(id)?.base
            case .previousData(let group): return group?.base
            case .previousFigures, .benchmark: return nil
            }
        }
        // Quotes were anonymised and cleaned in the analysis; cleaned once more here so that no
        // control character can reach a writer whatever produced the results.
        let quoteBlocks = quotes ? question.quotes.map { entry in
            CodedAnswersTable.Quotes(label: entry.label, quotes: entry.quotes.map { TextCleaner.plain($0.text, singleLine: true) })
        } : []
        return CodedAnswersTable(
            variable: variable, question: question.question.text?.text ?? question.question.codes.text,
            columns: columns.map(\.heading), bases: bases, rows: rows, quotes: quoteBlocks)
    }

    /// The method paragraph on open answers: coding, base, quotes and what the anonymiser replaced.
    func openAnswerMethod(_ results: StudyResults) -> [Block] {
        guard !results.openQuestions.isEmpty else { return [] }
        let written = results.openQuestions.reduce(0) { $0 + $1.writtenAnswers }
        var summary: [AnonymizationKind: Int] = [:]
        var changed = 0
        for question in results.openQuestions {
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
        return [.paragraph(text)]
    }
}
