/// Secondary (complementary) suppression over a partition of a published total.
///
/// When the total is published and every part but one is shown, the hidden part is the total
/// minus the others: its counts, mean and percentages follow by subtraction. So parts are hidden
/// until the hidden ones, together, are at least two (with respondents) and cover at least
/// `threshold` respondents — the same bar a single published figure has to clear. The extra parts
/// are the smallest shown ones (ties: the later part), which costs the least information.
public enum ComplementarySuppression {
    /// Which parts to hide besides the primary ones.
    /// - Parameters:
    ///   - sizes: respondents per part (the parts together make the published total).
    ///   - hidden: whether each part is already hidden (primary suppression).
    ///   - threshold: the smallest number of respondents a published figure may rest on.
    /// - Returns: per part, whether it must be hidden as a complement (false for primary ones).
    /// - Complexity: O(k²) for k parts (k is small: gemeenten or categories).
    public static func complements(sizes: [Int], hidden: [Bool], threshold: Int) -> [Bool] {
        precondition(sizes.count == hidden.count, "one flag per part")
        var all = hidden
        var result = [Bool](repeating: false, count: sizes.count)
        func exposed() -> Bool {
            let parts = sizes.indices.filter { all[$0] && sizes[$0] > 0 }
            guard !parts.isEmpty else { return false }
            return parts.count < 2 || parts.reduce(0) { $0 + sizes[$1] } < threshold
        }
        while exposed() {
            let candidates = sizes.indices.filter { !all[$0] && sizes[$0] > 0 }
            guard let next = candidates.min(by: { (sizes[$0], -$0) < (sizes[$1], -$1) }) else { break }
            all[next] = true
            result[next] = true
        }
        return result
    }
}
