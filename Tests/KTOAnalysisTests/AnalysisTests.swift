import Testing
import KTOModel
import KTOStats
@testable import KTOAnalysis

/// Hand-checked statistics on tiny datasets. Each expected value is worked out in the comment.
@Suite("Analysis: hand-checked statistics")
struct AnalysisTests {
    static let grade = Variable(
        code: "cijfer", type: .grade, text: "Cijfer", validCodes: Array(1...10),
        missing: [ValueLabel(code: 99, label: "weet niet")])
    static let statement = Variable(
        code: "stelling", type: .likert, text: "Stelling", validCodes: Array(1...5),
        labels: [], missing: [ValueLabel(code: 9, label: "weet niet"), ValueLabel(code: 8, label: "n.v.t.")],
        polarity: .negative)
    static let category = Variable(
        code: "traject", type: .category, text: "Traject", validCodes: [1, 2, 3],
        labels: [ValueLabel(code: 1, label: "Nee"), ValueLabel(code: 2, label: "Ja, nu"), ValueLabel(code: 3, label: "Ja, afgerond")])

    /// A loaded study from columns given per variable; groups: 0 = A, 1 = B, 2 = C (C has nobody).
    /// Thresholds low enough that these tiny groups are shown (small-n rules have their own tests).
    func study(group: [UInt16], grade: [Int16], statement: [Int16], category: [Int16], previous: [Int16]? = nil,
               thresholds: Study.Thresholds = .init(indicative: 2, suppress: 1)) -> LoadedStudy {
        let codebook = Codebook(variables: [Self.grade, Self.statement, Self.category])
        let s = Study(
            studyFile: "s", title: "T", client: "C", meting: "2015", dataFiles: [], codebook: .init(path: "", displayName: ""),
            groupVariable: "g", groups: [.init(name: "A", population: 100), .init(name: "B", population: 10), .init(name: "C", population: 5)],
            previous: previous == nil ? nil : .init(meting: "2013", dataFiles: []), benchmarks: [], thresholds: thresholds,
            output: "", encoding: nil, dialect: nil)
        let current = Dataset(
            meting: "2015", codebook: codebook, groups: ["A", "B", "C"], group: group,
            ids: group.indices.map(String.init), lines: group.indices.map { Int32($0 + 2) },
            columns: [.codes(CodeColumn(grade)), .codes(CodeColumn(statement)), .codes(CodeColumn(category))])
        let old = previous.map { previous in
            Dataset(
                meting: "2013", codebook: codebook, groups: ["A", "B", "C"], group: previous.map { _ in 0 },
                ids: previous.indices.map(String.init), lines: previous.indices.map { Int32($0 + 2) },
                columns: [.codes(CodeColumn(previous)), nil, nil])
        }
        return LoadedStudy(study: s, codebook: codebook, current: current, previous: old, ledgers: [])
    }

    let none = Dataset.noAnswer

    func analyzed() -> StudyResults {
        // Never throws: no breakdowns, no weighting.
        // Group A: grades 6, 7, 8, 99 (weet niet), empty; B: 4 only. C: no respondents.
        // Statement A: 5, 4, 2, 9 (weet niet), 8 (n.v.t.); B: 3.
        // Category A: 1, 1, 2, 3, empty; B: 1.
        try! Analyzer().analyze(study(
            group: [0, 0, 0, 0, 0, 1],
            grade: [6, 7, 8, 99, none, 4],
            statement: [5, 4, 2, 9, 8, 3],
            category: [1, 1, 2, 3, none, 1],
            previous: [5, 5, 5]))
    }

    func domain(_ results: StudyResults, _ code: String, _ domain: Domain, meting: String? = nil) -> DomainResult? {
        let result = results.result(code)
        return (meting.flatMap { result?.meting($0) } ?? result?.current)?.domain(domain)
    }

