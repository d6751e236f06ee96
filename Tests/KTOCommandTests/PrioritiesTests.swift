import Foundation
import Testing
import KTOAnalysis
import KTOModel
import KTOReport
@testable import KTOCommand

/// The prioriteitenmatrix on the sample study against R (Tests/Fixtures/priorities,
/// make_priorities_fixture.R): Pearson's r over pairwise complete cases (cor, cov.wt weighted),
/// standardized regression coefficients and R² (lm, weighted lm).
@Suite("Prioriteitenmatrix against R")
struct PrioritiesTests {
    struct Expected {
        var design: String
        var analysis: String
        var variable: String
        var statistic: String
        var value: Double
    }

    static let expected: [Expected] = {
        let text = (try? String(contentsOfFile: Paths.fixture("priorities/priorities-expected.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: ",").map(String.init)
            guard f.count == 5, let value = Double(f[4]) else { return nil }
            return Expected(design: f[0], analysis: f[1], variable: f[2], statistic: f[3], value: value)
        }
    }()

    /// The sample study with its own `overall =` replaced by `extra`.
    static func study(_ extra: String) throws -> String {
        let folder = try TableFileTests.sampleStudy(data: "kto-2015.csv", extra: extra)
        let path = folder + "/kto.study"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "overall    = algemeen\n", with: "").write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }

    static func results(_ extra: String) throws -> StudyResults {
        let folder = try study(extra)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try Analyzer().analyze(try LoadedStudy.load(studyPath: folder + "/kto.study"))
    }

    func close(_ ours: Double?, _ r: Double, _ what: String) {
        guard let ours else { Issue.record("\(what): missing"); return }
        #expect(abs(ours - r) <= 1e-12, "\(what): kto \(ours), R \(r)")
    }

    @Test(arguments: ["none", "gemeente"])
    func correlationsEqualR(design: String) throws {
        let results = try Self.results("overall = algemeen" + (design == "gemeente" ? "\nweighting = gemeente" : ""))
        let p = try #require(results.priorities)
        let rows = Self.expected.filter { $0.design == design && $0.analysis == "correlation" && $0.statistic == "r" }
        #expect(rows.count == 25)
        #expect(p.aspects.count == rows.count)
        for e in rows {
            let aspect = p.aspects.first { $0.variable.code == e.variable }
            close(aspect?.correlation, e.value, "r \(e.variable)")
            if design == "none" {
                let n = Self.expected.first { $0.design == "none" && $0.variable == e.variable && $0.statistic == "n" }
                #expect(aspect?.n == n.map { Int($0.value) })
                let mean = Self.expected.first { $0.variable == e.variable && $0.statistic == "mean" }
                close(aspect?.mean, mean?.value ?? .nan, "mean \(e.variable)")
            }
        }
        // Quadrants follow the medians of the scores and importances.
        for aspect in p.aspects {
            let important = aspect.importance >= p.medianImportance
            let good = aspect.mean >= p.medianMean
            #expect(aspect.quadrant == (important ? (good ? .keep : .improve) : (good ? .lessImportant : .later)))
        }
        // results.csv has every r with its n.
        #expect(results.rows.filter { $0.measure == .correlation }.count == 25)
    }

    @Test(arguments: ["none", "gemeente"])
    func regressionEqualsR(design: String) throws {
        let results = try Self.results(
            "overall = algemeen\naspects = eerstelijn, medewerkers, balie_bejegening, bereik_telefoon, info_rechten\ndrivers = regression"
                + (design == "gemeente" ? "\nweighting = gemeente" : ""))
        let p = try #require(results.priorities)
        #expect(p.drivers == .regression)
        let rows = Self.expected.filter { $0.design == design && $0.analysis == "regression" }
        #expect(rows.count >= 6)
        for e in rows {
            switch e.statistic {
            case "beta": close(p.aspects.first { $0.variable.code == e.variable }?.beta, e.value, "β \(e.variable)")
            case "r_squared": close(p.regression?.rSquared, e.value, "R²")
            default: #expect(p.regression?.n == Int(e.value))
            }
        }
        let report = ReportBuilder().build(results)
        let chapter = try #require(report.chapters.first { $0.title == "Prioriteitenmatrix" })
        let table = try #require(chapter.sections.flatMap(\.blocks).compactMap { block -> PriorityTable? in
            if case .priorities(let t) = block { return t } else { return nil }
        }.first)
        #expect(table.importanceLabel == "bijdrage (β)")
        #expect(table.rows.allSatisfy { $0.n == p.regression?.n })
        // The annexes are about one gemeente: no matrix there.
        #expect(!ReportBuilder().build(results, scope: .gemeente(0)).chapters.contains { $0.title == "Prioriteitenmatrix" })
    }

    @Test func aMistakeInTheStudyIsNamed() throws {
        let folder = try Self.study("overall = algemen\naspects = traject")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try runKTO(["report", folder + "/kto.study"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'algemen' staat niet in het codeboek; bedoelt u 'algemeen'?"))
        #expect(result.stderr.contains("'traject' in de prioriteitenmatrix moet een rapportcijfer zijn (type grade), maar is category"))

        let drivers = try Self.study("overall = algemeen\ndrivers = factoranalyse")
        defer { try? FileManager.default.removeItem(atPath: drivers) }
        let bad = try runKTO(["check", drivers + "/kto.study"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("drivers moet correlation of regression zijn, niet 'factoranalyse'"))
    }
}
