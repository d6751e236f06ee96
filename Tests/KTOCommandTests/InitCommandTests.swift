import Foundation
import Testing
import KTOImport
@testable import KTOCommand
@testable import KTOModel

/// A temporary folder with a copy of a fixture of Tests/Fixtures/exports.
final class InitFolder {
    let path: String

    init(copying names: [String] = [], renamed: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "kto-init-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(atPath: Paths.fixture("exports/" + name), toPath: path + "/" + (renamed[name] ?? name))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func read(_ name: String) -> String? { try? String(contentsOfFile: path + "/" + name, encoding: .utf8) }

    /// The study file with every population filled in, as the analyst does after `kto init`.
    func fillPopulations(_ study: String = "kto.study", with count: Int = 100) throws {
        let text = try #require(read(study))
        try text.replacingOccurrences(of: " = 0\n", with: " = \(count)\n").write(toFile: path + "/" + study, atomically: true, encoding: .utf8)
    }
}

@Suite("kto init (in process)")
struct InitCommandTests {
    func run(_ args: [String], in folder: String = Paths.packageRoot) -> (KTOTool.ExitCode, CapturedOutput) {
        let output = CapturedOutput()
        return (KTOTool(console: .capturing(output), workingDirectory: folder).run(args), output)
    }

    @Test func writesBothFilesBesideTheDataAndListsWhatToCheck() throws {
        let folder = try InitFolder(copying: ["kto-2025.csv"])
        let (code, output) = run(["init", "kto-2025.csv"], in: folder.path)
        #expect(code == .ok)
        let codebook = try #require(folder.read("codebook.csv"))
        let study = try #require(folder.read("kto.study"))
        let bytes = try #require(FileManager.default.contents(atPath: folder.path + "/codebook.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a BOM, so Excel shows the accents")
        #expect(codebook.hasPrefix("variable;type;chapter;section;text;values;labels;missing;polarity;scale;columns;check\r\n"))
        #expect(codebook.contains("\r\ngemeente;group;;;Gemeente;;1=Leiden|2=Oegstgeest|3=Zoeterwoude;;;;;\r\n"))
        #expect(study.contains("\ndata     = kto-2025.csv\n") && study.contains("\nmeting   = 2025\n") && study.contains("\ngroup    = gemeente\n"))
        #expect(study.hasSuffix("[population]\nLeiden      = 0\nOegstgeest  = 0\nZoeterwoude = 0\n"))
        #expect(output.stdout.contains("Gelezen: kto-2025.csv (CSV), 60 respondenten"))
        #expect(output.stdout.contains("Codeboek: 8 variabelen (1 id, 1 group, 1 grade, 2 likert, 1 category, 1 multi, 1 text)"))
        let stderr = output.stderr.split(separator: "\n").map(String.init)
        #expect(stderr.first == "kto init: te controleren (ook in de kolom check van codebook.csv en in kto.study):")
        #expect(stderr.contains("  - stelling_wachten: richting: is eens hier goed nieuws (laat leeg of positive) of slecht nieuws (negative, zoals 'ik moet te lang wachten')?"))
        #expect(stderr.last == "  - [population]: vul per gemeente het aantal aangeschreven klanten in (Leiden, Oegstgeest, Zoeterwoude)")
    }

    @Test(arguments: ["codebook.csv", "kto.study"])
    func refusesToOverwrite(existing: String) throws {
        let folder = try InitFolder(copying: ["kto-2025.csv"])
        try "mijn werk\n".write(toFile: folder.path + "/" + existing, atomically: true, encoding: .utf8)
        let (code, output) = run(["init", "kto-2025.csv"], in: folder.path)
        #expect(code == .usage)
        #expect(output.stderr == "kto: kto init overschrijft nooit een bestand: \(folder.path)/\(existing) bestaat al; kies met --output een andere map, of hernoem of verwijder het bestand zelf")
        #expect(folder.read(existing) == "mijn werk\n")
        let other = existing == "kto.study" ? "codebook.csv" : "kto.study"
        #expect(folder.read(other) == nil, "nothing written")
    }

    @Test func writesIntoANewOutputFolderWithTheDataRelative() throws {
        let folder = try InitFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/levering", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.fixture("exports/export.sav"), toPath: folder.path + "/levering/export-2024.sav")
        let (code, _) = run(["init", "levering/export-2024.sav", "--output", "studie/2024"], in: folder.path)
        #expect(code == .ok)
        let study = try #require(folder.read("studie/2024/kto.study"))
        #expect(study.contains("\ndata     = ../../levering/export-2024.sav\n") && study.contains("\nmeting   = 2024\n"))
        #expect(folder.read("studie/2024/codebook.csv")?.contains("\r\ncijfer;grade;Vragen;Rapportcijfers;Welk rapportcijfer geeft u de dienstverlening van de sociale dienst?;;;99=Weet niet;;;;\r\n") == true)
    }

    @Test func aWorkbookSheetIsNamedInTheStudy() throws {
        let folder = try InitFolder(copying: ["export.xlsx"])
        let (code, output) = run(["init", "export.xlsx", "--sheet", "resultaten"], in: folder.path)
        #expect(code == .ok, "\(output.stderr)")
        #expect(folder.read("kto.study")?.contains("\nsheet    = Resultaten\n") == true)
        let (missing, missingOutput) = run(["init", "export.xlsx", "--sheet", "Blad9", "--output", "b"], in: folder.path)
        #expect(missing == .dataProblem)
        #expect(missingOutput.stderr == "fout: export.xlsx: werkblad 'Blad9' bestaat niet; de werkmap heeft: 'Resultaten', 'Toelichting'")
        #expect(folder.read("b/kto.study") == nil)
    }