    @Test func gradeMeanSDSECIForThreeValues() throws {
        let results = analyzed()
        let a = try #require(domain(results, "cijfer", .gemeente(0)))
        // [6, 7, 8]: mean 7, SD = sqrt(((−1)² + 0 + 1²)/2) = 1, SE = 1/√3 = 0.5773502691896258,
        // t(0.975, 2) = 4.302652729749464 → CI 7 ± 2.4841377118..., median 7.
        let e = try #require(a.estimate(.mean))
        #expect(e.n == 3)
        #expect(e.value == 7)
        #expect(a.value(.sd) == 1)
        #expect(abs(e.se! - 0.5773502691896258) < 1e-15)
        #expect(abs(e.ciLow! - (7 - 4.302652729749464 / 3.0.squareRoot())) < 1e-12)
        #expect(a.value(.median) == 7)
        // No grade below 5.5 among 6, 7, 8.
        #expect(a.value(.pctOnvoldoende) == 0)
        #expect(a.distribution.filter { $0.count > 0 }.map(\.code) == [6, 7, 8])
        #expect(a.value(.count(7)) == 1)
        // 'weet niet' and the empty cell are counted apart, not in n: of the 5 asked, 1 weet niet
        // (20%), 1 without an answer (20%), none n.v.t.
        #expect(a.nonresponse.missing == [1])
        #expect(a.nonresponse.noAnswer == 1 && a.nonresponse.asked == 5 && a.nonresponse.dontKnow == 1 && a.nonresponse.notApplicable == 0)
        #expect(a.nonresponse.dontKnowPercent == 20 && a.nonresponse.noAnswerPercent == 20 && a.nonresponse.withoutAnswerPercent == 40)
        let rows = results.rows.filter { $0.group == "A" && $0.variable == "cijfer" && $0.meting == "2015" }
        #expect(rows.first { $0.measure == .pctDontKnow }?.value == 20)
        #expect(rows.first { $0.measure == .pctNotApplicable }?.value == 0)
        #expect(rows.first { $0.measure == .pctNoAnswer }?.n == 5)
    }

    @Test func totalPoolsTheGroups() throws {
        let total = try #require(domain(analyzed(), "cijfer", .total))
        // [6, 7, 8, 4]: mean 25/4 = 6.25; deviations −0.25, 0.75, 1.75, −2.25 → SS = 0.0625+0.5625+3.0625+5.0625 = 8.75,
        // SD = sqrt(8.75/3) = 1.707825127659933; median (6+7)/2 = 6.5; onvoldoende 1/4 = 25%.
        #expect(total.value(.mean) == 6.25)
        #expect(abs(total.value(.sd)! - 1.707825127659933) < 1e-15)
        #expect(total.value(.median) == 6.5)
        #expect(total.value(.pctOnvoldoende) == 25)
    }

    @Test func singleAnswerHasNoSpread() throws {
        let b = try #require(domain(analyzed(), "cijfer", .gemeente(1)))
        #expect(b.n == 1)
        #expect(b.value(.mean) == 4)
        #expect(b.value(.sd) == nil)
        #expect(b.estimate(.mean)?.ciLow == nil)
        #expect(b.value(.pctOnvoldoende) == 100)
    }

    @Test func groupWithoutRespondentsHasNoEstimateAndNoNaN() throws {
        let results = analyzed()
        let c = try #require(domain(results, "cijfer", .gemeente(2)))
        #expect(c.n == 0)
        #expect(c.value(.mean) == nil)
        #expect(c.value(.pctOnvoldoende) == nil)
        let rows = results.rows.filter { $0.group == "C" && $0.variable == "cijfer" }
        #expect(rows.first { $0.measure == .mean }?.value == nil)
        #expect(rows.first { $0.measure == .mean }?.n == 0)
        #expect(rows.allSatisfy { ($0.value ?? 0).isFinite && ($0.se ?? 0).isFinite })
    }

    @Test func allAnswersEqual() throws {
        let previous = try #require(domain(analyzed(), "cijfer", .total, meting: "2013")?.estimate(.mean))
        // [5, 5, 5]: mean 5, SD 0, CI collapses to 5.
        #expect(previous.value == 5)
        #expect(domain(analyzed(), "cijfer", .total, meting: "2013")?.value(.sd) == 0)
        #expect(previous.ciLow == 5)
        #expect(previous.ciHigh == 5)
    }

