import Testing
@testable import KTOStats

@Suite("Descriptive statistics")
struct DescriptiveTests {
    @Test("values 6, 7, 8: hand calculation")
    func handCalculation() throws {
        // mean = 21/3 = 7; deviations −1, 0, 1 → Σd² = 2; variance = 2/(3−1) = 1; SD = 1;
        // SE = 1/√3 = 0.5773502691896258; t(0.975, df 2) = 0.95/√(2·0.025·0.975) = 4.302652729749464
        // (R: qt(0.975, 2) = 4.3026527297494619; the often quoted 4.302652729911275 is off in the
        // 11th digit); half width = 4.302652729749464/√3 = 2.484137711750331
        // → CI [4.515862288249669, 9.484137711750332].
        let e = try #require(Descriptive.meanEstimate([6, 7, 8]))
        #expect(e.n == 3)
        #expect(e.mean == 7)
        #expect(e.variance == 1)
        #expect(e.sd == 1)
        #expect(isClose(try #require(e.se), 0.5773502691896258, rel: 1e-15))
        #expect(e.df == 2)
        #expect(e.median == 7)
        #expect(isClose(try #require(e.ciLow), 4.515862288249669, rel: 1e-13))
        #expect(isClose(try #require(e.ciHigh), 9.484137711750332, rel: 1e-13))
        #expect(e.level == 0.95)
    }

    @Test("configurable level: 90 % uses t(0.95, 2) = 2.9199855803537238")
    func otherLevel() throws {
        // half width = 2.9199855803537238 / √3 = 1.6858657…
        let e = try #require(Descriptive.meanEstimate([6, 7, 8], level: 0.90))
        let half = 2.9199855803537238 / 3.0.squareRoot()
        #expect(isClose(try #require(e.ciHigh), 7 + half, rel: 1e-13))
        #expect(isClose(try #require(e.ciLow), 7 - half, rel: 1e-13))
        #expect(Descriptive.meanEstimate([6, 7, 8], level: 1) == nil)
        #expect(Descriptive.meanEstimate([6, 7, 8], level: 0) == nil)
    }

    @Test("n = 0 gives no estimate")
    func empty() {
        #expect(Descriptive.meanEstimate([Double]()) == nil)
        #expect(Descriptive.median([Double]()) == nil)
        #expect(Descriptive.mean([Double]()) == nil)
        #expect(CodeHistogram().estimate() == nil)
        #expect(MomentAccumulator().estimate() == nil)
    }

    @Test("n = 1: mean and median only")
    func single() throws {
        let e = try #require(Descriptive.meanEstimate([5.5]))
        #expect(e.n == 1)
        #expect(e.mean == 5.5)
        #expect(e.median == 5.5)
        #expect(e.sd == nil && e.se == nil && e.variance == nil && e.df == nil)
        #expect(e.ciLow == nil && e.ciHigh == nil)
    }

    @Test("all values equal: SD 0 and the interval collapses to the mean")
    func allEqual() throws {
        let e = try #require(Descriptive.meanEstimate([8, 8, 8, 8]))
        #expect(e.mean == 8)
        #expect(e.sd == 0)
        #expect(e.se == 0)
        #expect(e.ciLow == 8)
        #expect(e.ciHigh == 8)
        #expect(e.df == 3)
    }

    @Test("non-finite input gives no estimate")
    func nonFinite() {
        #expect(Descriptive.meanEstimate([1, .nan, 3]) == nil)
        #expect(Descriptive.meanEstimate([1, .infinity]) == nil)
    }

    @Test("median: odd and even counts")
    func median() {
        #expect(Descriptive.median([3, 1, 2]) == 2)
        #expect(Descriptive.median([4, 1, 3, 2]) == 2.5)
        #expect(Descriptive.median([7, 8]) == 7.5)
    }

    @Test("stable with a large offset (1e9 + 4, 7, 13, 16 → variance 30)")
    func largeOffset() throws {
        // Deviations from 1e9 + 10 are −6, −3, 3, 6 → Σd² = 90 → variance 90/3 = 30.
        let values = [4.0, 7, 13, 16].map { 1e9 + $0 }
        let e = try #require(Descriptive.meanEstimate(values))
        #expect(e.mean == 1e9 + 10)
        #expect(e.variance == 30)
        var acc = MomentAccumulator()
        for v in values { acc.add(v) }
        #expect(acc.mean == 1e9 + 10)
        #expect(isClose(try #require(acc.variance), 30, rel: 1e-12))
    }

    @Test("summary-statistics initializer equals raw path")
    func fromSummary() throws {
        let raw = try #require(Descriptive.meanEstimate([6, 7, 8]))
        let summary = try #require(MeanEstimate(n: 3, mean: 7, sd: 1))
        #expect(summary.ciLow == raw.ciLow && summary.ciHigh == raw.ciHigh && summary.se == raw.se)
        #expect(summary.median == nil)
        #expect(MeanEstimate(n: 3, mean: 7, sd: -1) == nil)
        #expect(MeanEstimate(n: 0, mean: 7, sd: 1) == nil)
    }