    @Test func usageMistakes() throws {
        let folder = try InitFolder(copying: ["kto-2025.csv"])
        let (none, noneOutput) = run(["init"], in: folder.path)
        #expect(none == .usage && noneOutput.stderr.hasPrefix("kto: geef precies één databestand"))
        let (absent, absentOutput) = run(["init", "weg.csv"], in: folder.path)
        #expect(absent == .usage && absentOutput.stderr.hasPrefix("kto: databestand 'weg.csv' bestaat niet"))
        try FileManager.default.createDirectory(atPath: folder.path + "/map.xlsx", withIntermediateDirectories: false)
        let (directory, directoryOutput) = run(["init", "map.xlsx"], in: folder.path)
        #expect(directory == .usage && directoryOutput.stderr.hasPrefix("kto: 'map.xlsx' is een map, geen databestand"))
        let (group, groupOutput) = run(["init", "kto-2025.csv", "--group", "regio"], in: folder.path)
        #expect(group == .usage)
        #expect(groupOutput.stderr.hasPrefix("kto: kolom 'regio' (--group) staat niet in de data; kolommen die de gemeente kunnen zijn: 'gemeente', 'cijfer'"))
        let (format, formatOutput) = run(["init", "kto-2025.csv", "--format", "spss"], in: folder.path)
        #expect(format == .usage && formatOutput.stderr.hasPrefix("kto: onbekend formaat 'spss'"))
        #expect(folder.read("codebook.csv") == nil && folder.read("kto.study") == nil)
    }

    @Test func damagedDataIsADataProblemAndWritesNothing() throws {
        let folder = try InitFolder(copying: ["hostile-truncated.sav", "hostile-encrypted.xlsx", "hostile-old.xls"])
        for name in ["hostile-truncated.sav", "hostile-encrypted.xlsx", "hostile-old.xls"] {
            let (code, output) = run(["init", name], in: folder.path)
            #expect(code == .dataProblem, "\(name)")
            #expect(output.stderr.hasPrefix("fout: \(name): "), "\(output.stderr)")
        }
        #expect(folder.read("codebook.csv") == nil && folder.read("kto.study") == nil)
    }

    @Test func helpTeaches() {
        let (code, output) = run(["init", "--help"])
        #expect(code == .ok)
        #expect(output.stdout.contains("kto init levering/export-2025.sav") && output.stdout.contains("[population]"))
        #expect(run(["help", "init"]).1.stdout == output.stdout)
        #expect(run(["--help"]).1.stdout.contains("init DATA"))
    }
}

/// `kto init` → fill in the populations → `kto check` → `kto report`, with the built executable.
@Suite("kto init, check and report (built executable)")
struct InitEndToEndTests {
    /// The loader reads every table file once the study file knows `format =` (the lead's part of
    /// issue 14): tests of the non-CSV and platform shapes need it. A real condition, not a flag.
    static let tableFileLoader: Bool = {
        let text = "title = t\nmeting = 1\ndata = d.csv\ncodebook = c.csv\ngroup = g\nformat = plain\n[population]\nA = 1\n"
        guard let source = try? SourceText(bytes: Array(text.utf8), file: "t.study") else { return false }
        return (try? Study.parse(source, folder: "/tmp")) != nil
    }()

    func initCheckReport(_ name: String, as fileName: String? = nil) throws {
        let folder = try InitFolder(copying: [name], renamed: fileName.map { [name: $0] } ?? [:])
        let data = fileName ?? name
        let initRun = try runKTO(["init", data], in: folder.path)
        #expect(initRun.status == 0, "\(initRun.stderr)")
        try folder.fillPopulations()
        let check = try runKTO(["check", "kto.study"], in: folder.path)
        #expect(!check.stderr.contains("fout:"), "\(check.stderr)")
        #expect(check.stdout.contains("rijen gelezen"), "\(check.stdout)")
        let report = try runKTO(["report", "kto.study", "--quiet"], in: folder.path)
        #expect(report.status == 0, "\(report.stderr)")
        let results = try #require(folder.read("rapport-2025/results.csv"))
        #expect(results.contains("2025,total,respons,response_rate,"))
    }

    @Test func plainCSV() throws {
        try initCheckReport("kto-2025.csv")
        // Every row and cell of the plain export is usable: kto check exits 0.
        let folder = try InitFolder(copying: ["kto-2025.csv"])
        _ = try runKTO(["init", "kto-2025.csv"], in: folder.path)
        try folder.fillPopulations()
        let check = try runKTO(["check", "kto.study"], in: folder.path)
        #expect(check.status == 0 && check.stdout.contains("rijen gelezen: 60, gebruikt: 60, afgewezen: 0"), "\(check.stdout)")
    }

    // needs the table-file loader
    @Test(.enabled(if: tableFileLoader), arguments: [
        "export.sav", "export-bytecode.sav", "export.zsav", "export-pyreadstat.sav", "export.xlsx", "qualtrics-export.csv",
        "limesurvey-export.csv", "surveymonkey-export.csv",
    ])
    func everyOtherShape(name: String) throws {
        let ext = name.split(separator: ".").last.map(String.init) ?? "csv"
        try initCheckReport(name, as: "export-2025." + ext)
    }
}
