import Foundation
import KTOModel
import KTOStats

/// The figure a test needs: classical estimates when unweighted, the linearized one when weighted.
enum TestInput: Sendable {
    case mean(MeanEstimate)
    case proportion(ProportionEstimate)
    /// A weighted mean or proportion (0...1).
    case weighted(DesignEstimate, proportion: Bool)

    var isProportion: Bool {
        switch self {
        case .mean: return false
        case .proportion: return true
        case .weighted(_, let proportion): return proportion
        }
    }

    /// The figure as shown: a mean, or a percentage 0-100.
    var shown: Double {
        switch self {
        case .mean(let e): return e.mean
        case .proportion(let p): return p.proportion * 100
        case .weighted(let e, let proportion): return proportion ? e.mean * 100 : e.mean
        }
    }

    var n: Int {
        switch self {
        case .mean(let e): return e.n
        case .proportion(let p): return p.n
        case .weighted(let e, _): return e.n
        }
    }
}

/// Computes the figures of one variable over one domain from its sums.
struct Estimator: Sendable {
    let variable: Variable
    let level: Double
    /// nil: unweighted.
    let variance: VarianceFrame?
    /// Valid codes in level order (the codebook's), and sorted with their level.
    let codes: [Int]
    /// `measures`, the codes as scores, and each percentage's 0/1 scores per level: made once per
    /// variable, read for every domain.
    let measures: [Measure]
    let codeScores: [Double]
    let successScores: [Measure: [Double]]

    init(variable: Variable, level: Double, variance: VarianceFrame?) {
        self.variable = variable
        self.level = level
        self.variance = variance
        codes = variable.validCodes
        codeScores = codes.map(Double.init)
        var successScores: [Measure: [Double]] = [:]
        let measures = Self.measures(variable, codes: codes)
        for measure in measures + Self.tested(variable, codes: codes) {
            successScores[measure] = Self.successes(measure, codes: codes).map { $0 ? 1.0 : 0.0 }
        }
        self.measures = measures
        self.successScores = successScores
    }

    /// The measures a variable has, in results.csv order.
    static func measures(_ variable: Variable, codes: [Int]) -> [Measure] {
        switch variable.type {
        case .grade: return [.mean, .sd, .median, .pctOnvoldoende] + codes.sorted().map { .count($0) }
        case .likert: return [.pctAgree] + (codes.count % 2 == 1 ? [.pctNeutral] : []) + [.pctDisagree]
        case .category: return codes.map { .pctCategory($0) } + codes.map { .count($0) }
        default: return []
        }
    }

    /// The measures that are tested, in order. Of two categories only the first: the second's
    /// test is the same test.
    var tested: [Measure] { Self.tested(variable, codes: codes) }

    static func tested(_ variable: Variable, codes: [Int]) -> [Measure] {
        switch variable.type {
        case .grade: return [.mean, .pctOnvoldoende]
        case .likert: return [.pctAgree]
        case .category: return (codes.count == 2 ? Array(codes.prefix(1)) : codes).map { .pctCategory($0) }
        default: return []
        }
    }

    /// Which levels count as a success for a percentage measure.
    func successes(_ measure: Measure) -> [Bool] { Self.successes(measure, codes: codes) }

    static func successes(_ measure: Measure, codes: [Int]) -> [Bool] {
        let sorted = codes.sorted()
        let half = sorted.count / 2
        switch measure {
        case .pctOnvoldoende: return codes.map { Double($0) < GradeSummary.passMark }
        case .pctAgree: return codes.map { sorted.suffix(half).contains($0) }
        case .pctDisagree: return codes.map { sorted.prefix(half).contains($0) }
        case .pctNeutral: return codes.map { !sorted.prefix(half).contains($0) && !sorted.suffix(half).contains($0) }
        case .pctCategory(let c), .pctMentioned(let c), .count(let c): return codes.map { $0 == c }
        default: return codes.map { _ in false }
        }
    }

    /// The domain's figures and the inputs of its tests, variances included (one domain alone;
    /// `ItemContext.meting` prepares all domains first so their variances go together).
    func domain(_ domain: Domain, sums: ScoreSums, thresholds: Study.Thresholds) -> (result: DomainResult, inputs: [Measure: TestInput]) {
        var requests = VarianceRequests()
        var quantiles = TQuantiles(level: level)
        let pending = prepare(domain, sums: sums, thresholds: thresholds, requests: &requests, quantiles: &quantiles)
        return finish(pending, variances: variance?.variances(requests) ?? [], quantiles: &quantiles)
    }

