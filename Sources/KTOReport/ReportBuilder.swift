import KTOAnalysis
import KTOModel

/// Builds the report model of a study from its results.
public struct ReportBuilder: Sendable {
    /// Whom a report is about.
    public enum Scope: Sendable, Equatable {
        /// The whole organisation: every gemeente beside the total, and the benchmarks.
        case organisation
        /// One gemeente beside the total of the organisation (an indicative annex).
        case gemeente(Int)
    }

    public init() {}

    /// A report: the summary, the introduction with the method, then every chapter of the codebook.
    public func build(_ results: StudyResults, scope: Scope = .organisation) -> ReportModel {
        let metingen = [results.meting] + (results.previousMeting.map { [$0] } ?? [])
        let groups: [GroupID]
        switch scope {
        case .organisation: groups = results.groupIDs
        case .gemeente(let g): groups = [.gemeente(g), .total]
        }
        var chapters: [Chapter] = [summary(results, scope: scope), introduction(results)]
        // Chapters and sections in the order the codebook first names them.
        var chapterOrder: [String] = []
        var sectionsByChapter: [String: [(title: String, blocks: [Block])]] = [:]
        for result in results.variables {
            let chapter = result.variable.chapter.isEmpty ? "Overige vragen" : result.variable.chapter
            let section = result.variable.section
            if sectionsByChapter[chapter] == nil { chapterOrder.append(chapter) }
            let block = self.block(for: result, results: results, metingen: metingen, groups: groups, scope: scope)
            var sections = sectionsByChapter[chapter, default: []]
            if let last = sections.indices.last, sections[last].title == section {
                sections[last].blocks.append(block)
            } else {
                sections.append((section, [block]))
            }
            sectionsByChapter[chapter] = sections
        }
        for chapter in chapterOrder {
            let sections = (sectionsByChapter[chapter] ?? []).map { Section(title: $0.title, blocks: $0.blocks) }
            chapters.append(Chapter(title: chapter, sections: sections))
        }
        insertOpenAnswerChapters(into: &chapters, results: results, groups: groups, benchmarks: scope == .organisation, quotes: scope == .organisation)
        var gemeente: String?
        var title = results.title
        if case .gemeente(let g) = scope {
            gemeente = results.groupNames[g]
            title += " — bijlage \(results.groupNames[g]) (indicatief)"
        }
        var model = ReportModel(
            title: title, subtitle: results.client, meting: results.meting,
            previousMeting: results.previousMeting, chapters: chapters,
            legend: DutchText.legend(results, benchmarks: scope == .organisation), gemeente: gemeente)
        model.marksKey = DutchText.marksKey(results, benchmarks: scope == .organisation)
        return model
    }

    func summary(_ results: StudyResults, scope: Scope) -> Chapter {
        switch scope {
        case .organisation:
            return Chapter(title: "Samenvatting", sections: [Section(title: "", blocks: [.summary(SummaryBuilder(results: results).sentences())])])
        case .gemeente(let g):
            return Chapter(title: "Samenvatting", sections: [Section(title: "", blocks: [
                .paragraph(DutchText.annexIntro(results.groupNames[g])),
                .summary(SummaryBuilder(results: results).gemeenteSentences(g)),
            ])])
        }
    }

    func introduction(_ results: StudyResults) -> Chapter {
        let rows = results.response.map { r in
            ResponseTable.Row(
                group: results.name(of: r.group), invited: r.invited, respondents: r.respondents,
                rate: r.rate.map { $0 * 100 }, marginOfError: r.marginOfError.map { $0 * 100 })
        }
        return Chapter(title: "Inleiding en onderzoeksverantwoording", sections: [
            Section(title: "Respons", blocks: [.paragraph(DutchText.responseIntro), .response(ResponseTable(rows: rows))]),
            Section(title: "Werkwijze", blocks: DutchText.method(results).map { .paragraph($0) } + openAnswerMethod(results)),
        ])
    }

