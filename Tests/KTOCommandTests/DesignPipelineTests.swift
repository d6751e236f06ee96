import Foundation
import Testing
import KTOModel
import KTOAnalysis
@testable import KTOCommand

/// The whole pipeline (study file → loader → design → estimates → results.csv) on the R design
/// study (Tests/Fixtures/design), under each weighting, against R `survey` 4.1.1: estimates to
/// 1e-9, SEs, design effects, intervals and contrasts to 1e-6.
@Suite("Weighted designs through the pipeline against R survey")
struct DesignPipelineTests {
    enum Weighting: String, CaseIterable {
        case gemeente, rake, variable

        var studyLines: String {
            switch self {
            case .gemeente: return "weighting = gemeente\n"
            case .rake: return "weighting = rake\nrake = gemeente, leeftijd\n[margin leeftijd]\njong = 950\nmidden = 1400\n3 = 800\n"
            case .variable: return "weighting = variable\nweight = gewicht\n"
            }
        }
    }

    struct Row {
        var f: [String]
        var group: String { f[1] }
        var variable: String { f[2] }
        var measure: String { f[3] }
        var category: String { f[4] }
        var value: Double? { Double(f[5]) }
        var n: Int? { Int(f[6]) }
        var se: Double? { Double(f[7]) }
        var ciLow: Double? { Double(f[8]) }
        var ciHigh: Double? { Double(f[9]) }
        var flags: [Substring] { f[10].split(separator: "|") }
    }

    /// results.csv of the design study under `weighting`.
    static func results(_ weighting: Weighting) throws -> [Row] {
        let folder = try temporaryFolder("kto-design", fixtures: ["design/codebook.csv", "design/design-study.csv"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var study = try String(contentsOfFile: Paths.fixture("design/design.study"), encoding: .utf8)
        // Top-level keys go before the first section; a margin section after the others.
        let top = weighting.studyLines.split(separator: "[", maxSplits: 1).map(String.init)
        study = study.replacingOccurrences(of: "breakdowns = leeftijd, duur\n", with: "breakdowns = leeftijd, duur\n" + top[0])
        if top.count > 1 { study += "\n[" + top[1] }
        try study.write(toFile: folder + "/kto.study", atomically: true, encoding: .utf8)
        let loaded = try LoadedStudy.load(studyPath: folder + "/kto.study")
        let file = try #require(try ReportPipeline().files(for: loaded).files.first { $0.path == "results.csv" })
        return String(decoding: file.bytes, as: UTF8.self).split(separator: "\n").dropFirst().map { Row(f: SampleStudyTests.splitCSV(String($0))) }
    }

    static let expected: [String: Double] = {
        let text = (try? String(contentsOfFile: Paths.fixture("design/design-expected.csv"), encoding: .utf8)) ?? ""
        var table: [String: Double] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            table[f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3]] = Double(f[4])
        }
        return table
    }()

    /// The R domain name as results.csv writes the group.
    static func group(_ domain: String) -> String {
        let labels = ["leeftijd=1": "leeftijd=jong", "leeftijd=2": "leeftijd=midden", "leeftijd=3": "leeftijd=oud", "duur=1": "duur=kort", "duur=2": "duur=lang"]
        if domain.hasPrefix("gemeente=") { return String(domain.dropFirst(9)) }
        return labels[domain] ?? domain
    }

    func close(_ ours: Double?, _ key: String, scale: Double, _ tolerance: Double) {
        guard let r = Self.expected[key] else { Issue.record("no fixture value \(key)"); return }
        guard let ours else { Issue.record("\(key): missing in results.csv"); return }
        #expect(abs(ours - r * scale) <= tolerance * max(1, abs(r * scale)), "\(key): ours \(ours), R \(r * scale)")
    }

