/// Counts per integer code 0...255: a frequency table of small integer answers (grades).
///
/// Accumulating counts is cheaper than keeping raw values; the statistics derived from it
/// equal those of the corresponding raw sample up to floating-point rounding (the mean is
/// exact: the code total is an integer, so mean = total / n is correctly rounded exactly as
/// for the raw values; the sum of squared deviations agrees to about 1e-15 relative).
public struct CodeHistogram: Sendable, Equatable {
    /// `counts[k]` is how often code k occurred; always 256 entries.
    public private(set) var counts: [Int]

    /// An empty histogram.
    public init() {
        counts = Array(repeating: 0, count: 256)
    }

    /// A histogram from given counts.
    /// - Parameter counts: counts for codes 0, 1, …; at most 256 entries, all ≥ 0.
    /// - Returns: nil when there are more than 256 entries or a count is negative.
    public init?(counts given: [Int]) {
        guard given.count <= 256, given.allSatisfy({ $0 >= 0 }) else { return nil }
        counts = given + Array(repeating: 0, count: 256 - given.count)
    }

    /// Adds occurrences of a code.
    /// - Parameters:
    ///   - code: the value 0...255.
    ///   - count: number of occurrences to add (default 1); negative values are ignored.
    /// - Complexity: O(1).
    public mutating func add(_ code: UInt8, count: Int = 1) {
        guard count > 0 else { return }
        counts[Int(code)] += count
    }

    /// Adds the counts of another histogram.
    /// - Complexity: O(256).
    public mutating func merge(_ other: CodeHistogram) {
        for k in 0..<256 { counts[k] += other.counts[k] }
    }

    /// Total number of observations.
    public var total: Int { counts.reduce(0, +) }

    /// The mean code, nil when empty.
    /// - Complexity: O(256).
    public var mean: Double? {
        var n = 0
        var sum = 0
        for (k, c) in counts.enumerated() where c > 0 {
            n += c
            sum += k * c
        }
        return n > 0 ? Double(sum) / Double(n) : nil
    }

    /// Σ count_k · (k − mean)²; nil when empty.
    /// - Complexity: O(256).
    public var sumOfSquaredDeviations: Double? {
        guard let m = mean else { return nil }
        var ssd = 0.0
        for (k, c) in counts.enumerated() where c > 0 {
            let d = Double(k) - m
            ssd += Double(c) * d * d
        }
        return ssd
    }

    /// The median code (mean of the two middle codes for an even total); nil when empty.
    /// - Complexity: O(256).
    public var median: Double? {
        let n = total
        guard n > 0 else { return nil }
        // 1-based ranks of the middle observation(s).
        let lowRank = (n + 1) / 2
        let highRank = n / 2 + 1
        var low: Int?
        var cumulative = 0
        for (k, c) in counts.enumerated() where c > 0 {
            cumulative += c
            if low == nil && cumulative >= lowRank { low = k }
            if cumulative >= highRank, let l = low {
                return Descriptive.midpoint(Double(l), Double(n % 2 == 1 ? l : k))
            }
        }
        return nil
    }

    /// The moments as an accumulator (for merging with other sources).
    /// - Complexity: O(256).
    public var moments: MomentAccumulator {
        var acc = MomentAccumulator()
        for (k, c) in counts.enumerated() where c > 0 { acc.add(Double(k), count: c) }
        return acc
    }

    /// Mean, SD, SE, median and t-interval, identical (up to rounding) to
    /// `Descriptive.meanEstimate` on the raw values.
    /// - Parameter level: confidence level in (0, 1).
    /// - Returns: nil when empty or when the level is invalid.
    /// - Complexity: O(256) plus one t-quantile evaluation.
    public func estimate(level: Double = 0.95) -> MeanEstimate? {
        guard let m = mean, let ssd = sumOfSquaredDeviations else { return nil }
        return MeanEstimate(n: total, mean: m, sumOfSquaredDeviations: ssd, median: median,
                            level: level)
    }
}
