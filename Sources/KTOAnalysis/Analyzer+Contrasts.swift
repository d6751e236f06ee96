import KTOModel
import KTOStats

extension ItemContext {
    /// Tests the current meting's figures: every shown domain against the same domain in the
    /// previous meting (the total against the previous report's figures when only those exist),
    /// each gemeente and breakdown category against its complement, and the total against every
    /// benchmark. p-values are adjusted later, over the whole report.
    /// - Parameters:
    ///   - rest: the domains' complements (`complements`).
    ///   - inputs: per meting, what the tests need of each domain.
    ///   - earlier: the variable's earlier metingen with respondent data.
    ///   - pairwise: for an item of the breakdown tables, the measure they show and the item's
    ///     section: each breakdown category is then also tested against every later category.
    func compare(
        _ current: MetingResult, inputs: [String: [Domain: [Measure: TestInput]]], earlier: [MetingResult],
        tested: [Measure], variable: String, frame: MetingFrame, pairwise: (measure: Measure, section: String)? = nil,
        rest: Complements
    ) -> MetingResult {
        var result = current
        let tester = self.tester
        let letterPairs = pairwise == nil ? [] : Complements.pairs(current)
        for (k, domain) in current.domains.enumerated() where domain.size.isShown {
            let own = inputs[current.meting]?[domain.domain] ?? [:]
            var contrasts: [ContrastResult] = []
            func add(_ measure: Measure, _ contrast: Contrast, _ family: TestFamily, reference: Double, _ outcome: TestOutcome?) {
                guard let outcome else { return }
                var result = ContrastResult(
                    measure: measure, contrast: contrast, family: family, reference: reference, test: outcome.result,
                    method: outcome.method, effect: outcome.effect)
                result.approximate = outcome.approximate
                contrasts.append(result)
            }
            // Against the previous meting: the total and the gemeenten (breakdown categories are
            // compared with their rest only, which keeps that family to the report's questions).
            var trend = true
            if case .category = domain.domain { trend = false }
            for label in targets where trend {
                if let old = earlier.first(where: { $0.meting == label }) {
                    guard old.domain(domain.domain)?.size.isShown == true, let oldInputs = inputs[label]?[domain.domain] else { continue }
                    for measure in tested {
                        guard let a = own[measure], let b = oldInputs[measure] else { continue }
                        add(measure, .previous(label), .previous(label), reference: b.shown, tester.test(a, against: b, pairing: .independent))
                    }
                } else if domain.domain == .total, let figures = earlierFigures.first(where: { $0.name == label }) {
                    for measure in tested {
                        guard let a = own[measure], let f = figures.figure(variable, measure) else { continue }
                        add(measure, .previous(label), .previous(label), reference: f.value, tester.test(a, against: f))
                    }
                }
            }
            switch domain.domain.partition {
            case .none:
                break
            case .gemeenten, .breakdown:
                let family: TestFamily
                if case .breakdown(let b) = domain.domain.partition { family = .breakdown(b) } else { family = .gemeenten }
                for measure in tested {
                    let key = Complements.Key(domain: domain.domain, measure: measure)
                    guard let a = own[measure], let b = rest.inputs[key] else { continue }
                    let pairing: Tester.Pairing = frame.isWeighted ? .complement(differenceVariance: rest.differenceVariances[key]) : .independent
                    add(measure, .rest, family, reference: b.shown, tester.test(a, against: b, pairing: pairing))
                }
            }
            // Pairs within a breakdown, each pair once (on the lower code), both shown: a breakdown
            // table's significance letters.
            if let pairwise, let a = own[pairwise.measure] {
                for pair in letterPairs where pair.domain == domain.domain {
                    guard case .category(let b, let otherCode) = pair.other,
                          let input = inputs[current.meting]?[pair.other]?[pairwise.measure] else { continue }
                    let label = breakdownLabel(b, otherCode)
                    let pairing: Tester.Pairing = frame.isWeighted ? .complement(differenceVariance: rest.pairVariances[pair]) : .independent
                    add(pairwise.measure, .category(code: otherCode, label: label), .pairwise(breakdown: b, section: pairwise.section),
                        reference: input.shown, tester.test(a, against: input, pairing: pairing))
                }
            }
            if domain.domain == .total {
                for benchmark in benchmarks {
                    for measure in tested {
                        guard let a = own[measure], let f = benchmark.figure(variable, measure) else { continue }
                        add(measure, .benchmark(benchmark.name), .benchmark(benchmark.name), reference: f.value, tester.test(a, against: f))
                    }
                }
            }
            result.domains[k].contrasts = contrasts
        }
        return result
    }
}

/// Every shown gemeente and breakdown category against the rest of the respondents: the rest's
/// test inputs, and with weighting the variances of the differences. Made before the tests so
/// that all those variances of a variable go through the design together.
struct Complements: Sendable {
    struct Key: Hashable, Sendable {
        var domain: Domain
        var measure: Measure
    }

    /// Two categories of one breakdown (the lower code first): a significance letter's test.
    struct Pair: Hashable, Sendable {
        var domain: Domain
        var other: Domain
    }

    var inputs: [Key: TestInput] = [:]
    /// Only where the test uses one (`Tester.needsDifferenceVariance`) and the design gives one.
    var differenceVariances: [Key: Double] = [:]
    /// The same for the pairs of breakdown categories of the significance letters.
    var pairVariances: [Pair: Double] = [:]

