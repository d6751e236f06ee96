import Foundation
import KTOStats

/// One domain's answers to one item, reduced to what every estimate and its linearized variance
/// need: per design group and per level (a valid code, or one code of a multi-code question) the
/// respondents n, the sum of weights W and of squared weights Q. Unweighted designs have one group
/// and W = Q = n.
struct ScoreSums: Sendable {
    let groups: Int
    let levels: Int
    var n: [Double]
    var w: [Double]
    var q: [Double]
    /// The groups that may hold respondents, ascending; every other group's sums are 0. A
    /// gemeente meets 5 of 150 raking cells: the loops over groups visit only these. Skipping a
    /// group of zeros changes no sum (adding +0 to a sum of non-negative terms leaves it as it
    /// is), so the figures stay the same to the bit.
    var present: [Int]

    init(groups: Int, levels: Int) {
        self.groups = groups
        self.levels = levels
        // Three buffers of their own: sharing one would copy it at the first write.
        n = [Double](repeating: 0, count: groups * levels)
        w = [Double](repeating: 0, count: groups * levels)
        q = [Double](repeating: 0, count: groups * levels)
        present = Array(0..<groups)
    }

    @inline(__always) func index(_ group: Int, _ level: Int) -> Int { group * levels + level }

    /// Respondents, Σw and Σw² per level over all groups.
    func totals() -> Totals {
        var tn = [Double](repeating: 0, count: levels)
        var tw = [Double](repeating: 0, count: levels)
        var tq = [Double](repeating: 0, count: levels)
        let levels = self.levels
        tn.withUnsafeMutableBufferPointer { tn in
            tw.withUnsafeMutableBufferPointer { tw in
                tq.withUnsafeMutableBufferPointer { tq in
                    n.withUnsafeBufferPointer { n in
                        w.withUnsafeBufferPointer { w in
                            q.withUnsafeBufferPointer { q in
                                for g in present where g >= 0 && g < groups {
                                    let base = g * levels
                                    for l in 0..<levels {
                                        tn[l] += n[base + l]; tw[l] += w[base + l]; tq[l] += q[base + l]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Totals(n: tn, w: tw, q: tq)
    }

    /// Per level over all groups: respondents, Σw and Σw². Computed once per domain: every
    /// figure of the domain reads them.
    struct Totals: Sendable {
        var n: [Double]
        var w: [Double]
        var q: [Double]

        /// Respondents per level as integers, and in all.
        var counts: [Int] { n.map { Int($0.rounded()) } }
    }

    /// This domain's sums minus another's (the complement: total − domain).
    func subtracting(_ other: ScoreSums) -> ScoreSums {
        var result = self
        // The other's groups are normally among ours (a domain within the total); if not, all.
        if present.count < groups {
            let mine = Set(present)
            if other.present.contains(where: { !mine.contains($0) }) { result.present = Array(0..<groups) }
        }
        func subtract(_ a: inout [Double], _ b: [Double]) {
            a.withUnsafeMutableBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for k in 0..<min(a.count, b.count) { a[k] -= b[k] }
                }
            }
        }
        subtract(&result.n, other.n)
        subtract(&result.w, other.w)
        subtract(&result.q, other.q)
        return result
    }

    /// Levels collapsed by a mapping (e.g. valid codes → agree/other): level l goes to `map[l]`
    /// (nil: dropped).
    func collapsed(_ map: [Int?], into count: Int) -> ScoreSums {
        var result = ScoreSums(groups: groups, levels: count)
        for g in 0..<groups {
            for l in 0..<levels {
                guard let target = map[l] else { continue }
                let from = g * levels + l, to = g * count + target
                result.n[to] += n[from]; result.w[to] += w[from]; result.q[to] += q[from]
            }
        }
        return result
    }
}
