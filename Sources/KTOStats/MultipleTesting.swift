/// Adjusted p-values for a family of tests, as R's `p.adjust`.
public enum MultipleTesting {
    public enum Method: String, Sendable, CaseIterable {
        /// Benjamini-Hochberg: controls the false discovery rate (R "BH").
        case benjaminiHochberg = "bh"
        /// Holm's step-down: controls the family-wise error rate (R "holm").
        case holm
        /// Bonferroni: p × m, at most 1 (R "bonferroni").
        case bonferroni
        /// No adjustment.
        case none
    }

    /// The adjusted p-values, in the order of `p`.
    /// - Complexity: O(m log m).
    public static func adjust(_ p: [Double], method: Method) -> [Double] {
        let m = p.count
        guard m > 1 else { return p }
        let n = Double(m)
        switch method {
        case .none:
            return p
        case .bonferroni:
            return p.map { min(1, $0 * n) }
        case .holm:
            // Ascending; q_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j)).
            let order = p.indices.sorted { (p[$0], $0) < (p[$1], $1) }
            var result = [Double](repeating: 0, count: m)
            var running = 0.0
            for (rank, k) in order.enumerated() {
                running = max(running, min(1, (n - Double(rank)) * p[k]))
                result[k] = running
            }
            return result
        case .benjaminiHochberg:
            // Descending; q_(i) = min_{j ≥ i} min(1, m/j · p_(j)).
            let order = p.indices.sorted { (p[$0], $0) > (p[$1], $1) }
            var result = [Double](repeating: 0, count: m)
            var running = 1.0
            for (position, k) in order.enumerated() {
                let rank = n - Double(position)
                running = min(running, n / rank * p[k])
                result[k] = min(1, running)
            }
            return result
        }
    }
}