    /// The letters' pairs of a meting: two shown categories of one breakdown, each pair once
    /// (the lower code first), in the order of the domains.
    static func pairs(_ current: MetingResult) -> [Pair] {
        var pairs: [Pair] = []
        for domain in current.domains where domain.size.isShown {
            guard case .category(let b, let code) = domain.domain else { continue }
            for other in current.domains where other.size.isShown {
                guard case .category(b, let otherCode) = other.domain, otherCode > code else { continue }
                pairs.append(Pair(domain: domain.domain, other: other.domain))
            }
        }
        return pairs
    }
}

extension ItemContext {
    /// The complements of the current meting's shown domains that are tested against their rest.
    /// - Parameters:
    ///   - own: the domains' test inputs.
    ///   - pairwise: the measure of the significance letters, whose pairs of breakdown categories
    ///     need the variances of their differences as well.
    ///   - restInputs: the test inputs of the measures over a domain's complement.
    func complements(
        _ current: MetingResult, own: [Domain: [Measure: TestInput]], tested: [Measure], frame: MetingFrame,
        pairwise: Measure? = nil, restInputs: (Domain, [Measure]) -> [Measure: TestInput]
    ) -> Complements {
        var rest = Complements()
        let tester = self.tester
        var requests = VarianceRequests()
        var requested: [Complements.Key] = []
        for domain in current.domains where domain.size.isShown && domain.domain.partition != .none {
            let measures = tested.filter { own[domain.domain]?[$0] != nil }
            guard !measures.isEmpty else { continue }
            let inputs = restInputs(domain.domain, measures)
            for measure in measures {
                guard let a = own[domain.domain]?[measure], let b = inputs[measure] else { continue }
                let key = Complements.Key(domain: domain.domain, measure: measure)
                rest.inputs[key] = b
                if frame.isWeighted, tester.needsDifferenceVariance(a, against: b),
                   case .weighted(let x, _) = a, case .weighted(let y, _) = b {
                    let difference = VarianceFrame.difference(x, y)
                    _ = requests.add(sum: difference.sum, sumOfSquares: difference.sumOfSquares)
                    requested.append(key)
                }
            }
        }
        // Two disjoint domains of the same design, like a domain and its complement.
        var pairs: [Complements.Pair] = []
        if frame.isWeighted, let measure = pairwise {
            for pair in Complements.pairs(current) {
                guard let a = own[pair.domain]?[measure], let c = own[pair.other]?[measure], tester.needsDifferenceVariance(a, against: c),
                      case .weighted(let x, _) = a, case .weighted(let y, _) = c else { continue }
                let difference = VarianceFrame.difference(x, y)
                _ = requests.add(sum: difference.sum, sumOfSquares: difference.sumOfSquares)
                pairs.append(pair)
            }
        }
        if let variance = frame.variance {
            let variances = variance.variances(requests)
            for (key, v) in zip(requested, variances) { rest.differenceVariances[key] = v }
            for (pair, v) in zip(pairs, variances.dropFirst(requested.count)) { rest.pairVariances[pair] = v }
        }
        return rest
    }
}

extension Estimator {
    /// The test inputs of `measures` over the complement of `own` (the total less the domain), as
    /// `inputs(measures, sums: total.subtracting(own))` gives them, from the total's parts made
    /// once per item (`RestSums`): the counts the same, a weighted figure's sums to about 1e-15.
    func restInputs(_ measures: [Measure], less own: ScoreSums, rest: inout RestSums, quantiles: inout TQuantiles) -> [Measure: TestInput] {
        let restTotals = rest.restTotals(less: own.totals())
        let counts = restTotals.counts
        let n = counts.reduce(0, +)
        var inputs: [Measure: TestInput] = [:]
        var others: [Measure] = []
        for measure in measures {
            guard let variance else {
                // Unweighted: the counts alone, as `inputs` takes them (without weights `figure`
                // reads no sums).
                if case .final(_, let input?) = figure(measure, sums: own, totals: restTotals, counts: counts, n: n, quantiles: &quantiles) {
                    inputs[measure] = input
                }
                continue
            }
            let scores: [Double]
            switch measure {
            case .mean: scores = codeScores
            case .pctOnvoldoende, .pctAgree, .pctDisagree, .pctNeutral, .pctCategory, .pctMentioned:
                scores = successScores[measure] ?? successes(measure).map { $0 ? 1.0 : 0.0 }
            default:
                // Not a weighted mean or percentage: from the subtracted sums, as before.
                others.append(measure)
                continue
            }
            guard let e = rest.influence(measure, scores: scores, less: own, restTotals: restTotals, groupsAreStrata: variance.groupsAreStrata) else { continue }
            inputs[measure] = .weighted(e, proportion: measure != .mean)
        }
        if !others.isEmpty {
            inputs.merge(self.inputs(others, sums: rest.total.subtracting(own), quantiles: &quantiles)) { own, _ in own }
        }
        return inputs
    }

    /// The test inputs of measures from sums (a complement's). A weighted one comes without its
    /// own variance: its test takes the variance of the difference instead (`Complements`).
    func inputs(_ measures: [Measure], sums: ScoreSums, quantiles: inout TQuantiles) -> [Measure: TestInput] {
        let totals = sums.totals()
        let counts = totals.counts
        let n = counts.reduce(0, +)
        var inputs: [Measure: TestInput] = [:]
        for measure in measures {
            switch figure(measure, sums: sums, totals: totals, counts: counts, n: n, quantiles: &quantiles) {
            case .final(_, let input): inputs[measure] = input
            case .weighted(let e, let proportion): inputs[measure] = .weighted(e, proportion: proportion)
            }
        }
        return inputs
    }
}
