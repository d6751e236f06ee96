import Foundation
import Testing
import KTOModel
import KTOStats
@testable import KTOCommand

/// The sample study end to end: `results.csv` as `kto report` writes it, parsed back.
@Suite("Sample study")
struct SampleStudyTests {
    struct Row: Hashable {
        var meting, group, variable, measure, category: String
    }

    /// results.csv of the sample study, keyed by its identifying columns; value and n as text.
    static let results = render(suppressBelow: nil)

    /// The same with the suppression threshold set to 0: every figure present.
    static let unsuppressed = render(suppressBelow: 0)

    static func render(suppressBelow: Int?) -> (values: [Row: (value: String, n: String, flags: String)], text: String) {
        var loaded = try! LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        if let suppressBelow { loaded.study.thresholds.suppress = suppressBelow }
        let files = try! ReportPipeline().files(for: loaded).files
        let text = String(decoding: files.first { $0.path == "results.csv" }!.bytes, as: UTF8.self)
        var values: [Row: (String, String, String)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = splitCSV(String(line))
            values[Row(meting: f[0], group: f[1], variable: f[2], measure: f[3], category: f[4])] = (f[5], f[6], f[10])
        }
        return (values, text)
    }

    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if c == "\"" {
                if quoted, chars.first == "\"" { current.append("\""); chars = chars.dropFirst() } else { quoted.toggle() }
            } else if c == ",", !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }

    /// Core statistics from pandas (Tests/Fixtures/crosscheck/make_fixture.py) equal ours to 1e-9.
    @Test func crossCheckedAgainstPandas() throws {
        let fixture = try String(contentsOfFile: Paths.fixture("crosscheck/sample-core-stats.csv"), encoding: .utf8)
        var compared = 0
        for (k, line) in fixture.split(separator: "\n").dropFirst().enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let key = Row(meting: f[0], group: f[1], variable: f[2], measure: f[3], category: "")
            let ours = try #require(Self.results.values[key], "fixture row \(k + 2): \(key) missing from results.csv")
            let expected = try #require(Double(f[4]))
            if ours.flags.contains("suppressed") {
                // Below the suppression threshold (or hidden as its complement) the value must not
                // be shown at all.
                #expect(ours.value.isEmpty && (Int(f[5])! < 10 || ours.flags.contains("secondary")), "fixture row \(k + 2): \(key) suppressed")
                continue
            }
            let value = try #require(Double(ours.value), "fixture row \(k + 2): \(key) has no value")
            #expect(abs(value - expected) <= 1e-9 * max(1, abs(expected)), "fixture row \(k + 2): \(key): \(value) vs pandas \(expected)")
            #expect(ours.n == f[5], "fixture row \(k + 2): n")
            compared += 1
        }
        #expect(compared > 600)
    }

    /// Every figure of the published annex, for each gemeente and the total, in both metingen.
    /// Assumption (the annex lost its column headings): gem_a = Voorschoten, gem_b = Wassenaar.
    ///
    /// The published annex shows a few Wassenaar traject figures that rest on fewer than 10 answers
    /// (with 11 Wassenaar traject clients, 43% is only reachable with n = 7). Under the default rule
    /// those are suppressed, so the comparison reads results.csv made with suppression off, and then
    /// checks that with the default rule exactly the cells on n < 10 are suppressed.
    @Test func reproducesThePublishedAnnex() throws {
        let codebook = try Codebook.load(path: Paths.packageRoot + "/SampleData/codebook.csv")
        let annex = try String(contentsOfFile: Paths.fixture("annex-per-gemeente.csv"), encoding: .utf8)
        let groups = [("gem_a", "Voorschoten"), ("gem_b", "Wassenaar"), ("leidschendam_voorburg", "Leidschendam-Voorburg"), ("total", "total")]
        let categorySections = [
            "Re-integratietraject": "traject", "Sollicitatieplicht": "sollicitatieplicht", "Uitkeringsduur": "uitkeringsduur",
            "Gezinssituatie": "gezinssituatie", "Leeftijd": "leeftijd",
        ]
        let lines = annex.split(separator: "\n").map(String.init)
        let header = Self.splitCSV(lines[0])
        var compared = 0
        var suppressedCells = 0
        var complementCells = 0
        var mismatches: [String] = []
        for (k, line) in lines.dropFirst().enumerated() {
            let f = Self.splitCSV(line)
            let (section, item, measure) = (f[0], f[1], f[2])
            var variable: String
            var category = ""
            let ourMeasure: String
            switch measure {
            case "mean_grade":
                variable = try #require(codebook.variables.first { $0.text == item }?.code, "annex line \(k + 2): no variable for '\(item)'")
                ourMeasure = "mean"
            case "pct_agree", "pct_agree_negative":
                let v = try #require(codebook.variables.first { $0.text == item }, "annex line \(k + 2): no variable for '\(item)'")
                #expect((v.polarity == .negative) == (measure == "pct_agree_negative"), "annex line \(k + 2): polarity")
                variable = v.code
                ourMeasure = "pct_agree"
            default:
                variable = try #require(categorySections[section], "annex line \(k + 2): section \(section)")
                category = item.hasPrefix("Vrijgesteld van sollicitatieplicht: ") ? String(item.dropFirst(36)).capitalized : item
                ourMeasure = "pct_category"
            }
            for (prefix, group) in groups {
                for meting in ["2015", "2013"] {
                    guard let column = header.firstIndex(of: "\(prefix)_\(meting)") else { continue }
                    let published = f[column]
                    if published.isEmpty { continue }
                    let key = Row(meting: meting, group: group, variable: variable, measure: ourMeasure, category: category)
                    let shownByDefault = try #require(Self.results.values[key], "\(key)")
                    if let n = Int(shownByDefault.n), n < 10 {
                        #expect(shownByDefault.value.isEmpty && shownByDefault.flags.contains("suppressed"), "\(key) on n = \(n) must be suppressed")
                        suppressedCells += 1
                    } else if shownByDefault.flags.split(separator: "|").contains("secondary") {
                        // Hidden so that a suppressed gemeente is not the total minus the others.
                        #expect(shownByDefault.value.isEmpty, "\(key) is a complement")
                        complementCells += 1
                    } else {
                        #expect(shownByDefault.value == Self.unsuppressed.values[key]?.value, "\(key)")
                    }
                    guard let ours = Self.unsuppressed.values[key], let value = Double(ours.value) else {
                        mismatches.append("annex line \(k + 2) \(group) \(meting): \(key) missing")
                        continue
                    }
                    let decimals = ourMeasure == "mean" ? 1 : 0
                    let shown = Rounding.roundHalfAwayFromZero(value, decimals: decimals)
                    if shown != Double(published) {
                        mismatches.append("annex line \(k + 2) \(item) \(group) \(meting): ours \(shown), published \(published)")
                    }
                    compared += 1
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
        // Every non-empty cell of the annex was compared (62 rows × 4 groups × 2 metingen minus blanks).
        let published = lines.dropFirst().reduce(0) { $0 + Self.splitCSV($1).dropFirst(3).filter { !$0.isEmpty }.count }
        #expect(compared == published)
        #expect(published > 400)
        #expect(suppressedCells == 5)
        // Each of the five Wassenaar traject cells has one complement: Voorschoten, the smallest
        // other gemeente (11 + 14 traject respondents ≥ 10 together).
        #expect(complementCells == 5)
    }

    /// Issue 5's named checks on the sample study.
    @Test func significanceOnTheSampleStudy() throws {
        let phone = try #require(Self.results.values[Row(meting: "2015", group: "Leidschendam-Voorburg", variable: "bereik_telefoon", measure: "mean", category: "")])
        #expect(phone.flags.split(separator: "|").contains("sig_higher:previous"))
        let overall = try #require(Self.results.values[Row(meting: "2015", group: "total", variable: "algemeen", measure: "mean", category: "")])
        #expect(!overall.flags.contains("previous"))
        let p = try #require(Self.results.values[Row(meting: "2015", group: "total", variable: "algemeen", measure: "p_value", category: "previous")])
        #expect(try #require(Double(p.value)) > 0.05)
    }

    @Test func resultsCSVHasTheContractColumns() {
        #expect(Self.results.text.hasPrefix("meting,group,variable,measure,category,value,n,se,ci_low,ci_high,flags\n"))
        for line in Self.results.text.split(separator: "\n") {
            let fields = Self.splitCSV(String(line))
            #expect(fields.count == 11)
            for number in fields[5...9] { #expect(Double(number).map(\.isFinite) ?? number.isEmpty || number == "value" || ["n", "se", "ci_low", "ci_high"].contains(number), "\(line)") }
        }
    }
}