    /// The domain's figures, except the variances of weighted ones: their influence sums go to
    /// `requests`, and `finish` completes them.
    func prepare(
        _ domain: Domain, sums: ScoreSums, thresholds: Study.Thresholds, requests: inout VarianceRequests, quantiles: inout TQuantiles
    ) -> PendingDomain {
        let totals = sums.totals()
        let counts = totals.counts
        let n = counts.reduce(0, +)
        var pending = PendingDomain(result: DomainResult(domain: domain, n: n, size: SampleSize(n: n, thresholds: thresholds), estimates: []))
        for measure in measures {
            switch figure(measure, sums: sums, totals: totals, counts: counts, n: n, quantiles: &quantiles) {
            case .final(let estimate, let input):
                pending.result.estimates.append(estimate)
                if let input { pending.inputs[measure] = input }
            case .weighted(let e, let proportion):
                pending.waiting.append(PendingDomain.Waiting(
                    index: pending.result.estimates.count, estimate: e, proportion: proportion,
                    request: requests.add(sum: e.sum, sumOfSquares: e.sumOfSquares)))
                pending.result.estimates.append(Estimate(measure: measure, value: nil, n: n))
            }
        }
        if variable.type == .grade || variable.type == .likert {
            let W = totals.w.reduce(0, +)
            pending.result.distribution = zip(codes, zip(counts, totals.w)).sorted { $0.0 < $1.0 }.map { code, pair in
                CodeFrequency(code: code, count: pair.0, percent: W > 0 ? pair.1 / W * 100 : 0)
            }
        }
        return pending
    }

    /// The domain's figures once the variances asked for in `prepare` are known.
    func finish(_ pending: PendingDomain, variances: [Double?], quantiles: inout TQuantiles) -> (result: DomainResult, inputs: [Measure: TestInput]) {
        var result = pending.result
        var inputs = pending.inputs
        guard let variance else { return (result, inputs) }
        for waiting in pending.waiting {
            let measure = result.estimates[waiting.index].measure
            let e = variance.completed(waiting.estimate, variance: waiting.request < variances.count ? variances[waiting.request] : nil)
            result.estimates[waiting.index] = weighted(measure, e, proportion: waiting.proportion, n: result.n, quantiles: &quantiles)
            inputs[measure] = .weighted(e, proportion: waiting.proportion)
        }
        return (result, inputs)
    }

    /// A figure: final, or a weighted one that waits for its variance.
    enum Figure {
        case final(Estimate, TestInput?)
        case weighted(DesignEstimate, proportion: Bool)
    }

    /// One figure.
    func figure(_ measure: Measure, sums: ScoreSums, totals: ScoreSums.Totals, counts: [Int], n: Int, quantiles: inout TQuantiles) -> Figure {
        if case .count(let code) = measure {
            let k = codes.firstIndex(of: code)
            return .final(Estimate(measure: measure, value: Double(k.map { counts[$0] } ?? 0), n: n), nil)
        }
        guard let variance else {
            let (estimate, input) = unweighted(measure, counts: counts, n: n, quantiles: &quantiles)
            return .final(estimate, input)
        }
        let none = Figure.final(Estimate(measure: measure, value: nil, n: n), nil)
        switch measure {
        case .mean:
            guard let e = variance.influence(sums, totals: totals, scores: codeScores) else { return none }
            return .weighted(e, proportion: false)
        case .sd:
            // The weighted SD and median need no variance.
            guard let moments = VarianceFrame.moments(totals, scores: codeScores) else { return none }
            return .final(Estimate(measure: measure, value: moments.weightedVariance.map { $0.squareRoot() }, n: n), nil)
        case .median:
            guard VarianceFrame.moments(totals, scores: codeScores) != nil else { return none }
            return .final(Estimate(measure: measure, value: weightedMedian(totals), n: n), nil)
        default:
            let scores = successScores[measure] ?? successes(measure).map { $0 ? 1.0 : 0.0 }
            guard let e = variance.influence(sums, totals: totals, scores: scores) else { return none }
            return .weighted(e, proportion: true)
        }
    }

