import Foundation
import Testing
import KTOModel
import KTOStats
@testable import KTOCommand

/// Three metingen (Tests/Fixtures/trend, made by make_trend_fixture.R): a gemeente renamed since
/// 2011, a variable renamed since 2011, a routed item, a closed multi-select question in both
/// forms (codes in one column with 'geen van deze'; one column per option, 1/empty and ja/nee),
/// a two-category item with small expected counts, an uncoded open question. Every figure and test
/// against R's `t.test`, `prop.test`, `fisher.test` and effect sizes by hand.
@Suite("Three metingen against R")
struct TrendTests {
    typealias Row = DesignPipelineTests.Row

    /// The report files of a study, made in memory (nothing is written).
    static func files(_ studyPath: String) throws -> [String: [UInt8]] {
        var loaded = try LoadedStudy.load(studyPath: studyPath)
        // Both forms of the tables book: the CSV files are read below, the workbook elsewhere.
        loaded.study.tables = .both
        var files: [String: [UInt8]] = [:]
        for file in try ReportPipeline().files(for: loaded).files { files[file.path] = file.bytes }
        return files
    }

    static func rows(_ files: [String: [UInt8]]) -> [Row] {
        String(decoding: files["results.csv"] ?? [], as: UTF8.self).split(separator: "\n").dropFirst()
            .map { Row(f: SampleStudyTests.splitCSV(String($0))) }
    }

    static let trend: [String: [UInt8]] = (try? files(Paths.fixture("trend/trend.study"))) ?? [:]

