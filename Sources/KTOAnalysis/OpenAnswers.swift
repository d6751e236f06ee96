import KTOModel
import KTOStats
import KTOText

/// One code of a coded open question in one group: how many respondents mention it, of the base.
public struct CodeShare: Sendable, Equatable {
    public var code: Int
    public var label: String
    /// Respondents who mention the code.
    public var count: Int
    /// count / base with SE and Wilson interval; nil when the base is 0.
    public var estimate: ProportionEstimate?
}

/// A coded open question in one group of one meting.
public struct CodedGroupResult: Sendable, Equatable {
    public var group: GroupID
    /// Respondents with at least one valid code: the base of every percentage. Multi-coding makes
    /// the percentages add up to more than 100.
    public var base: Int
    /// Every code of the code list, in code order.
    public var shares: [CodeShare]
    /// What the small-n rules say about this group (on the base).
    public var size: SampleSize
    /// Significance tests of the shares (current meting only).
    public var tests: [TestOutcome] = []

    public func share(_ code: Int) -> CodeShare? { shares.first { $0.code == code } }

    /// The tests of one figure.
    public func tests(of ref: MeasureRef) -> [TestOutcome] { tests.filter { $0.of == ref } }
}

/// A coded open question in one meting: total first, then the gemeenten.
public struct CodedMetingResult: Sendable, Equatable {
    public var meting: String
    public var groups: [CodedGroupResult]

    public func group(_ id: GroupID) -> CodedGroupResult? { groups.first { $0.group == id } }
}

/// An illustrative quote: anonymised and cleaned, with the respondent it came from (for the analyst;
/// the report shows the text only).
public struct Quote: Sendable, Equatable {
    public var respondent: String
    public var text: String
}

/// The quotes chosen for one code.
public struct CodeQuotes: Sendable, Equatable {
    public var code: Int
    public var label: String
    public var quotes: [Quote]
}

/// Everything known about one coded open question.
public struct CodedQuestionResult: Sendable, Equatable {
    public var question: OpenQuestion
    /// The current meting first, then the previous meting when it has the codes.
    public var metingen: [CodedMetingResult]
    /// Codes in table order, as the published tables: descending by the current total's percentage
    /// as shown (whole percents), equal percentages in code order ("Anders" has no special place:
    /// the published improvement table lists it at 10% above a 7% code). Code order when the total
    /// is suppressed (an order would reveal what is not shown).
    public var order: [Int]
    /// Quotes per code in table order (codes without quotes included, with none).
    public var quotes: [CodeQuotes]
    /// Written answers of the current meting to this question (all, coded or not).
    public var writtenAnswers: Int
    /// Written answers of the current meting without a valid code (not codable or not coded yet):
    /// outside every base.
    public var uncodedAnswers: Int
    /// What the anonymiser replaced in those answers before quotes were chosen.
    public var anonymization: AnonymizationSummary

    public var current: CodedMetingResult? { metingen.first }
    public func meting(_ label: String) -> CodedMetingResult? { metingen.first { $0.meting == label } }

    /// The label of a code.
    public func label(of code: Int) -> String {
        question.codeList.first { $0.code == code }?.label ?? String(code)
    }
}

extension Analyzer {
    /// Multi-code percentages, their tests and the quotes of every coded open question.
    func analyzeOpenQuestions(_ loaded: LoadedStudy, tester: Tester) -> [CodedQuestionResult] {
        let study = loaded.study
        let anonymizer = Anonymizer(knownNames: loaded.staffNames)
        var results: [CodedQuestionResult] = []
        for question in loaded.codebook.openQuestions {
            var metingen: [CodedMetingResult] = []
            for dataset in [loaded.current] + (loaded.previous.map { [$0] } ?? []) {
                guard case .multi(let lists)? = dataset.column(question.codes.code) else { continue }
                metingen.append(tally(lists, dataset: dataset, question: question, thresholds: study.thresholds))
            }
            guard let first = metingen.first, first.meting == loaded.current.meting else {
                // The current meting does not have the codes: nothing to report on this question.
                continue
            }
            metingen[0] = compare(first, previous: metingen.count > 1 ? metingen[1] : nil, question: question, loaded: loaded, tester: tester)
            let order = Self.tableOrder(question: question, total: metingen[0].group(.total))
            let selection = QuoteSelection(perCode: study.quotesPerCode, anonymizer: anonymizer)
                .select(question: question, dataset: loaded.current, order: order, groups: metingen[0])
            results.append(CodedQuestionResult(
                question: question, metingen: metingen, order: order, quotes: selection.quotes,
                writtenAnswers: selection.writtenAnswers, uncodedAnswers: selection.uncodedAnswers,
                anonymization: selection.anonymization))
        }
        return results
    }