    /// A weighted figure with its variance: a mean with its normal interval, or a percentage with
    /// the logit interval.
    func weighted(_ measure: Measure, _ e: DesignEstimate, proportion: Bool, n: Int, quantiles: inout TQuantiles) -> Estimate {
        guard proportion else {
            let z = Normal.upperQuantile((1 - level) / 2)
            return Estimate(measure: measure, value: e.mean, n: n, se: e.se, ciLow: e.se.map { e.mean - z * $0 },
                            ciHigh: e.se.map { e.mean + z * $0 }, design: e.design)
        }
        let interval = e.se.flatMap { LogitInterval.interval(proportion: e.mean, standardError: $0, df: e.df, quantiles: &quantiles) }
        return Estimate(measure: measure, value: e.mean * 100, n: n, se: e.se.map { $0 * 100 },
                        ciLow: interval.map { $0.low * 100 }, ciHigh: interval.map { $0.high * 100 }, design: e.design)
    }

    /// Classical figures: mean with SD (n−1), SE and t interval; percentages with the Wilson interval.
    func unweighted(_ measure: Measure, counts: [Int], n: Int, quantiles: inout TQuantiles) -> (Estimate, TestInput?) {
        switch measure {
        case .mean, .sd, .median:
            guard let e = meanEstimate(counts: counts, n: n, quantiles: &quantiles) else { return (Estimate(measure: measure, value: nil, n: n), nil) }
            switch measure {
            case .sd: return (Estimate(measure: measure, value: e.sd, n: n), nil)
            case .median: return (Estimate(measure: measure, value: e.median, n: n), nil)
            default: return (Estimate(measure: measure, value: e.mean, n: n, se: e.se, ciLow: e.ciLow, ciHigh: e.ciHigh), .mean(e))
            }
        default:
            let hits = zip(successes(measure), counts).reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
            guard let p = ProportionEstimate(successes: hits, n: n, level: level) else { return (Estimate(measure: measure, value: nil, n: n), nil) }
            return (Estimate(measure: measure, value: p.proportion * 100, n: n, se: p.se * 100, ciLow: p.wilsonLow * 100, ciHigh: p.wilsonHigh * 100), .proportion(p))
        }
    }

    /// Mean (exact from integer totals), squared deviations about it, and the median from counts.
    func meanEstimate(counts: [Int], n: Int, quantiles: inout TQuantiles) -> MeanEstimate? {
        guard n > 0 else { return nil }
        let pairs = zip(codes, counts).sorted { $0.0 < $1.0 }
        let total = pairs.reduce(0) { $0 + $1.0 * $1.1 }
        let mean = Double(total) / Double(n)
        let ssd = pairs.reduce(0.0) { $0 + Double($1.1) * (Double($1.0) - mean) * (Double($1.0) - mean) }
        func value(atRank rank: Int) -> Int {
            var cumulative = 0
            for p in pairs {
                cumulative += p.1
                if cumulative >= rank { return p.0 }
            }
            return pairs.last?.0 ?? 0
        }
        let median = Double(value(atRank: (n + 1) / 2) + value(atRank: n / 2 + 1)) / 2
        return MeanEstimate(n: n, mean: mean, sumOfSquaredDeviations: ssd, median: median, quantiles: &quantiles)
    }

    /// The weighted median: the lowest code at which the cumulative weight reaches half of Σw.
    func weightedMedian(_ totals: ScoreSums.Totals) -> Double? {
        let tw = totals.w
        let W = tw.reduce(0, +)
        guard W > 0 else { return nil }
        var cumulative = 0.0
        for (code, w) in zip(codes, tw).sorted(by: { $0.0 < $1.0 }) {
            cumulative += w
            if cumulative >= W / 2 * (1 - 1e-12) { return Double(code) }
        }
        return codes.max().map(Double.init)
    }
}

/// A domain's figures before the variances of its weighted figures are known.
struct PendingDomain: Sendable {
    /// A weighted figure waiting for its variance: its place in `result.estimates`, the estimate
    /// so far, and its request.
    struct Waiting: Sendable {
        var index: Int
        var estimate: DesignEstimate
        var proportion: Bool
        var request: Int
    }

    var result: DomainResult
    /// The test inputs that are final already.
    var inputs: [Measure: TestInput] = [:]
    var waiting: [Waiting] = []
}

/// The pass mark of a rapportcijfer.
public enum GradeSummary {
    /// Grades strictly below this are onvoldoende.
    public static let passMark = 5.5
}
