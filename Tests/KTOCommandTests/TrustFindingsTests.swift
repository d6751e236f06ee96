import Foundation
import Testing
import KTOModel
import KTOAnalysis
@testable import KTOCommand

/// Findings of the trust issue tried as a user would, through the command line and the pipeline:
/// each gave a finished report with exit 0 before.
@Suite("Trust: no wrong report with exit 0")
struct TrustFindingsTests {
    static let codebook = """
        variable;type;chapter;section;text;values;labels;missing;polarity;previous
        respnr;id;;;Respondentnummer;;;;;
        gemeente;group;;;Gemeente;;1=Aadorp|2=Beekdorp;;;
        cijfer;grade;Algemeen;Algemeen;De dienstverlening als geheel;;;99=weet niet;;
        stipt;likert;Consulenten;Stellingen;Mijn consulent houdt zich aan afspraken;;;9=weet niet;positive;

        """

    static func study(populations: (Int, Int) = (100, 100)) -> String {
        """
        title = Proef
        meting = 2025
        data = data.csv
        codebook = codebook.csv
        group = gemeente
        output = rapport
        [population]
        Aadorp = \(populations.0)
        Beekdorp = \(populations.1)
        """
    }

    /// 80 respondents: 40 per gemeente; `statement(row)` gives the stipt cell.
    static func data(_ statement: (Int) -> String) -> String {
        let rows = (1...80).map { r in "\(r);\(r <= 40 ? 1 : 2);\(r % 4 + 6);\(statement(r))" }
        return (["respnr;gemeente;cijfer;stipt"] + rows).joined(separator: "\n") + "\n"
    }

    static func folder(data: String, study: String = study()) throws -> String {
        let folder = NSTemporaryDirectory() + "kto-trust-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try codebook.write(toFile: folder + "/codebook.csv", atomically: true, encoding: .utf8)
        try data.write(toFile: folder + "/data.csv", atomically: true, encoding: .utf8)
        try study.write(toFile: folder + "/kto.study", atomically: true, encoding: .utf8)
        return folder
    }

    /// Finding 2: answer texts the codebook has no labels for; every statement was shown at 0%.
    /// (The common Dutch texts, 'Mee eens' and the like, are read since AnswerTexts; these are not.)
    @Test func unreadableAnswersGiveNoReport() throws {
        let texts = ["Klopt helemaal", "Klopt", "Neutraal", "Klopt niet"]
        let folder = try Self.folder(data: Self.data { texts[$0 % 4] })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try runKTO(["report", folder + "/kto.study", "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("fout: data.csv:2:7: variabele 'stipt': 60 van de 80 ingevulde cellen (75%) zijn onbruikbaar"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/rapport"), "no report was written")
        // --strict does not change that; `kto check` says the same, after the ledger.
        #expect(try runKTO(["report", folder + "/kto.study", "--strict"]).status == 1)
        let check = try runKTO(["check", folder + "/kto.study"])
        #expect(check.status == 1)
        #expect(check.stdout.hasSuffix("Geen rapport mogelijk: de data kan het rapport niet dragen (zie de fouten hierboven).\n"))
    }

    /// Finding 7: "a gemeente-weighted total hardly differs" was printed where weighted totals
    /// differed by 5 points. The sentence now states the largest difference, computed: Aadorp
    /// (population 100) agrees 100%, Beekdorp (population 900) 50%; unweighted 75%, weighted
    /// 0.1 × 100 + 0.9 × 50 = 55%, a difference of 20 points.
    @Test func theWeightingSentenceStatesTheComputedDifference() throws {
        let folder = try Self.folder(data: Self.data { $0 <= 40 || $0 % 2 == 0 ? "5" : "1" }, study: Self.study(populations: (100, 900)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loaded = try LoadedStudy.load(studyPath: folder + "/kto.study")
        let (results, files) = try ReportPipeline().files(for: loaded)
        let effect = try #require(results.weightingEffect.largestPercentDifference)
        #expect(effect.variable == "Mijn consulent houdt zich aan afspraken")
        #expect(abs(effect.difference - 20) < 1e-9)
        let text = String(decoding: try #require(files.first { $0.path == "report.txt" }).bytes, as: UTF8.self)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Gewogen naar het aantal aangeschreven klanten per gemeente zou het totaal bij de rapportcijfers hoogstens 0,00 punt (‘De dienstverlening als geheel’) en bij de percentages hoogstens 20,0 procentpunt (‘Mijn consulent houdt zich aan afspraken’) verschillen."))
        #expect(!flat.contains("nauwelijks"))
    }

    /// "No significant differences between the gemeenten" is said only where something was tested.
    @Test func noSentenceOnAComparisonThatWasNotMade() throws {
        // 9 respondents per gemeente: below the suppression threshold, so nothing is tested.
        let rows = (1...18).map { r in "\(r);\(r <= 9 ? 1 : 2);7;4" }
        let folder = try Self.folder(data: (["respnr;gemeente;cijfer;stipt"] + rows).joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loaded = try LoadedStudy.load(studyPath: folder + "/kto.study")
        let (_, files) = try ReportPipeline().files(for: loaded)
        let text = String(decoding: try #require(files.first { $0.path == "report.txt" }).bytes, as: UTF8.self)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!flat.contains("geen significante verschillen"))
        #expect(flat.contains("De gemeenten zijn niet onderling getoetst: daarvoor waren er per gemeente te weinig antwoorden."))
        let annex = String(decoding: try #require(files.first { $0.path == "annex-aadorp.html" }).bytes, as: UTF8.self)
        #expect(annex.contains("Ten opzichte van de rest van de organisatie is Aadorp niet getoetst: daarvoor waren te weinig antwoorden."))
        // Without a previous meting there is no sentence about one.
        #expect(!annex.contains("vorige meting"))
    }
}
