import Foundation
import Testing

@testable import KTOSample

@Suite("Sample matches the main text and the coded open answers")
struct SampleContentTests {
    /// Whole percentage of `hit` answers among the valid answers of `code` (2015, all gemeenten).
    func percentage(_ code: String, range: ClosedRange<Int>, hit: (Int) -> Bool) throws -> Int {
        let export = try Generated.export(2015)
        let calculator = FigureCalculator(export: export, codebook: try SampleCodebook())
        let answers = try calculator.validAnswers(code, gemeente: nil, range: range)
        try #require(!answers.isEmpty)
        return roundedHalfAway(100 * Double(answers.filter(hit).count) / Double(answers.count))
    }

    @Test("groups-comparison: grades 1–5 are 15% (algemeen) and 22% (medewerkers) in 2015")
    func insufficient() throws {
        #expect(try percentage("algemeen", range: 1...10) { $0 <= 5 } == 15)
        #expect(try percentage("medewerkers", range: 1...10) { $0 <= 5 } == 22)
    }

    @Test("groups-comparison: 25% without internet at home, 11% with a part-time job")
    func internetAndPartTime() throws {
        #expect(try percentage("internet_thuis", range: 1...2) { $0 == 2 } == 25)
        #expect(try percentage("parttime", range: 1...2) { $0 == 1 } == 11)
    }

    @Test("afstand: all four categories used, plausibly")
    func distance() throws {
        for category in 1...4 {
            let p = try percentage("afstand", range: 1...4) { $0 == category }
            #expect(p >= 5 && p <= 50, "afstand \(category): \(p)%")
        }
    }

    /// Published % per code (wi_2015) from the reference file.
    func published(_ file: String) throws -> [Int] {
        let records = try CSVSplitter.records(
            try String(contentsOfFile: "/work/shared/reference/\(file)", encoding: .utf8), separator: ",",
            requireCRLF: false)
        return records.dropFirst().compactMap { $0.count > 1 ? Int($0[1]) : nil }
    }

    /// Among respondents with at least one code, the % mentioning each code 1…9.
    func codePercentages(_ column: String) throws -> (base: Int, percentages: [Int]) {
        let sets = try Generated.export(2015).values(column).filter { !$0.isEmpty }
            .map { $0.split(separator: "|").compactMap { Int($0) } }
        let percentages = (1...9).map { code in
            roundedHalfAway(100 * Double(sets.filter { $0.contains(code) }.count) / Double(sets.count))
        }
        return (sets.count, percentages)
    }

    @Test("open answers: % per code among respondents with a code equals the published wi_2015")
    func openAnswerCodes() throws {
        let good = try codePercentages("goed_codes")
        let improve = try codePercentages("verbeter_codes")
        #expect(good.percentages == Targets.goodCodePercentages)
        #expect(improve.percentages == Targets.improveCodePercentages)
        #expect(good.base > 300 && improve.base > 300)
        // The published tables, read independently, say the same.
        if FileManager.default.fileExists(atPath: "/work/shared/reference/open-answers-good.csv") {
            #expect(try published("open-answers-good.csv") == good.percentages)
            #expect(try published("open-answers-improve.csv") == improve.percentages)
        }
    }

    @Test("open answers: texts in a client's voice, with the personal details anonymisation must catch")
    func openAnswerTexts() throws {
        let export = try Generated.export(2015)
        let texts = export.values("goed_tekst") + export.values("verbeter_tekst")
        let all = texts.joined(separator: "\n")
        for needle in ["mevrouw Jansen", "dhr. De Vries", "06-12345678", "070 - ", "@voorbeeldmail.nl", "€", "’", "“"] {
            #expect(all.contains(needle), "no text with \(needle)")
        }
        #expect(texts.contains { $0.contains("\"") })
        #expect(texts.contains { $0.contains(";") })
        #expect(texts.filter { $0.contains("\n") }.count == 1)
        // Text only where codes were given, apart from a few uncodable answers.
        for (textColumn, codeColumn) in [("goed_tekst", "goed_codes"), ("verbeter_tekst", "verbeter_codes")] {
            let t = try #require(export.column(textColumn)), c = try #require(export.column(codeColumn))
            let uncodable = export.rows.filter { !$0[t].isEmpty && $0[c].isEmpty }
            #expect(uncodable.count > 5 && uncodable.count < 30, "\(textColumn): \(uncodable.count) uncodable")
            let explained = export.rows.filter { !$0[t].isEmpty && !$0[c].isEmpty }.count
            let coded = export.rows.filter { !$0[c].isEmpty }.count
            #expect(explained * 100 / coded >= 65, "\(textColumn): few explanations")
        }
        // A consistent example: a respondent coded "Telefonische bereikbaarheid" writes about phoning.
        let v = try #require(export.column("verbeter_tekst")), vc = try #require(export.column("verbeter_codes"))
        let phone = export.rows.filter { $0[vc] == "3" && !$0[v].isEmpty }
        #expect(!phone.isEmpty)
        #expect(phone.allSatisfy { row in
            ["bel", "lijn", "wacht", "telefo", "bereikbaar"].contains { row[v].lowercased().contains($0) }
        })
    }

    @Test("2013 has no open answers (not asked then)")
    func noOpenAnswers2013() throws {
        let export = try Generated.export(2013)
        for code in ["goed_tekst", "goed_codes", "verbeter_tekst", "verbeter_codes", "internet_thuis", "afstand"] {
            #expect(export.column(code) == nil)
        }
    }

    @Test("window arithmetic: strictly inside the rounding window")
    func windows() {
        // 6,8 with 20 answers: sums 136 (6,80) … 136; 135 = 6,75 is the edge and excluded.
        #expect(Window.numerators(n: 20, target: 68, measure: .meanGrade) == 136...136)
        #expect(Window.numerators(n: 40, target: 68, measure: .meanGrade) == 271...273)
        // 43% with 7 answers: 3 (42,9%).
        #expect(Window.numerators(n: 7, target: 43, measure: .pctAgree) == 3...3)
        // 0% with 150 answers: none may be in the category (1 = 0,67%).
        #expect(Window.numerators(n: 150, target: 0, measure: .pctCategory) == 0...0)
        #expect(Window.numerators(n: 10, target: 43, measure: .pctAgree) == nil)
    }
}
