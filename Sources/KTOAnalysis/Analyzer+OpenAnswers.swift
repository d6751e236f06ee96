import KTOModel
import KTOStats
import KTOText

/// A piece of the rows of a text column whose answers are cleaned and anonymised for the quotes.
struct AnswerPiece: Sendable {
    var column: String
    var texts: [String?]
    var rows: Range<Int>

    /// The current meting's text columns that the open questions quote (coded questions' texts,
    /// then the uncoded), each cut in pieces of rows: about four per core, so that the pieces
    /// share the cores with the variables' analysis evenly.
    static func pieces(_ loaded: LoadedStudy, cores: Int) -> [AnswerPiece] {
        let columns = loaded.codebook.openQuestions.compactMap(\.text?.code) + loaded.codebook.uncodedOpenQuestions.map(\.code)
        var pieces: [AnswerPiece] = []
        var seen = Set<String>()
        for column in columns where seen.insert(column).inserted {
            guard case .texts(let texts)? = loaded.current.column(column) else { continue }
            let size = max(32, (texts.count + 4 * cores - 1) / (4 * cores))
            for start in stride(from: 0, to: texts.count, by: size) {
                pieces.append(AnswerPiece(column: column, texts: texts, rows: start..<min(texts.count, start + size)))
            }
        }
        return pieces
    }
}

extension ItemContext {
    /// Multi-code percentages, their tests and the quotes of every coded open question.
    /// - Parameter answers: per text column, its prepared answers (`AnswerPiece`, `QuoteSelection.prepare`).
    func openQuestions(_ loaded: LoadedStudy, answers: [String: QuoteSelection.Answers]) -> [CodedQuestionResult] {
        var results: [CodedQuestionResult] = []
        for question in loaded.codebook.openQuestions {
            let codes = question.codeList.map(\.code)
            let tested = codes.map { Measure.pctMentioned($0) }
            var metingen: [MetingResult] = []
            var inputs: [String: [Domain: [Measure: TestInput]]] = [:]
            var perCode: [[Domain: [ScoreSums]]] = []
            for (m, frame) in frames.enumerated() {
                guard case .multi(let lists)? = datasets[m].column(question.codes.code) else { continue }
                let valid = Set(codes.compactMap { Int16(exactly: $0) })
                // A closed question with a 'geen van deze' option: everyone asked is in the base.
                let base = question.isClosed && question.hasNoneOption
                    ? (Self.asked(question.codes, in: datasets[m]) ?? [Bool](repeating: true, count: lists.count)) : nil
                let counts = codes.map { ItemCounts(lists: lists, code: Int16(truncatingIfNeeded: $0), validCodes: valid, frame: frame, base: base) }
                let (result, domainInputs, sums) = meting(frame, counts: counts, codes: codes)
                metingen.append(result)
                inputs[frame.meting] = domainInputs
                perCode.append(sums)
            }
            guard let first = metingen.first, first.meting == loaded.current.meting else {
                // The current meting does not have the codes: nothing to report on this question.
                continue
            }
            let sums = perCode[0]
            let variance = frames[0].variance
            let rest = complements(first, own: inputs[first.meting] ?? [:], tested: tested, frame: frames[0]) { domain, measures in
                var inputs: [Measure: TestInput] = [:]
                for measure in measures {
                    guard let code = measure.code, let k = codes.firstIndex(of: code),
                          let total = sums[.total]?[k], let own = sums[domain]?[k] else { continue }
                    inputs[measure] = Self.mention(total.subtracting(own), variance: variance, level: level).input
                }
                return inputs
            }
            metingen[0] = compare(
                first, inputs: inputs, earlier: Array(metingen.dropFirst()), tested: tested,
                variable: question.codes.code, frame: frames[0], rest: rest)
            // A closed question keeps the questionnaire's order and has no words to quote.
            let order = question.isClosed ? codes : Self.tableOrder(question: question, total: metingen[0].domain(.total))
            let selection = QuoteSelection(perCode: question.isClosed ? 0 : study.quotesPerCode)
                .select(question: question, dataset: loaded.current, order: order, domains: metingen[0],
                        answers: question.text.flatMap { answers[$0.code] } ?? [])
            results.append(CodedQuestionResult(
                question: question, metingen: metingen, order: order, quotes: selection.quotes,
                writtenAnswers: selection.writtenAnswers, uncodedAnswers: selection.uncodedAnswers,
                anonymization: selection.anonymization))
        }
        return results
    }

