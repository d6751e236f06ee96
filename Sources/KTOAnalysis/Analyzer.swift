import Foundation
import KTOImport
import KTOModel
import KTOStats
import KTOText

/// Turns a loaded study into its table of estimates and tests.
///
/// Per meting a `MetingFrame` puts every respondent in a cell (gemeente × breakdown categories ×
/// design group) and holds the weights. Each item is counted once per cell and code; every
/// domain's figures (total, gemeenten, breakdown categories) and their standard errors follow
/// from those counts. Then each figure is tested against its comparisons, and the p-values are
/// adjusted within each family of tests over the whole report.
public struct Analyzer: Sendable {
    /// Confidence level of intervals.
    public var level: Double = 0.95

    public init(level: Double = 0.95) { self.level = level }

    /// Builds the tables the quotes' anonymiser shares (see `Anonymizer.prepareTables`), for a
    /// caller with a spare core before `analyze`.
    public static func prepareQuoteTables() { Anonymizer.prepareTables() }

    /// What one task of the analysis's parallel step yields.
    private enum StepResult: Sendable {
        case answers(QuoteSelection.Answers)
        case variable((result: VariableResult, gemeenteWeighted: MetingResult?))
    }

    /// Analyses every grade, statement, category and coded open question for every domain and meting.
    /// - Throws: `DesignErrors` when the breakdowns or the weighting cannot be set up.
    /// - Complexity: one counting pass over each column per meting; the domains cost
    ///   O(cells × codes) each.
    public func analyze(_ loaded: LoadedStudy) throws(DesignErrors) -> StudyResults {
        let study = loaded.study
        let roles = try MetingFrame.roles(study: study, codebook: loaded.codebook)
        let priorityAnalysis = PriorityAnalysis(study: study, codebook: loaded.codebook)
        let priorityItems = try priorityAnalysis.items()
        let datasets = [loaded.current] + loaded.earlier.compactMap(\.dataset)
        // The metingen's frames are independent: made on all cores; the first meting's problem
        // (in meting order) is the one reported, as one after the other would.
        let codebook = loaded.codebook
        let made = parallelMap(datasets.count) { m -> Result<MetingFrame, DesignErrors> in
            Result { () throws(DesignErrors) -> MetingFrame in
                try MetingFrame.make(study: study, codebook: codebook, dataset: datasets[m], roles: roles)
            }
        }
        var frames: [MetingFrame] = []
        for frame in made { frames.append(try frame.get()) }
        let breakdowns = roles.breakdowns.map { index -> BreakdownVariable in
            let variable = loaded.codebook.variables[index]
            return BreakdownVariable(variable: variable, categories: variable.validCodes.map { ValueLabel(code: $0, label: variable.label(of: $0) ?? String($0)) })
        }
        var effectFrame: MetingFrame?
        if !study.weighting.isWeighted, study.groups.count > 1 {
            var gemeente = study
            gemeente.weighting = .gemeente
            effectFrame = try? MetingFrame.make(study: gemeente, codebook: loaded.codebook, dataset: loaded.current, roles: .init(breakdowns: [], rake: []))
        }
        let context = ItemContext(
            study: study, frames: frames, datasets: datasets, breakdowns: breakdowns, level: level,
            benchmarks: loaded.benchmarks.enumerated().map { k, aggregates in
                ReferenceFigures(aggregates, shortName: k < study.benchmarks.count ? study.benchmarks[k].shortName : String(aggregates.name.prefix(10)), codebook: loaded.codebook)
            },
            earlierFigures: loaded.earlier.compactMap { meting in
                meting.figures.map { ReferenceFigures($0, shortName: meting.meting, codebook: loaded.codebook, name: meting.meting) }
            },
            targets: ([study.previous?.meting].compactMap { $0 } + study.compareWith).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
            effectFrame: effectFrame)

        // Variables are independent: analysed on all cores, collected in codebook order.
        let indices = loaded.codebook.variables.indices.filter { [.grade, .likert, .category].contains(loaded.codebook.variables[$0].type) }
        // Each worker keeps the t quantiles it computed: the same degrees of freedom recur across
        // variables.
        let level = self.level
        // The open answers to quote are cleaned and anonymised in the same parallel step, in
        // pieces of rows, first, as they take longest. (As two tasks of one parallel map, with a
        // nested map inside each, the variables ran on one core: Dispatch divides the cores among
        // the tasks of an enclosing `concurrentPerform`.)
        let pieces = AnswerPiece.pieces(loaded, cores: ProcessInfo.processInfo.activeProcessorCount)
        let anonymizer = Anonymizer(knownNames: loaded.staffNames)
        let step = parallelMap(pieces.count + indices.count, state: { TQuantiles(level: level) }) { quantiles, k -> StepResult in
            guard k >= pieces.count else {
                return .answers(QuoteSelection.prepare(pieces[k].texts, rows: pieces[k].rows, anonymizer: anonymizer))
            }
            let index = indices[k - pieces.count]
            return .variable(context.variable(loaded.codebook.variables[index], index: index, quantiles: &quantiles))
        }
        var answers: [String: QuoteSelection.Answers] = [:]
        var analysed: [(result: VariableResult, gemeenteWeighted: MetingResult?)] = []
        for (k, result) in step.enumerated() {
            switch result {
            case .answers(let prepared): answers[pieces[k].column, default: []] += prepared
            case .variable(let variable): analysed.append(variable)
            }
        }
        // The quotes of the uncoded questions on another core, beside the coded questions and
        // the adjustment of the tests (at 1M: 10 ms beside 8).
        let prepared = answers
        let uncoded = Background { context.uncodedQuestions(loaded, answers: prepared) }
        var openQuestions = context.openQuestions(loaded, answers: answers)
        var variables = analysed.map(\.result)

        let families = Self.adjust(&variables, &openQuestions, method: study.thresholds.adjust, alpha: study.thresholds.alpha)
        var results = StudyResults(
            title: study.title, client: study.client, meting: study.meting,
            previousMeting: study.previous?.meting, groupNames: study.groups.map(\.name), breakdowns: breakdowns,
            earlierMetingen: study.previousMetingen.map(\.meting),
            variables: variables, response: response(loaded), thresholds: study.thresholds,
            design: DesignSummary(
                weighting: study.weighting, weights: frames.map { ($0.meting, $0.weightSummaries) },
                rakeVariables: roles.rake.map(\.name)))
        results.benchmarks = context.benchmarks
        results.earlierFigures = context.earlierFigures
        results.openQuestions = openQuestions
        results.uncodedQuestions = uncoded.wait()
        results.families = families
        results.weightingEffect = Self.weightingEffect(analysed, unweighted: !study.weighting.isWeighted)
        results.dataNotes = Self.dataNotes(loaded.ledgers)
        if let (overall, aspects) = priorityItems {
            var means: [String: Double] = [:]
            for result in variables {
                if let mean = result.current?.domain(.total)?.value(.mean), result.current?.meting == study.meting { means[result.variable.code] = mean }
            }
            let frame = frames[0]
            results.priorities = priorityAnalysis.analyze(
                dataset: loaded.current, overall: overall, aspects: aspects, means: means,
                weight: frame.isWeighted ? { frame.weight(row: $0) ?? 1 } : nil)
        }
        return results
    }

