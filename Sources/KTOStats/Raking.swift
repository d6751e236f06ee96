/// Iterative proportional fitting (raking) of cell weights to population margins.
///
/// Respondents fall into cells: one category per margin variable (e.g. gemeente × leeftijd). All
/// respondents of a cell get the same weight, so raking works on cells: each sweep scales the
/// weights of every category of each margin in turn so that its weighted count equals the
/// population count, until no margin is off by more than `tolerance` (relative).
public enum Raking {
    /// Why raking found no weights.
    public enum Failure: Error, Sendable, Equatable {
        /// A margin category has population but no respondents (or the reverse).
        case emptyCategory(margin: Int, category: Int)
        /// After `iterations` sweeps a margin was still off by `relativeError`.
        case noConvergence(iterations: Int, relativeError: Double, margin: Int)
    }

    /// The result: a weight per cell, and how raking went.
    public struct Weights: Sendable, Equatable {
        /// Weight per cell (each respondent of the cell carries it).
        public var cellWeights: [Double]
        /// Full sweeps over the margins.
        public var iterations: Int
        /// The largest relative deviation of a margin after the last sweep.
        public var relativeError: Double
    }

    /// Rakes cell weights to the margins.
    /// - Parameters:
    ///   - respondents: respondents per cell.
    ///   - categories: per cell, its category (0-based) in each margin.
    ///   - targets: per margin, the population count of each category.
    ///   - bounds: optional limits on the weight as a ratio to the mean weight (total population
    ///     / respondents), applied after every adjustment (bounded raking).
    ///   - tolerance: largest relative deviation of any margin category that counts as fitted.
    ///   - maximumIterations: sweeps before giving up.
    /// - Throws: `Failure`.
    /// - Complexity: O(iterations × cells × margins).
    public static func rake(
        respondents: [Double], categories: [[Int]], targets: [[Double]], bounds: ClosedRange<Double>? = nil,
        tolerance: Double = 1e-10, maximumIterations: Int = 1000
    ) throws(Failure) -> Weights {
        let cells = respondents.count
        let margins = targets.count
        let totalPopulation = targets.first.map { $0.reduce(0, +) } ?? 0
        let totalRespondents = respondents.reduce(0, +)
        for m in 0..<margins {
            var present = [Double](repeating: 0, count: targets[m].count)
            for k in 0..<cells where categories[k][m] < present.count { present[categories[k][m]] += respondents[k] }
            for (c, target) in targets[m].enumerated() where (present[c] > 0) != (target > 0) {
                throw .emptyCategory(margin: m, category: c)
            }
        }
        // Starting weights: the mean weight, so the first margin is fitted in one step.
        let mean = totalRespondents > 0 ? totalPopulation / totalRespondents : 1
        var weights = [Double](repeating: mean, count: cells)
        var sums = [Double]()
        var error = Double.infinity
        var worst = 0
        for iteration in 1...max(1, maximumIterations) {
            for m in 0..<margins {
                sums = [Double](repeating: 0, count: targets[m].count)
                for k in 0..<cells { sums[categories[k][m]] += weights[k] * respondents[k] }
                for k in 0..<cells where sums[categories[k][m]] > 0 {
                    weights[k] *= targets[m][categories[k][m]] / sums[categories[k][m]]
                    if let bounds { weights[k] = min(max(weights[k], bounds.lowerBound * mean), bounds.upperBound * mean) }
                }
            }
            error = 0
            for m in 0..<margins {
                sums = [Double](repeating: 0, count: targets[m].count)
                for k in 0..<cells { sums[categories[k][m]] += weights[k] * respondents[k] }
                for (c, target) in targets[m].enumerated() where target > 0 {
                    let off = abs(sums[c] - target) / target
                    if off > error { error = off; worst = m }
                }
            }
            if error < tolerance { return Weights(cellWeights: weights, iterations: iteration, relativeError: error) }
        }
        throw .noConvergence(iterations: maximumIterations, relativeError: error, margin: worst)
    }
}
