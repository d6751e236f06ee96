import Foundation
import Testing
@testable import KTOCommand
import KTOWriters

@Suite("kto command line (built executable)")
struct CLIBinaryTests {
    @Test func checkOnWindows1252SemicolonCRLFExport() throws {
        let result = try runKTO(["check", Paths.fixture("cli/kto.study")])
        #expect(result.status == 1, "rows were rejected, so check exits 1")
        let expected = """
            Studie: Proefstudie (meting 2015)
            Codeboek: codebook.csv, 7 variabelen
            export-1252.csv: codering windows-1252 (herkend), scheidingsteken puntkomma (;) (herkend)
              rijen gelezen: 6, gebruikt: 4, afgewezen: 2
              cellen met tekst herkend als code (bijv. 'weet niet'): 2
              afgewezen rijen per reden: onbekende gemeente 1, dubbel respondentnummer 1
                export-1252.csv:6: onbekende gemeente '9' (niet in [population] van de studie)
                export-1252.csv:7: respondentnummer '102' komt al voor op regel 3
              onbruikbare cellen: 1 (geteld als geen antwoord)
                cijfer: 1 buiten de geldige waarden
                  export-1252.csv:5:7: '12'
            Geen rapport mogelijk: de data kan het rapport niet dragen (zie de fouten hierboven).

            """
        #expect(result.stdout == expected)
        // One of the four grades is unusable: 25%, above the 5% a report may rest on; and one of
        // six rows has a gemeente the study does not know, more than 2%.
        #expect(result.stderr == "fout: export-1252.csv:5:7: variabele 'cijfer': 1 van de 4 ingevulde cellen (25%) zijn onbruikbaar, meer dan de drempel van 5% (unreadable in [thresholds]). Meest voorkomend: '12' 1× (export-1252.csv:5:7). Waarschijnlijke oplossing: controleer de geldige waarden (kolom values) en de ontbrekende codes (kolom missing) van 'cijfer' in het codeboek.\n"
            + "fout: export-1252.csv:1: meting 2015: 1 van de 6 rijen hebben een gemeente die niet in [population] van de studie staat ('9' 1×); meer dan 2% van de rijen zou wegvallen. Controleer de namen en codes van de gemeenten in de data, het codeboek (labels van de groepsvariabele) en [population].\n")
    }

    @Test func strictMakesRejectionFatalWithLocation() throws {
        let result = try runKTO(["check", Paths.fixture("cli/kto.study"), "--strict"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("fout: export-1252.csv:6: rij afgewezen (--strict): onbekende gemeente '9'"))
        #expect(result.stderr.contains("\n    105;9;6;3;4;1;onbekende gemeente\n"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try runKTO(["check"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("geef precies één studiebestand"))
        let unknown = try runKTO(["rapport"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("onbekende opdracht 'rapport'"))
        let option = try runKTO(["report", "--snel"])
        #expect(option.status == 2)
        #expect(option.stderr == "kto: onbekende optie '--snel' (bekend: --help, --output, --quiet, --strict)\nZie 'kto report --help'.\n")
    }

    @Test func helpTeachesWithExamples() throws {
        let main = try runKTO(["--help"])
        #expect(main.status == 0)
        #expect(main.stdout.contains("VOORBEELDEN"))
        for command in ["report", "check", "sample"] {
            let help = try runKTO([command, "--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.hasPrefix("kto \(command) — "), "\(command)")
            #expect(help.stdout.contains("VOORBEELD"), "\(command)")
        }
    }
}

@Suite("kto command line (in process)")
struct CLIInProcessTests {
    func run(_ args: [String]) -> (KTOTool.ExitCode, CapturedOutput) {
        let output = CapturedOutput()
        let tool = KTOTool(console: .capturing(output), workingDirectory: Paths.packageRoot)
        return (tool.run(args), output)
    }

    @Test func unterminatedQuoteShowsLineAndCaret() throws {
        let folder = NSTemporaryDirectory() + "kto-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try String(contentsOfFile: Paths.fixture("cli/codebook.csv"), encoding: .utf8)
            .write(toFile: folder + "/codebook.csv", atomically: true, encoding: .utf8)
        try "respnr;gemeente;cijfer\n1;1;7\n2;1;\"8\n".write(toFile: folder + "/export-1252.csv", atomically: true, encoding: .utf8)
        try String(contentsOfFile: Paths.fixture("cli/kto.study"), encoding: .utf8)
            .write(toFile: folder + "/kto.study", atomically: true, encoding: .utf8)
        let (code, output) = run(["check", folder + "/kto.study"])
        #expect(code == .dataProblem)
        #expect(output.stderr == "fout: export-1252.csv:3:5: aanhalingsteken wordt niet afgesloten: het veld dat hier begint loopt door tot het einde van het bestand\n    2;1;\"8\n        ^")
    }

    @Test func missingStudyIsAUsageError() {
        let (code, output) = run(["check", "bestaat/niet.study"])
        #expect(code == .usage)
        #expect(output.stderr.contains("studiebestand 'bestaat/niet.study' bestaat niet"))
    }

    @Test func studyMistakesAreAllListed() throws {
        let folder = NSTemporaryDirectory() + "kto-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "titel = x\nmeting = 1\n".write(toFile: folder + "/s.study", atomically: true, encoding: .utf8)
        let (code, output) = run(["check", folder + "/s.study"])
        #expect(code == .dataProblem)
        let lines = output.stderr.split(separator: "\n").filter { $0.hasPrefix("fout:") }
        #expect(lines.count >= 4)
        #expect(output.stderr.contains(folder + "/s.study:1: onbekende sleutel 'titel'; bedoelt u 'title'?"))
    }
}

@Suite("kto report (built executable)")
struct ReportCommandTests {
    @Test func sampleReportIsWrittenAndLocated() throws {
        let output = NSTemporaryDirectory() + "kto-report-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try runKTO(["report", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Rapport geschreven naar \(output)/"))
        for file in ["index.html", "report.txt", "results.csv", "annex-voorschoten.html", "annex-wassenaar.html", "annex-leidschendam-voorburg.html", "tabellenboek.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + file), "\(file)")
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let first = NSTemporaryDirectory() + "kto-a-" + UUID().uuidString
        let second = NSTemporaryDirectory() + "kto-b-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        #expect(try runKTO(["report", "--quiet", "--output", first]).status == 0)
        #expect(try runKTO(["report", "--quiet", "--output", second]).status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: first).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: second).sorted()))
        // Every file the same, the manifest included; only the stamps beside it (inodes and
        // times of this disk, not of the data) differ between the two folders.
        #expect(files.contains(OutputFolder.stampsName))
        for file in files where file != OutputFolder.stampsName {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: first + "/" + file, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            #expect(FileManager.default.contents(atPath: first + "/" + file) == FileManager.default.contents(atPath: second + "/" + file), "\(file)")
        }
    }
}
