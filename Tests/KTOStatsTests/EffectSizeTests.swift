import Foundation
import Testing
@testable import KTOStats

/// Cohen's d, Hedges' g and its correction J against R (hand formula and `effectsize` 0.8.3,
/// Tests/Fixtures/stats13).
@Suite("Effect sizes vs R")
struct EffectSizeTests {
    @Test("Hedges' g and Cohen's d match R by formula (1e-13) and effectsize::hedges_g (1e-10)")
    func hedgesG() throws {
        let rows = try Fixture.rows("hedges_g.csv", folder: "stats13")
        #expect(rows.count == 12)
        for r in rows {
            let n1 = Int(r["n1"]), n2 = Int(r["n2"])
            let g = try #require(EffectSize.hedgesG(n1: n1, mean1: r["mean1"], sd1: r["sd1"],
                                                    n2: n2, mean2: r["mean2"], sd2: r["sd2"]), "case \(r["case"])")
            let d = try #require(EffectSize.cohensD(n1: n1, mean1: r["mean1"], sd1: r["sd1"],
                                                    n2: n2, mean2: r["mean2"], sd2: r["sd2"]))
            #expect(isClose(g, r["g_hand"], rel: 1e-13), "case \(r["case"]) g rel \(relDiff(g, r["g_hand"]))")
            #expect(isClose(g, r["g_effectsize"], rel: 1e-10), "case \(r["case"]) g vs effectsize")
            #expect(isClose(d, r["cohens_d"], rel: 1e-13), "case \(r["case"]) d")
            // Swapping the groups flips the sign only.
            let swapped = try #require(EffectSize.hedgesG(n1: n2, mean1: r["mean2"], sd1: r["sd2"],
                                                          n2: n1, mean2: r["mean1"], sd2: r["sd1"]))
            #expect(swapped == -g)
        }
    }

    @Test("J(df) matches R (lbeta form 1e-13, gamma ratio 1e-12) and is not the approximation")
    func correction() throws {
        let rows = try Fixture.rows("hedges_j.csv", folder: "stats13")
        #expect(rows.count == 20)
        for r in rows {
            let j = try #require(EffectSize.hedgesCorrection(df: r["df"]))
            #expect(isClose(j, r["j_lbeta"], rel: 1e-13), "df \(r["df"]) rel \(relDiff(j, r["j_lbeta"]))")
            if !r["j_gamma"].isNaN {
                #expect(isClose(j, r["j_gamma"], rel: 1e-12), "df \(r["df"]) vs gamma ratio")
            }
            // 1 − 3/(4 df − 1) overestimates J by about 1/(32 df²) (relative): a detectable gap
            // except at df = 1e6 (3e-14, near rounding).
            let approx = r["j_approx"], gap = (approx - j) / j
            #expect(gap > 0.9 / (32 * r["df"] * r["df"]) || r["df"] >= 1e6, "df \(r["df"]): gap \(gap)")
        }
        // 40-digit mpmath: Γ(x)/(√x Γ(x − ½)), x = df/2 (independent of R's lbeta); measured
        // errors 2e-15 to 5e-15 relative.
        for (df, exact) in [(2.0, 1 / Double.pi.squareRoot()), (10, 0.922_745_608_053_087_103_36),
                            (1e5, 0.999_992_499_978_124_929_69), (1e6, 0.999_999_249_999_781_249_93)] {
            let j = try #require(EffectSize.hedgesCorrection(df: df))
            #expect(isClose(j, exact, rel: 1e-14), "df \(df): rel \(relDiff(j, exact))")
        }
    }

    @Test("magnitude labels match effectsize::interpret_hedges_g(rules = \"cohen1988\")")
    func magnitude() throws {
        let labels: [String: EffectSize.Magnitude] = [
            "very_small": .negligible, "small": .small, "medium": .medium, "large": .large,
        ]
        let rows = try Fixture.rows("magnitude.csv", folder: "stats13")
        #expect(rows.count == 15)
        for r in rows {
            #expect(EffectSize.magnitude(r["g"]) == labels[r.text("label")], "g = \(r["g"])")
        }
        // The bounds belong to the larger label.
        #expect(EffectSize.magnitude(0.2) == .small)
        #expect(EffectSize.magnitude(0.2.nextDown) == .negligible)
        #expect(EffectSize.magnitude(-0.5) == .medium)
        #expect(EffectSize.magnitude(0.8.nextDown) == .medium)
        #expect(EffectSize.magnitude(.infinity) == .large)
        #expect(EffectSize.magnitude(-.infinity) == .large)
        #expect(EffectSize.magnitude(.nan) == .negligible)
    }

    @Test("invalid input gives nil")
    func invalid() {
        #expect(EffectSize.hedgesG(n1: 1, mean1: 1, sd1: 1, n2: 5, mean2: 0, sd2: 1) == nil)
        #expect(EffectSize.hedgesG(n1: 5, mean1: 1, sd1: 0, n2: 5, mean2: 0, sd2: 0) == nil)
        #expect(EffectSize.hedgesG(n1: 5, mean1: .nan, sd1: 1, n2: 5, mean2: 0, sd2: 1) == nil)
        #expect(EffectSize.hedgesG(n1: 5, mean1: 1, sd1: -1, n2: 5, mean2: 0, sd2: 1) == nil)
        #expect(EffectSize.hedgesG(n1: 5, mean1: 1e308, sd1: 1e-300, n2: 5, mean2: -1e308, sd2: 1e-300) == nil)
        #expect(EffectSize.hedgesCorrection(df: 1) == nil)
        #expect(EffectSize.hedgesCorrection(df: .nan) == nil)
        #expect(EffectSize.hedgesCorrection(df: .infinity) == nil)
        // One group without spread still has a pooled SD: (4 · 0 + 4 · 4) / 8 = 2 → sp = √2.
        let d = EffectSize.cohensD(n1: 5, mean1: 3, sd1: 0, n2: 5, mean2: 1, sd2: 2)
        #expect(d.map { isClose($0, 2 / 2.0.squareRoot(), rel: 1e-15) } == true)
    }
}
