import Testing
@testable import KTOStats

@Suite("Hypothesis tests vs R")
struct HypothesisTestsTests {
    @Test("Welch t-test matches R t.test(x, y)")
    func welch() throws {
        let samples = try loadSamples()
        let rows = try Fixture.rows("welch.csv")
        #expect(rows.count == 6)
        for r in rows {
            let caseID = Int(r["case"])
            let s = try #require(samples[caseID])
            let a = try #require(Descriptive.meanEstimate(s.x))
            let b = try #require(Descriptive.meanEstimate(s.y))
            let result = try #require(HypothesisTests.welch(a, b), "case \(caseID)")
            #expect(isClose(result.statistic, r["statistic"], rel: 1e-10), "case \(caseID) t")
            #expect(isClose(try #require(result.df), r["df"], rel: 1e-10), "case \(caseID) df")
            #expect(isClose(result.pValue, r["p_value"], rel: 1e-9), "case \(caseID) p")
            #expect(isClose(result.difference, r["difference"], rel: 1e-12, abs: 1e-14), "case \(caseID) diff")
            #expect(isClose(result.standardError, r["stderr"], rel: 1e-12), "case \(caseID) se")
            #expect(result.distribution == .studentT)
        }
    }

    @Test("one-sample t-test matches R t.test(x, mu = m0)")
    func oneSampleT() throws {
        let samples = try loadSamples()
        for r in try Fixture.rows("one_sample_t.csv") {
            let caseID = Int(r["case"])
            let x = try #require(samples[caseID]?.x)
            let e = try #require(Descriptive.meanEstimate(x))
            let result = try #require(HypothesisTests.oneSample(e, reference: r["mu"]))
            #expect(isClose(result.statistic, r["statistic"], rel: 1e-10, abs: 1e-13), "case \(caseID) t")
            #expect(result.df == r["df"], "case \(caseID) df")
            #expect(isClose(result.pValue, r["p_value"], rel: 1e-9), "case \(caseID) p")
        }
    }

    @Test("two-proportion z-test matches R prop.test(correct = FALSE): X-squared = z²")
    func twoProportions() throws {
        let rows = try Fixture.rows("prop_test.csv")
        #expect(rows.count == 7)
        for (i, r) in rows.enumerated() {
            let result = try #require(HypothesisTests.twoProportions(
                x1: Int(r["x1"]), n1: Int(r["n1"]), x2: Int(r["x2"]), n2: Int(r["n2"])), "row \(i)")
            #expect(isClose(result.statistic * result.statistic, r["x_squared"], rel: 1e-12), "row \(i) z²")
            #expect(isClose(result.pValue, r["p_value"], rel: 1e-10), "row \(i) p")
            #expect(result.df == nil && result.distribution == .normal)
            #expect(isClose(result.difference, r["x1"] / r["n1"] - r["x2"] / r["n2"], rel: 1e-15), "row \(i)")
        }
    }

    @Test("proportion against a null value matches R prop.test(x, n, p = p0, correct = FALSE)")
    func proportionNull() throws {
        for (i, r) in try Fixture.rows("prop_one_sample.csv").enumerated() {
            let result = try #require(HypothesisTests.proportion(
                successes: Int(r["x"]), n: Int(r["n"]), reference: r["p0"]))
            #expect(isClose(result.statistic * result.statistic, r["x_squared"], rel: 1e-12), "row \(i) z²")
            #expect(isClose(result.pValue, r["p_value"], rel: 1e-10), "row \(i) p")
        }
        // Hand check: 59/100 vs 0.5: z = 0.09 / √(0.25/100) = 0.09/0.05 = 1.8.
        let r = try #require(HypothesisTests.proportion(successes: 59, n: 100, reference: 0.5))
        #expect(isClose(r.statistic, 1.8, rel: 1e-14))
        #expect(isClose(r.standardError, 0.05, rel: 1e-15))
    }

    @Test("SE-of-estimate form: z without df, t with df")
    func seForm() throws {
        // (7.4 − 7.0)/0.2 = 2; z two-sided p = 2·(1 − Φ(2)) = 0.045500263896358424 (R: 2*pnorm(-2)).
        let z = try #require(HypothesisTests.oneSample(estimate: 7.4, reference: 7.0, standardError: 0.2))
        #expect(isClose(z.statistic, 2, rel: 1e-14))
        #expect(z.df == nil)
        #expect(isClose(z.pValue, 0.045500263896358424, rel: 1e-12))
        // Same with df = 10: R 2*pt(-2, 10) = 0.073388034770740393.
        let t = try #require(HypothesisTests.oneSample(estimate: 7.4, reference: 7.0, standardError: 0.2, df: 10))
        #expect(t.df == 10)
        #expect(isClose(t.pValue, 0.073388034770740393, rel: 1e-10))
    }

    @Test("not testable cases give nil, never NaN")
    func notTestable() {
        #expect(HypothesisTests.welch(n1: 1, mean1: 5, sd1: 0, n2: 10, mean2: 6, sd2: 1) == nil)
        #expect(HypothesisTests.welch(n1: 5, mean1: 5, sd1: 0, n2: 10, mean2: 6, sd2: 0) == nil)
        #expect(HypothesisTests.welch(n1: 5, mean1: .nan, sd1: 1, n2: 10, mean2: 6, sd2: 1) == nil)
        // Zero variance in one group only is testable (df = n of the other group − 1).
        let oneZero = HypothesisTests.welch(n1: 5, mean1: 5, sd1: 0, n2: 10, mean2: 6, sd2: 1)
        #expect(oneZero?.df == 9)
        #expect(HypothesisTests.twoProportions(x1: 0, n1: 10, x2: 0, n2: 12) == nil)
        #expect(HypothesisTests.twoProportions(x1: 10, n1: 10, x2: 12, n2: 12) == nil)
        #expect(HypothesisTests.twoProportions(x1: 1, n1: 0, x2: 3, n2: 12) == nil)
        #expect(HypothesisTests.twoProportions(x1: 11, n1: 10, x2: 3, n2: 12) == nil)
        #expect(HypothesisTests.proportion(successes: 3, n: 10, reference: 0) == nil)
        #expect(HypothesisTests.proportion(successes: 3, n: 10, reference: 1) == nil)
        #expect(HypothesisTests.proportion(successes: 3, n: 0, reference: 0.5) == nil)
        #expect(HypothesisTests.oneSample(estimate: 1, reference: 0, standardError: 0) == nil)
        #expect(HypothesisTests.oneSample(estimate: 1, reference: 0, standardError: 1, df: 0) == nil)
        #expect(HypothesisTests.oneSample(estimate: 1, reference: 0, standardError: 1, df: .infinity) == nil)
        if let single = Descriptive.meanEstimate([4]), let other = Descriptive.meanEstimate([4, 5, 6]) {
            #expect(HypothesisTests.welch(single, other) == nil)
            #expect(HypothesisTests.oneSample(single, reference: 3) == nil)
        }
    }

    @Test("p-values stay accurate far in the tail")
    func tinyPValues() throws {
        // z = 7: R 2*pnorm(-7) = 2.5596250877716703e-12.
        let z = try #require(HypothesisTests.oneSample(estimate: 7, reference: 0, standardError: 1))
        #expect(isClose(z.pValue, 2.5596250877716703e-12, rel: 1e-10))
        // t = 12, df = 30: R 2*pt(-12, 30) = 5.5801854151992606e-13.
        let t = try #require(HypothesisTests.oneSample(estimate: 12, reference: 0, standardError: 1, df: 30))
        #expect(isClose(t.pValue, 5.5801854151992606e-13, rel: 1e-10))
    }
}
