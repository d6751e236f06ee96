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
        var variables: [VariableResult] = []
        for (index, variable) in loaded.codebook.variables.enumerated() {
            guard [.grade, .likert, .category].contains(variable.type) else { continue }
            var metingen: [MetingResult] = []
            for dataset in [loaded.current] + (loaded.previous.map { [$0] } ?? []) {
                guard case .codes(let codes)? = dataset.columns[index] else { continue }
                metingen.append(analyze(codes: codes, dataset: dataset, variable: variable))
            }
            variables.append(VariableResult(variable: variable, metingen: metingen))
        }
        return StudyResults(
            title: study.title, client: study.client, meting: study.meting,
            previousMeting: study.previous?.meting, groupNames: study.groups.map(\.name),
            variables: variables, response: response(loaded), thresholds: study.thresholds)
    }

    func analyze(codes: [Int16], dataset: Dataset, variable: Variable) -> MetingResult {
        let perGroup = Tally.count(codes: codes, groups: dataset.group, groupCount: dataset.groups.count, variable: variable)
        var total = Tally(validCount: variable.validCodes.count, missingCount: variable.missing.count)
        for tally in perGroup { total.add(tally) }
        let ids: [GroupID] = [.total] + perGroup.indices.map { .gemeente($0) }
        let groups = zip(ids, [total] + perGroup).map { id, tally in
            GroupResult(
                group: id, tally: tally,
                grade: variable.type == .grade ? GradeSummary(tally: tally, variable: variable, level: level) : nil,
                statement: variable.type == .likert ? StatementSummary(tally: tally, variable: variable, level: level) : nil,
                categories: variable.type == .category ? CategorySummary(tally: tally, variable: variable, level: level) : nil)
        }
        return MetingResult(meting: dataset.meting, groups: groups)
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
