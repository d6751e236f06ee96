import Testing
@testable import KTOStats

/// Fisher's exact test against R `fisher.test` (Tests/Fixtures/stats13, see its README).
@Suite("Fisher's exact test vs R")
struct FisherExactTests {
    static func table(_ r: Fixture.Row) -> (a: Int, b: Int, c: Int, d: Int) {
        (Int(r["a"]), Int(r["b"]), Int(r["c"]), Int(r["d"]))
    }

    @Test("two-sided p matches R fisher.test(matrix(c(a, b, c, d), 2)) to 1e-12 relative")
    func matchesR() throws {
        let rows = try Fixture.rows("fisher.csv", folder: "stats13")
        #expect(rows.count == 35)
        for r in rows {
            let t = Self.table(r)
            let p = try #require(FisherExact.twoSided(a: t.a, b: t.b, c: t.c, d: t.d), "\(t)")
            if r["p_value"] == 0 {
                // R's terms underflow to 0 below ~1e-320 of the mode; so do ours.
                #expect(p < 1e-300, "\(t): \(p)")
            } else {
                #expect(isClose(p, r["p_value"], rel: 1e-12), "\(t): \(p) vs \(r["p_value"]) (rel \(relDiff(p, r["p_value"])))")
            }
        }
    }

    @Test("the p-value does not depend on the orientation of the table")
    func orientation() throws {
        for r in try Fixture.rows("fisher.csv", folder: "stats13") {
            let t = Self.table(r)
            let p = try #require(FisherExact.twoSided(a: t.a, b: t.b, c: t.c, d: t.d))
            let variants = [(t.a, t.c, t.b, t.d), (t.b, t.a, t.d, t.c), (t.c, t.d, t.a, t.b), (t.d, t.c, t.b, t.a)]
            for v in variants {
                let q = try #require(FisherExact.twoSided(a: v.0, b: v.1, c: v.2, d: v.3))
                #expect(isClose(q, p, rel: 1e-12, abs: 1e-300), "\(t) vs \(v)")
            }
        }
    }

    @Test("hand-computed tables: tea tasting 17/35, (3, 7, 1, 9) = 188/323, ties counted")
    func handChecked() throws {
        // Margins 4/4 and 4/4: C(4,x)C(4,4−x) = 1, 16, 36, 16, 1 over 70; x = 3 → (1+16+16+1)/70.
        #expect(isClose(try #require(FisherExact.twoSided(a: 3, b: 1, c: 1, d: 3)), 17.0 / 35, rel: 1e-14))
        // Columns 10/10, 4 successes: 210, 1200, 2025, 1200, 210 over 4845; x = 3 → 2820/4845.
        // The mirror table (x = 1) ties with the observed one and must be counted.
        #expect(isClose(try #require(FisherExact.twoSided(a: 3, b: 7, c: 1, d: 9)), 188.0 / 323, rel: 1e-14))
        // The most probable table: every table is at most as probable.
        #expect(FisherExact.twoSided(a: 2, b: 8, c: 2, d: 8) == 1)
    }

    @Test("smallest expected count matches R min(chisq.test(...)$expected)")
    func smallestExpected() throws {
        for r in try Fixture.rows("fisher.csv", folder: "stats13") {
            let t = Self.table(r)
            let e = FisherExact.smallestExpectedCount(a: t.a, b: t.b, c: t.c, d: t.d)
            if r["min_expected"].isNaN {
                #expect(e == nil, "\(t)")
            } else {
                #expect(isClose(try #require(e), r["min_expected"], rel: 1e-15), "\(t)")
            }
        }
        // Rows 12 and 8, columns 10 and 10, n = 20: 8 · 10 / 20.
        #expect(FisherExact.smallestExpectedCount(a: 9, b: 1, c: 3, d: 7) == 4)
    }

    @Test("empty margins give 1; negative or too large counts give nil")
    func edges() {
        #expect(FisherExact.twoSided(a: 0, b: 0, c: 0, d: 0) == 1)
        #expect(FisherExact.twoSided(a: 0, b: 7, c: 0, d: 3) == 1)
        #expect(FisherExact.twoSided(a: 4, b: 0, c: 9, d: 0) == 1)
        #expect(FisherExact.twoSided(a: -1, b: 2, c: 3, d: 4) == nil)
        #expect(FisherExact.twoSided(a: 1, b: 2, c: 3, d: FisherExact.maximumCount + 1) == nil)
        #expect(FisherExact.smallestExpectedCount(a: 1, b: -2, c: 3, d: 4) == nil)
        #expect(FisherExact.smallestExpectedCount(a: 0, b: 0, c: 0, d: 0) == nil)
        #expect(FisherExact.smallestExpectedCount(a: 0, b: 5, c: 0, d: 5) == 0)
    }

    @Test("R's largest counts (2^31 − 1 per cell) match R's definition, summed over dhyper")
    func largestCounts() throws {
        let rows = try Fixture.rows("fisher_large.csv", folder: "stats13")
        #expect(rows.count == 4)
        #expect(Int(rows[0]["a"]) == FisherExact.maximumCount)
        for r in rows {
            let t = Self.table(r)
            let p = try #require(FisherExact.twoSided(a: t.a, b: t.b, c: t.c, d: t.d), "\(t)")
            #expect(isClose(p, r["p_value"], rel: 1e-12), "\(t): \(p) vs \(r["p_value"]) (rel \(relDiff(p, r["p_value"])))")
        }
    }
}
