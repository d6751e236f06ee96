import Foundation
import Testing
@testable import KTOModel
import KTOStats
@testable import KTOAnalysis

/// Multi-code percentages, their tests and the quotes, checked by hand on tiny datasets.
@Suite("Open answers: hand-checked multi-code percentages and quotes")
struct OpenAnswersTests {
    static let codes = Variable(
        code: "goed_codes", type: .multi, chapter: "Succes- en verbeterpunten", section: "Goed", text: "Wat is goed?",
        validCodes: [1, 2, 3],
        labels: [ValueLabel(code: 1, label: "Snel"), ValueLabel(code: 2, label: "Vriendelijk"), ValueLabel(code: 3, label: "Anders")],
        line: 3)
    static let text = Variable(code: "goed_tekst", type: .text, chapter: "Succes- en verbeterpunten", section: "Goed", text: "Wat is goed?", line: 2)

    /// A study with groups A (0), B (1) and C (2, nobody); one coded open question.
    static func study(
        group: [UInt16], lists: [[Int16]], texts: [String?], thresholds: Study.Thresholds,
        benchmark: Aggregates? = nil, staff: [String] = [], quotes: Int = 3
    ) -> LoadedStudy {
        let codebook = Codebook(variables: [text, codes])
        var s = Study(
            studyFile: "s", title: "T", client: "C", meting: "2015", dataFiles: [], codebook: .init(path: "", displayName: ""),
            groupVariable: "g", groups: [.init(name: "A", population: 100), .init(name: "B", population: 100), .init(name: "C", population: 5)],
            thresholds: thresholds, output: "")
        s.quotesPerCode = quotes
        let dataset = Dataset(
            meting: "2015", codebook: codebook, groups: ["A", "B", "C"], group: group,
            ids: group.indices.map { String(1001 + $0) }, lines: group.indices.map { Int32($0 + 2) },
            columns: [.texts(texts), .multi(lists)])
        var loaded = LoadedStudy(study: s, codebook: codebook, current: dataset, previous: nil, ledgers: [])
        loaded.benchmarks = benchmark.map { [$0] } ?? []
        loaded.staffNames = staff
        return loaded
    }

    static let informative = "De mensen zijn altijd vriendelijk en behulpzaam, ook als het druk is."  // 69 characters

    /// Group A: six respondents, five with a code; group B: three, two with a code; C: nobody.
    static func small(quotes: Int = 3, staff: [String] = []) -> StudyResults {
        // No breakdowns or weighting: the analysis cannot fail.
        try! Analyzer().analyze(study(
            group: [0, 0, 0, 0, 0, 0, 1, 1, 1],
            lists: [[2], [1, 2], [2], [3], [], [1], [2], [1, 2], []],
            texts: [
                informative,                                                        // A [2]: single code, 40-300 characters
                "Snel geholpen en de medewerkers aan de balie waren vriendelijk.",  // A [1,2]: several codes
                "Top",                                                              // A [2]: too short to be preferred
                "DE MENSEN zijn altijd vriendelijk en behulpzaam... ook als het druk is!",  // A [3]: same words as row 0
                "Geen",                                                             // A: no code
                "Mevrouw Jansen\u{0} belde Pietersen snel terug <script>alert(1)</script>",  // A [1]
                "Vriendelijk, maar uit gemeente B die te klein is om te citeren.",  // B [2]: suppressed group
                "Ook uit B en dus nooit in het rapport, hoe informatief ook.",      // B [1,2]
                nil,
            ],
            thresholds: .init(indicative: 6, suppress: 3), staff: staff, quotes: quotes))
    }

    @Test func basesAndPercentagesByHand() throws {
        let results = Self.small()
        let question = try #require(results.openQuestions.first)
        #expect(question.question.text?.code == "goed_tekst")
        let meting = try #require(question.current)
        // A: base 5 (row 4 has no code); code 1 in rows 1 and 5 → 2/5 = 40%, code 2 in rows 0, 1, 2 → 3/5 = 60%,
        // code 3 in row 3 → 1/5 = 20%. Together 120%: multi-coding.
        let a = try #require(meting.domain(.gemeente(0)))
        #expect(a.n == 5)
        #expect(a.value(.base) == 5)
        #expect([1, 2, 3].map { a.value(.count($0)) } == [2, 3, 1])
        #expect([1, 2, 3].map { a.value(.pctMentioned($0)) } == [40, 60, 20])
        // 3 ≤ 5 < 6 would be indicatief, but with B suppressed and C empty, A is the total minus B:
        // hidden as B's complement.
        #expect(a.size == .complementary)
        // B: base 2 (rows 6, 7) → below suppress 3.
        let b = try #require(meting.domain(.gemeente(1)))
        #expect(b.n == 2)
        #expect(b.size == .suppressed)
        // C: nobody.
        #expect(meting.domain(.gemeente(2))?.n == 0)
        #expect(meting.domain(.gemeente(2))?.size == SampleSize.none)
        // Total: base 7; code 1: 2 + 1 = 3 → 3/7 = 42.857…%, code 2: 3 + 2 = 5 → 71.428…%, code 3: 1 → 14.285…%.
        let total = try #require(meting.domain(.total))
        #expect(total.n == 7)
        #expect([1, 2, 3].map { total.value(.count($0)) } == [3, 5, 1])
        #expect(abs(total.value(.pctMentioned(2))! - 500.0 / 7.0) < 1e-12)
        // Table order: descending by the total's whole percentage (71, 43, 14).
        #expect(question.order == [2, 1, 3])
        // Written answers: 8 texts (row 8 has none); "Geen" has no code.
        #expect(question.writtenAnswers == 8)
        #expect(question.uncodedAnswers == 1)
    }

