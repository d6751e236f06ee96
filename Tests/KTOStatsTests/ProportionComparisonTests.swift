import Testing
@testable import KTOStats

/// The one-sample score test and the two-proportion test choice against R
/// (`prop.test`, `fisher.test`, `chisq.test`; Tests/Fixtures/stats13).
@Suite("Score test and proportion comparison vs R")
struct ProportionComparisonTests {
    @Test("score test matches R prop.test(x, n, p = p0, correct = FALSE), incl. p0 near 0 and 1")
    func scoreTest() throws {
        let rows = try Fixture.rows("score_test.csv", folder: "stats13")
        #expect(rows.count == 25)
        for r in rows {
            let x = Int(r["x"]), n = Int(r["n"]), p0 = r["p0"]
            let result = try #require(HypothesisTests.scoreTest(successes: x, n: n, reference: p0), "\(x)/\(n) vs \(p0)")
            let z2 = result.statistic * result.statistic
            #expect(isClose(z2, r["x_squared"], rel: 1e-13), "\(x)/\(n) vs \(p0): X² rel \(relDiff(z2, r["x_squared"]))")
            #expect(isClose(result.pValue, r["p_value"], rel: 1e-11), "\(x)/\(n) vs \(p0): p rel \(relDiff(result.pValue, r["p_value"]))")
            let phat = Double(x) / Double(n)
            #expect(result.df == nil)
            #expect(result.difference == phat - p0)
            #expect(isClose(result.standardError, (p0 * (1 - p0) / Double(n)).squareRoot(), rel: 1e-15))
            // Signed: z has the sign of p̂ − p0.
            #expect(result.statistic.sign == (phat - p0).sign || result.statistic == 0)
        }
    }

    @Test("score test rejects p0 outside (0, 1) and invalid counts")
    func scoreTestInvalid() {
        #expect(HypothesisTests.scoreTest(successes: 3, n: 10, reference: 0) == nil)
        #expect(HypothesisTests.scoreTest(successes: 3, n: 10, reference: 1) == nil)
        #expect(HypothesisTests.scoreTest(successes: 3, n: 10, reference: .nan) == nil)
        #expect(HypothesisTests.scoreTest(successes: 11, n: 10, reference: 0.5) == nil)
        #expect(HypothesisTests.scoreTest(successes: -1, n: 10, reference: 0.5) == nil)
        #expect(HypothesisTests.scoreTest(successes: 0, n: 0, reference: 0.5) == nil)
    }

    @Test("test choice and p-values match R: Fisher below an expected count of 5, else pooled z")
    func choiceMatchesR() throws {
        let rows = try Fixture.rows("proportion_choice.csv", folder: "stats13")
        #expect(rows.count == 12)
        var methods: Set<String> = []
        for r in rows {
            let x1 = Int(r["x1"]), n1 = Int(r["n1"]), x2 = Int(r["x2"]), n2 = Int(r["n2"])
            let label = "\(x1)/\(n1) vs \(x2)/\(n2)"
            let (result, method) = try #require(ProportionComparison.test(x1: x1, n1: n1, x2: x2, n2: n2), "\(label)")
            methods.insert(r.text("method"))
            #expect("\(method)" == r.text("method"), "\(label)")
            #expect(isClose(result.pValue, r["p_value"], rel: 1e-12), "\(label): p \(result.pValue) vs \(r["p_value"])")
            #expect(isClose(result.statistic * result.statistic, r["z_squared"], rel: 1e-12, abs: 1e-300), "\(label): z²")
            #expect(result.difference == Double(x1) / Double(n1) - Double(x2) / Double(n2))
            #expect(isClose(result.statistic, result.difference / result.standardError, rel: 1e-15), "\(label)")
            #expect(result.df == nil)
        }
        #expect(methods == ["fisherExact", "pooledZ"])
    }

    @Test("hand-checked choices, including an expected count of exactly 5")
    func handChecked() throws {
        // 3/10 vs 1/10: successes 4 → expected 4 · 10/20 = 2 → Fisher, p = 2820/4845 = 188/323;
        // pooled 0.2, SE √(0.2 · 0.8 · 0.2) = √0.032, z = 0.2/√0.032 = √1.25.
        let small = try #require(ProportionComparison.test(x1: 3, n1: 10, x2: 1, n2: 10))
        #expect(small.method == .fisherExact)
        #expect(isClose(small.result.pValue, 188.0 / 323, rel: 1e-14))
        #expect(isClose(small.result.statistic, 1.25.squareRoot(), rel: 1e-14))
        #expect(isClose(small.result.standardError, 0.032.squareRoot(), rel: 1e-14))
        #expect(isClose(small.result.difference, 0.2, rel: 1e-14))
        // 5/10 vs 5/10: expected exactly 10 · 10/20 = 5, not below 5 → pooled z = 0, p = 1.
        let boundary = try #require(ProportionComparison.test(x1: 5, n1: 10, x2: 5, n2: 10))
        #expect(boundary.method == .pooledZ)
        #expect(boundary.result.statistic == 0 && boundary.result.pValue == 1)
        // 5/10 vs 4/10: expected 9 · 10/20 = 4.5 → Fisher; x = 5 and x = 4 are the two modes
        // (C(10,5)C(10,4) each), so every table counts and p = 1.
        let justBelow = try #require(ProportionComparison.test(x1: 5, n1: 10, x2: 4, n2: 10))
        #expect(justBelow.method == .fisherExact)
        #expect(isClose(justBelow.result.pValue, 1, rel: 1e-14))
        // 40/100 vs 30/100: expected 70 · 100/200 = 35 → z; z² = 0.01/(0.35 · 0.65 · 0.02).
        let large = try #require(ProportionComparison.test(x1: 40, n1: 100, x2: 30, n2: 100))
        #expect(large.method == .pooledZ)
        #expect(isClose(large.result.statistic * large.result.statistic, 0.01 / 0.00455, rel: 1e-12))
        #expect(large.result == HypothesisTests.twoProportions(x1: 40, n1: 100, x2: 30, n2: 100))
    }

    @Test("degenerate or invalid counts give nil")
    func invalid() {
        #expect(ProportionComparison.test(x1: 0, n1: 10, x2: 0, n2: 12) == nil)
        #expect(ProportionComparison.test(x1: 10, n1: 10, x2: 12, n2: 12) == nil)
        #expect(ProportionComparison.test(x1: 11, n1: 10, x2: 1, n2: 12) == nil)
        #expect(ProportionComparison.test(x1: -1, n1: 10, x2: 1, n2: 12) == nil)
        #expect(ProportionComparison.test(x1: 0, n1: 0, x2: 1, n2: 12) == nil)
        #expect(ProportionComparison.test(x1: 1, n1: FisherExact.maximumCount + 1, x2: 1, n2: 12) == nil)
    }
}
