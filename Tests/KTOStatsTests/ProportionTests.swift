import Testing
@testable import KTOStats

@Suite("Proportions and margin of error")
struct ProportionTests {
    @Test("Wilson interval matches R prop.test(x, n, correct = FALSE)$conf.int")
    func wilson() throws {
        let rows = try Fixture.rows("wilson.csv")
        #expect(rows.count == 9)
        for (i, r) in rows.enumerated() {
            let e = try #require(ProportionEstimate(successes: Int(r["x"]), n: Int(r["n"]), level: r["level"]),
                                 "row \(i)")
            #expect(isClose(e.wilsonLow, r["low"], rel: 1e-12, abs: 1e-15), "row \(i): x=\(r["x"]) n=\(r["n"]) low")
            #expect(isClose(e.wilsonHigh, r["high"], rel: 1e-12, abs: 1e-15), "row \(i): x=\(r["x"]) n=\(r["n"]) high")
        }
    }

    @Test("proportion and SE: 59 of 100")
    func basic() throws {
        // p = 0.59; SE = √(0.59 · 0.41 / 100) = √0.002419 = 0.04918333050943175.
        let e = try #require(ProportionEstimate(successes: 59, n: 100))
        #expect(e.proportion == 0.59)
        #expect(isClose(e.se, 0.04918333050943175, rel: 1e-14))
        let all = try #require(ProportionEstimate(successes: 7, n: 7))
        #expect(all.se == 0 && all.wilsonHigh == 1 && all.wilsonLow < 1)
        #expect(ProportionEstimate(successes: 0, n: 0) == nil)
        #expect(ProportionEstimate(successes: 4, n: 3) == nil)
        #expect(ProportionEstimate(successes: -1, n: 3) == nil)
    }

    @Test("finite-population margin of error for 50 %")
    func marginOfError() throws {
        // z(0.975) = 1.959963984540054; n = 100, N = 1000:
        // 1.959963984540054 · √(0.25/100) · √(900/999) = 1.959963984540054 · 0.05 · 0.9491579… = 0.09301577436565599.
        let m = try #require(MarginOfError.halfProportion(sampleSize: 100, populationSize: 1000))
        #expect(isClose(m, 0.09301577436565599, rel: 1e-14))
        // Census: no sampling error.
        #expect(MarginOfError.halfProportion(sampleSize: 250, populationSize: 250) == 0)
        #expect(MarginOfError.halfProportion(sampleSize: 1, populationSize: 1) == 0)
        #expect(MarginOfError.halfProportion(sampleSize: 0, populationSize: 10) == nil)
        #expect(MarginOfError.halfProportion(sampleSize: 11, populationSize: 10) == nil)
        // Very large N approaches the infinite-population margin z · 0.5/√n.
        let large = try #require(MarginOfError.halfProportion(sampleSize: 400, populationSize: 1_000_000_000))
        #expect(isClose(large, 1.959963984540054 * 0.5 / 20, rel: 1e-6))
    }
}