    func block(for result: VariableResult, results: StudyResults, metingen: [String], groups: [GroupID], scope: Scope) -> Block {
        let variable = result.variable
        switch variable.type {
        case .category:
            let tables = variable.validCodes.map { code -> ItemTable in
                let label = variable.label(of: code) ?? String(code)
                return table(result, results: results, metingen: metingen, title: label, label: "% van de antwoorden", kind: .percent,
                             ref: MeasureRef(.pctCategory, category: label), groups: groups, scope: scope) { group in
                    guard let categories = group.categories else { return nil }
                    return categories.shares.first { $0.code == code }?.estimate.map { $0.proportion * 100 }
                }
            }
            return .categories(question: variable.text, variable: variable.code, tables: tables)
        case .likert:
            let label = variable.polarity == .negative ? "% eens (lager=beter)" : "% (helemaal) eens"
            return .item(table(result, results: results, metingen: metingen, title: variable.text, label: label, kind: .percent, ref: MeasureRef(.pctAgree), groups: groups, scope: scope) {
                $0.statement?.agree.map { $0.proportion * 100 }
            })
        default:
            return .item(table(result, results: results, metingen: metingen, title: variable.text, label: "rapportcijfer", kind: .grade, ref: MeasureRef(.mean), groups: groups, scope: scope) {
                $0.grade?.estimate?.mean
            })
        }
    }

    func table(
        _ result: VariableResult, results: StudyResults, metingen: [String], title: String, label: String,
        kind: ValueKind, ref: MeasureRef, groups: [GroupID], scope: Scope, value: (GroupResult) -> Double?
    ) -> ItemTable {
        // Benchmarks describe organisations, so only the organisation's report shows them.
        let benchmarks = scope == .organisation ? results.benchmarks : []
        let rows = groups.map { id in
            var cells = metingen.enumerated().map { index, meting -> Cell in
                guard let group = result.meting(meting)?.group(id) else {
                    // A previous meting known from its report: its published figure, total row only.
                    if index > 0, id == .total, let figure = results.previousAggregates?.figure(result.variable.code, ref.measure.rawValue, category: ref.category) {
                        return Cell(state: .value(figure.value), n: figure.n)
                    }
                    return Cell(state: index > 0 && results.previousAggregates != nil ? .notAvailable : .notAsked, n: nil)
                }
                switch group.size {
                case .none: return Cell(state: .noObservations, n: 0)
                case .suppressed, .complementary: return Cell(state: .suppressed, n: group.n)
                case .enough, .indicative:
                    guard let v = value(group) else { return Cell(state: .noObservations, n: group.n) }
                    let marks = index == 0 ? group.tests(of: ref).compactMap { test -> Cell.Mark? in
                        guard test.direction != .none else { return nil }
                        switch test.comparison {
                        case .previous: return Cell.Mark(against: .previous, higher: test.direction == .higher)
                        case .rest: return Cell.Mark(against: .rest, higher: test.direction == .higher)
                        case .benchmark: return nil
                        }
                    } : []
                    return Cell(state: .value(v), n: group.n, indicative: group.size == .indicative, marks: marks)
                }
            }
            let own = result.current?.group(id)
            for benchmark in benchmarks {
                guard id == .total else {
                    cells.append(Cell(state: .blank, n: nil))
                    continue
                }
                guard let figure = benchmark.figure(result.variable.code, ref.measure.rawValue, category: ref.category) else {
                    cells.append(Cell(state: .notAvailable, n: nil))
                    continue
                }
                let marks = (own?.tests(of: ref) ?? []).compactMap { test -> Cell.Mark? in
                    guard test.comparison == .benchmark(benchmark.name), test.direction != .none else { return nil }
                    return Cell.Mark(against: .benchmark, higher: test.direction == .higher)
                }
                cells.append(Cell(state: .value(figure.value), n: figure.n, marks: marks))
            }
            var breakdown: Breakdown?
            if let group = result.current?.group(id), group.size.isShown {
                if ref.measure == .mean, let grade = group.grade, grade.n > 0 {
                    breakdown = .grades(
                        percentByGrade: grade.distribution.map { Double($0.count) * 100 / Double(grade.n) },
                        grades: grade.distribution.map(\.code), onvoldoende: (grade.onvoldoende?.proportion ?? 0) * 100)
                } else if ref.measure == .pctAgree, let statement = group.statement, statement.n > 0 {
                    breakdown = .agreement(
                        agree: (statement.agree?.proportion ?? 0) * 100, neutral: (statement.neutral?.proportion ?? 0) * 100,
                        disagree: (statement.disagree?.proportion ?? 0) * 100)
                }
            }
            return ItemTable.Row(group: results.name(of: id), cells: cells, breakdown: breakdown, isTotal: id == .total)
        }
        return ItemTable(
            variable: result.variable.code, title: title, measureLabel: label, kind: kind,
            negative: result.variable.polarity == .negative, columns: metingen + (scope == .organisation ? results.benchmarkShortNames : []),
            metingColumns: metingen.count, rows: rows)
    }
}
