/// A streaming accumulator of count, mean and sum of squared deviations.
///
/// Values are added one at a time (Welford's update) or as a value with a repeat count;
/// two accumulators can be merged (Chan, Golub & LeVeque), so partial results from
/// separate chunks combine into the same moments as one pass over all data.
public struct MomentAccumulator: Sendable, Equatable {
    /// Number of observations added.
    public private(set) var count: Int = 0
    /// Running mean (0 while empty).
    public private(set) var mean: Double = 0
    /// Running Σ (x − mean)².
    public private(set) var sumOfSquaredDeviations: Double = 0

    /// An empty accumulator.
    public init() {}

    /// Adds one observation.
    /// - Parameter x: the value; must be finite.
    /// - Complexity: O(1).
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
    }

    /// Adds `count` copies of one value (a frequency-table cell).
    /// - Parameters:
    ///   - x: the value; must be finite.
    ///   - count: how many times it occurs; counts ≤ 0 are ignored.
    /// - Complexity: O(1).
    public mutating func add(_ x: Double, count repeats: Int) {
        guard repeats > 0 else { return }
        var cell = MomentAccumulator()
        cell.count = repeats
        cell.mean = x
        merge(cell)
    }

    /// Merges another accumulator into this one.
    /// - Parameter other: the moments of another set of observations.
    /// - Complexity: O(1).
    public mutating func merge(_ other: MomentAccumulator) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = count + other.count
        let delta = other.mean - mean
        let weightOther = Double(other.count) / Double(total)
        mean += delta * weightOther
        sumOfSquaredDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(count) * weightOther
        count = total
    }

    /// Sample variance with divisor n − 1; nil when fewer than two observations.
    public var variance: Double? {
        count >= 2 ? max(0, sumOfSquaredDeviations) / Double(count - 1) : nil
    }

    /// The mean estimate with a t-interval (no median).
    /// - Parameter level: confidence level in (0, 1).
    /// - Returns: nil when empty or when the level is invalid.
    /// - Complexity: one t-quantile evaluation.
    public func estimate(level: Double = 0.95) -> MeanEstimate? {
        MeanEstimate(n: count, mean: mean, sumOfSquaredDeviations: sumOfSquaredDeviations,
                     level: level)
    }
}
