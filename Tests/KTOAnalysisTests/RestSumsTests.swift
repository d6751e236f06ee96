import Testing
@testable import KTOAnalysis
import KTOSample

/// A complement's figure from the total's parts (`RestSums`) against the same figure from the
/// subtracted sums (`ScoreSums.subtracting`, then `VarianceFrame.influence`): the counts, the
/// strata and the degrees of freedom the same, the weighted figures and every group's influence
/// sums equal to 1e-12 (the same sums in another order).
@Suite("Complements from the total's parts")
struct RestSumsTests {
    /// Respondents with weights of 0.3-4 each: n, Σw and Σw² per group and level.
    static func fill(_ sums: inout ScoreSums, row: Int, level: Int, respondents: Int, random: inout SplitMix64) {
        var w = 0.0, q = 0.0
        for _ in 0..<respondents {
            let weight = 0.3 + Double(random.next() >> 11) / Double(1 << 53) * 3.7
            w += weight
            q += weight * weight
        }
        let k = row * sums.levels + level
        sums.n[k] = Double(respondents)
        sums.w[k] = w
        sums.q[k] = q
    }

    /// A total over `groups` groups (some without respondents) and a domain inside it: on a few
    /// groups (a gemeente) or on all (a breakdown's category), taking some levels and some groups
    /// whole, so that the rest has none there.
    static func design(seed: UInt64, groups: Int, levels: Int, sparse: Bool) -> (total: ScoreSums, own: ScoreSums) {
        var random = SplitMix64(seed: seed)
        let present = (0..<groups).filter { _ in random.below(9) != 0 }
        var ownGroups = sparse ? present.filter { _ in random.below(6) == 0 } : present
        if ownGroups.isEmpty, let first = present.first { ownGroups = [first] }
        var total = ScoreSums(groups: groups, levels: levels, present: present)
        var own = ScoreSums(groups: groups, levels: levels, present: ownGroups)
        for (r, g) in present.enumerated() {
            let whole = random.below(7) == 0
            for l in 0..<levels {
                let inside = ownGroups.contains(g) ? (whole || random.below(5) == 0 ? 1 + random.below(6) : random.below(4)) : 0
                let outside = whole || random.below(8) == 0 ? 0 : random.below(12)
                // The domain's respondents first, then the rest's: the total adds both.
                if let o = ownGroups.firstIndex(of: g) { fill(&own, row: o, level: l, respondents: inside, random: &random) }
                var extra = ScoreSums(groups: groups, levels: levels, present: [g])
                fill(&extra, row: 0, level: l, respondents: outside, random: &random)
                let k = r * levels + l
                let o = ownGroups.firstIndex(of: g).map { $0 * levels + l }
                total.n[k] = (o.map { own.n[$0] } ?? 0) + extra.n[l]
                total.w[k] = (o.map { own.w[$0] } ?? 0) + extra.w[l]
                total.q[k] = (o.map { own.q[$0] } ?? 0) + extra.q[l]
            }
        }
        return (total, own)
    }

    static func close(_ a: Double?, _ b: Double?, scale: Double, _ what: String) {
        guard let a, let b else {
            #expect(a == nil && b == nil, "\(what): \(String(describing: a)) against \(String(describing: b))")
            return
        }
        #expect(abs(a - b) <= 1e-12 * max(scale, abs(b)), "\(what): \(a) against \(b)")
    }

    @Test(arguments: [(1, 12, 5, true), (2, 40, 11, true), (3, 40, 11, false), (4, 6, 2, false), (5, 150, 10, true)])
    func sameAsTheSubtractedSums(_ seed: UInt64, _ groups: Int, _ levels: Int, _ sparse: Bool) {
        let (total, own) = Self.design(seed: seed, groups: groups, levels: levels, sparse: sparse)
        let subtracted = total.subtracting(own)
        var rest = RestSums(total)
        let restTotals = rest.restTotals(less: own.totals())
        #expect(restTotals.counts == subtracted.totals().counts)
        let scoreSets: [(measure: Measure, scores: [Double])] = [
            (.mean, (1...levels).map(Double.init)),                             // a grade's codes as scores
            (.pctAgree, (0..<levels).map { $0 < levels / 2 ? 1 : 0 }),          // a percentage's successes
            (.pctCategory(levels), (0..<levels).map { $0 == levels - 1 ? 1 : 0 }),
        ]
        for strata in [false, true] {
            let frame = VarianceFrame(design: .unstratified, groupRespondents: [Int](repeating: 1, count: groups), groupsAreStrata: strata)
            for (measure, scores) in scoreSets {
                let expected = frame.influence(subtracted, totals: subtracted.totals(), scores: scores)
                let got = rest.influence(measure, scores: scores, less: own, restTotals: restTotals, groupsAreStrata: strata)
                guard let expected, let got else {
                    #expect(expected == nil && got == nil, "seed \(seed): one without a figure")
                    continue
                }
                let what = "seed \(seed), scores \(scores), strata \(strata)"
                #expect(got.n == expected.n && got.df == expected.df, "\(what): n \(got.n)/\(expected.n), df \(got.df)/\(expected.df)")
                Self.close(got.mean, expected.mean, scale: 1, what + " mean")
                Self.close(got.sumOfWeights, expected.sumOfWeights, scale: 1, what + " Σw")
                Self.close(got.weightedVariance, expected.weightedVariance, scale: 1, what + " weighted variance")
                Self.close(got.design.effectiveN, expected.design.effectiveN, scale: 1, what + " effective n")
                let scale1 = expected.sum.map(abs).max() ?? 1
                let scale2 = expected.sumOfSquares.map(abs).max() ?? 1
                #expect(got.sum.count == groups && got.sumOfSquares.count == groups)
                for g in 0..<groups {
                    Self.close(got.sum[g], expected.sum[g], scale: scale1, what + " Σz of group \(g)")
                    Self.close(got.sumOfSquares[g], expected.sumOfSquares[g], scale: scale2, what + " Σz² of group \(g)")
                    // A group without respondents of the rest has no sums at all.
                    if expected.sum[g] == 0 && expected.sumOfSquares[g] == 0 { #expect(got.sum[g] == 0 && got.sumOfSquares[g] == 0) }
                }
            }
        }
        // The designs have groups where the domain takes every respondent, and levels it takes whole.
        let emptied = (0..<groups).filter { g in
            total.present.contains(g) && (subtracted.laidOut(on: Array(0..<groups)).n[(g * levels)..<((g + 1) * levels)].allSatisfy { $0 == 0 })
        }
        if seed == 3 { #expect(!emptied.isEmpty) }
    }

    /// The rest of everything is nothing: no figure, as from the subtracted sums.
    @Test func theRestOfTheTotalIsEmpty() {
        let (total, _) = Self.design(seed: 9, groups: 10, levels: 4, sparse: false)
        var rest = RestSums(total)
        let restTotals = rest.restTotals(less: total.totals())
        #expect(restTotals.counts.allSatisfy { $0 == 0 })
        #expect(rest.influence(.mean, scores: [1, 2, 3, 4], less: total, restTotals: restTotals, groupsAreStrata: true) == nil)
    }
}
