import KTOModel
import KTOStats

/// What every variable's analysis shares: the study, the frame and data of each meting, the
/// breakdowns and the reference figures.
struct ItemContext: Sendable {
    let study: Study
    /// Current meting first.
    let frames: [MetingFrame]
    let datasets: [Dataset]
    let breakdowns: [BreakdownVariable]
    let level: Double
    let benchmarks: [ReferenceFigures]
    /// Published figures of earlier metingen without respondent data.
    let earlierFigures: [ReferenceFigures]
    /// The earlier metingen every figure is tested against: the most recent, then `compare_with`.
    let targets: [String]
    /// The current meting weighted by gemeente, for an unweighted study with several gemeenten:
    /// the method section says how far that weighting would move the total.
    let effectFrame: MetingFrame?

    var thresholds: Study.Thresholds { study.thresholds }
    var tester: Tester { Tester(alpha: thresholds.alpha, suppressBelow: max(thresholds.suppress, 2)) }

    /// A breakdown category's label.
    func breakdownLabel(_ b: Int, _ code: Int) -> String {
        b < breakdowns.count ? breakdowns[b].label(of: code) : String(code)
    }

    /// What the breakdown tables show of an item, and which table it is in (its section): the
    /// pairwise tests of the significance letters. Nil for items those tables do not show.
    func pairwise(_ variable: Variable) -> (measure: Measure, section: String)? {
        guard !breakdowns.isEmpty else { return nil }
        let section = variable.chapter + "|" + variable.section
        switch variable.type {
        case .grade: return (.mean, section)
        case .likert: return (.pctAgree, section)
        default: return nil
        }
    }

    /// One variable: its figures per meting and domain, and the tests of the current meting's.
    /// Also, for an unweighted study, the current total weighted by gemeente (for the method section).
    /// - Parameter quantiles: t quantiles already computed (by this worker), kept for the next.
    func variable(_ variable: Variable, index: Int, quantiles: inout TQuantiles) -> (result: VariableResult, gemeenteWeighted: MetingResult?) {
        var metingen: [MetingResult] = []
        var inputs: [String: [Domain: [Measure: TestInput]]] = [:]
        var sums: [[Domain: ScoreSums]] = []
        for (m, frame) in frames.enumerated() {
            guard case .codes(let codes)? = datasets[m].columns[index] else { continue }
            let counts = ItemCounts(codes: codes, variable: variable, frame: frame, asked: Self.asked(variable, in: datasets[m]))
            let estimator = Estimator(variable: variable, level: level, variance: frame.variance)
            let (result, domainInputs, domainSums) = meting(frame, counts: counts, estimator: estimator, quantiles: &quantiles)
            metingen.append(result)
            inputs[frame.meting] = domainInputs
            sums.append(domainSums)
        }
        var weighted: MetingResult?
        if let frame = effectFrame, case .codes(let codes)? = datasets[0].columns[index] {
            let estimator = Estimator(variable: variable, level: level, variance: frame.variance)
            let sums = frame.sums(ItemCounts(codes: codes, variable: variable, frame: frame), cells: frame.cells(of: .total))
            weighted = MetingResult(meting: frame.meting, domains: [estimator.domain(.total, sums: sums, thresholds: thresholds).result])
        }
        if let first = metingen.first, first.meting == study.meting {
            let estimator = Estimator(variable: variable, level: level, variance: frames[0].variance)
            let current = sums[0]
            let letters = pairwise(variable)
            var restSums = current[.total].map(RestSums.init)
            let rest = complements(
                metingen[0], own: inputs[first.meting] ?? [:], tested: estimator.tested, frame: frames[0], pairwise: letters?.measure
            ) { domain, measures in
                guard restSums != nil, let own = current[domain] else { return [:] }
                return estimator.restInputs(measures, less: own, rest: &restSums!, quantiles: &quantiles)
            }
            metingen[0] = compare(
                metingen[0], inputs: inputs, earlier: Array(metingen.dropFirst()),
                tested: estimator.tested, variable: variable.code, frame: frames[0], pairwise: letters, rest: rest)
        }
        return (VariableResult(variable: variable, metingen: metingen), weighted)
    }

    /// Who was asked a routed item in a meting (nil: everyone).
    static func asked(_ variable: Variable, in dataset: Dataset) -> [Bool]? {
        guard let routing = variable.routing, case .codes(let codes)? = dataset.column(routing.variable) else { return nil }
        let wanted = Set(routing.codes.compactMap { Int16(exactly: $0) })
        return codes.map { wanted.contains($0) }
    }

    /// A meting's domains: figures, small-n sizes with complements, and what the tests need.
    func meting(
        _ frame: MetingFrame, counts: ItemCounts, estimator: Estimator, quantiles: inout TQuantiles
    ) -> (MetingResult, [Domain: [Measure: TestInput]], [Domain: ScoreSums]) {
        var results: [DomainResult] = []
        var inputs: [Domain: [Measure: TestInput]] = [:]
        var allSums: [Domain: ScoreSums] = [:]
        // Every domain's figures first, then all their variances at once, then the rest.
        var pending: [(domain: Domain, index: Int, figures: PendingDomain)] = []
        var requests = VarianceRequests()
        // Every domain's sums in one pass over the cells.
        let all = frame.domainSums(counts)
        for (k, (domain, _)) in frame.domains.enumerated() {
            let sums = all.sums[k]
            pending.append((domain, k, estimator.prepare(domain, sums: sums, thresholds: thresholds, requests: &requests, quantiles: &quantiles)))
            allSums[domain] = sums
        }
        let variances = frame.variance?.variances(requests) ?? []
        // Which missing codes mean 'n.v.t.': read from their labels once, not per domain.
        let notApplicable = estimator.variable.missing.map { estimator.variable.missingKind(of: $0.code) == .notApplicable }
        for (domain, k, figures) in pending {
            var (result, domainInputs) = estimator.finish(figures, variances: variances, quantiles: &quantiles)
            let slots = all.slots[k]
            let missing = Array(slots[counts.validLevels..<(counts.slots - 2)])
            result.nonresponse = Nonresponse(missing: missing, noAnswer: slots[counts.slots - 2], unreadable: slots[counts.slots - 1])
            result.nonresponse.asked = slots.reduce(0, +)
            for (isNotApplicable, count) in zip(notApplicable, missing) {
                if isNotApplicable { result.nonresponse.notApplicable += count } else { result.nonresponse.dontKnow += count }
            }
            results.append(result)
            inputs[domain] = domainInputs
        }
        applyComplements(&results, unknown: all.unknown)
        return (MetingResult(meting: frame.meting, domains: results), inputs, allSums)
    }

    /// Secondary suppression within each partition of the total: the gemeenten, and each
    /// breakdown's categories together with its respondents without a value (never shown, so
    /// hidden when small).
    func applyComplements(_ results: inout [DomainResult], unknown: [Int]) {
        func apply(_ indices: [Int], extra: Int?) {
            var sizes = indices.map { results[$0].size }
            var n = indices.map { results[$0].n }
            if let extra {
                sizes.append(SampleSize(n: extra, thresholds: thresholds) == .suppressed ? .suppressed : .enough)
                n.append(extra)
            }
            let marked = SampleSize.withComplements(sizes, n: n, thresholds: thresholds)
            for (k, index) in indices.enumerated() { results[index].size = marked[k] }
        }
        apply(results.indices.filter { results[$0].domain.partition == .gemeenten }, extra: nil)
        for b in breakdowns.indices {
            apply(results.indices.filter { results[$0].domain.partition == .breakdown(b) }, extra: unknown[b])
        }
    }
}
