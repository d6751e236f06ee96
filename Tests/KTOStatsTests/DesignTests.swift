import Foundation
import Testing
@testable import KTOStats

/// The survey-design numerics against R `survey` 4.1.1 (Tests/Fixtures/design/make_design_fixture.R):
/// a study of four strata with item nonresponse and a routed item, under three designs. The
/// influence values are built here from the respondents, the variance comes from `Linearization`.
/// Estimates to 1e-9, SEs, design effects and p to 1e-6 (relative).
@Suite("Survey designs against R survey")
struct DesignTests {
    struct Respondent {
        var gemeente: Int, leeftijd: Int, duur: Int
        var cijfer: Double?, agree: Double?, trajectCijfer: Double?
        var gewicht: Double
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/design").path

    static let respondents: [Respondent] = {
        let text = (try? String(contentsOfFile: folder + "/design-study.csv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map { String($0) }
            func number(_ k: Int) -> Double? { Double(f[k]) }
            let cijfer = number(4).flatMap { $0 == 99 ? nil : $0 }
            return Respondent(
                gemeente: Int(f[1])! - 1, leeftijd: Int(f[2])! - 1, duur: Int(f[3])! - 1,
                cijfer: cijfer, agree: number(5).map { $0 >= 4 ? 1 : 0 }, trajectCijfer: number(7), gewicht: Double(f[8])!)
        }
    }()

    /// design, item, domain, statistic → value.
    static let expected: [String: Double] = {
        let text = (try? String(contentsOfFile: folder + "/design-expected.csv", encoding: .utf8)) ?? ""
        var table: [String: Double] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            table[f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3]] = Double(f[4])
        }
        return table
    }()

    static let populations: [Double] = [1400, 600, 250, 900]
    static let gemeenten = ["A", "B", "C", "D"]

    enum DesignKind: String, CaseIterable { case gemeente, rake, variable }

    /// Weights, the variance design and the group of each respondent.
    static func design(_ kind: DesignKind) throws -> (weights: [Double], design: Linearization.Design, group: [Int], groups: Int) {
        let people = respondents
        switch kind {
        case .gemeente:
            var n = [Int](repeating: 0, count: 4)
            for r in people { n[r.gemeente] += 1 }
            return (people.map { populations[$0.gemeente] / Double(n[$0.gemeente]) }, .stratified(populations: populations), people.map(\.gemeente), 4)
        case .variable:
            return (people.map(\.gewicht), .unstratified, people.map { _ in 0 }, 1)
        case .rake:
            let cell = people.map { $0.gemeente * 3 + $0.leeftijd }
            var counts = [Double](repeating: 0, count: 12)
            for c in cell { counts[c] += 1 }
            let categories = (0..<12).map { [$0 / 3, $0 % 3] }
            let raked = try Raking.rake(respondents: counts, categories: categories, targets: [populations, [950, 1400, 800]])
            let groupCounts = [(0..<4).map { g in (0..<3).reduce(0) { $0 + Int(counts[g * 3 + $1]) } },
                               (0..<3).map { l in (0..<4).reduce(0) { $0 + Int(counts[$1 * 3 + l]) } }]
            return (cell.map { raked.cellWeights[$0] }, .raked(categories: categories, categoryCounts: groupCounts, weights: raked.cellWeights), cell, 12)
        }
    }

    static func value(_ r: Respondent, _ item: String) -> Double? {
        switch item {
        case "cijfer": return r.cijfer
        case "agree": return r.agree
        default: return r.trajectCijfer
        }
    }

    /// The mean of `item` over `domain` and its influence values (0 outside).
    static func estimate(_ item: String, in domain: (Respondent) -> Bool, weights: [Double]) -> (mean: Double, z: [Double], w: Double, w2: Double, n: Int, s2: Double) {
        let people = respondents
        var sw = 0.0, swy = 0.0, sw2 = 0.0, n = 0
        for (k, r) in people.enumerated() where domain(r) {
            guard let y = value(r, item) else { continue }
            sw += weights[k]; swy += weights[k] * y; sw2 += weights[k] * weights[k]; n += 1
        }
        let mean = swy / sw
        var s2 = 0.0
        let z = people.enumerated().map { k, r -> Double in
            guard domain(r), let y = value(r, item) else { return 0 }
            s2 += weights[k] * (y - mean) * (y - mean)
            return weights[k] * (y - mean) / sw
        }
        return (mean, z, sw, sw2, n, s2 / sw * Double(n) / Double(n - 1))
    }

    static func variance(_ z: [Double], design: (weights: [Double], design: Linearization.Design, group: [Int], groups: Int)) -> Double? {
        var s1 = [Double](repeating: 0, count: design.groups)
        var s2 = s1
        var count = [Int](repeating: 0, count: design.groups)
        for (k, g) in design.group.enumerated() { s1[g] += z[k]; s2[g] += z[k] * z[k]; count[g] += 1 }
        return Linearization.variance(design.design, respondents: count, sum: s1, sumOfSquares: s2)
    }

