import Foundation
import Testing
@testable import KTOStats

/// Special functions and distributions against R (fixtures from make-fixtures.R).
@Suite("Distributions vs R")
struct DistributionTests {
    @Test("log-gamma matches R lgamma")
    func logGamma() throws {
        let rows = try Fixture.rows("lgamma.csv")
        #expect(rows.count > 10)
        for (i, r) in rows.enumerated() {
            let got = Gamma.logGamma(r["x"])
            #expect(isClose(got, r["lgamma"], rel: 1e-14, abs: 1e-14),
                    "row \(i): x=\(r["x"]) got \(got) want \(r["lgamma"])")
        }
        #expect(Gamma.logGamma(-1).isNaN)
        #expect(Gamma.logGamma(0) == .infinity)
    }

    @Test("regularized incomplete beta matches R pbeta (both tails)")
    func incompleteBeta() throws {
        let rows = try Fixture.rows("beta_inc.csv")
        #expect(rows.count > 100)
        for (i, r) in rows.enumerated() {
            let lower = Beta.regularized(x: r["x"], a: r["a"], b: r["b"])
            let upper = Beta.regularizedUpper(x: r["x"], a: r["a"], b: r["b"])
            #expect(isClose(lower, r["lower"], rel: 1e-9),
                    "row \(i): x=\(r["x"]) a=\(r["a"]) b=\(r["b"]) lower rel \(relDiff(lower, r["lower"]))")
            #expect(isClose(upper, r["upper"], rel: 1e-9),
                    "row \(i): x=\(r["x"]) a=\(r["a"]) b=\(r["b"]) upper rel \(relDiff(upper, r["upper"]))")
        }
    }

    @Test("Student t CDF and upper tail match R pt, tails included")
    func studentTCDF() throws {
        let rows = try Fixture.rows("t_cdf.csv")
        #expect(rows.count > 200)
        for (i, r) in rows.enumerated() {
            let t = r["t"], df = r["df"]
            let lower = StudentT.cdf(t, df: df)
            let upper = StudentT.upperTail(t, df: df)
            #expect(isClose(lower, r["lower"], rel: 1e-9),
                    "row \(i): df=\(df) t=\(t) lower \(lower) want \(r["lower"])")
            #expect(isClose(upper, r["upper"], rel: 1e-9),
                    "row \(i): df=\(df) t=\(t) upper \(upper) want \(r["upper"])")
            // Two-sided p-value = 2 · min tail.
            let twoSided = StudentT.twoSidedPValue(t, df: df)
            let want = min(1, 2 * min(r["lower"], r["upper"]))
            #expect(isClose(twoSided, want, rel: 1e-9), "row \(i): df=\(df) t=\(t) two-sided")
        }
    }

    @Test("Student t quantiles match R qt, both tails, down to 1e-10")
    func studentTQuantile() throws {
        let rows = try Fixture.rows("t_quantile.csv")
        #expect(rows.count > 150)
        for (i, r) in rows.enumerated() {
            let p = r["p"], df = r["df"]
            let lower = StudentT.quantile(p, df: df)
            let upper = StudentT.upperQuantile(p, df: df)
            #expect(isClose(lower, r["q_lower"], rel: 1e-9, abs: 1e-14),
                    "row \(i): df=\(df) p=\(p) lower \(lower) want \(r["q_lower"])")
            #expect(isClose(upper, r["q_upper"], rel: 1e-9, abs: 1e-14),
                    "row \(i): df=\(df) p=\(p) upper \(upper) want \(r["q_upper"])")
        }
    }

    @Test("Student t quantiles for large df: the expansion in 1/df where it is good to two units in the last place, Newton elsewhere")
    func studentTQuantileLargeDF() throws {
        // 40-digit values from mpmath (make-t-quantile-large-df.py), df 3 to 400,000.
        let rows = try Fixture.rows("t_quantile_large_df.csv")
        #expect(rows.count == 308)
        var expanded = 0
        for (i, r) in rows.enumerated() {
            let q = r["q"], df = r["df"], want = r["t"]
            let got = StudentT.upperQuantile(q, df: df)
            #expect(isClose(got, want, rel: 1e-13), "row \(i): q=\(q) df=\(df) got \(got) want \(want)")
            if let t = StudentT.expandedUpperQuantile(q, df: df) {
                expanded += 1
                // At most two units in the last place (the normal quantile it starts from has
                // one or two of its own).
                #expect(abs(t - want) <= 2 * want.ulp, "row \(i): q=\(q) df=\(df) expansion \(t) want \(want)")
                #expect(t == got)
            }
        }
        // The large domains of a report (df in the thousands, q = 0.025) take the expansion.
        #expect(expanded > 100)
        #expect(StudentT.expandedUpperQuantile(0.025, df: 1000) != nil)
        #expect(StudentT.expandedUpperQuantile(0.005, df: 2000) != nil)
        #expect(StudentT.expandedUpperQuantile(0.025, df: 300) == nil)
        #expect(StudentT.expandedUpperQuantile(1e-8, df: 1000) == nil)
    }

    @Test("normal CDF and tails match R pnorm")
    func normalCDF() throws {
        let rows = try Fixture.rows("normal_cdf.csv")
        for (i, r) in rows.enumerated() {
            let x = r["x"]
            #expect(isClose(Normal.cdf(x), r["lower"], rel: 1e-12), "row \(i): x=\(x) lower")
            #expect(isClose(Normal.upperTail(x), r["upper"], rel: 1e-12), "row \(i): x=\(x) upper")
            let want = min(1, 2 * min(r["lower"], r["upper"]))
            #expect(isClose(Normal.twoSidedPValue(x), want, rel: 1e-12), "row \(i): x=\(x) two-sided")
        }
    }

    @Test("normal quantiles (AS 241) match R qnorm")
    func normalQuantile() throws {
        let rows = try Fixture.rows("normal_quantile.csv")
        for (i, r) in rows.enumerated() {
            let p = r["p"]
            #expect(isClose(Normal.quantile(p), r["q_lower"], rel: 1e-14, abs: 1e-15),
                    "row \(i): p=\(p) lower")
            #expect(isClose(Normal.upperQuantile(p), r["q_upper"], rel: 1e-14, abs: 1e-15),
                    "row \(i): p=\(p) upper")
        }
    }

    @Test("distribution edge cases")
    func edges() {
        #expect(StudentT.upperTail(0, df: 3) == 0.5)
        #expect(StudentT.twoSidedPValue(0, df: 3) == 1)
        #expect(StudentT.upperTail(.infinity, df: 3) == 0)
        #expect(StudentT.upperTail(1, df: 0).isNaN)
        #expect(StudentT.quantile(0.5, df: 7) == 0)
        #expect(StudentT.quantile(0, df: 7) == -.infinity)
        #expect(StudentT.upperQuantile(0, df: 7) == .infinity)
        // Infinite df is the normal distribution.
        #expect(StudentT.upperTail(2, df: .infinity) == Normal.upperTail(2))
        #expect(StudentT.upperQuantile(0.025, df: .infinity) == Normal.upperQuantile(0.025))
        // Very large df goes through the normal approximation and stays close to the normal.
        #expect(isClose(StudentT.upperTail(3, df: 1e9), Normal.upperTail(3), rel: 1e-7))
        #expect(isClose(StudentT.upperQuantile(1e-10, df: 1e7), Normal.upperQuantile(1e-10), rel: 1e-5))
        // Round trip through quantile and tail for a non-integer df.
        for q in [0.3, 0.05, 1e-3, 1e-7, 1e-12] {
            let t = StudentT.upperQuantile(q, df: 12.34)
            #expect(isClose(StudentT.upperTail(t, df: 12.34), q, rel: 1e-12), "q=\(q)")
        }
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(1.5).isNaN)
        #expect(isClose(Normal.upperQuantile(0.025), 1.959963984540054, rel: 1e-15))
    }
}
