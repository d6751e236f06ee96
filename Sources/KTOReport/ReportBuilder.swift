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
        build(results, scope: scope, shared: Shared(results))
    }

    /// The reports of several scopes (the organisation and every gemeente's annex), on all cores,
    /// in the order of `scopes`: what does not depend on the scope (the introduction with the
    /// method, the findings) is made once for all of them. Each is `build(results, scope:)`.
    public func build(_ results: StudyResults, scopes: [Scope]) -> [ReportModel] {
        let shared = Shared(results)
        return parallelMap(scopes.count) { build(results, scope: scopes[$0], shared: shared) }
    }

    /// The parts of a report that are the same for every scope.
    struct Shared: Sendable {
        var introduction: Chapter
        var findings: [Finding]

        init(_ results: StudyResults) {
            introduction = ReportBuilder().introduction(results)
            findings = results.findings
        }
    }

    func build(_ results: StudyResults, scope: Scope, shared: Shared) -> ReportModel {
        let metingen = results.metingen
        let domains: [Domain]
        switch scope {
        case .organisation: domains = results.groupDomains
        case .gemeente(let g): domains = [.gemeente(g), .total]
        }
        var chapters: [Chapter] = [summary(results, scope: scope, findings: shared.findings), shared.introduction]
        // Chapters and sections in the order the codebook first names them.
        var chapterOrder: [String] = []
        var sectionsByChapter: [String: [(title: String, blocks: [Block], items: [VariableResult])]] = [:]
        for result in results.variables {
            let chapter = result.variable.chapter.isEmpty ? "Overige vragen" : result.variable.chapter
            let section = result.variable.section
            if sectionsByChapter[chapter] == nil { chapterOrder.append(chapter) }
            let block = self.block(for: result, results: results, metingen: metingen, domains: domains, scope: scope)
            var sections = sectionsByChapter[chapter, default: []]
            if let last = sections.indices.last, sections[last].title == section {
                sections[last].blocks.append(block)
                sections[last].items.append(result)
            } else {
                sections.append((section, [block], [result]))
            }
            sectionsByChapter[chapter] = sections
        }
        for chapter in chapterOrder {
            let sections = (sectionsByChapter[chapter] ?? []).map { entry -> Section in
                // The organisation's report shows every grade and statement of a section by
                // breakdown category after the section's own tables.
                let extra = scope == .organisation ? results.breakdowns.indices.compactMap { breakdownTable(entry.items, breakdown: $0, results: results) }.map(Block.breakdown) : []
                return Section(title: entry.title, blocks: entry.blocks + extra)
            }
            chapters.append(Chapter(title: chapter, sections: sections))
        }
        insertOpenAnswerChapters(into: &chapters, results: results, domains: domains, benchmarks: scope == .organisation, quotes: scope == .organisation)
        // The matrix rests on the whole organisation's answers: the main report only.
        if scope == .organisation, let priorities = results.priorities { chapters.append(prioritiesChapter(priorities, results: results)) }
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

    func summary(_ results: StudyResults, scope: Scope, findings: [Finding]) -> Chapter {
        let summary = SummaryBuilder(results: results, findings: findings)
        switch scope {
        case .organisation:
            return Chapter(title: "Samenvatting", sections: [Section(title: "", blocks: [.summary(summary.sentences())])])
        case .gemeente(let g):
            return Chapter(title: "Samenvatting", sections: [Section(title: "", blocks: [
                .paragraph(DutchText.annexIntro(results.groupNames[g])),
                .summary(summary.gemeenteSentences(g)),
            ])])
        }
    }

    func introduction(_ results: StudyResults) -> Chapter {
        let rows = results.response.map { r in
            ResponseTable.Row(
                group: results.name(of: r.domain), invited: r.invited, respondents: r.respondents,
                rate: r.rate.map { $0 * 100 }, marginOfError: r.marginOfError.map { $0 * 100 })
        }
        return Chapter(title: "Inleiding en onderzoeksverantwoording", sections: [
            Section(title: "Respons", blocks: [.paragraph(DutchText.responseIntro), .response(ResponseTable(rows: rows))]),
            Section(title: "Werkwijze", blocks: DutchText.method(results).map { .paragraph($0) } + openAnswerMethod(results)),
        ])
    }

    /// The measure an item's table shows, its label and kind.
    static func headline(_ variable: Variable) -> (measure: Measure, label: String, kind: ValueKind)? {
        switch variable.type {
        case .grade: return (.mean, "rapportcijfer", .grade)
        case .likert: return (.pctAgree, variable.polarity == .negative ? "% eens (lager=beter)" : "% (helemaal) eens", .percent)
        default: return nil
        }
    }

    func block(for result: VariableResult, results: StudyResults, metingen: [String], domains: [Domain], scope: Scope) -> Block {
        let variable = result.variable
        if let headline = Self.headline(variable) {
            return .item(table(result, results: results, metingen: metingen, title: variable.text, label: headline.label,
                               kind: headline.kind, measure: headline.measure, domains: domains, scope: scope))
        }
        let tables = variable.validCodes.map { code -> ItemTable in
            table(result, results: results, metingen: metingen, title: variable.label(of: code) ?? String(code), label: "% van de antwoorden",
                  kind: .percent, measure: .pctCategory(code), domains: domains, scope: scope)
        }
        return .categories(question: variable.text, variable: variable.code, tables: tables)
    }

    /// A cell of a domain's figure: its value with marks, or why there is none.
    /// - Parameter previous: the meting whose tests give ▲/▼ (the most recent earlier one; tests
    ///   against older metingen named in `compare_with` are in results.csv, not marked).
    static func cell(_ domain: DomainResult, measure: Measure, marks: Bool, previous: String?) -> Cell {
        switch domain.size {
        case .none: return Cell(state: .noObservations, n: 0)
        case .suppressed, .complementary: return Cell(state: .suppressed, n: domain.n)
        case .enough, .indicative:
            guard let v = domain.value(measure) else { return Cell(state: .noObservations, n: domain.n) }
            let shown = marks ? domain.contrasts(of: measure).compactMap { contrast -> Cell.Mark? in
                guard contrast.direction != .none else { return nil }
                switch contrast.contrast {
                case .previous(let meting):
                    return meting == previous ? Cell.Mark(against: .previous, higher: contrast.direction == .higher) : nil
                case .rest: return Cell.Mark(against: .rest, higher: contrast.direction == .higher)
                case .benchmark, .category: return nil
                }
            } : []
            return Cell(state: .value(v), n: domain.n, indicative: domain.size == .indicative, marks: shown)
        }
    }

    func table(
        _ result: VariableResult, results: StudyResults, metingen: [String], title: String, label: String,
        kind: ValueKind, measure: Measure, domains: [Domain], scope: Scope
    ) -> ItemTable {
        // Benchmarks describe organisations, so only the organisation's report shows them.
        let benchmarks = scope == .organisation ? results.benchmarks : []
        let code = result.variable.code
        let rows = domains.map { id in
            var cells = metingen.enumerated().map { index, meting -> Cell in
                guard let domain = result.meting(meting)?.domain(id) else {
                    // An earlier meting known from its report: its published figure, total row only.
                    let figures = index > 0 ? results.figures(of: meting) : nil
                    if id == .total, let figure = figures?.figure(code, measure) {
                        return Cell(state: .value(figure.value), n: figure.n)
                    }
                    return Cell(state: figures != nil ? .notAvailable : .notAsked, n: nil)
                }
                return Self.cell(domain, measure: measure, marks: index == 0, previous: results.previousMeting)
            }
            let own = result.current?.domain(id)
            for benchmark in benchmarks {
                guard id == .total else {
                    cells.append(Cell(state: .blank, n: nil))
                    continue
                }
                guard let figure = benchmark.figure(code, measure) else {
                    cells.append(Cell(state: .notAvailable, n: nil))
                    continue
                }
                let marks = (own?.contrasts(of: measure) ?? []).compactMap { contrast -> Cell.Mark? in
                    guard contrast.contrast == .benchmark(benchmark.name), contrast.direction != .none else { return nil }
                    return Cell.Mark(against: .benchmark, higher: contrast.direction == .higher)
                }
                cells.append(Cell(state: .value(figure.value), n: figure.n, marks: marks))
            }
            let withoutAnswer = own?.size.isShown == true ? own?.nonresponse.withoutAnswerPercent : nil
            return ItemTable.Row(
                group: results.name(of: id), cells: cells, breakdown: own.flatMap { Self.spread($0, measure: measure) }, isTotal: id == .total,
                withoutAnswer: withoutAnswer)
        }
        return ItemTable(
            variable: code, title: title, measureLabel: label, kind: kind,
            negative: result.variable.polarity == .negative, columns: metingen + (scope == .organisation ? benchmarks.map(\.shortName) : []),
            metingColumns: metingen.count, rows: rows)
    }

    /// The current meting's spread for a chart: per grade, or agree/neutral/disagree.
    static func spread(_ domain: DomainResult, measure: Measure) -> Breakdown? {
        guard domain.size.isShown, domain.n > 0 else { return nil }
        switch measure {
        case .mean:
            return .grades(percentByGrade: domain.distribution.map(\.percent), grades: domain.distribution.map(\.code),
                           onvoldoende: domain.value(.pctOnvoldoende) ?? 0)
        case .pctAgree:
            return .agreement(agree: domain.value(.pctAgree) ?? 0, neutral: domain.value(.pctNeutral) ?? 0, disagree: domain.value(.pctDisagree) ?? 0)
        default:
            return nil
        }
    }

    /// The grades and statements of a section by the categories of one breakdown variable: the
    /// total, then each category (a letter each) with n, +/− against the category's rest, and the
    /// letters of the categories it is significantly higher than (pairwise tests, adjusted within
    /// the table).
    func breakdownTable(_ items: [VariableResult], breakdown b: Int, results: StudyResults) -> BreakdownTable? {
        let breakdown = results.breakdowns[b]
        let categories = results.categoryDomains(b)
        var letterOf: [Int: String] = [:]
        for (k, domain) in categories.enumerated() {
            if case .category(_, let code) = domain { letterOf[code] = BreakdownTable.letter(k + 1) }
        }
        let rows = items.compactMap { result -> BreakdownTable.Row? in
            guard let headline = Self.headline(result.variable), let current = result.current, current.meting == results.meting else { return nil }
            let domains = [Domain.total] + categories
            var cells = domains.map { domain in
                current.domain(domain).map { own in
                    // +/− against the category's rest; the letters against each other category.
                    with(Self.cell(own, measure: headline.measure, marks: domain != .total, previous: results.previousMeting)) {
                        $0.marks = $0.marks.filter { $0.against == .rest }
                    }
                } ?? Cell(state: .notAsked, n: nil)
            }
            // Each pair is tested once, on the lower code: the higher figure gets the other's letter.
            var higherThan: [Int: Set<String>] = [:]
            for (k, domain) in domains.enumerated() {
                guard case .category = domain, let own = current.domain(domain) else { continue }
                for contrast in own.contrasts(of: headline.measure) where contrast.direction != .none {
                    guard case .category(let other, _) = contrast.contrast, let j = domains.firstIndex(of: .category(breakdown: b, code: other)) else { continue }
                    let (winner, loser) = contrast.direction == .higher ? (k, j) : (j, k)
                    guard case .category(_, let loserCode) = domains[loser], let letter = letterOf[loserCode] else { continue }
                    higherThan[winner, default: []].insert(letter)
                }
            }
            for (k, letters) in higherThan where cells[k].value != nil {
                cells[k].letters = letters.sorted { ($0.count, $0) < ($1.count, $1) }.joined()
            }
            return BreakdownTable.Row(variable: result.variable.code, item: result.variable.text, measureLabel: headline.label, kind: headline.kind,
                                      negative: result.variable.polarity == .negative, cells: cells)
        }
        guard !rows.isEmpty else { return nil }
        return BreakdownTable(
            variable: breakdown.variable.code, title: "Naar \(DutchText.lowercasedFirst(breakdown.name))",
            columns: ["Totaal"] + breakdown.categories.map(\.label), letters: [""] + categories.indices.map { BreakdownTable.letter($0 + 1) }, rows: rows)
    }
}

/// A copy of `value` changed by `change`.
func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
