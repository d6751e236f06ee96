import Testing
@testable import KTOStats

@Suite("Stratified estimation vs R survey (apistrat)")
struct StratifiedTests {
    struct Api {
        var values: [Double] = []
        var labels: [String] = []
        var populationSizes: [String: Double] = [:]
    }

    func loadApi() throws -> Api {
        var api = Api()
        for r in try Fixture.rows("apistrat.csv") {
            api.values.append(r["api00"])
            api.labels.append(r.text("stype"))
            api.populationSizes[r.text("stype")] = r["fpc"]
        }
        return api
    }

    func rResult(_ weights: String, _ variable: String) throws -> Fixture.Row {
        try #require(try Fixture.rows("apistrat_results.csv").first {
            $0.text("weights") == weights && $0.text("variable") == variable
        })
    }

    @Test("svymean(~api00, dstrat): 662.29, SE 9.4089, deff as R")
    func api00() throws {
        let api = try loadApi()
        #expect(api.values.count == 200)
        let e = try #require(Stratified.mean(values: api.values, labels: api.labels,
                                             populationSizes: api.populationSizes))
        // Exact weights N_h/n_h: R with pw = fpc/n_h, full precision.
        let exact = try rResult("exact", "api00")
        #expect(isClose(e.mean, exact["mean"], rel: 1e-13))
        #expect(isClose(try #require(e.se), exact["se"], rel: 1e-12))
        #expect(isClose(try #require(e.designEffect), exact["deff"], rel: 1e-12))
        #expect(isClose(try #require(e.designEffectWithReplacement), exact["deff_replace"], rel: 1e-12))
        #expect(e.df == exact["df"])
        #expect(isClose(try #require(e.ciLow), exact["ci_low"], rel: 1e-12))
        #expect(isClose(try #require(e.ciHigh), exact["ci_high"], rel: 1e-12))
        // R's own apistrat$pw is stored in single precision (44.2099990844727 for 44.21), so the
        // canonical R numbers differ from exact weights in the 8th digit.
        let canonical = try rResult("pw", "api00")
        #expect(isClose(e.mean, canonical["mean"], rel: 1e-7))
        #expect(isClose(try #require(e.se), canonical["se"], rel: 1e-7))
        #expect(isClose(try #require(e.designEffect), canonical["deff"], rel: 1e-7))
        #expect(Rounding.roundHalfAwayFromZero(e.mean, decimals: 2) == 662.29)
        #expect(Rounding.roundHalfAwayFromZero(try #require(e.se), decimals: 4) == 9.4089)
        #expect(e.n == 200 && e.strataUsed == 3 && e.populationSize == 6194 && e.excludedPopulation == 0)
        // Kish: N² / Σ N_h²/n_h = 6194² / (4421²/100 + 755²/50 + 1018²/50).
        let kish = 6194.0 * 6194 / (4421.0 * 4421 / 100 + 755.0 * 755 / 50 + 1018.0 * 1018 / 50)
        #expect(isClose(e.kishEffectiveN, kish, rel: 1e-14))
    }

    @Test("summary path equals raw path")
    func summaryEqualsRaw() throws {
        let api = try loadApi()
        var strata: [StratumSummary] = []
        for label in ["E", "H", "M"] {
            let values = zip(api.values, api.labels).filter { $0.1 == label }.map(\.0)
            let est = try #require(Descriptive.meanEstimate(values))
            strata.append(StratumSummary(populationSize: try #require(api.populationSizes[label]), estimate: est))
        }
        let a = try #require(Stratified.mean(strata: strata))
        let b = try #require(Stratified.mean(values: api.values, labels: api.labels,
                                             populationSizes: api.populationSizes))
        #expect(isClose(a.mean, b.mean, rel: 1e-14))
        #expect(isClose(try #require(a.se), try #require(b.se), rel: 1e-13))
        #expect(isClose(try #require(a.designEffect), try #require(b.designEffect), rel: 1e-12))
    }

    @Test("stratified proportion (api00 ≥ 700) matches R")
    func proportion() throws {
        let api = try loadApi()
        var strata: [(populationSize: Double, successes: Int, sampleSize: Int)] = []
        for label in ["E", "H", "M"] {
            let values = zip(api.values, api.labels).filter { $0.1 == label }.map(\.0)
            strata.append((try #require(api.populationSizes[label]), values.filter { $0 >= 700 }.count, values.count))
        }
        let e = try #require(Stratified.proportion(strata: strata))
        let exact = try rResult("exact", "high")
        #expect(isClose(e.mean, exact["mean"], rel: 1e-13))
        #expect(isClose(try #require(e.se), exact["se"], rel: 1e-12))
        #expect(isClose(try #require(e.designEffect), exact["deff"], rel: 1e-12))
        #expect(isClose(try #require(e.designEffectWithReplacement), exact["deff_replace"], rel: 1e-12))
        #expect(isClose(try #require(e.ciLow), exact["ci_low"], rel: 1e-12))
    }

    @Test("hand example with two strata")
    func handExample() throws {
        // Stratum A: N 100, n 10, mean 7, s² 4; stratum B: N 300, n 20, mean 6, s² 9.
        // mean = (100·7 + 300·6)/400 = 2500/400 = 6.25.
        // Var = (1/4)² (1 − 10/100) 4/10 + (3/4)² (1 − 20/300) 9/20
        //     = 0.0625 · 0.9 · 0.4 + 0.5625 · (14/15) · 0.45 = 0.0225 + 0.23625 = 0.25875.
        // Kish = 400² / (100²/10 + 300²/20) = 160000 / 5500 = 29.0909…; df = 30 − 2 = 28.
        let e = try #require(Stratified.mean(strata: [
            StratumSummary(populationSize: 100, sampleSize: 10, mean: 7, variance: 4),
            StratumSummary(populationSize: 300, sampleSize: 20, mean: 6, variance: 9),
        ]))
        #expect(e.mean == 6.25)
        #expect(isClose(try #require(e.variance), 0.25875, rel: 1e-14))
        #expect(isClose(e.kishEffectiveN, 160_000.0 / 5500, rel: 1e-14))
        #expect(e.df == 28)
    }

    @Test("empty, single-unit and census strata")
    func edgeStrata() throws {
        let a = StratumSummary(populationSize: 100, sampleSize: 10, mean: 7, variance: 4)
        let empty = StratumSummary(populationSize: 50, sampleSize: 0, mean: 0, variance: nil)
        let excluded = try #require(Stratified.mean(strata: [a, empty]))
        #expect(excluded.mean == 7 && excluded.excludedPopulation == 50 && excluded.strataUsed == 1)
        #expect(Stratified.mean(strata: [a, empty], emptyStrata: .reject) == nil)
        #expect(Stratified.mean(strata: [empty]) == nil)
        // One unit in a non-census stratum: mean defined, no variance (R: lonely PSU).
        let lonely = StratumSummary(populationSize: 40, sampleSize: 1, mean: 9, variance: nil)
        let withLonely = try #require(Stratified.mean(strata: [a, lonely]))
        #expect(withLonely.mean == (700 + 360) / 140.0)
        #expect(withLonely.variance == nil && withLonely.se == nil && withLonely.designEffect == nil)
        // A census stratum (n_h = N_h) contributes no variance, even with one unit.
        let census = StratumSummary(populationSize: 1, sampleSize: 1, mean: 9, variance: nil)
        let withCensus = try #require(Stratified.mean(strata: [a, census]))
        let expected = (100.0 / 101) * (100.0 / 101) * 0.9 * 4 / 10
        #expect(isClose(try #require(withCensus.variance), expected, rel: 1e-14))
        // Invalid input.
        #expect(Stratified.mean(strata: [StratumSummary(populationSize: 5, sampleSize: 10, mean: 1, variance: 1)]) == nil)
        #expect(Stratified.mean(strata: [StratumSummary(populationSize: 50, sampleSize: 10, mean: 1, variance: nil)]) == nil)
        #expect(Stratified.mean(values: [1, 2], labels: ["x", "y"], populationSizes: ["x": 10]) == nil)
        #expect(Stratified.mean(strata: [a], level: 1.5) == nil)
    }
}
