import Foundation
import Testing
import KTOModel
import KTOAnalysis
@testable import KTOCommand

/// Mistakes in the weighting and breakdowns of a study: each stops the report with a message that
/// names the place and what to do; `kto check` lists them too.
@Suite("Design mistakes")
struct DesignErrorTests {
    /// The design study with `edit` applied to its study file (and `data` replacing the export).
    /// `afterwards` sees the study's folder before it is removed.
    static func run(
        _ command: String = "report", edit: (String) -> String, data: ((String) -> String)? = nil,
        afterwards: ((String) throws -> Void)? = nil
    ) throws -> RunResult {
        let folder = NSTemporaryDirectory() + "kto-design-error-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Paths.fixture("design/codebook.csv"), toPath: folder + "/codebook.csv")
        let export = try String(contentsOfFile: Paths.fixture("design/design-study.csv"), encoding: .utf8)
        try (data?(export) ?? export).write(toFile: folder + "/design-study.csv", atomically: true, encoding: .utf8)
        let study = try String(contentsOfFile: Paths.fixture("design/design.study"), encoding: .utf8)
        try edit(study).write(toFile: folder + "/kto.study", atomically: true, encoding: .utf8)
        let result = try runKTO([command, folder + "/kto.study", "--quiet"].filter { command == "report" || $0 != "--quiet" })
        try afterwards?(folder)
        return result
    }

    static func top(_ lines: String) -> (String) -> String {
        { $0.replacingOccurrences(of: "breakdowns = leeftijd, duur\n", with: "breakdowns = leeftijd, duur\n" + lines) }
    }

    @Test func unknownBreakdownVariableIsNamedWithASuggestion() throws {
        let result = try Self.run(edit: { $0.replacingOccurrences(of: "breakdowns = leeftijd, duur", with: "breakdowns = leeftyd, cijfer") })
        #expect(result.status == 1)
        #expect(result.stderr == "fout: regel 8 van de studie: uitsplitsing (breakdowns =) 'leeftyd' staat niet in het codeboek; bedoelt u 'leeftijd'?\nfout: regel 8 van de studie: uitsplitsing (breakdowns =) 'cijfer' moet een categorievariabele zijn (type category), maar is grade\n")
    }

    @Test func variableListedTwiceIsNamed() throws {
        let result = try Self.run(edit: { $0.replacingOccurrences(of: "breakdowns = leeftijd, duur", with: "breakdowns = leeftijd, duur, Leeftijd") })
        #expect(result.status == 1)
        #expect(result.stderr == "fout: regel 8 van de studie: uitsplitsing (breakdowns =) 'Leeftijd' staat twee keer in de lijst; noem elke variabele één keer\n")
        let rake = try Self.run(edit: { Self.top("weighting = rake\nrake = gemeente, Gemeente\n")($0) })
        #expect(rake.status == 1)
        #expect(rake.stderr.contains("wegingsvariabele (rake =) 'Gemeente' staat twee keer in de lijst"))
    }

    @Test func rakingMistakes() throws {
        // The report stops in the analysis, after kto made its staging folder for the files:
        // that folder is gone again, and no report folder was made.
        let noMargin = try Self.run(edit: Self.top("weighting = rake\nrake = gemeente, leeftijd\n"), afterwards: { folder in
            let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(left == ["codebook.csv", "design-study.csv", "kto.study"])
        })
        #expect(noMargin.status == 1)
        #expect(noMargin.stderr.contains("voor de weging op 'leeftijd' ontbreekt een sectie [margin leeftijd]"))

        let badCategory = try Self.run(edit: { Self.top("weighting = rake\nrake = gemeente, leeftijd\n")($0) + "\n[margin leeftijd]\njong = 950\nmiddel = 1400\noud = 800\n" })
        #expect(badCategory.stderr.contains("regel 24 van de studie: 'middel' in [margin leeftijd] is geen code of label van 'leeftijd'"))

        let totals = try Self.run(edit: { Self.top("weighting = rake\nrake = gemeente, leeftijd\n")($0) + "\n[margin leeftijd]\njong = 950\nmidden = 1400\noud = 700\n" })
        #expect(totals.stderr.contains("de marges beschrijven niet dezelfde populatie: gemeente telt op tot 3150, leeftijd tot 3050"))

        // Respondents whose category has no population: listed by line.
        let outside = try Self.run(edit: { Self.top("weighting = rake\nrake = gemeente, leeftijd\n")($0) + "\n[margin leeftijd]\njong = 950\nmidden = 2200\n" })
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("meting 2025: 55 respondenten met leeftijd = 'oud' hebben geen populatie in [margin leeftijd] (regels 3, 6, 7, "))
        let check = try Self.run("check", edit: { Self.top("weighting = rake\nrake = gemeente, leeftijd\n")($0) + "\n[margin leeftijd]\njong = 950\nmidden = 2200\n" })
        #expect(check.status == 1)
        #expect(check.stderr.contains("hebben geen populatie in [margin leeftijd]"))
    }

    @Test func weightColumnMistakes() throws {
        let missing = try Self.run(edit: Self.top("weighting = variable\nweight = gewigt\n"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("de gewichtkolom 'gewigt' (weight = in de studie) staat niet in de kopregel van dit bestand; bedoelt u kolom 'gewicht'?"))
        // A zero and a text weight: each named by line and column.
        let bad = try Self.run(edit: Self.top("weighting = variable\nweight = gewicht\n")) { export in
            var lines = export.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[2] = lines[2].split(separator: ";", omittingEmptySubsequences: false).dropLast().joined(separator: ";") + ";0"
            lines[4] = lines[4].split(separator: ";", omittingEmptySubsequences: false).dropLast().joined(separator: ";") + ";veel"
            // Three weights of 1e308 made the sums of weights infinite, and the report trapped.
            lines[6] = lines[6].split(separator: ";", omittingEmptySubsequences: false).dropLast().joined(separator: ";") + ";1e308"
            return lines.joined(separator: "\n")
        }
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("design-study.csv:3:"))
        #expect(bad.stderr.contains("gewicht '0' in kolom 'gewicht' is geen positief getal"))
        #expect(bad.stderr.contains("gewicht 'veel' in kolom 'gewicht' is geen positief getal"))
        #expect(bad.stderr.contains("design-study.csv:7:"))
        #expect(bad.stderr.contains("gewicht '1e308' in kolom 'gewicht' is geen positief getal van hoogstens 1.000.000.000"))
    }

    @Test func checkShowsTheWeights() throws {
        let result = try Self.run("check", edit: Self.top("weighting = gemeente\n"))
        #expect(result.status == 0, "\(result.stderr)")
        // N_h / n_h: A 1400/70 = 20, C 250/30 = 8,333.
        #expect(result.stdout.contains("Gewichten meting 2025"))
        #expect(result.stdout.contains("  A: som 1400,0, 20,000 – 20,000, verhouding 1,00, effectieve n 70,0 van 70"))
        #expect(result.stdout.contains("  C: som 250,0, 8,333 – 8,333"))
    }
}