    @Test func resultRowsFollowTheSmallNRules() throws {
        let rows = Self.small().rows.filter { $0.variable == "goed_codes" }
        func row(_ group: String, _ measure: ResultRow.Kind, _ category: String) -> ResultRow? {
            rows.first { $0.group == group && $0.measure == measure && $0.category == category }
        }
        let total = try #require(row("total", .pctMentioned, "Vriendelijk"))
        #expect(abs(total.value! - 500.0 / 7.0) < 1e-12)
        #expect(total.n == 7)
        // SE = √(p(1−p)/n) = √((5/7)(2/7)/7) = √(10/343) = 0.17074694419062763 → 17.07… points.
        #expect(abs(total.se! - (10.0 / 343.0).squareRoot() * 100) < 1e-12)
        #expect(row("total", .count, "base")?.value == 7)
        #expect(row("total", .count, "Vriendelijk")?.value == 5)
        // A is B's complement (total − A = B): hidden, flagged secondary.
        #expect(row("A", .pctMentioned, "Snel")?.value == nil)
        #expect(row("A", .pctMentioned, "Snel")?.flags == ["suppressed", "secondary"])
        // B is suppressed: no value, no spread, no count, not even the base.
        let b = rows.filter { $0.group == "B" }
        #expect(!b.isEmpty)
        let hidden = b.allSatisfy { (row: ResultRow) -> Bool in row.value == nil && row.se == nil && row.flags == ["suppressed"] }
        #expect(hidden)
        #expect(row("C", .count, "base")?.value == 0)
    }

    @Test func tableOrderIsDescendingLikeThePublishedTables() throws {
        // Anders (code 3) mentioned by everyone: 100% goes first, as the published tables sort by
        // percentage only; codes 1 and 2 (50% each) stay in code order.
        let loaded = Self.study(
            group: [0, 0, 0, 0], lists: [[3, 2], [3, 1], [3, 2], [3, 1]], texts: [nil, nil, nil, nil],
            thresholds: .init(indicative: 1, suppress: 1))
        #expect(try Analyzer().analyze(loaded).openQuestions.first?.order == [3, 1, 2])
    }