    @Test(arguments: Weighting.allCases)
    func resultsCSVEqualsR(_ weighting: Weighting) throws {
        let rows = try Self.results(weighting)
        var checked = 0
        let domains = ["total"] + ["A", "B", "C", "D"].map { "gemeente=\($0)" } + ["leeftijd=1", "leeftijd=2", "leeftijd=3", "duur=1", "duur=2"]
        for (item, variable, measure, scale) in [("cijfer", "cijfer", "mean", 1.0), ("agree", "stelling", "pct_agree", 100.0), ("traject_cijfer", "traject_cijfer", "mean", 1.0)] {
            for domain in domains {
                let key = "\(weighting.rawValue)|\(item)|\(domain)|"
                let group = Self.group(domain)
                let figure = try #require(rows.first { $0.meting2025 && $0.group == group && $0.variable == variable && $0.measure == measure && $0.category == "" }, "\(key)")
                #expect(figure.flags.contains("weighted"), "\(key)")
                close(figure.value, key + "estimate", scale: scale, 1e-9)
                close(figure.se, key + "se", scale: scale, 1e-6)
                if item == "agree" {
                    close(figure.ciLow, key + "ci_low", scale: 100, 1e-6)
                    close(figure.ciHigh, key + "ci_high", scale: 100, 1e-6)
                }
                let extra = rows.filter { $0.group == group && $0.variable == variable && $0.flags.contains(Substring("measure:\(measure)")) }
                close(extra.first { $0.measure == "n_effective" }?.value, key + "kish", scale: 1, 1e-9)
                close(extra.first { $0.measure == "design_effect" }?.value, key + "deff", scale: 1, 1e-6)
                if domain != "total" {
                    let diff = extra.first { $0.measure == "diff" && $0.category == "rest" }
                    close(diff?.value, key + "contrast", scale: scale, 1e-9)
                    close(diff?.se, key + "contrast_se", scale: scale, 1e-6)
                    #expect(diff?.flags.contains("method:designDifference") == true, "\(key)")
                }
                checked += 1
            }
        }
        #expect(checked == 30)
        // The weights summary: sum, min and max over all respondents.
        let weights = rows.filter { $0.variable == "weights" && $0.group == "total" }
        close(weights.first { $0.measure == "sum" }?.value, "\(weighting.rawValue)|weights|total|sum", scale: 1, 1e-9)
        close(weights.first { $0.measure == "min" }?.value, "\(weighting.rawValue)|weights|total|min", scale: 1, 1e-9)
        close(weights.first { $0.measure == "max" }?.value, "\(weighting.rawValue)|weights|total|max", scale: 1, 1e-9)
        #expect(weights.first { $0.measure == "sum" }?.n == 200)
    }

    /// Within a family every p_adjusted is Benjamini-Hochberg over that family's p_values: the
    /// gemeenten against their rest are one family, each breakdown variable another.
    @Test func familiesAreAdjustedTogether() throws {
        let rows = try Self.results(.gemeente)
        func family(_ groups: (String) -> Bool) -> [(p: Double, adjusted: Double)] {
            let tests = rows.filter { groups($0.group) && $0.category == "rest" }
            let p = tests.filter { $0.measure == "p_value" }
            let adjusted = tests.filter { $0.measure == "p_adjusted" }
            return zip(p, adjusted).compactMap { a, b in a.value.flatMap { x in b.value.map { (x, $0) } } }
        }
        for (name, members) in [("gemeenten", { ["A", "B", "C", "D"].contains($0) }), ("leeftijd", { $0.hasPrefix("leeftijd=") }), ("duur", { $0.hasPrefix("duur=") })] as [(String, (String) -> Bool)] {
            let tests = family(members)
            #expect(tests.count >= 6, "\(name)")
            // BH by hand: sort descending, q_(i) = min over j ≥ i of m/j · p_(j).
            let m = Double(tests.count)
            let order = tests.indices.sorted { tests[$0].p > tests[$1].p }
            var running = 1.0
            for (position, k) in order.enumerated() {
                running = min(running, m / (m - Double(position)) * tests[k].p)
                #expect(abs(tests[k].adjusted - min(1, running)) < 1e-12, "\(name) test \(k)")
            }
        }
    }
}

private extension DesignPipelineTests.Row {
    var meting2025: Bool { f[0] == "2025" }
}