    @Test func onlyWeetNietGivesNoObservations() throws {
        let results = try Analyzer().analyze(study(group: [0, 0], grade: [99, 99], statement: [9, 8], category: [none, none]))
        let a = try #require(domain(results, "cijfer", .gemeente(0)))
        #expect(a.n == 0)
        #expect(a.value(.mean) == nil)
        #expect(a.nonresponse.missing == [2])
        let s = try #require(domain(results, "stelling", .gemeente(0)))
        #expect(s.n == 0)
        #expect(s.value(.pctAgree) == nil)
        #expect(s.nonresponse.missing == [1, 1])
    }

    @Test func statementSharesExcludeWeetNietAndNVT() throws {
        let results = analyzed()
        let a = try #require(domain(results, "stelling", .gemeente(0)))
        // Valid: 5, 4, 2 (9 = weet niet and 8 = n.v.t. are not in the base): eens 2/3, neutraal 0, oneens 1/3.
        #expect(a.n == 3)
        #expect(abs(a.value(.pctAgree)! - 200.0 / 3) < 1e-12)
        #expect(a.value(.pctNeutral) == 0)
        #expect(abs(a.value(.pctDisagree)! - 100.0 / 3) < 1e-12)
        let total = try #require(domain(results, "stelling", .total))
        // Plus B's 3 (neutraal): 2/4 eens, 1/4 neutraal, 1/4 oneens.
        #expect(total.value(.pctAgree) == 50)
        #expect(total.value(.pctNeutral) == 25)
    }

    @Test func categorySharesOfValidAnswers() throws {
        let total = try #require(domain(analyzed(), "traject", .total))
        // 1, 1, 2, 3 (A) and 1 (B); the empty cell is not in the base: Nee 3/5, Ja nu 1/5, Ja afgerond 1/5.
        #expect(total.n == 5)
        #expect([1, 2, 3].map { total.value(.count($0)) } == [3, 1, 1])
        #expect(total.value(.pctCategory(1)) == 60)
        let rows = analyzed().rows.filter { $0.group == "total" && $0.variable == "traject" && $0.measure == .pctCategory && $0.meting == "2015" }
        #expect(rows.map(\.category) == ["Nee", "Ja, nu", "Ja, afgerond"])
    }

    @Test func variablesNotAskedInPreviousMetingHaveOneMeting() throws {
        let results = analyzed()
        #expect(results.result("cijfer")?.metingen.map(\.meting) == ["2015", "2013"])
        #expect(results.result("stelling")?.metingen.map(\.meting) == ["2015"])
    }

    @Test func responseAndMarginOfError() throws {
        let results = analyzed()
        // Total: 6 of 115 invited; margin = 1.959963984540054 · sqrt(0.25/6) · sqrt(109/114).
        let total = try #require(results.response.first)
        #expect(total.invited == 115)
        #expect(total.respondents == 6)
        #expect(abs(total.rate! - 6.0 / 115) < 1e-15)
        let expected = 1.959963984540054 * (0.25 / 6).squareRoot() * (109.0 / 114).squareRoot()
        #expect(abs(total.marginOfError! - expected) < 1e-12)
        // C: nobody responded: rate 0, no margin.
        #expect(results.response[3].respondents == 0)
        #expect(results.response[3].rate == 0)
        #expect(results.response[3].marginOfError == nil)
    }

