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

    init(groups: Int, levels: Int) {
        self.groups = groups
        self.levels = levels
        n = [Double](repeating: 0, count: groups * levels)
        w = n
        q = n
    }

    @inline(__always) func index(_ group: Int, _ level: Int) -> Int { group * levels + level }

    /// Respondents, Σw and Σw² per level over all groups.
    func totals() -> (n: [Double], w: [Double], q: [Double]) {
        var tn = [Double](repeating: 0, count: levels), tw = tn, tq = tn
        for g in 0..<groups {
            for l in 0..<levels {
                let k = g * levels + l
                tn[l] += n[k]; tw[l] += w[k]; tq[l] += q[k]
            }
        }
        return (tn, tw, tq)
    }

    /// This domain's sums minus another's (the complement: total − domain).
    func subtracting(_ other: ScoreSums) -> ScoreSums {
        var result = self
        for k in n.indices {
            result.n[k] -= other.n[k]; result.w[k] -= other.w[k]; result.q[k] -= other.q[k]
        }
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

/// The figures of a linearized (weighted) mean of scores over a domain.
struct DesignEstimate: Sendable {
    var mean: Double
    var se: Double?
    /// Respondents (unweighted) and Σw.
    var n: Int
    var sumOfWeights: Double
    /// Degrees of freedom of the design within the domain: respondents − strata with respondents.
    var df: Double
    var design: DesignFigures
    /// Σw(y − ȳ)²/Σw · n/(n − 1): the weighted variance of the scores (for a weighted SD).
    var weightedVariance: Double?
    /// Per group: Σz and Σz² of the influence values, for contrasts.
    var sum: [Double]
    var sumOfSquares: [Double]
}

/// How respondents make up the variance of a weighted estimate: the linearization design, the
/// respondents per group (all of them), and whether groups are strata (for degrees of freedom).
struct VarianceFrame: Sendable {
    var design: Linearization.Design
    var groupRespondents: [Int]
    var groupsAreStrata: Bool

    /// The influence sums of `scores` over `sums` (levels = scores), with the estimate.
    func estimate(_ sums: ScoreSums, scores: [Double]) -> DesignEstimate? {
        let (tn, tw, tq) = sums.totals()
        let W = tw.reduce(0, +)
        let n = Int(tn.reduce(0, +).rounded())
        guard W > 0, n > 0 else { return nil }
        var weighted = 0.0
        for l in 0..<sums.levels { weighted += tw[l] * scores[l] }
        let mean = weighted / W
        var s1 = [Double](repeating: 0, count: sums.groups), s2 = s1
        var strata = 0
        for g in 0..<sums.groups {
            var a = 0.0, b = 0.0, present = false
            for l in 0..<sums.levels {
                let k = g * sums.levels + l
                guard sums.n[k] > 0 else { continue }
                present = true
                let d = scores[l] - mean
                a += sums.w[k] * d
                b += sums.q[k] * d * d
            }
            s1[g] = a / W
            s2[g] = b / (W * W)
            if present { strata += 1 }
        }
        let variance = Linearization.variance(design, respondents: groupRespondents, sum: s1, sumOfSquares: s2)
        var spread = 0.0
        for l in 0..<sums.levels { spread += tw[l] * (scores[l] - mean) * (scores[l] - mean) }
        let weightedVariance = n > 1 ? spread / W * Double(n) / Double(n - 1) : nil
        let deff = variance.flatMap { v in weightedVariance.flatMap { Linearization.designEffect(variance: v, weightedVariance: $0, sumOfWeights: W, count: n) } }
        return DesignEstimate(
            mean: mean, se: variance.map { $0.squareRoot() }, n: n, sumOfWeights: W,
            df: Double(n - (groupsAreStrata ? max(strata, 1) : 1)),
            design: DesignFigures(effectiveN: Linearization.kishEffectiveN(sumOfWeights: W, sumOfSquaredWeights: tq.reduce(0, +)), designEffect: deff),
            weightedVariance: weightedVariance, sum: s1, sumOfSquares: s2)
    }

    /// The difference of two disjoint domains' estimates (a domain and its complement) with the
    /// variance of the difference of their influence values (R `svyglm(y ~ in_domain)`).
    func difference(_ a: DesignEstimate, _ b: DesignEstimate) -> (difference: Double, se: Double)? {
        let s1 = zip(a.sum, b.sum).map { $0 - $1 }
        let s2 = zip(a.sumOfSquares, b.sumOfSquares).map { $0 + $1 }
        guard let v = Linearization.variance(design, respondents: groupRespondents, sum: s1, sumOfSquares: s2) else { return nil }
        return (a.mean - b.mean, v.squareRoot())
    }
}