    @Test func restAndBenchmarkTestsByHand() throws {
        // A: 40 respondents, 30 mention code 1; B: 40 respondents, 10 mention code 1; everyone has code 2.
        var group: [UInt16] = []
        var lists: [[Int16]] = []
        for k in 0..<40 { group.append(0); lists.append(k < 30 ? [1, 2] : [2]) }
        for k in 0..<40 { group.append(1); lists.append(k < 10 ? [1, 2] : [2]) }
        let benchmark = Aggregates(name: "Referentiegroep", figures: [
            Aggregates.Key(variable: "goed_codes", measure: "pct_mentioned", category: "Snel"): .init(value: 30, n: 80, sd: nil),
        ])
        let loaded = Self.study(
            group: group, lists: lists, texts: [String?](repeating: nil, count: 80),
            thresholds: .init(indicative: 30, suppress: 10), benchmark: benchmark)
        let results = try Analyzer().analyze(loaded)
        let meting = try #require(results.openQuestions.first?.current)
        let snel = Measure.pctMentioned(1)
        // A vs rest (= B): pooled p = 40/80 = 0,5; SE = √(0,5 · 0,5 · (1/40 + 1/40)) = √0,0125;
        // z = (0,75 − 0,25)/√0,0125 = √20 = 4,4721…
        let a = try #require(meting.domain(.gemeente(0))?.contrasts(of: snel).first { $0.contrast == .rest })
        #expect(abs(a.test.statistic - 20.0.squareRoot()) < 1e-12)
        #expect(a.direction == .higher)
        #expect(meting.domain(.gemeente(1))?.contrasts(of: snel).first { $0.contrast == .rest }?.direction == .lower)
        // Two tests in the gemeente family, both p = 2(1 − Φ(√20)) ≈ 7.7e-6: Benjamini-Hochberg
        // leaves equal p-values of a family of two unchanged (2/2 · p).
        #expect(a.pAdjusted == a.test.pValue)
        // Code 2 is 100% everywhere: not tested (p = 0 or 1).
        #expect(meting.domain(.gemeente(0))?.contrasts(of: .pctMentioned(2)).isEmpty == true)
        // Total 40/80 vs the benchmark's 30% of 80 (24/80): pooled p = 64/160 = 0,4;
        // SE = √(0,4 · 0,6 · 2/80) = √0,006; z = 0,2/√0,006 = 2,5819…; Cohen's h = 2asin√0,5 − 2asin√0,3.
        let bench = try #require(meting.domain(.total)?.contrasts(of: snel).first)
        #expect(bench.contrast == .benchmark("Referentiegroep"))
        #expect(abs(bench.test.statistic - 0.2 / 0.006.squareRoot()) < 1e-12)
        #expect(bench.method == .twoProportions)
        #expect(abs(bench.effect!.value - (2 * asin(0.5.squareRoot()) - 2 * asin(0.3.squareRoot()))) < 1e-12)
        // The flags in results.csv.
        let rows = results.rows.filter { $0.variable == "goed_codes" && $0.measure == .pctMentioned && $0.category == "Snel" }
        #expect(rows.first { $0.group == "A" }?.flags == ["sig_higher:rest"])
        #expect(rows.first { $0.group == "B" }?.flags == ["sig_lower:rest"])
        #expect(rows.first { $0.group == "total" }?.flags == ["sig_higher:benchmark:Referentiegroep"])
        let testRow = results.rows.first { $0.group == "A" && $0.measure == .testStat && $0.category == "rest" }
        #expect(testRow?.flags == ["measure:pct_mentioned", "category:Snel", "method:twoProportions"])
        // A benchmark figure without n is context: shown, never tested.
        var context = loaded
        context.benchmarks = [Aggregates(name: "Referentiegroep", figures: [
            Aggregates.Key(variable: "goed_codes", measure: "pct_mentioned", category: "Snel"): .init(value: 30, n: nil, sd: nil),
        ])]
        #expect(try Analyzer().analyze(context).openQuestions.first?.current?.domain(.total)?.contrasts.isEmpty == true)
    }

    @Test func previousMetingWithCodesIsComparedByHand() throws {
        // 2015: A has 40 respondents, 30 mention code 1; 2013: A has 40, 10 mention code 1.
        let current = Self.study(
            group: [UInt16](repeating: 0, count: 40), lists: (0..<40).map { $0 < 30 ? [1] : [2] },
            texts: [String?](repeating: nil, count: 40), thresholds: .init(indicative: 30, suppress: 10))
        var loaded = current
        loaded.study.previous = .init(meting: "2013", dataFiles: [])
        loaded.previous = Dataset(
            meting: "2013", codebook: current.codebook, groups: ["A", "B", "C"], group: [UInt16](repeating: 0, count: 40),
            ids: (0..<40).map { String(2001 + $0) }, lines: (0..<40).map { Int32($0 + 2) },
            columns: [.texts([String?](repeating: nil, count: 40)), .multi((0..<40).map { $0 < 10 ? [1] : [2] })])
        let results = try Analyzer().analyze(loaded)
        let question = try #require(results.openQuestions.first)
        #expect(question.metingen.map(\.meting) == ["2015", "2013"])
        #expect(question.meting("2013")?.domain(.total)?.value(.count(1)) == 10)
        // 30/40 vs 10/40: pooled p = 0,5, z = 0,5/√(0,5 · 0,5 · 2/40) = √20 — for A and for the total.
        let snel = Measure.pctMentioned(1)
        for id in [Domain.total, .gemeente(0)] {
            let test = try #require(question.current?.domain(id)?.contrasts(of: snel).first { $0.contrast == .previous("2013") })
            #expect(abs(test.test.statistic - 20.0.squareRoot()) < 1e-12)
            #expect(test.direction == .higher)
        }
        let rows = results.rows.filter { $0.variable == "goed_codes" && $0.measure == .pctMentioned && $0.category == "Snel" }
        #expect(rows.first { $0.meting == "2015" && $0.group == "total" }?.flags == ["sig_higher:previous"])
        #expect(rows.first { $0.meting == "2013" && $0.group == "total" }?.value == 25)

        // Only the previous report's published figure, with its n (50% of 40 = 20): two proportions,
        // 30/40 vs 20/40, pooled p = 0,625, z = 0,25/√(0,625 · 0,375 · 2/40) = 2,3094…
        var published = current
        published.study.previous = .init(meting: "2013", dataFiles: [])
        published.previousAggregates = Aggregates(name: "2013", figures: [
            Aggregates.Key(variable: "goed_codes", measure: "pct_mentioned", category: "Snel"): .init(value: 50, n: 40, sd: nil),
        ])
        let fixed = try #require(try Analyzer().analyze(published).openQuestions.first?.current?.domain(.total)?.contrasts(of: snel).first)
        #expect(fixed.contrast == .previous("2013"))
        #expect(abs(fixed.test.statistic - 0.25 / (0.625 * 0.375 * 2 / 40).squareRoot()) < 1e-12)
    }

