import Testing
import KTOModel
@testable import KTOAnalysis

@Suite("Small-n rules")
struct SmallNTests {
    let base = AnalysisTests()

    /// Group A: 5 grades (suppressed below 10), B: 12 grades (indicatief below 30).
    func results() -> StudyResults {
        let groupA = [UInt16](repeating: 0, count: 5)
        let groupB = [UInt16](repeating: 1, count: 12)
        let grades: [Int16] = [9, 9, 9, 9, 8] + [Int16](repeating: 6, count: 11) + [5]
        return Analyzer().analyze(base.study(
            group: groupA + groupB, grade: grades, statement: [Int16](repeating: 4, count: 17),
            category: [Int16](repeating: 1, count: 17), thresholds: .init(indicative: 30, suppress: 10)))
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
        let rows = results().rows.filter { $0.group == "B" && $0.variable == "cijfer" && $0.measure == .mean }
        let mean = try #require(rows.first)
        #expect(mean.flags == ["indicatief"])
        // 11 × 6 + 5 = 71 over 12.
        #expect(mean.value == 71.0 / 12)
    }

    @Test func suppressedGroupsAreNotTested() throws {
        let results = results()
        let a = try #require(results.result("cijfer")?.current?.group(.gemeente(0)))
        #expect(a.size == .suppressed)
        #expect(a.tests.isEmpty)
    }
}
