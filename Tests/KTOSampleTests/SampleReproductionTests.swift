import Foundation
import Testing

@testable import KTOSample

/// Generated once per test process: the exports of the default seed, parsed.
enum Generated {
    static let generation = SampleStudyGenerator().generate()

    static func export(_ year: Int) throws -> Export {
        let bytes = try #require(generation.files["kto-\(year).csv"], "no kto-\(year).csv generated")
        return try Export(bytes: bytes)
    }
}

/// Computes published figures from an export the way the report defines them.
struct FigureCalculator {
    let export: Export
    let codebook: SampleCodebook

    /// Annex column prefix → gemeente code in the export (nil = all respondents pooled).
    /// Assumption documented in SampleData/README.md: gem_a = Voorschoten, gem_b = Wassenaar.
    static let groups: [(prefix: String, gemeente: String?)] = [
        ("gem_a", "2"), ("gem_b", "3"), ("leidschendam_voorburg", "1"), ("total", nil),
    ]

    static let categorySections = [
        "Re-integratietraject": "traject", "Sollicitatieplicht": "sollicitatieplicht",
        "Uitkeringsduur": "uitkeringsduur", "Gezinssituatie": "gezinssituatie", "Leeftijd": "leeftijd",
    ]

    struct Problem: Error, CustomStringConvertible { let description: String }

    /// The variable and (for a category row) the code an annex row describes.
    func variable(for row: AnnexRow) throws -> (code: String, category: Int?) {
        if row.measure == "pct_category" {
            guard let code = Self.categorySections[row.section], let entry = codebook.entry(code) else {
                throw Problem(description: "\(row.name): no category variable")
            }
            var label = row.item
            if code == "sollicitatieplicht", let answer = row.item.split(separator: ":").last {
                label = answer.trimmingCharacters(in: .whitespaces).capitalized
            }
            guard let category = entry.labels[label] else {
                throw Problem(description: "\(row.name): no label \(label) in \(code)")
            }
            return (code, category)
        }
        let matches = codebook.entries.filter { $0.text == row.item }
        guard matches.count == 1 else { throw Problem(description: "\(row.name): \(matches.count) codebook texts match") }
        return (matches[0].code, nil)
    }

    /// Valid answers of `code` among the respondents of `gemeente` (nil = all).
    func validAnswers(_ code: String, gemeente: String?, range: ClosedRange<Int>) throws -> [Int] {
        guard let c = export.column(code), let g = export.column("gemeente") else {
            throw Problem(description: "\(code) or gemeente not in the export")
        }
        var answers: [Int] = []
        for row in export.rows where gemeente == nil || row[g] == gemeente {
            let cell = row[c]
            if cell.isEmpty || cell == "weet niet" || cell == "n.v.t." { continue }
            guard let value = Int(cell), range.contains(value) else {
                throw Problem(description: "\(code): unexpected cell '\(cell)'")
            }
            answers.append(value)
        }
        return answers
    }

    /// The figure as published (tenths for a mean, whole percent otherwise) and its n.
    func figure(_ row: AnnexRow, gemeente: String?) throws -> (value: Int, n: Int) {
        let (code, category) = try variable(for: row)
        switch row.measure {
        case "mean_grade":
            let answers = try validAnswers(code, gemeente: gemeente, range: 1...10)
            guard !answers.isEmpty else { throw Problem(description: "\(row.name): no valid answers") }
            let mean = Double(answers.reduce(0, +)) / Double(answers.count)
            return (roundedHalfAway(mean * 10), answers.count)
        case "pct_agree", "pct_agree_negative":
            let answers = try validAnswers(code, gemeente: gemeente, range: 1...5)
            guard !answers.isEmpty else { throw Problem(description: "\(row.name): no valid answers") }
            let agree = answers.filter { $0 >= 4 }.count
            return (roundedHalfAway(100 * Double(agree) / Double(answers.count)), answers.count)
        case "pct_category":
            let codes = Set(codebook.entry(code)?.labels.values.map { $0 } ?? [])
            let answers = try validAnswers(code, gemeente: gemeente, range: 1...99).filter { codes.contains($0) }
            guard !answers.isEmpty else { throw Problem(description: "\(row.name): no valid answers") }
            let hits = answers.filter { $0 == category }.count
            return (roundedHalfAway(100 * Double(hits) / Double(answers.count)), answers.count)
        default:
            throw Problem(description: "\(row.name): unknown measure")
        }
    }

    /// Published text → the integer the rounded figure must equal ("6.8" → 68, "74" → 74).
    static func published(_ text: String, measure: String) -> Int? {
        measure == "mean_grade" ? Int(text.replacingOccurrences(of: ".", with: "")) : Int(text)
    }

