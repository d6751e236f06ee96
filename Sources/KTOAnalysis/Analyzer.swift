import KTOModel
import KTOStats

/// Computes the results of a loaded study.
public struct Analyzer: Sendable {
    /// Confidence level of intervals.
    public var level: Double = 0.95

    public init(level: Double = 0.95) { self.level = level }

    /// Analyses every grade, statement and category variable for every group and both metingen.
    /// - Complexity: one pass over each column per meting.
    public func analyze(_ loaded: LoadedStudy) -> StudyResults {
        let study = loaded.study
        let tester = Tester(alpha: study.thresholds.alpha, suppressBelow: max(study.thresholds.suppress, 2))
        // Variables are independent: analysed on all cores, collected in codebook order.
        let indices = loaded.codebook.variables.indices.filter { [.grade, .likert, .category].contains(loaded.codebook.variables[$0].type) }
        let variables = parallelMap(indices.count) { k -> (VariableResult, (grade: Double?, percent: Double?)) in
            let index = indices[k]
            let variable = loaded.codebook.variables[index]
            var metingen: [MetingResult] = []
            for dataset in [loaded.current] + (loaded.previous.map { [$0] } ?? []) {
                guard case .codes(let codes)? = dataset.columns[index] else { continue }
                var meting = analyze(codes: codes, dataset: dataset, variable: variable, thresholds: study.thresholds)
                // Computed for the current meting also when unweighted: the method section says
                // how far weighting would move the total.
                if study.weighting == .gemeente || metingen.isEmpty { meting.weighted = weightedTotal(meting, study: study) }
                metingen.append(meting)
            }
            if !metingen.isEmpty, metingen[0].meting == loaded.current.meting {
                metingen[0] = compare(metingen[0], previous: metingen.count > 1 ? metingen[1] : nil, variable: variable, loaded: loaded, tester: tester)
            }
            var effect: (grade: Double?, percent: Double?) = (nil, nil)
            if let current = metingen.first, let weighted = current.weighted, let total = current.group(.total) {
                effect = Self.weightingEffect(total, weighted)
                if study.weighting != .gemeente { metingen[0].weighted = nil }
            }
            return (VariableResult(variable: variable, metingen: metingen), effect)
        }
        var effect = WeightingEffect()
        for (result, difference) in variables {
            let name = result.variable.text.isEmpty ? result.variable.code : result.variable.text
            if let d = difference.grade, d > (effect.largestGradeDifference?.difference ?? -1) {
                effect.largestGradeDifference = (name, d)
            }
            if let d = difference.percent, d > (effect.largestPercentDifference?.difference ?? -1) {
                effect.largestPercentDifference = (name, d)
            }
        }
        var results = StudyResults(
            title: study.title, client: study.client, meting: study.meting,
            previousMeting: study.previous?.meting, groupNames: study.groups.map(\.name),
            variables: variables.map(\.0), response: response(loaded), thresholds: study.thresholds)
        results.weightingEffect = effect
        results.dataNotes = loaded.ledgers.reduce(into: [DataNotes]()) { notes, ledger in
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
        results.benchmarkNames = loaded.benchmarks.map(\.name)
        results.benchmarkShortNames = study.benchmarks.map(\.shortName)
        results.benchmarks = loaded.benchmarks
        results.previousAggregates = loaded.previousAggregates
        results.openQuestions = analyzeOpenQuestions(loaded, tester: tester)
        return results
    }

    /// The absolute differences between the unweighted and the weighted total of one variable:
    /// the grade mean (points) and the largest of its percentages (points).
    static func weightingEffect(_ total: GroupResult, _ weighted: WeightedTotal) -> (grade: Double?, percent: Double?) {
        guard total.size.isShown else { return (nil, nil) }
        var grade: Double?
        var percent: Double?
        func percentage(_ own: ProportionEstimate?, _ other: StratifiedEstimate?) {
            guard let own, let other else { return }
            percent = max(percent ?? 0, abs(own.proportion - other.mean) * 100)
        }
        if let own = total.grade?.estimate, let other = weighted.mean { grade = abs(own.mean - other.mean) }
        percentage(total.grade?.onvoldoende, weighted.onvoldoende)
        percentage(total.statement?.agree, weighted.agree)
        for (share, category) in zip(total.categories?.shares ?? [], weighted.categories) { percentage(share.estimate, category.estimate) }
        return (grade, percent)
    }

    /// Tests the current meting's figures: each group against the previous meting, each gemeente
    /// against the rest of the organisation, and the total against every benchmark.
    func compare(_ current: MetingResult, previous: MetingResult?, variable: Variable, loaded: LoadedStudy, tester: Tester) -> MetingResult {
        var result = current
        guard let totalTally = current.group(.total)?.tally else { return result }
        for (k, group) in current.groups.enumerated() {
            guard group.size.isShown else { continue }
            var tests: [TestOutcome] = []
            let own = group.testables
            if let old = previous?.group(group.group) {
                let other = Dictionary(old.testables, uniquingKeysWith: { a, _ in a })
                for (ref, value) in own {
                    if let o = other[ref], let t = tester.test(value, against: o, of: ref, comparison: .previous) { tests.append(t) }
                }
            } else if group.group == .total, let aggregates = loaded.previousAggregates {
                for (ref, value) in own {
                    if let f = aggregates.figure(variable.code, ref.measure.rawValue, category: ref.category),
                       let t = tester.test(value, against: f, of: ref, comparison: .previous) { tests.append(t) }
                }
            }
            if case .gemeente = group.group {
                let rest = summarize(totalTally.subtracting(group.tally), id: .total, variable: variable, thresholds: loaded.study.thresholds)
                let other = Dictionary(rest.testables, uniquingKeysWith: { a, _ in a })
                for (ref, value) in own {
                    if let o = other[ref], let t = tester.test(value, against: o, of: ref, comparison: .rest) { tests.append(t) }
                }
            }
            if group.group == .total {
                for benchmark in loaded.benchmarks {
                    for (ref, value) in own {
                        if let f = benchmark.figure(variable.code, ref.measure.rawValue, category: ref.category),
                           let t = tester.test(value, against: f, of: ref, comparison: .benchmark(benchmark.name)) { tests.append(t) }
                    }
                }
            }
            result.groups[k].tests = tests
        }
        return result
    }

    func analyze(codes: [Int16], dataset: Dataset, variable: Variable, thresholds: Study.Thresholds) -> MetingResult {
        let perGroup = Tally.count(codes: codes, groups: dataset.group, groupCount: dataset.groups.count, variable: variable)
        var total = Tally(validCount: variable.validCodes.count, missingCount: variable.missing.count)
        for tally in perGroup { total.add(tally) }
        let ids: [GroupID] = [.total] + perGroup.indices.map { .gemeente($0) }
        var groups = zip(ids, [total] + perGroup).map { id, tally in
            summarize(tally, id: id, variable: variable, thresholds: thresholds)
        }
        let parts = groups.dropFirst()
        let sizes = SampleSize.withComplements(parts.map(\.size), n: parts.map(\.n), thresholds: thresholds)
        for (k, size) in sizes.enumerated() { groups[k + 1].size = size }
        return MetingResult(meting: dataset.meting, groups: groups)
    }

    /// Post-stratification of the total: strata are the gemeenten with their populations.
    func weightedTotal(_ meting: MetingResult, study: Study) -> WeightedTotal {
        let strata: [(population: Double, group: GroupResult)] = study.groups.enumerated().compactMap { g, group in
            meting.group(.gemeente(g)).map { (Double(group.population), $0) }
        }
        func proportion(_ successes: (GroupResult) -> Int?) -> StratifiedEstimate? {
            var input: [(populationSize: Double, successes: Int, sampleSize: Int)] = []
            for s in strata {
                guard let x = successes(s.group) else { continue }
                input.append((s.population, x, s.group.n))
            }
            return Stratified.proportion(strata: input, level: level)
        }
        var result = WeightedTotal(categories: [])
        result.mean = Stratified.mean(strata: strata.compactMap { s in
            s.group.grade?.estimate.map { StratumSummary(populationSize: s.population, estimate: $0) }
                ?? (s.group.grade != nil ? StratumSummary(populationSize: s.population, sampleSize: 0, mean: 0, variance: nil) : nil)
        }, level: level)
        if strata.first?.group.grade != nil {
            result.onvoldoende = proportion { $0.grade?.onvoldoende?.successes ?? 0 }
        }
        if strata.first?.group.statement != nil {
            result.agree = proportion { $0.statement?.agree?.successes ?? 0 }
        }
        if let shares = strata.first?.group.categories?.shares {
            result.categories = shares.map { share in
                (share.label, proportion { $0.categories?.shares.first { $0.code == share.code }?.count ?? 0 })
            }
        }
        return result
    }

    func summarize(_ tally: Tally, id: GroupID, variable: Variable, thresholds: Study.Thresholds) -> GroupResult {
        GroupResult(
            group: id, tally: tally,
            grade: variable.type == .grade ? GradeSummary(tally: tally, variable: variable, level: level) : nil,
            statement: variable.type == .likert ? StatementSummary(tally: tally, variable: variable, level: level) : nil,
            categories: variable.type == .category ? CategorySummary(tally: tally, variable: variable, level: level) : nil,
            size: SampleSize(n: tally.n, thresholds: thresholds))
    }

    func response(_ loaded: LoadedStudy) -> [ResponseResult] {
        let counts = loaded.current.groupCounts
        func result(_ id: GroupID, invited: Int, respondents: Int) -> ResponseResult {
            ResponseResult(
                group: id, invited: invited, respondents: respondents,
                rate: invited > 0 ? Double(respondents) / Double(invited) : nil,
                marginOfError: MarginOfError.halfProportion(sampleSize: respondents, populationSize: invited, level: level))
        }
        var rows = [result(.total, invited: loaded.study.totalPopulation, respondents: counts.reduce(0, +))]
        for (g, group) in loaded.study.groups.enumerated() {
            rows.append(result(.gemeente(g), invited: group.population, respondents: counts[g]))
        }
        return rows
    }
}
