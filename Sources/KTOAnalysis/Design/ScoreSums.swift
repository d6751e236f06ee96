import Foundation
import KTOStats

/// One domain's answers to one item, reduced to what every estimate and its linearized variance
/// need: per design group and per level (a valid code, or one code of a multi-code question) the
/// respondents n, the sum of weights W and of squared weights Q. Unweighted designs have one group
/// and W = Q = n.
///
/// Only the groups that may hold respondents of the domain are stored (`present`): a gemeente
/// meets 5 of 150 raking cells, so its sums are 5 rows, not 150 rows of mostly zeros. Every other
/// group's sums are 0, and leaving them out changes no figure: adding +0 to a sum of non-negative
/// terms leaves it as it is, so totals and influence sums are the same to the bit.
struct ScoreSums: Sendable {
    let groups: Int
    let levels: Int
    /// The groups stored, ascending: row r of `n`, `w`, `q` (`levels` values) is group present[r].
    let present: [Int]
    var n: [Double]
    var w: [Double]
    var q: [Double]

    /// Zero sums for `present` (ascending; default every group).
    init(groups: Int, levels: Int, present: [Int]? = nil) {
        self.groups = groups
        self.levels = levels
        self.present = present ?? Array(0..<groups)
        let count = self.present.count * levels
        // Three buffers of their own: sharing one would copy it at the first write.
        n = [Double](repeating: 0, count: count)
        w = [Double](repeating: 0, count: count)
        q = [Double](repeating: 0, count: count)
    }

    /// Sums already made (`present.count × levels` values each).
    init(groups: Int, levels: Int, present: [Int], n: [Double], w: [Double], q: [Double]) {
        self.groups = groups
        self.levels = levels
        self.present = present
        self.n = n
        self.w = w
        self.q = q
    }

    /// Respondents, Σw and Σw² per level over all groups.
    func totals() -> Totals {
        var tn = [Double](repeating: 0, count: levels)
        var tw = [Double](repeating: 0, count: levels)
        var tq = [Double](repeating: 0, count: levels)
        let levels = self.levels
        let rows = present.count
        tn.withUnsafeMutableBufferPointer { tn in
            tw.withUnsafeMutableBufferPointer { tw in
                tq.withUnsafeMutableBufferPointer { tq in
                    n.withUnsafeBufferPointer { n in
                        w.withUnsafeBufferPointer { w in
                            q.withUnsafeBufferPointer { q in
                                for r in 0..<rows {
                                    let base = r * levels
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

    /// These sums on the rows of `groups` (ascending, holding every stored group): the other
    /// rows are zero.
    func laidOut(on groups: [Int]) -> ScoreSums {
        if groups == present { return self }
        var result = ScoreSums(groups: self.groups, levels: levels, present: groups)
        var r = 0
        for (target, g) in groups.enumerated() where r < present.count && present[r] == g {
            for l in 0..<levels {
                result.n[target * levels + l] = n[r * levels + l]
                result.w[target * levels + l] = w[r * levels + l]
                result.q[target * levels + l] = q[r * levels + l]
            }
            r += 1
        }
        return result
    }

    /// The groups of two ascending lists, ascending (the first itself when it holds the second).
    static func union(_ a: [Int], _ b: [Int]) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(a.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { merged.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { merged.append(b[j]); j += 1 }
            else { merged.append(a[i]); i += 1; j += 1 }
        }
        return merged
    }

    /// This domain's sums minus another's (the complement: total − domain), on the groups of
    /// both.
    func subtracting(_ other: ScoreSums) -> ScoreSums {
        let union = Self.union(present, other.present)
        var result = laidOut(on: union)
        let levels = self.levels
        // Row of each of the other's groups among the result's.
        var row = 0
        var rows: [Int] = []
        for g in other.present {
            while union[row] != g { row += 1 }
            rows.append(row)
        }
        func subtract(_ a: inout [Double], _ b: [Double]) {
            a.withUnsafeMutableBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for (r, target) in rows.enumerated() {
                        for l in 0..<levels { a[target * levels + l] -= b[r * levels + l] }
                    }
                }
            }
        }
        subtract(&result.n, other.n)
        subtract(&result.w, other.w)
        subtract(&result.q, other.q)
        return result
    }
}
