import Testing
import KTOModel
import KTOStats
@testable import KTOAnalysis

@Suite("Small-n rules")
struct SmallNTests {
    let base = AnalysisTests()

    /// Group A: 5 grades (suppressed below 10), B: 12 grades (indicatief below 30), C: 13 grades
    /// (B, the smallest other gemeente, is hidden as A's complement; C stays shown).
    func results() -> StudyResults {
        let groupA = [UInt16](repeating: 0, count: 5)
        let groupB = [UInt16](repeating: 1, count: 12)
        let groupC = [UInt16](repeating: 2, count: 13)
        let grades: [Int16] = [9, 9, 9, 9, 8] + [Int16](repeating: 6, count: 11) + [5] + [Int16](repeating: 7, count: 12) + [4]
        return try! Analyzer().analyze(base.study(
            group: groupA + groupB + groupC, grade: grades, statement: [Int16](repeating: 4, count: 30),
            category: [Int16](repeating: 1, count: 30), thresholds: .init(indicative: 30, suppress: 10)))
    }

    @Test func sizesFollowTheThresholds() {
        let t = Study.Thresholds(indicative: 30, suppress: 10)
        #expect(SampleSize(n: 0, thresholds: t) == .none)
        #expect(SampleSize(n: 9, thresholds: t) == .suppressed)
        #expect(SampleSize(n: 10, thresholds: t) == .indicative)
        #expect(SampleSize(n: 29, thresholds: t) == .indicative)
        #expect(SampleSize(n: 30, thresholds: t) == .enough)
    }

    @Test func suppressedValuesNeverReachTheRows() throws {
        let rows = results().rows.filter { $0.group == "A" && $0.variable == "cijfer" }
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.value == nil, "\(row.measure) \(row.category)")
            #expect(row.se == nil && row.ciLow == nil && row.ciHigh == nil)
            #expect(row.flags.contains("suppressed"))
        }
        // The mean of A (8.8) appears nowhere in the file either.
        let csv = results().rows.map { "\($0.value ?? -1)" }
        #expect(!csv.contains("8.8"))
    }

    @Test func indicativeRowsAreFlagged() throws {
        let rows = results().rows.filter { $0.group == "C" && $0.variable == "cijfer" && $0.measure == .mean }
        let mean = try #require(rows.first)
        #expect(mean.flags == ["indicatief"])
        // 12 × 7 + 4 = 88 over 13.
        #expect(mean.value == 88.0 / 13)
    }

    /// B (12) would make A (5) the total minus B minus C: B, the smallest other, is hidden too.
    @Test func theSmallestOtherGemeenteIsHiddenAsTheComplement() throws {
        let results = results()
        let b = try #require(results.result("cijfer")?.current?.domain(.gemeente(1)))
        #expect(b.size == .complementary)
        #expect(b.contrasts.isEmpty)
        let rows = results.rows.filter { $0.group == "B" && $0.variable == "cijfer" }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.value == nil && $0.flags == ["suppressed", "secondary"] })
        // B's mean (71/12) appears nowhere.
        #expect(!results.rows.contains { $0.value == 71.0 / 12 })
    }

    @Test func suppressedGroupsAreNotTested() throws {
        let results = results()
        let a = try #require(results.result("cijfer")?.current?.domain(.gemeente(0)))
        #expect(a.size == .suppressed)
        #expect(a.contrasts.isEmpty)
    }
}

@Suite("Comparisons")
struct ComparisonTests {
    let base = AnalysisTests()

    /// Group A: 40 grades (20 × 8, 20 × 9: mean 8.5, SD = sqrt(40 × 0.25 / 39)); the previous meting
    /// is known only from its report. A published mean is a sample too: without its n it is not
    /// tested (context only); with n and SD it is Welch as with respondent data; with n but no SD
    /// the own SD stands in and the test is marked approximate.
    @Test func previousFromAggregatesNeedsItsN() throws {
        func total(_ figure: Aggregates.Figure) throws -> DomainResult {
            var loaded = base.study(
                group: [UInt16](repeating: 0, count: 40), grade: (0..<40).map { $0 % 2 == 0 ? 8 : 9 },
                statement: [Int16](repeating: Dataset.noAnswer, count: 40), category: [Int16](repeating: Dataset.noAnswer, count: 40),
                thresholds: .init(indicative: 30, suppress: 10))
            loaded.previousAggregates = Aggregates(name: "2013", figures: [.init(variable: "cijfer", measure: "mean"): figure])
            loaded.study.previous = .init(meting: "2013", dataFiles: [], aggregates: .init(path: "", displayName: ""))
            return try #require(try Analyzer().analyze(loaded).result("cijfer")?.current?.domain(.total))
        }
        #expect(try total(.init(value: 7.0)).contrasts.isEmpty)
        // Welch: s1² = 40 · 0.25/39 = 0.2564…, s2 = 1.2, n = 40 and 50.
        let sd1 = (40 * 0.25 / 39).squareRoot()
        let welch = try #require(try total(.init(value: 7.0, n: 50, sd: 1.2)).contrasts.first { $0.contrast == .previous("2013") })
        let se = (sd1 * sd1 / 40 + 1.44 / 50).squareRoot()
        #expect(abs(welch.test.statistic - 1.5 / se) < 1e-9)
        #expect(welch.method == .welch)
        #expect(!welch.approximate)
        #expect(welch.direction == .higher)
        let approximate = try #require(try total(.init(value: 7.0, n: 50)).contrasts.first)
        // Without an SD the own SD stands in: SE = SD · √(1/40 + 1/50).
        #expect(abs(approximate.test.statistic - 1.5 / (sd1 * (1.0 / 40 + 1.0 / 50).squareRoot())) < 1e-9)
        #expect(approximate.approximate)
        // Hedges' g: d = 1.5 / pooled SD, pooled SD² = (39 · s1² + 49 · s1²)/88 = s1²; J exact.
        let g = try #require(approximate.effect?.value)
        #expect(abs(g - 1.5 / sd1 * EffectSize.hedgesCorrection(df: 88)!) < 1e-12)
    }

    /// A gemeente is compared with the other gemeenten together, never with the total that holds it.
    @Test func gemeenteAgainstTheRest() throws {
        // A: 15 × 9 and 15 × 8 (mean 8.5); B: 15 × 6 and 15 × 7 (mean 6.5).
        let grades: [Int16] = (0..<30).map { $0 % 2 == 0 ? 9 : 8 } + (0..<30).map { $0 % 2 == 0 ? 6 : 7 }
        let results = try Analyzer().analyze(base.study(
            group: [UInt16](repeating: 0, count: 30) + [UInt16](repeating: 1, count: 30), grade: grades,
            statement: [Int16](repeating: 4, count: 60), category: [Int16](repeating: 1, count: 60),
            thresholds: .init(indicative: 30, suppress: 10)))
        let a = try #require(results.result("cijfer")?.current?.domain(.gemeente(0)))
        let rest = try #require(a.contrasts.first { $0.contrast == .rest && $0.measure == .mean })
        #expect(rest.reference == 6.5)
        #expect(abs(rest.test.difference - 2) < 1e-12)
        #expect(rest.direction == .higher)
        // 100% agreement everywhere: shown, but not tested.
        #expect(!a.contrasts.contains { $0.measure == .pctAgree })
    }
}