    /// Counts per group in one pass: the base (respondents with a valid code) and each code's mentions.
    func tally(_ lists: [[Int16]], dataset: Dataset, question: OpenQuestion, thresholds: Study.Thresholds) -> CodedMetingResult {
        let codes = question.codeList
        var slot: [Int: Int] = [:]
        for (k, entry) in codes.enumerated() { slot[entry.code] = k }
        let groupCount = dataset.groups.count
        var bases = [Int](repeating: 0, count: groupCount)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: codes.count), count: groupCount)
        for (row, list) in lists.enumerated() {
            let g = Int(dataset.group[row])
            var any = false
            var mentioned = Set<Int>()
            for code in list {
                guard let k = slot[Int(code)], mentioned.insert(k).inserted else { continue }
                counts[g][k] += 1
                any = true
            }
            if any { bases[g] += 1 }
        }
        let totalBase = bases.reduce(0, +)
        let totalCounts = codes.indices.map { k in counts.reduce(0) { $0 + $1[k] } }
        func group(_ id: GroupID, base: Int, counts: [Int]) -> CodedGroupResult {
            let shares = codes.enumerated().map { k, entry in
                CodeShare(code: entry.code, label: entry.label, count: counts[k],
                          estimate: ProportionEstimate(successes: counts[k], n: base, level: level))
            }
            return CodedGroupResult(group: id, base: base, shares: shares, size: SampleSize(n: base, thresholds: thresholds))
        }
        var groups = [group(.total, base: totalBase, counts: totalCounts)]
        for g in 0..<groupCount { groups.append(group(.gemeente(g), base: bases[g], counts: counts[g])) }
        let sizes = SampleSize.withComplements(groups.dropFirst().map(\.size), n: bases, thresholds: thresholds)
        for (k, size) in sizes.enumerated() { groups[k + 1].size = size }
        return CodedMetingResult(meting: dataset.meting, groups: groups)
    }

    /// The tests of the comparisons issue on the shares: each group against the same group in the
    /// previous meting (two proportions; the total against the previous report's published figure
    /// when only that exists), each gemeente against the rest of the organisation, and the total
    /// against every benchmark (its figure taken as a fixed value unless it has an n).
    func compare(_ current: CodedMetingResult, previous: CodedMetingResult?, question: OpenQuestion, loaded: LoadedStudy, tester: Tester) -> CodedMetingResult {
        var result = current
        guard let total = current.group(.total) else { return result }
        let variable = question.codes.code
        func testables(_ group: CodedGroupResult) -> [(MeasureRef, ProportionEstimate)] {
            group.shares.compactMap { share in share.estimate.map { (MeasureRef(.pctMentioned, category: share.label), $0) } }
        }
        for (k, group) in current.groups.enumerated() {
            guard group.size.isShown else { continue }
            var tests: [TestOutcome] = []
            let own = testables(group)
            if let old = previous?.group(group.group) {
                let other = Dictionary(testables(old), uniquingKeysWith: { a, _ in a })
                for (ref, p) in own {
                    if let o = other[ref], let t = tester.test(.proportion(p), against: .proportion(o), of: ref, comparison: .previous) { tests.append(t) }
                }
            } else if group.group == .total, let aggregates = loaded.previousAggregates {
                for (ref, p) in own {
                    if let f = aggregates.figure(variable, ref.measure.rawValue, category: ref.category),
                       let t = tester.test(.proportion(p), against: f, of: ref, comparison: .previous) { tests.append(t) }
                }
            }
            if case .gemeente = group.group {
                let restBase = total.base - group.base
                for (ref, p) in own {
                    guard let all = total.shares.first(where: { $0.label == ref.category }),
                          let mine = group.shares.first(where: { $0.label == ref.category }),
                          let rest = ProportionEstimate(successes: all.count - mine.count, n: restBase, level: level),
                          let t = tester.test(.proportion(p), against: .proportion(rest), of: ref, comparison: .rest) else { continue }
                    tests.append(t)
                }
            }
            if group.group == .total {
                for benchmark in loaded.benchmarks {
                    for (ref, p) in own {
                        if let f = benchmark.figure(variable, ref.measure.rawValue, category: ref.category),
                           let t = tester.test(.proportion(p), against: f, of: ref, comparison: .benchmark(benchmark.name)) { tests.append(t) }
                    }
                }
            }
            result.groups[k].tests = tests
        }
        return result
    }

    /// See `CodedQuestionResult.order`.
    static func tableOrder(question: OpenQuestion, total: CodedGroupResult?) -> [Int] {
        let codes = question.codeList
        let shown = total.map { $0.size.isShown } ?? false
        let keyed = codes.map { entry -> (code: Int, percent: Double) in
            var percent = 0.0
            if shown, let total, let share = total.share(entry.code), let e = share.estimate {
                percent = Rounding.roundHalfAwayFromZero(e.proportion * 100, decimals: 0)
            }
            return (entry.code, percent)
        }
        return keyed.sorted { a, b in
            if a.percent != b.percent { return a.percent > b.percent }
            return a.code < b.code
        }.map(\.code)
    }
}
