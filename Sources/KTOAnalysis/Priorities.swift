import KTOModel
import KTOStats

/// One aspect of the prioriteitenmatrix: how well it scores and how strongly it goes with the
/// overall grade.
public struct PriorityAspect: Sendable, Equatable {
    /// Where the aspect lands, split at the medians of score and importance (a value on a median
    /// counts as high).
    public enum Quadrant: Sendable, Equatable {
        /// Important and below the median score: improve first.
        case improve
        /// Important and scoring well: keep.
        case keep
        /// Less important and below the median score.
        case later
        /// Less important and scoring well.
        case lessImportant
    }

    public var variable: Variable
    /// Performance: the aspect's mean, the figure of the report.
    public var mean: Double
    /// Pearson's r with the overall grade over the respondents who answered both (weighted when
    /// the study is).
    public var correlation: Double
    /// Respondents who answered both.
    public var n: Int
    /// The standardized regression coefficient (`drivers = regression`).
    public var beta: Double?
    public var quadrant: Quadrant

    /// What the matrix plots as importance: β with `drivers = regression`, otherwise r.
    public var importance: Double { beta ?? correlation }
}

/// The prioriteitenmatrix of the current meting (the total).
public struct PriorityResult: Sendable, Equatable {
    public struct Regression: Sendable, Equatable {
        /// Respondents who answered the overall grade and every aspect.
        public var n: Int
        public var rSquared: Double
    }

    public var overall: Variable
    public var drivers: Study.Priorities.Drivers
    public var aspects: [PriorityAspect]
    /// Where the quadrants are split.
    public var medianMean: Double
    public var medianImportance: Double
    public var regression: Regression?
    /// Aspects left out: fewer respondents answered both than the suppression threshold.
    public var tooFew: [(variable: Variable, n: Int)]
    /// Why a regression that was asked for could not be made (then r is used).
    public var regressionFailure: RegressionFailure?

    public enum RegressionFailure: Sendable, Equatable {
        /// Not enough complete cases for the number of aspects.
        case tooFewCases(n: Int, aspects: Int)
        /// An aspect is (nearly) a combination of the others.
        case dependentAspects
    }

    public static func == (a: PriorityResult, b: PriorityResult) -> Bool {
        a.overall == b.overall && a.drivers == b.drivers && a.aspects == b.aspects && a.medianMean == b.medianMean
            && a.medianImportance == b.medianImportance && a.regression == b.regression
            && a.tooFew.map(\.variable) == b.tooFew.map(\.variable) && a.tooFew.map(\.n) == b.tooFew.map(\.n)
            && a.regressionFailure == b.regressionFailure
    }
}

/// Builds the prioriteitenmatrix from the current meting's answers.
struct PriorityAnalysis {
    let study: Study
    let codebook: Codebook

    /// The overall grade and the aspects the study names (default: every other grade).
    /// - Throws: `DesignErrors` for a name the codebook lacks or an item that is no grade.
    func items() throws(DesignErrors) -> (overall: Variable, aspects: [Variable])? {
        guard let priorities = study.priorities else { return nil }
        var errors: [DesignError] = []
        func grade(_ name: String) -> Variable? {
            guard let variable = codebook.variable(name) else {
                let near = NameSuggestion.nearest(name, in: codebook.variables.map(\.code))
                errors.append(.unknownVariable(name, role: .priorities, suggestion: near, line: priorities.line))
                return nil
            }
            guard variable.type == .grade else {
                errors.append(.notAGrade(name, type: variable.type, line: priorities.line))
                return nil
            }
            return variable
        }
        let overall = grade(priorities.overall)
        let aspects = priorities.aspects.isEmpty
            ? codebook.variables.filter { $0.type == .grade && $0.code.lowercased() != priorities.overall.lowercased() }
            : priorities.aspects.compactMap(grade)
        guard errors.isEmpty, let overall else { throw DesignErrors(errors) }
        return (overall, aspects)
    }

    /// - Parameters:
    ///   - means: each aspect's mean as the report shows it.
    ///   - weight: the weight of each row of the current meting (nil: unweighted).
    func analyze(
        dataset: Dataset, overall: Variable, aspects: [Variable], means: [String: Double], weight: ((Int) -> Double)?
    ) -> PriorityResult? {
        guard let priorities = study.priorities, let y = values(overall, in: dataset) else { return nil }
        var kept: [(variable: Variable, values: [Double?], mean: Double, r: Double, n: Int)] = []
        var tooFew: [(variable: Variable, n: Int)] = []
        for aspect in aspects {
            guard let x = values(aspect, in: dataset), let mean = means[aspect.code] else { continue }
            var xs: [Double] = [], ys: [Double] = [], ws: [Double] = []
            for row in x.indices {
                guard let a = x[row], let b = y[row] else { continue }
                xs.append(a)
                ys.append(b)
                ws.append(weight?(row) ?? 1)
            }
            guard xs.count >= max(study.thresholds.suppress, 3),
                  let r = Correlation.pearson(xs, ys, weights: weight == nil ? nil : ws) else {
                tooFew.append((aspect, xs.count))
                continue
            }
            kept.append((aspect, x, mean, r, xs.count))
        }
        guard !kept.isEmpty else { return nil }
        var betas: [Double]?
        var regression: PriorityResult.Regression?
        var failure: PriorityResult.RegressionFailure?
        if priorities.drivers == .regression {
            // Complete cases: the overall grade and every aspect answered.
            var ys: [Double] = [], ws: [Double] = []
            var xs = [[Double]](repeating: [], count: kept.count)
            for row in y.indices {
                guard let b = y[row] else { continue }
                let rowValues = kept.map { $0.values[row] }
                guard rowValues.allSatisfy({ $0 != nil }) else { continue }
                ys.append(b)
                ws.append(weight?(row) ?? 1)
                for (j, value) in rowValues.enumerated() { xs[j].append(value ?? 0) }
            }
            if ys.count < max(study.thresholds.suppress, kept.count + 2) {
                failure = .tooFewCases(n: ys.count, aspects: kept.count)
            } else if let fit = StandardizedRegression.fit(y: ys, x: xs, weights: weight == nil ? nil : ws) {
                betas = fit.coefficients
                regression = .init(n: fit.n, rSquared: fit.rSquared)
            } else {
                failure = .dependentAspects
            }
        }
        let importances = kept.indices.map { betas?[$0] ?? kept[$0].r }
        let medianMean = Self.median(kept.map(\.mean))
        let medianImportance = Self.median(importances)
        let result = kept.enumerated().map { k, item in
            let important = importances[k] >= medianImportance
            let good = item.mean >= medianMean
            let quadrant: PriorityAspect.Quadrant = important ? (good ? .keep : .improve) : (good ? .lessImportant : .later)
            return PriorityAspect(variable: item.variable, mean: item.mean, correlation: item.r, n: item.n, beta: betas?[k], quadrant: quadrant)
        }
        return PriorityResult(
            overall: overall, drivers: betas == nil ? .correlation : .regression, aspects: result,
            medianMean: medianMean, medianImportance: medianImportance, regression: regression, tooFew: tooFew,
            regressionFailure: failure)
    }

    /// A grade's valid answers per row (nil: no valid answer).
    func values(_ variable: Variable, in dataset: Dataset) -> [Double?]? {
        guard case .codes(let codes)? = dataset.column(variable.code) else { return nil }
        let valid = Set(variable.validCodes)
        return codes.map { valid.contains(Int($0)) ? Double($0) : nil }
    }

    /// The median as R's `median` gives it (the mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