    /// Open questions without codes: written answers per gemeente and a few anonymised quotes
    /// (twice the quotes per code), never from a gemeente with fewer written answers than the
    /// suppression threshold.
    func uncodedQuestions(_ loaded: LoadedStudy, answers: [String: QuoteSelection.Answers]) -> [UncodedQuestionResult] {
        let dataset = loaded.current
        return loaded.codebook.uncodedOpenQuestions.compactMap { variable in
            guard case .texts(let texts)? = dataset.column(variable.code) else { return nil }
            var written = [Int](repeating: 0, count: study.groups.count)
            for (row, text) in texts.enumerated() where !(text?.isEmpty ?? true) { written[Int(dataset.group[row])] += 1 }
            let allowed = Set(written.indices.filter { written[$0] >= max(thresholds.suppress, 1) })
            let selection = QuoteSelection(perCode: study.quotesPerCode)
                .selectUncoded(text: variable, dataset: dataset, gemeenten: allowed, count: study.quotesPerCode * 2, answers: answers[variable.code] ?? [])
            let respondents = dataset.groupCounts
            return UncodedQuestionResult(
                variable: variable, written: [written.reduce(0, +)] + written, respondents: [respondents.reduce(0, +)] + respondents,
                quotes: selection.quotes, anonymization: selection.anonymization)
        }
    }

    /// One meting of a coded question: per domain the base, and per code the share mentioning it.
    func meting(_ frame: MetingFrame, counts: [ItemCounts], codes: [Int]) -> (MetingResult, [Domain: [Measure: TestInput]], [Domain: [ScoreSums]]) {
        var results: [DomainResult] = []
        var inputs: [Domain: [Measure: TestInput]] = [:]
        var allSums: [Domain: [ScoreSums]] = [:]
        // Every domain's sums of every code, one pass over the cells per code.
        let all = counts.map { frame.domainSums($0) }
        for (d, (domain, _)) in frame.domains.enumerated() {
            let sums = all.map { $0.sums[d] }
            let base = sums.first.map { Int($0.totals().n.reduce(0, +).rounded()) } ?? 0
            var estimates = [Estimate(measure: .base, value: Double(base), n: base)]
            var domainInputs: [Measure: TestInput] = [:]
            for (k, code) in codes.enumerated() {
                let (estimate, input) = Self.mention(sums[k], variance: frame.variance, level: level)
                estimates.append(with(estimate) { $0.measure = .pctMentioned(code) })
                if let input { domainInputs[.pctMentioned(code)] = input }
            }
            for (k, code) in codes.enumerated() {
                let mentions = Int(sums[k].totals().n[1].rounded())
                estimates.append(Estimate(measure: .count(code), value: Double(mentions), n: base))
            }
            results.append(DomainResult(domain: domain, n: base, size: SampleSize(n: base, thresholds: thresholds), estimates: estimates))
            inputs[domain] = domainInputs
            allSums[domain] = sums
        }
        applyComplements(&results, unknown: all.first?.unknown ?? breakdowns.map { _ in 0 })
        return (MetingResult(meting: frame.meting, domains: results), inputs, allSums)
    }

    /// The share of the base mentioning a code (level 1 of the sums), classical or linearized.
    static func mention(_ sums: ScoreSums, variance: VarianceFrame?, level: Double) -> (estimate: Estimate, input: TestInput?) {
        let tn = sums.totals().n
        let base = Int(tn.reduce(0, +).rounded())
        let hits = Int(tn[1].rounded())
        if let variance {
            guard let e = variance.estimate(sums, scores: [0, 1]) else { return (Estimate(measure: .base, value: nil, n: base), nil) }
            let interval = e.se.flatMap { LogitInterval.interval(proportion: e.mean, standardError: $0, df: e.df, level: level) }
            return (Estimate(measure: .base, value: e.mean * 100, n: base, se: e.se.map { $0 * 100 },
                             ciLow: interval.map { $0.low * 100 }, ciHigh: interval.map { $0.high * 100 }, design: e.design),
                    .weighted(e, proportion: true))
        }
        guard let p = ProportionEstimate(successes: hits, n: base, level: level) else { return (Estimate(measure: .base, value: nil, n: base), nil) }
        return (Estimate(measure: .base, value: p.proportion * 100, n: base, se: p.se * 100, ciLow: p.wilsonLow * 100, ciHigh: p.wilsonHigh * 100), .proportion(p))
    }

    /// See `CodedQuestionResult.order`.
    static func tableOrder(question: OpenQuestion, total: DomainResult?) -> [Int] {
        let shown = total?.size.isShown ?? false
        let keyed = question.codeList.map { entry -> (code: Int, percent: Double) in
            var percent = 0.0
            if shown, let value = total?.value(.pctMentioned(entry.code)) {
                percent = Rounding.roundHalfAwayFromZero(value, decimals: 0)
            }
            return (entry.code, percent)
        }
        return keyed.sorted { a, b in
            if a.percent != b.percent { return a.percent > b.percent }
            return a.code < b.code
        }.map(\.code)
    }
}

/// A copy of `value` changed by `change`: keeps construction short.
@inline(__always)
func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