    /// Every mismatch between an export and the annex for one meting, named by row and group.
    static func mismatches(export: Export, year: Int, codebook: SampleCodebook, annex: [AnnexRow]) -> [String] {
        let calculator = FigureCalculator(export: export, codebook: codebook)
        var problems: [String] = []
        for row in annex {
            for group in groups {
                guard let text = row.values["\(group.prefix)_\(year)"] else {
                    problems.append("\(row.name): no column \(group.prefix)_\(year)")
                    continue
                }
                if text.isEmpty {
                    // Not asked that year: the variable must not be in the export.
                    if let mapped = try? calculator.variable(for: row), export.column(mapped.code) != nil {
                        problems.append("\(year) \(row.name): not published, yet \(mapped.code) is in the export")
                    }
                    continue
                }
                guard let published = published(text, measure: row.measure) else {
                    problems.append("\(row.name): unreadable published value \(text)")
                    continue
                }
                do {
                    let (value, n) = try calculator.figure(row, gemeente: group.gemeente)
                    if value != published {
                        problems.append("\(year) \(group.prefix) \(row.name): published \(text), data \(value) (n=\(n))")
                    }
                } catch {
                    problems.append("\(year) \(group.prefix) \(error)")
                }
            }
        }
        return problems
    }
}

@Suite("Sample reproduces the published annex")
struct SampleReproductionTests {
    @Test("every annex figure, 4 groups × 2 metingen", arguments: [2015, 2013])
    func annexFigures(year: Int) throws {
        let export = try Generated.export(year)
        let annex = try AnnexRow.load()
        #expect(annex.count == 62)
        let problems = FigureCalculator.mismatches(
            export: export, year: year, codebook: try SampleCodebook(), annex: annex)
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
        #expect(problems.isEmpty)
    }

    @Test("the generator reports nothing it could not reproduce")
    func nothingUnreproduced() {
        #expect(Generated.generation.unreproduced == [])
    }

    @Test("another seed reproduces the annex too (the solver does not depend on luck)", arguments: [UInt64(1), 42])
    func otherSeeds(seed: UInt64) throws {
        let generation = SampleStudyGenerator(seed: seed).generate()
        #expect(generation.unreproduced == [])
        let annex = try AnnexRow.load()
        let codebook = try SampleCodebook()
        for year in [2015, 2013] {
            let bytes = try #require(generation.files["kto-\(year).csv"])
            let problems = FigureCalculator.mismatches(
                export: try Export(bytes: bytes), year: year, codebook: codebook, annex: annex)
            for problem in problems { Issue.record(Comment(rawValue: "seed \(seed): \(problem)")) }
        }
        #expect(generation.files != Generated.generation.files)
    }

    @Test("two runs give identical bytes")
    func deterministic() {
        let again = SampleStudyGenerator().makeExports()
        #expect(again == Generated.generation.files)
        #expect(Set(again.keys) == ["kto-2015.csv", "kto-2013.csv"])
    }

    @Test("respondents per gemeente: 649 in 2015 (461/97/91), 600 in 2013 (422/90/88)")
    func respondentCounts() throws {
        for (year, expected) in [(2015, ["1": 461, "2": 97, "3": 91]), (2013, ["1": 422, "2": 90, "3": 88])] {
            let export = try Generated.export(year)
            var counts: [String: Int] = [:]
            for value in export.values("gemeente") { counts[value, default: 0] += 1 }
            #expect(counts == expected, "\(year)")
        }
        #expect(try Generated.export(2015).rows.count == 649)
    }

    @Test("small gemeenten have at least 10 answers on every item outside the traject questions")
    func enoughAnswers() throws {
        let codebook = try SampleCodebook()
        for year in [2015, 2013] {
            let export = try Generated.export(year)
            let calculator = FigureCalculator(export: export, codebook: codebook)
            for entry in codebook.entries where ["grade", "likert"].contains(entry.type) && !entry.code.hasPrefix("t") {
                guard export.column(entry.code) != nil else { continue }
                for gemeente in ["1", "2", "3"] {
                    let range = entry.type == "grade" ? 1...10 : 1...5
                    let n = try calculator.validAnswers(entry.code, gemeente: gemeente, range: range).count
                    #expect(n >= 10, "\(year) \(entry.code) gemeente \(gemeente): n = \(n)")
                }
            }
        }
    }

    @Test("grades are spread realistically (SD 1.0–2.3, not all equal, 5–9 most common)")
    func realisticSpread() throws {
        let codebook = try SampleCodebook()
        for year in [2015, 2013] {
            let export = try Generated.export(year)
            let calculator = FigureCalculator(export: export, codebook: codebook)
            for entry in codebook.entries where entry.type == "grade" && export.column(entry.code) != nil {
                for gemeente in ["1", "2", "3"] {
                    let grades = try calculator.validAnswers(entry.code, gemeente: gemeente, range: 1...10)
                    guard grades.count >= 20 else { continue }
                    let mean = Double(grades.reduce(0, +)) / Double(grades.count)
                    let variance = grades.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
                        / Double(grades.count - 1)
                    let sd = variance.squareRoot()
                    #expect(sd > 1.0 && sd < 2.3, "\(year) \(entry.code) gemeente \(gemeente): SD \(sd)")
                    #expect(Set(grades).count >= 5, "\(year) \(entry.code) gemeente \(gemeente)")
                }
            }
            // Pooled, most grades are 5–9, with some 1–4 and some 10s.
            let all = try calculator.validAnswers("algemeen", gemeente: nil, range: 1...10)
            #expect(all.filter { (5...9).contains($0) }.count * 100 / all.count >= 80)
            #expect(all.contains { $0 <= 4 } && all.contains(10))
        }
    }
}