    func close(_ ours: Double?, _ key: String, _ tolerance: Double) {
        guard let r = Self.expected[key] else { Issue.record("no fixture value \(key)"); return }
        guard let ours else { Issue.record("\(key): ours missing, R \(r)"); return }
        #expect(abs(ours - r) <= tolerance * max(1, abs(r)), "\(key): ours \(ours), R \(r)")
    }

    @Test(arguments: DesignKind.allCases)
    func estimatesStandardErrorsDesignEffectsAndContrasts(_ kind: DesignKind) throws {
        let design = try Self.design(kind)
        var checked = 0
        let domains: [(String, (Respondent) -> Bool)] = [("total", { _ in true })]
            + (0..<4).map { g in ("gemeente=\(Self.gemeenten[g])", { $0.gemeente == g }) }
            + (0..<3).map { l in ("leeftijd=\(l + 1)", { $0.leeftijd == l }) }
            + (0..<2).map { d in ("duur=\(d + 1)", { $0.duur == d }) }
        for item in ["cijfer", "agree", "traject_cijfer"] {
            for (name, inside) in domains {
                let key = "\(kind.rawValue)|\(item)|\(name)|"
                let e = Self.estimate(item, in: inside, weights: design.weights)
                let v = try #require(Self.variance(e.z, design: design))
                close(e.mean, key + "estimate", 1e-9)
                close(v.squareRoot(), key + "se", 1e-6)
                close(Linearization.kishEffectiveN(sumOfWeights: e.w, sumOfSquaredWeights: e.w2), key + "kish", 1e-9)
                close(Linearization.designEffect(variance: v, weightedVariance: e.s2, sumOfWeights: e.w, count: e.n), key + "deff", 1e-6)
                if item == "agree" {
                    let df = Double(e.n - (kind == .gemeente ? Set(Self.respondents.filter { inside($0) && $0.agree != nil }.map(\.gemeente)).count : 1))
                    let ci = try #require(LogitInterval.interval(proportion: e.mean, standardError: v.squareRoot(), df: df))
                    close(ci.low, key + "ci_low", 1e-6)
                    close(ci.high, key + "ci_high", 1e-6)
                }
                if name != "total" {
                    // The domain against its complement: the difference of the two means, with the
                    // variance of the difference of their influence values.
                    let rest = Self.estimate(item, in: { !inside($0) }, weights: design.weights)
                    let z = zip(e.z, rest.z).map { $0 - $1 }
                    close(e.mean - rest.mean, key + "contrast", 1e-9)
                    close(try #require(Self.variance(z, design: design)).squareRoot(), key + "contrast_se", 1e-6)
                }
                checked += 1
            }
        }
        #expect(checked == 30)
    }

    @Test func rakedCellWeightsMatchR() throws {
        let design = try Self.design(.rake)
        guard case .raked(_, _, let weights) = design.design else { Issue.record("not raked"); return }
        for g in 0..<4 {
            for l in 0..<3 {
                close(weights[g * 3 + l], "rake|weights|gemeente=\(Self.gemeenten[g])&leeftijd=\(l + 1)|cell", 1e-9)
            }
        }
        close(design.weights.reduce(0, +), "rake|weights|total|sum", 1e-9)
        close(design.weights.min(), "rake|weights|total|min", 1e-9)
        close(design.weights.max(), "rake|weights|total|max", 1e-9)
    }

    @Test func rakingFailuresAreNamed() {
        #expect(throws: Raking.Failure.emptyCategory(margin: 1, category: 1)) {
            try Raking.rake(respondents: [5, 5], categories: [[0, 0], [1, 0]], targets: [[10, 10], [15, 5]])
        }
        // Contradicting margins (totals 20 and 30) never fit.
        #expect(throws: Raking.Failure.self) {
            try Raking.rake(respondents: [5, 5], categories: [[0, 0], [1, 1]], targets: [[10, 10], [10, 20]], maximumIterations: 50)
        }
    }

    @Test func pAdjustAsR() throws {
        let p = (1...10).map { Self.expected["p.adjust|input|\($0)|p"] ?? .nan }
        for (method, name) in [(MultipleTesting.Method.benjaminiHochberg, "BH"), (.holm, "holm"), (.bonferroni, "bonferroni")] {
            let adjusted = MultipleTesting.adjust(p, method: method)
            for k in 0..<10 { close(adjusted[k], "p.adjust|\(name)|\(k + 1)|adjusted", 1e-12) }
        }
        #expect(MultipleTesting.adjust(p, method: .none) == p)
        #expect(MultipleTesting.adjust([0.02], method: .benjaminiHochberg) == [0.02])
    }
}
