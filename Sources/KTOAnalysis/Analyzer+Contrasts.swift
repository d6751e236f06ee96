import KTOModel
import KTOStats

extension ItemContext {
    /// Tests the current meting's figures: every shown domain against the same domain in the
    /// previous meting (the total against the previous report's figures when only those exist),
    /// each gemeente and breakdown category against its complement, and the total against every
    /// benchmark. p-values are adjusted later, over the whole report.
    /// - Parameters:
    ///   - rest: the test input of a measure over a domain's complement.
    ///   - inputs: per meting, what the tests need of each domain.
    ///   - earlier: the variable's earlier metingen with respondent data.
    ///   - pairwise: for an item of the breakdown tables, the measure they show and the item's
    ///     section: each breakdown category is then also tested against every later category.
    func compare(
        _ current: MetingResult, inputs: [String: [Domain: [Measure: TestInput]]], earlier: [MetingResult],
        tested: [Measure], variable: String, frame: MetingFrame, pairwise: (measure: Measure, section: String)? = nil,
        rest: (Domain, Measure) -> TestInput?
    ) -> MetingResult {
        var result = current
        let tester = self.tester
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
                        add(measure, .previous(label), .previous(label), reference: b.shown, tester.test(a, against: b, complement: nil))
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
                    guard let a = own[measure], let b = rest(domain.domain, measure) else { continue }
                    add(measure, .rest, family, reference: b.shown, tester.test(a, against: b, complement: frame.variance))
                }
            }
            // Pairs within a breakdown, each pair once (on the lower code), both shown: a breakdown
            // table's significance letters.
            if let pairwise, case .category(let b, let code) = domain.domain, let a = own[pairwise.measure] {
                for other in current.domains where other.size.isShown {
                    guard case .category(b, let otherCode) = other.domain, otherCode > code,
                          let input = inputs[current.meting]?[other.domain]?[pairwise.measure] else { continue }
                    let label = breakdownLabel(b, otherCode)
                    add(pairwise.measure, .category(code: otherCode, label: label), .pairwise(breakdown: b, section: pairwise.section),
                        reference: input.shown, tester.test(a, against: input, complement: frame.variance))
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

extension Estimator {
    /// The test input of a measure from sums (a complement's).
    func input(_ measure: Measure, sums: ScoreSums) -> TestInput? {
        let counts = sums.totals().n.map { Int($0.rounded()) }
        return figure(measure, sums: sums, counts: counts, n: counts.reduce(0, +)).1
    }
}