    @Test func tidyRowsFollowTheColumnContract() throws {
        let rows = analyzed().rows
        #expect(ResultRow.columns == ["meting", "group", "variable", "measure", "category", "value", "n", "se", "ci_low", "ci_high", "flags"])
        let mean = try #require(rows.first { $0.group == "total" && $0.variable == "cijfer" && $0.measure == .mean && $0.meting == "2015" })
        #expect(mean.value == 6.25)
        #expect(mean.n == 4)
        let agree = try #require(rows.first { $0.group == "A" && $0.variable == "stelling" && $0.measure == .pctAgree })
        #expect(abs(agree.value! - 200.0 / 3) < 1e-12)
        #expect(abs(agree.se! - (2.0 / 9 / 3).squareRoot() * 100) < 1e-12)
        let share = try #require(rows.first { $0.group == "total" && $0.variable == "traject" && $0.measure == .pctCategory && $0.category == "Nee" })
        #expect(share.value == 60)
        let respons = try #require(rows.first { $0.variable == "respons" && $0.measure == .responseRate && $0.group == "total" })
        #expect(abs(respons.value! - 600.0 / 115) < 1e-12)
        // Unweighted: no weight rows, no weighted flags.
        #expect(!rows.contains { $0.variable == "weights" || $0.flags.contains("weighted") })
    }

    /// A statement with 9 = weet niet and 8 = n.v.t.: A has 5, 4, 2, 9, 8 → of 5 asked, 20% weet niet,
    /// 20% n.v.t.; a routed copy asked only of rows 0-2 (category 1 or 2 there: rows 0, 1, 2 have
    /// 1, 1, 2) counts its empty cells only among those.
    @Test func itemNonresponseAmongThoseAsked() throws {
        let results = analyzed()
        let a = try #require(domain(results, "stelling", .gemeente(0)))
        #expect(a.nonresponse.dontKnowPercent == 20 && a.nonresponse.notApplicablePercent == 20 && a.nonresponse.noAnswerPercent == 0)
        var routed = Self.grade
        routed.code = "routed"
        routed.routing = Routing(variable: "traject", codes: [1, 2])
        var loaded = study(group: [0, 0, 0, 0, 0, 1], grade: [6, none, 8, none, none, 4], statement: [5, 4, 2, 9, 8, 3], category: [1, 1, 2, 3, none, 1])
        loaded.codebook.variables.append(routed)
        loaded.current = Dataset(
            meting: "2015", codebook: loaded.codebook, groups: ["A", "B", "C"], group: loaded.current.group, ids: Array(loaded.current.ids),
            lines: loaded.current.lines, columns: loaded.current.columns + [.codes([6, none, 8, none, none, 4])])
        let r = try #require(domain(try Analyzer().analyze(loaded), "routed", .gemeente(0)))
        // Asked in A: rows 0, 1, 2 (traject 1, 1, 2); answers 6 and 8; row 1 empty → 1 of 3 without answer.
        #expect(r.nonresponse.asked == 3)
        #expect(abs(r.nonresponse.noAnswerPercent! - 100.0 / 3) < 1e-12)
        #expect(r.n == 2)
    }

    @Test func unreadableAndUnknownCodesAreNotInTheBase() throws {
        // A code that is neither valid nor missing (it cannot come from the loader, but the count must not trust that).
        let results = try Analyzer().analyze(study(group: [0, 0, 0, 0], grade: [3, 50, Dataset.unreadable, none], statement: [none, none, none, none], category: [none, none, none, none]))
        let a = try #require(domain(results, "cijfer", .gemeente(0)))
        #expect(a.n == 1)
        #expect(a.nonresponse.unreadable == 2)
        #expect(a.nonresponse.noAnswer == 1)
    }

    /// results.csv's category labels are made once per measure of a block, searched among the
    /// first few and looked up in a dictionary beyond them.
    @Test func measureLabelsMadeOncePerMeasure() {
        final class Calls: @unchecked Sendable { var count = 0 }
        let calls = Calls()
        var labels = StudyResults.MeasureLabels { measure in
            calls.count += 1
            return "label \(measure)"
        }
        let measures: [Measure] = [.mean, .sd, .base] + (1...40).flatMap { [Measure.count($0), .pctCategory($0)] }
        for _ in 0..<3 {
            for measure in measures { #expect(labels.label(measure) == "label \(measure)") }
        }
        #expect(calls.count == measures.count)
    }
}
