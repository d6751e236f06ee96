import KTOAnalysis
import KTOModel

/// Builds the report model of a study from its results.
public struct ReportBuilder: Sendable {
    public init() {}

    /// The main report: every chapter of the codebook, all groups, both metingen.
    public func build(_ results: StudyResults) -> ReportModel {
        let metingen = [results.meting] + (results.previousMeting.map { [$0] } ?? [])
        var chapters: [Chapter] = [introduction(results)]
        // Chapters and sections in the order the codebook first names them.
        var chapterOrder: [String] = []
        var sectionsByChapter: [String: [(title: String, blocks: [Block])]] = [:]
        for result in results.variables {
            let chapter = result.variable.chapter.isEmpty ? "Overige vragen" : result.variable.chapter
            let section = result.variable.section
            if sectionsByChapter[chapter] == nil {
                chapterOrder.append(chapter)
                sectionsByChapter[chapter] = []
            }
            let block = self.block(for: result, results: results, metingen: metingen)
            if let last = sectionsByChapter[chapter]?.last, last.title == section {
                sectionsByChapter[chapter]![sectionsByChapter[chapter]!.count - 1].blocks.append(block)
            } else {
                sectionsByChapter[chapter]!.append((section, [block]))
            }
        }
        for chapter in chapterOrder {
            let sections = (sectionsByChapter[chapter] ?? []).map { Section(title: $0.title, blocks: $0.blocks) }
            chapters.append(Chapter(title: chapter, sections: sections))
        }
        return ReportModel(
            title: results.title, subtitle: results.client, meting: results.meting,
            previousMeting: results.previousMeting, chapters: chapters, legend: DutchText.legend)
    }

    func introduction(_ results: StudyResults) -> Chapter {
        let rows = results.response.map { r in
            ResponseTable.Row(
                group: results.name(of: r.group), invited: r.invited, respondents: r.respondents,
                rate: r.rate.map { $0 * 100 }, marginOfError: r.marginOfError.map { $0 * 100 })
        }
        return Chapter(title: "Inleiding en onderzoeksverantwoording", sections: [
            Section(title: "Respons", blocks: [.paragraph(DutchText.responseIntro), .response(ResponseTable(rows: rows))]),
        ])
    }

    func block(for result: VariableResult, results: StudyResults, metingen: [String]) -> Block {
        let variable = result.variable
        switch variable.type {
        case .category:
            let tables = variable.validCodes.map { code -> ItemTable in
                let label = variable.label(of: code) ?? String(code)
                return table(result, results: results, metingen: metingen, title: label, label: "% van de antwoorden", kind: .percent,
                             ref: MeasureRef(.pctCategory, category: label)) { group in
                    guard let categories = group.categories else { return nil }
                    return categories.shares.first { $0.code == code }?.estimate.map { $0.proportion * 100 }
                }
            }
            return .categories(question: variable.text, variable: variable.code, tables: tables)
        case .likert:
            let label = variable.polarity == .negative ? "% eens (lager=beter)" : "% (helemaal) eens"
            return .item(table(result, results: results, metingen: metingen, title: variable.text, label: label, kind: .percent, ref: MeasureRef(.pctAgree)) {
                $0.statement?.agree.map { $0.proportion * 100 }
            })
        default:
            return .item(table(result, results: results, metingen: metingen, title: variable.text, label: "rapportcijfer", kind: .grade, ref: MeasureRef(.mean)) {
                $0.grade?.estimate?.mean
            })
        }
    }

    func table(
        _ result: VariableResult, results: StudyResults, metingen: [String], title: String, label: String,
        kind: ValueKind, ref: MeasureRef, value: (GroupResult) -> Double?
    ) -> ItemTable {
        let rows = results.groupIDs.map { id in
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
                case .suppressed: return Cell(state: .suppressed, n: group.n)
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
            for benchmark in results.benchmarks {
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
            return ItemTable.Row(group: results.name(of: id), cells: cells)
        }
        return ItemTable(
            variable: result.variable.code, title: title, measureLabel: label, kind: kind,
            negative: result.variable.polarity == .negative, columns: metingen + results.benchmarkShortNames,
            metingColumns: metingen.count, rows: rows)
    }
}