    /// The weights of every meting as the study's weighting makes them (for `kto check`), without
    /// analysing any item.
    /// - Throws: `DesignErrors` when the breakdowns or the weighting cannot be set up.
    public static func weightSummaries(_ loaded: LoadedStudy) throws(DesignErrors) -> [(meting: String, summaries: [WeightSummary])] {
        let roles = try MetingFrame.roles(study: loaded.study, codebook: loaded.codebook)
        // The prioriteitenmatrix's names are part of the design the check reports on.
        _ = try PriorityAnalysis(study: loaded.study, codebook: loaded.codebook).items()
        var result: [(meting: String, summaries: [WeightSummary])] = []
        for dataset in [loaded.current] + loaded.earlier.compactMap(\.dataset) {
            let frame = try MetingFrame.make(study: loaded.study, codebook: loaded.codebook, dataset: dataset, roles: roles)
            result.append((dataset.meting, frame.weightSummaries))
        }
        return result
    }

    func response(_ loaded: LoadedStudy) -> [ResponseResult] {
        let counts = loaded.current.groupCounts
        func result(_ domain: Domain, invited: Int, respondents: Int) -> ResponseResult {
            ResponseResult(
                domain: domain, invited: invited, respondents: respondents,
                rate: invited > 0 ? Double(respondents) / Double(invited) : nil,
                marginOfError: MarginOfError.halfProportion(sampleSize: respondents, populationSize: invited, level: level))
        }
        var rows = [result(.total, invited: loaded.study.totalPopulation, respondents: counts.reduce(0, +))]
        for (g, group) in loaded.study.groups.enumerated() {
            rows.append(result(.gemeente(g), invited: group.population, respondents: counts[g]))
        }
        return rows
    }

    /// The largest difference between the unweighted total and the gemeente-weighted one.
    static func weightingEffect(_ analysed: [(result: VariableResult, gemeenteWeighted: MetingResult?)], unweighted: Bool) -> WeightingEffect {
        var effect = WeightingEffect()
        guard unweighted else { return effect }
        for (result, weighted) in analysed {
            guard let total = result.current?.domain(.total), total.size.isShown, let other = weighted?.domain(.total) else { continue }
            let name = result.variable.text.isEmpty ? result.variable.code : result.variable.text
            for estimate in total.estimates where estimate.measure == .mean || (estimate.measure.isPercentage && estimate.measure != .pctNeutral && estimate.measure != .pctDisagree) {
                guard let own = estimate.value, let theirs = other.value(estimate.measure) else { continue }
                let difference = abs(own - theirs)
                if estimate.measure == .mean {
                    if difference > (effect.largestGradeDifference?.difference ?? -1) { effect.largestGradeDifference = (name, difference) }
                } else if difference > (effect.largestPercentDifference?.difference ?? -1) {
                    effect.largestPercentDifference = (name, difference)
                }
            }
        }
        return effect
    }

    static func dataNotes(_ ledgers: [RowLedger]) -> [DataNotes] {
        ledgers.reduce(into: [DataNotes]()) { notes, ledger in
            if notes.last?.meting != ledger.meting {
                notes.append(DataNotes(meting: ledger.meting, rowsRead: 0, rowsRejected: 0, unusableCells: 0, unusableVariables: [], nonEmptyCells: 0))
            }
            let k = notes.count - 1
            notes[k].rowsRead += ledger.rowsRead
            notes[k].rowsRejected += ledger.rowsRejected
            for issue in ledger.cellIssues {
                notes[k].unusableCells += issue.total
                notes[k].nonEmptyCells += issue.nonEmpty
                if !notes[k].unusableVariables.contains(issue.variable) { notes[k].unusableVariables.append(issue.variable) }
            }
        }
    }
}
