import Foundation
import Testing
import KTOAnalysis
import KTOModel
import KTOReport
@testable import KTOCommand

/// The significance letters of the breakdown tables against R (Tests/Fixtures/design,
/// make_letters_fixture.R): every pair of categories, unweighted (t.test, prop.test, fisher.test)
/// and raked (svyglm on the pair within the whole design), BH within each table.
@Suite("Significance letters against R")
struct LettersTests {
    enum Design: String, CaseIterable {
        case none, rake
    }

    static let labels = ["leeftijd": ["1": "jong", "2": "midden", "3": "oud"], "duur": ["1": "kort", "2": "lang"]]

    struct Pair {
        var table: String
        var item: String
        var breakdown: String
        var a: String
        var b: String
        var statistic: String
        var value: Double
    }

    static func expected(_ design: Design) -> [Pair] {
        let text = (try? String(contentsOfFile: Paths.fixture("design/letters-expected.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: ",").map(String.init)
            guard f.count == 8, f[0] == design.rawValue, let value = Double(f[7]) else { return nil }
            return Pair(table: f[1], item: f[2], breakdown: f[3], a: f[4], b: f[5], statistic: f[6], value: value)
        }
    }

    /// The design study, unweighted or raked, at significance level `alpha`: results and report.
    static func run(_ design: Design, alpha: String = "0,05") throws -> (results: StudyResults, report: ReportModel) {
        let folder = try temporaryFolder("kto-letters", fixtures: ["design/codebook.csv", "design/design-study.csv"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var study = try String(contentsOfFile: Paths.fixture("design/design.study"), encoding: .utf8)
        if design == .rake {
            study = study.replacingOccurrences(
                of: "breakdowns = leeftijd, duur\n", with: "breakdowns = leeftijd, duur\nweighting = rake\nrake = gemeente, leeftijd\n")
            study += "\n[margin leeftijd]\njong = 950\nmidden = 1400\n3 = 800\n"
        }
        study = study.replacingOccurrences(of: "suppress   = 1\n", with: "suppress   = 1\nalpha = \(alpha)\n")
        try study.write(toFile: folder + "/kto.study", atomically: true, encoding: .utf8)
        let loaded = try LoadedStudy.load(studyPath: folder + "/kto.study")
        let results = try Analyzer().analyze(loaded)
        return (results, ReportBuilder().build(results))
    }

    @Test(arguments: Design.allCases)
    func everyPairEqualsR(design: Design) throws {
        let (results, _) = try Self.run(design)
        var ours: [String: Double] = [:]
        for row in results.rows where row.category.hasPrefix("vs:") && ["diff", "p_value", "p_adjusted"].contains(row.measure.rawValue) {
            ours[[row.group, row.variable, row.category, row.measure.rawValue].joined(separator: "|")] = row.value
        }
        let expected = Self.expected(design)
        #expect(expected.count == 36)
        // Each pair once: 3 pairs of leeftijd + 1 of duur, for three items, three statistics.
        #expect(ours.count == expected.count)
        for e in expected {
            let labels = try #require(Self.labels[e.breakdown])
            let key = ["\(e.breakdown)=\(labels[e.a] ?? "")", e.item, "vs:\(labels[e.b] ?? "")", e.statistic].joined(separator: "|")
            let value = try #require(ours[key], "\(key) not in results.csv")
            // Unweighted to 1e-12; the raked SE through the projection to 1e-8 (relative).
            let tolerance = design == .none ? 1e-12 : 1e-8
            #expect(abs(value - e.value) <= tolerance * max(abs(e.value), 1e-12), "\(key): kto \(value), R \(e.value)")
        }
    }

    /// The letters follow the adjusted p-values: a figure carries the letter of every column it
    /// is significantly higher than, and nothing else. At α = 0,4 (many letters) and 0,05.
    @Test(arguments: [("0,4", 0.4), ("0,05", 0.05)])
    func lettersFollowTheAdjustedTests(alpha: (text: String, value: Double)) throws {
        let (_, report) = try Self.run(.none, alpha: alpha.text)
        var expectedLetters: [String: Set<String>] = [:]
        var significant = 0
        for e in Self.expected(.none) where e.statistic == "p_adjusted" && e.value < alpha.value {
            significant += 1
            let diff = try #require(Self.expected(.none).first {
                $0.statistic == "diff" && $0.item == e.item && $0.breakdown == e.breakdown && $0.a == e.a && $0.b == e.b
            }).value
            let letter = { (code: String) in BreakdownTable.letter(Int(code) ?? 0) }
            let (winner, loser) = diff > 0 ? (e.a, e.b) : (e.b, e.a)
            expectedLetters["\(e.item)|\(e.breakdown)|\(winner)", default: []].insert(letter(loser))
        }
        #expect(significant >= (alpha.value > 0.1 ? 4 : 1))
        var seen = 0
        for chapter in report.chapters {
            for section in chapter.sections {
                for block in section.blocks {
                    guard case .breakdown(let table) = block else { continue }
                    #expect(table.letters.first == "")
                    for row in table.rows {
                        for (k, cell) in row.cells.enumerated().dropFirst() {
                            let want = expectedLetters["\(row.variable)|\(table.variable)|\(k)"].map { $0.sorted().joined() } ?? ""
                            #expect(cell.letters == want, "\(row.variable) by \(table.variable), column \(k)")
                            if !want.isEmpty { seen += 1 }
                        }
                    }
                }
            }
        }
        #expect(seen == expectedLetters.count)
    }
}
