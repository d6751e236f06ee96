import Foundation
import Testing
import KTOModel
@testable import KTOCommand

/// Significance tests and weighting on the sample study against R (`t.test`, `prop.test(correct =
/// FALSE)` unweighted; `survey::svymean` and `svyglm` with weighting by gemeente), from
/// Tests/Fixtures/crosscheck/make_r_fixture.R. Tolerance 1e-6.
@Suite("Sample study against R")
struct RCrossCheckTests {
    struct Row {
        var fields: [String]
        var meting: String { fields[0] }
        var group: String { fields[1] }
        var variable: String { fields[2] }
        var measure: String { fields[3] }
        var category: String { fields[4] }
        var value: Double? { Double(fields[5]) }
        var se: Double? { Double(fields[7]) }
        var flags: [Substring] { fields[10].split(separator: "|") }
    }

    /// results.csv of the sample study, unweighted (the published design) and weighted by gemeente.
    static let unweighted: [Row] = rows(weighted: false)
    static let weighted: [Row] = rows(weighted: true)

    static func rows(weighted: Bool) -> [Row] {
        var loaded = try! LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        if weighted { loaded.study.weighting = .gemeente }
        let text = String(decoding: try! ReportPipeline().files(for: loaded).files.first { $0.path == "results.csv" }!.bytes, as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map { Row(fields: SampleStudyTests.splitCSV(String($0))) }
    }

    func close(_ a: Double?, _ b: Double, _ what: String) {
        guard let a else {
            Issue.record("\(what): missing")
            return
        }
        #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(what): ours \(a), R \(b)")
    }

    @Test func testsAndWeightedTotalsMatchR() throws {
        let fixture = try String(contentsOfFile: Paths.fixture("crosscheck/sample-r-tests.csv"), encoding: .utf8)
        var checked = 0
        var complements = 0
        for (k, line) in fixture.split(separator: "\n").dropFirst().enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let (kind, variable, group, comparison) = (f[0], f[1], f[2], f[3])
            let what = "fixture line \(k + 2) \(kind) \(variable) \(group) \(comparison)"
            switch kind {
            case "welch", "prop":
                let tested = kind == "welch" ? "measure:mean" : "measure:pct_agree"
                let test = Self.unweighted.filter {
                    $0.meting == "2015" && $0.group == group && $0.variable == variable && $0.category == comparison
                        && $0.flags.contains(Substring(tested))
                }
                if test.isEmpty {
                    // A gemeente hidden as the complement of a suppressed one is not tested.
                    let figure = Self.unweighted.first {
                        $0.meting == "2015" && $0.group == group && $0.variable == variable
                            && $0.measure == (kind == "welch" ? "mean" : "pct_agree")
                    }
                    #expect(figure?.flags.contains("secondary") == true, "\(what): no test and not a complement")
                    complements += 1
                    continue
                }
                let statistic = try #require(test.first { $0.measure == "test_stat" }?.value, "\(what)")
                let p = try #require(Double(f[6]))
                if kind == "welch" {
                    close(statistic, try #require(Double(f[4])), what + " t")
                    close(test.first { $0.measure == "df" }?.value, try #require(Double(f[5])), what + " df")
                } else {
                    // prop.test reports X-squared = z².
                    close(statistic * statistic, try #require(Double(f[4])), what + " z²")
                }
                close(test.first { $0.measure == "p_value" }?.value, p, what + " p")
            case "svymean":
                let measure = Self.weighted.contains { $0.variable == variable && $0.measure == "mean" } ? "mean" : "pct_agree"
                let row = try #require(Self.weighted.first {
                    $0.meting == "2015" && $0.group == "total" && $0.variable == variable && $0.measure == measure
                }, "\(what)")
                #expect(row.flags.contains("weighted"), "\(what)")
                close(row.value, try #require(Double(f[7])), what + " estimate")
                close(row.se, try #require(Double(f[8])), what + " SE")
            case "svyglm":
                // Each gemeente against the rest in the weighted design: the difference and its SE.
                let tested = Self.weighted.contains { $0.variable == variable && $0.measure == "mean" } ? "measure:mean" : "measure:pct_agree"
                let diff = Self.weighted.first {
                    $0.meting == "2015" && $0.group == group && $0.variable == variable && $0.category == "rest"
                        && $0.measure == "diff" && $0.flags.contains(Substring(tested))
                }
                guard let diff else {
                    // Not tested: the gemeente is hidden (suppressed or a complement), or 0%/100%.
                    let figure = Self.weighted.first { $0.meting == "2015" && $0.group == group && $0.variable == variable && $0.measure == tested.dropFirst(8) }
                    #expect(figure?.flags.contains("suppressed") == true || figure?.value == 0 || figure?.value == 100, "\(what): not tested")
                    complements += 1
                    continue
                }
                #expect(diff.flags.contains("method:designDifference"), "\(what)")
                close(diff.value, try #require(Double(f[7])), what + " difference")
                close(diff.se, try #require(Double(f[8])), what + " SE")
            default:
                Issue.record("unknown kind \(kind)")
            }
            checked += 1
        }
        #expect(checked + complements == 274)
        #expect(complements <= 10)
    }
}