    @Test("frequency table (code histogram) equals the raw values")
    func histogramEqualsRaw() throws {
        let counts = [0, 3, 0, 2, 5, 9, 14, 30, 41, 22, 7]   // codes 0...10
        var raw: [Double] = []
        var histogram = CodeHistogram()
        for (code, c) in counts.enumerated() {
            raw += Array(repeating: Double(code), count: c)
            histogram.add(UInt8(code), count: c)
        }
        // Shuffle-independent: the raw path sees the values in a scrambled order.
        raw = raw.enumerated().sorted { ($0.offset * 7919) % 133 < ($1.offset * 7919) % 133 }.map(\.element)
        let a = try #require(Descriptive.meanEstimate(raw))
        let b = try #require(histogram.estimate())
        #expect(a.n == b.n && b.n == 133)
        #expect(a.mean == b.mean)   // integer total / n: identical
        #expect(a.median == b.median)
        for (x, y, name) in [(a.variance, b.variance, "variance"), (a.sd, b.sd, "sd"), (a.se, b.se, "se"),
                             (a.ciLow, b.ciLow, "ciLow"), (a.ciHigh, b.ciHigh, "ciHigh")] {
            #expect(isClose(try #require(x), try #require(y), rel: 1e-13), "\(name)")
        }
        // Via a moment accumulator with per-value counts, and merged halves.
        let moments = histogram.moments
        #expect(isClose(moments.mean, a.mean, rel: 1e-15))
        #expect(isClose(try #require(moments.variance), try #require(a.variance), rel: 1e-13))
        var left = MomentAccumulator(), right = MomentAccumulator()
        for (i, v) in raw.enumerated() { if i < 50 { left.add(v) } else { right.add(v) } }
        left.merge(right)
        #expect(left.count == 133)
        #expect(isClose(left.mean, a.mean, rel: 1e-14))
        #expect(isClose(try #require(left.variance), try #require(a.variance), rel: 1e-12))
    }

    @Test("histogram median for even totals averages the two middle codes")
    func histogramMedian() throws {
        let h = try #require(CodeHistogram(counts: [0, 0, 0, 0, 0, 0, 2, 0, 2]))   // 6, 6, 8, 8
        #expect(h.median == 7)
        #expect(h.total == 4)
        #expect(CodeHistogram(counts: Array(repeating: 1, count: 257)) == nil)
        #expect(CodeHistogram(counts: [1, -1]) == nil)
        var single = CodeHistogram()
        single.add(255)
        #expect(single.median == 255 && single.mean == 255)
    }

    @Test("mean, SD, median and t-interval match R for the fixture samples")
    func matchesR() throws {
        let samples = try loadSamples()
        for r in try Fixture.rows("one_sample_t.csv") {
            let caseID = Int(r["case"])
            let x = try #require(samples[caseID]?.x)
            let e = try #require(Descriptive.meanEstimate(x))
            #expect(isClose(e.mean, r["mean"], rel: 1e-13), "case \(caseID) mean")
            #expect(isClose(try #require(e.sd), r["sd"], rel: 1e-12), "case \(caseID) sd")
            #expect(e.median == r["median"], "case \(caseID) median")
            #expect(isClose(try #require(e.ciLow), r["ci_low"], rel: 1e-12), "case \(caseID) ciLow")
            #expect(isClose(try #require(e.ciHigh), r["ci_high"], rel: 1e-12), "case \(caseID) ciHigh")
        }
    }

    @Test("weighted mean matches R svymean with weights only (apistrat)")
    func weighted() throws {
        let rows = try Fixture.rows("apistrat.csv")
        let want = try #require(try Fixture.rows("apistrat_weighted.csv").first)
        let e = try #require(Descriptive.weightedMeanEstimate(values: rows.map { $0["api00"] },
                                                              weights: rows.map { $0["pw"] }))
        #expect(e.n == 200)
        #expect(isClose(e.mean, want["mean"], rel: 1e-13))
        #expect(isClose(try #require(e.se), want["se"], rel: 1e-12))
        #expect(e.df == want["df"])
        #expect(isClose(try #require(e.ciLow), want["ci_low"], rel: 1e-12))
        #expect(isClose(try #require(e.ciHigh), want["ci_high"], rel: 1e-12))
        // Equal weights reduce to the unweighted estimate; zero weights are left out.
        let plain = try #require(Descriptive.meanEstimate([6, 7, 8]))
        let w = try #require(Descriptive.weightedMeanEstimate(values: [6, 7, 8, 100], weights: [2, 2, 2, 0]))
        #expect(w.n == 3 && w.mean == plain.mean && w.kishEffectiveN == 3)
        #expect(isClose(try #require(w.sd), try #require(plain.sd), rel: 1e-15))
        #expect(isClose(try #require(w.se), try #require(plain.se), rel: 1e-15))
        #expect(Descriptive.weightedMeanEstimate(values: [1, 2], weights: [1]) == nil)
        #expect(Descriptive.weightedMeanEstimate(values: [1, 2], weights: [1, -1]) == nil)
        #expect(Descriptive.weightedMeanEstimate(values: [1, 2], weights: [0, 0]) == nil)
    }
}

/// The per-case samples x and y of samples.csv.
func loadSamples() throws -> [Int: (x: [Double], y: [Double])] {
    var out: [Int: (x: [Double], y: [Double])] = [:]
    for r in try Fixture.rows("samples.csv") {
        let caseID = Int(r["case"])
        var entry = out[caseID] ?? ([], [])
        if r.text("group") == "x" { entry.x.append(r["value"]) } else { entry.y.append(r["value"]) }
        out[caseID] = entry
    }
    return out
}
