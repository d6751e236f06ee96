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

    /// The domains of a meting in report order: total, gemeenten, breakdown categories.
    func domains(_ frame: MetingFrame) -> [(domain: Domain, cells: [Int])] {
        var list: [(Domain, [Int])] = [(.total, frame.cells(of: .total))]
        for g in study.groups.indices { list.append((.gemeente(g), frame.cells(of: .gemeente(g)))) }
        for (b, breakdown) in breakdowns.enumerated() {
            for category in breakdown.categories {
                let domain = Domain.category(breakdown: b, code: category.code)
                list.append((domain, frame.cells(of: domain)))
            }
        }
        return list
    }

    /// One variable: its figures per meting and domain, and the tests of the current meting's.
    /// Also, for an unweighted study, the current total weighted by gemeente (for the method section).
    func variable(_ variable: Variable, index: Int) -> (result: VariableResult, gemeenteWeighted: MetingResult?) {
        var metingen: [MetingResult] = []
        var inputs: [String: [Domain: [Measure: TestInput]]] = [:]
        var sums: [[Domain: ScoreSums]] = []
        for (m, frame) in frames.enumerated() {
            guard case .codes(let codes)? = datasets[m].columns[index] else { continue }
            let counts = ItemCounts(codes: codes, variable: variable, frame: frame, asked: Self.asked(variable, in: datasets[m]))
            let estimator = Estimator(variable: variable, level: level, variance: frame.variance)
            let (result, domainInputs, domainSums) = meting(frame, counts: counts, estimator: estimator)
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
            metingen[0] = compare(
                metingen[0], inputs: inputs, earlier: Array(metingen.dropFirst()),
                tested: estimator.tested, variable: variable.code, frame: frames[0], pairwise: pairwise(variable)
            ) { domain, measure in
                guard let total = current[.total], let own = current[domain] else { return nil }
                return estimator.input(measure, sums: total.subtracting(own))
            }
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
    func meting(_ frame: MetingFrame, counts: ItemCounts, estimator: Estimator) -> (MetingResult, [Domain: [Measure: TestInput]], [Domain: ScoreSums]) {
        var results: [DomainResult] = []
        var inputs: [Domain: [Measure: TestInput]] = [:]
        var allSums: [Domain: ScoreSums] = [:]
        for (domain, cells) in domains(frame) {
            let sums = frame.sums(counts, cells: cells)
            var (result, domainInputs) = estimator.domain(domain, sums: sums, thresholds: thresholds)
            let slots = frame.slotCounts(counts, cells: cells)
            let missing = Array(slots[counts.validLevels..<(counts.slots - 2)])
            result.nonresponse = Nonresponse(missing: missing, noAnswer: slots[counts.slots - 2], unreadable: slots[counts.slots - 1])
            result.nonresponse.asked = slots.reduce(0, +)
            for (code, count) in zip(estimator.variable.missing.map(\.code), missing) {
                if estimator.variable.missingKind(of: code) == .notApplicable { result.nonresponse.notApplicable += count } else { result.nonresponse.dontKnow += count }
            }
            results.append(result)
            inputs[domain] = domainInputs
            allSums[domain] = sums
        }
        applyComplements(&results, unknown: breakdowns.indices.map { b in
            Int(frame.sums(counts, cells: frame.unknownCells(breakdown: b)).totals().n.reduce(0, +).rounded())
        })
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