    @Test func quotesPreferInformativeSingleCodeAnswersFromShownGroups() throws {
        let question = try #require(Self.small(staff: ["Pietersen"]).openQuestions.first)
        let byCode = Dictionary(uniqueKeysWithValues: question.quotes.map { ($0.code, $0.quotes) })
        // Code 2 (first in table order): row 0 (one code, 69 characters) before row 1 (two codes,
        // 63 characters); "Top" (too short) comes only after those, and B (suppressed) never. A is
        // hidden as B's complement, but 5 respondents are no risk for a quote.
        #expect(byCode[2]?.map(\.respondent) == ["1001", "1002", "1003"])
        // Code 1: row 1 is already quoted for code 2, so only row 5, anonymised and cleaned.
        #expect(byCode[1]?.map(\.respondent) == ["1006"])
        #expect(byCode[1]?.first?.text == "Mevrouw (…) belde (…) snel terug <script>alert(1)</script>")
        // Code 3: row 3 has the same words as row 0 (already quoted): no duplicate.
        #expect(byCode[3]?.isEmpty == true)
        #expect(question.quotes.map(\.code) == [2, 1, 3])
        // The anonymiser counted over all 8 written answers: one titled name, one staff name.
        #expect(question.anonymization.textsSeen == 8)
        #expect(question.anonymization.count(of: .name) == 1)
        #expect(question.anonymization.count(of: .listedName) == 1)
        #expect(question.anonymization.textsChanged == 1)
    }

    @Test func quoteCountIsConfigurableAndDeterministic() throws {
        let one = try #require(Self.small(quotes: 1).openQuestions.first)
        #expect(one.quotes.first?.quotes.map(\.respondent) == ["1001"])
        let none = try #require(Self.small(quotes: 0).openQuestions.first)
        #expect(none.quotes.allSatisfy { $0.quotes.isEmpty })
        #expect(Self.small().openQuestions == Self.small().openQuestions)
    }

    @Test func stableHashIsFNV1a() {
        // FNV-1a 64 of "" is the offset basis; of "a" it is 0xaf63dc4c8601ec8c (reference value).
        #expect(QuoteSelection.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(QuoteSelection.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func respondentHashIsTheHashOfCodeAndID() {
        // Chained from the question's seed, the hash is that of the whole `code|id` text (the
        // quotes' order depends on it), also for a row without an id.
        let dataset = Dataset(
            meting: "2015", codebook: Codebook(variables: []), groups: ["A"], group: [0, 0, 0],
            ids: ["1001", "", "é9"], lines: [2, 3, 4], columns: [])
        let seed = QuoteSelection.hashSeed("V12_Open")
        #expect(QuoteSelection.respondentHash(seed, dataset, row: 0) == QuoteSelection.fnv1a("v12_open|1001"))
        #expect(QuoteSelection.respondentHash(seed, dataset, row: 1) == QuoteSelection.fnv1a("v12_open|regel 3"))
        #expect(QuoteSelection.respondentHash(seed, dataset, row: 2) == QuoteSelection.fnv1a("v12_open|é9"))
    }

    @Test func informativeLengthCountsCharacters() {
        let lengths = 3...5
        #expect(!QuoteSelection.hasLength("ab", in: lengths))
        #expect(QuoteSelection.hasLength("abc", in: lengths))
        #expect(QuoteSelection.hasLength("abcde", in: lengths))
        #expect(!QuoteSelection.hasLength("abcdef", in: lengths))
        // Six bytes, two characters: too short; six characters in twelve bytes: too long.
        #expect(!QuoteSelection.hasLength("é\u{301}é", in: lengths))
        #expect(QuoteSelection.hasLength("ééé", in: lengths))
        #expect(!QuoteSelection.hasLength("éééééé", in: lengths))
    }
}