    /// A results.csv row's identity: meting, group, variable, measure, category, and for a test the
    /// tested measure and category (from its flags).
    static func key(_ f: [String], flags: [Substring]) -> String {
        func flag(_ name: String) -> String {
            flags.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) } ?? ""
        }
        return [f[0], f[1], f[2], f[3], f[4], flag("measure"), flag("category")].joined(separator: "|")
    }

    struct Expected {
        var key: String
        var value: Double
        var n: Int?
        var method: String
    }

    static let expected: [Expected] = {
        let text = (try? String(contentsOfFile: Paths.fixture("trend/trend-expected.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            // meting,group,variable,measure,category,value,n,method,tested,label
            let f = SampleStudyTests.splitCSV(String(line))
            guard f.count == 10, let value = Double(f[5]) else { return nil }
            return Expected(key: [f[0], f[1], f[2], f[3], f[4], f[8], f[9]].joined(separator: "|"), value: value, n: Int(f[6]), method: f[7])
        }
    }()

    static func method(_ flags: [Substring]) -> String {
        flags.first { $0.hasPrefix("method:") }.map { String($0.dropFirst(7)) } ?? ""
    }

    @Test func everyFigureAndTestEqualsR() throws {
        let rows = Self.rows(Self.trend)
        var ours: [String: Row] = [:]
        for row in rows { ours[Self.key(row.f, flags: row.flags)] = row }
        #expect(Self.expected.count == 838)
        var fisher = 0
        for e in Self.expected {
            guard let row = ours[e.key], let value = row.value else {
                Issue.record("\(e.key): not in results.csv")
                continue
            }
            #expect(abs(value - e.value) <= 1e-9 * max(1, abs(e.value)), "\(e.key): kto \(value), R \(e.value)")
            if let n = e.n { #expect(row.n == n, "\(e.key): n \(row.n ?? -1), R \(n)") }
            if !e.method.isEmpty { #expect(Self.method(row.flags) == e.method, "\(e.key): method \(Self.method(row.flags)), R \(e.method)") }
            if e.method == "fisherExact" { fisher += 1 }
        }
        // The small gemeente's rare answer takes Fisher's exact test.
        #expect(fisher >= 8)
    }

    @Test func ktoRunsExactlyTheTestsRRuns() {
        let ours = Set(Self.rows(Self.trend).filter { $0.measure == "p_value" }.map { Self.key($0.f, flags: $0.flags) })
        let theirs = Set(Self.expected.filter { $0.key.split(separator: "|", omittingEmptySubsequences: false)[3] == "p_value" }.map(\.key))
        #expect(ours == theirs, "only kto: \(ours.subtracting(theirs).sorted().prefix(5)); only R: \(theirs.subtracting(ours).sorted().prefix(5))")
        #expect(ours.count == 156)
        // A two-category item is tested once (on its first category), not twice.
        #expect(!ours.contains { $0.contains("|zeldzaam|") && $0.hasSuffix("|Nee") })
        // Against 2013 (the most recent) and 2011 (compare_with), each its own family.
        #expect(ours.contains("2015|total|cijfer|p_value|previous|mean|"))
        #expect(ours.contains("2015|Cranendonk|cijfer|p_value|previous:2011|mean|"))
    }

    @Test(arguments: ["previous", "previous:2011", "rest"])
    func eachFamilyIsAdjustedOnItsOwn(family: String) throws {
        let rows = Self.rows(Self.trend).filter { $0.category == family }
        let raw = rows.filter { $0.measure == "p_value" }
        var adjustedByKey: [String: Double] = [:]
        for row in rows where row.measure == "p_adjusted" {
            var f = row.f
            f[3] = "p_value"
            adjustedByKey[Self.key(f, flags: row.flags)] = row.value
        }
        let expected = MultipleTesting.adjust(raw.compactMap(\.value), method: .benjaminiHochberg)
        #expect(raw.count > 10 && expected.count == raw.count)
        for (row, p) in zip(raw, expected) {
            let ours = try #require(adjustedByKey[Self.key(row.f, flags: row.flags)])
            #expect(abs(ours - p) < 1e-12)
        }
    }

    @Test func theReportShowsTheTrendAndTheNewKindsOfQuestion() throws {
        let index = String(decoding: try #require(Self.trend["index.html"]), as: UTF8.self)
        let annex = String(decoding: try #require(Self.trend["annex-cranendonk.html"]), as: UTF8.self)
        // A line chart per section over the three metingen: the total, and the gemeente in its annex.
        #expect(index.contains("ontwikkeling 2011-2015 (totaal)"))
        #expect(annex.contains("ontwikkeling 2011-2015 (Cranendonk)"))
        #expect(index.components(separatedBy: "<figure class=\"trend\">").count - 1 == 3)
        // Every meting is a column of the item tables.
        #expect(index.contains(">Totaal 2011<"))
        // The closed multi-select question in option columns: its options, no quotes.
        #expect(index.contains("Wie hielp u bij het aanvragen?"))
        #expect(index.contains("Consulent"))
        // The uncoded open question: counted and quoted, the name in a quote anonymised.
        #expect(index.contains("Deze open vraag is niet gecodeerd"))
        #expect(!index.contains("Jansen"))
        #expect(index.contains("De wachttijd aan de telefoon is veel te lang."))
        // The tables book has both, the closed question with every meting that asked it.
        let answers = String(decoding: try #require(Self.trend["tables/80-open-en-meerkeuzevragen.csv"]), as: UTF8.self)
        #expect(answers.contains("Via welke kanalen had u contact?;meerkeuzevraag;Telefoon;Totaal 2011;56;225;"))
        #expect(answers.contains("Wie hielp u bij het aanvragen?;meerkeuzevraag;Familie;Totaal 2013;"))
        #expect(!answers.contains("Wie hielp u bij het aanvragen?;meerkeuzevraag;Familie;Totaal 2011;"))
        let written = String(decoding: try #require(Self.trend["tables/81-open-vragen-niet-gecodeerd.csv"]), as: UTF8.self)
        #expect(written.contains("Heeft u nog opmerkingen?;Totaal;124;280;44"))
    }

    /// The sample study's 2013 meting as published figures with n and SD
    /// (SampleData/kto-2013-cijfers.csv, made by pandas from kto-2013.csv with
    /// make_sample_aggregates.py): every test of the total against it equals the test against the
    /// respondent data.
    @Test func publishedFiguresWithNAndSDGiveTheSameTestsAsTheData() throws {
        let folder = NSTemporaryDirectory() + "kto-aggregates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["codebook.csv", "kto-2015.csv", "kto-2013.csv", "kto-2013-cijfers.csv", "trefwoorden.csv",
                     "benchmark-rpa.csv", "benchmark-referentiegroep.csv"] {
            try FileManager.default.copyItem(atPath: Paths.packageRoot + "/SampleData/" + name, toPath: folder + "/" + name)
        }
        let study = try String(contentsOfFile: Paths.packageRoot + "/SampleData/kto-2015.study", encoding: .utf8)
            .replacingOccurrences(of: "output   = ../Reports/kto-2015", with: "output = rapport")
        try study.write(toFile: folder + "/data.study", atomically: true, encoding: .utf8)
        let published = study.replacingOccurrences(of: "data   = kto-2013.csv", with: "aggregates = kto-2013-cijfers.csv")
        #expect(published != study)
        try published.write(toFile: folder + "/published.study", atomically: true, encoding: .utf8)

        func tests(_ name: String) throws -> [String: (value: Double, method: String, approximate: Bool)] {
            var table: [String: (Double, String, Bool)] = [:]
            // p_adjusted differs on purpose: without gemeente figures the family holds fewer tests.
            let kinds: Set<String> = ["diff", "test_stat", "df", "p_value", "hedges_g", "cohens_h"]
            for row in Self.rows(try Self.files(folder + "/" + name))
            where row.group == "total" && row.category == "previous" && kinds.contains(row.measure) {
                table[Self.key(row.f, flags: row.flags)] = (row.value ?? .nan, Self.method(row.flags), row.flags.contains("approximate"))
            }
            return table
        }
        let data = try tests("data.study")
        let figures = try tests("published.study")
        #expect(data.count > 250)
        #expect(Set(data.keys) == Set(figures.keys))
        for (key, d) in data {
            guard let f = figures[key] else { continue }
            #expect(abs(d.value - f.value) <= 1e-9 * max(1, abs(d.value)), "\(key): data \(d.value), figures \(f.value)")
            #expect(d.method == f.method, "\(key)")
            #expect(!f.approximate, "\(key): SDs are given, so no test is approximate")
        }
    }
}
