import Testing
import KTOImport
@testable import KTOModel

/// Findings 2 and 4 of the trust issue: answers kto could not read, and a gemeente that vanished
/// from a meting, gave a complete report with exit 0. They are problems now, with the exact
/// message an analyst can act on.
@Suite("Data quality gates")
struct DataQualityTests {
    /// 40 respondents; `stipt` written by `statement(row)`.
    static func export(statement: (Int) -> String, group: (Int) -> String = { "\($0 % 3 + 1)" }) -> String {
        let rows = (1...40).map { r in "\(r);\(group(r));\(r % 10 + 1);\(statement(r));2;1;" }
        return (["respnr;gemeente;cijfer;stipt;wisselen;traject;goed"] + rows).joined(separator: "\n") + "\n"
    }

    func load(_ data: String, extra: String = "", files: [String: String] = [:], strict: Bool = false) throws -> LoadedStudy {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("data.csv", data)
        for (name, text) in files { folder.write(name, text) }
        return try LoadedStudy.load(studyPath: folder.write("kto.study", MiniStudy.study(extra: extra)), strict: strict)
    }

    @Test func unknownAnswerTextsStopTheReport() throws {
        // Answer texts that are neither labels of the codebook nor common Dutch answer texts
        // ('Mee eens' and the like are read since AnswerTexts: see AnswerTextsTests).
        let texts = ["Klopt helemaal", "Klopt", "Klopt", "Neutraal", "Klopt niet"]
        let loaded = try load(Self.export { texts[$0 % 5] })
        #expect(loaded.quality.problems.count == 1)
        let problem = try #require(loaded.quality.problems.first)
        #expect(problem.description == "data.csv:2:7: variabele 'stipt': 32 van de 40 ingevulde cellen (80%) zijn onbruikbaar, meer dan de drempel van 5% (unreadable in [thresholds]). Meest voorkomend: 'Klopt' 16× (data.csv:2:7), 'Klopt niet' 8× (data.csv:5:7), 'Klopt helemaal' 8× (data.csv:6:7). Waarschijnlijke oplossing: zet de antwoorden zoals ze in de data staan als labels in het codeboek (kolom labels), bijvoorbeeld 1=Helemaal mee oneens|2=Mee oneens|3=Neutraal|4=Mee eens|5=Helemaal mee eens.")
        // The texts this test used before the common answer texts were known now read.
        let read = try load(Self.export { ["Helemaal mee eens", "Mee eens", "Mee eens", "Neutraal", "Mee oneens"][$0 % 5] })
        #expect(read.quality.problems.isEmpty && read.ledgers[0].cellIssues.isEmpty)
    }

    @Test func limeSurveyAnswerCodesStopTheReport() throws {
        let loaded = try load(Self.export { "A\($0 % 5 + 1)" })
        #expect(loaded.quality.problems.map(\.message).first?.hasPrefix("variabele 'stipt': 40 van de 40 ingevulde cellen (100%) zijn onbruikbaar") == true)
    }

    @Test func aFewUnusableCellsAreListedNotFatalUnlessStrict() throws {
        let data = Self.export { $0 == 7 ? "zes" : "4" }
        let loaded = try load(data)
        #expect(loaded.quality.problems.isEmpty, "1 of 40 (2.5%) is below the 5% threshold")
        #expect(loaded.ledgers[0].cellIssues.map(\.share) == [0.025])
        let strict = try load(data, strict: true)
        #expect(strict.quality.problems.map(\.message) == [
            "variabele 'stipt': 1 onbruikbare cellen (--strict maakt elke onbruikbare cel fataal): 'zes' 1× (data.csv:8:7). Waarschijnlijke oplossing: zet de antwoorden zoals ze in de data staan als labels in het codeboek (kolom labels), bijvoorbeeld 1=Helemaal mee oneens|2=Mee oneens|3=Neutraal|4=Mee eens|5=Helemaal mee eens.",
        ])
        // The threshold is the study's.
        let lenient = try load(Self.export { $0 % 10 == 0 ? "zes" : "4" }, extra: "[thresholds]\nunreadable = 10\n")
        #expect(lenient.quality.problems.isEmpty, "4 of 40 = 10% is not above 10%")
    }

    @Test func aRenamedGemeenteInThePreviousMetingStopsTheReport() throws {
        // The old export writes gemeenten by name, and Wassenaar as "Gemeente Wassenaar".
        let names = ["Leidschendam-Voorburg", "Voorschoten", "Gemeente Wassenaar"]
        let old = Self.export(statement: { _ in "4" }, group: { names[$0 % 3] })
            .replacingOccurrences(of: "wisselen;traject;goed", with: "wissel;traject;goed")
        let loaded = try load(Self.export { _ in "4" }, extra: "[previous]\nmeting = 2013\ndata = oud.csv\n", files: ["oud.csv": old])
        #expect(loaded.quality.problems.map(\.description) == [
            "oud.csv:1: meting 2013 heeft geen enkele respondent van 'Wassenaar'; een vergelijking zonder die gemeente zou een ander totaal vergelijken. Wel staan er rijen met onbekende gemeenten in: 'Gemeente Wassenaar' 13×; is 'Wassenaar' in deze meting anders geschreven? Controleer de gemeenten in de data en in het codeboek.",
            "oud.csv:1: meting 2013: 13 van de 40 rijen hebben een gemeente die niet in [population] van de studie staat ('Gemeente Wassenaar' 13×); meer dan 2% van de rijen zou wegvallen. Controleer de namen en codes van de gemeenten in de data, het codeboek (labels van de groepsvariabele) en [population].",
        ])
    }

    @Test func oneStrayRowOfAnUnknownGemeenteIsNoProblem() throws {
        // 1 of 60 rows (1.7%) rejected as unknown: listed in the ledger, not fatal.
        let rows = Self.export { _ in "4" } + "41;Den Haag;7;4;2;1;\n" + (42...60).map { "\($0);1;7;4;2;1;" }.joined(separator: "\n") + "\n"
        let loaded = try load(rows)
        #expect(loaded.quality.problems.isEmpty)
        #expect(loaded.ledgers[0].rejections.count == 1)
    }

    @Test func unknownColumnsAreWarningsWithASuggestionAndFatalUnderStrict() throws {
        let data = Self.export { _ in "4" }.replacingOccurrences(of: "goed\n", with: "goed;stipt2\n").replacingOccurrences(of: ";\n", with: ";;\n")
        let loaded = try load(data)
        #expect(loaded.quality.problems.isEmpty)
        #expect(loaded.quality.warnings.map(\.message) == ["kolommen die niet in het codeboek staan, worden genegeerd: 'stipt2' (lijkt op 'stipt' uit het codeboek)"])
        let strict = try load(data, strict: true)
        #expect(strict.quality.problems.count == 1 && strict.quality.warnings.isEmpty)
    }
}
