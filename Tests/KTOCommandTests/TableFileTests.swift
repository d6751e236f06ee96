import Foundation
import Testing
import KTOModel
@testable import KTOCommand

/// SPSS and Excel files go through the same loader as CSV: the sample study's 2015 export written
/// by pyreadstat (.zsav), PSPP (.sav) and openpyxl (.xlsx) (Tests/Fixtures/tables/make_tables.py)
/// gives the same results.csv and report.txt as the CSV; places in messages are the file's own.
@Suite("SPSS and Excel data files")
struct TableFileTests {
    /// A copy of the sample study in a temporary folder, with `data` (and `sheet`) replaced.
    static func sampleStudy(data: String, extra: String = "") throws -> String {
        let folder = NSTemporaryDirectory() + "kto-tables-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Paths.packageRoot + "/SampleData") {
            try FileManager.default.copyItem(atPath: Paths.packageRoot + "/SampleData/" + name, toPath: folder + "/" + name)
        }
        if FileManager.default.fileExists(atPath: Paths.fixture("tables/" + data)) {
            try FileManager.default.copyItem(atPath: Paths.fixture("tables/" + data), toPath: folder + "/" + data)
        }
        let study = try String(contentsOfFile: folder + "/kto-2015.study", encoding: .utf8)
            .replacingOccurrences(of: "data     = kto-2015.csv", with: "data     = \(data)\n" + extra)
            .replacingOccurrences(of: "output   = ../Reports/kto-2015", with: "output = rapport")
        try study.write(toFile: folder + "/kto.study", atomically: true, encoding: .utf8)
        return folder
    }

    static func outputs(_ folder: String) throws -> [String: [UInt8]] {
        let loaded = try LoadedStudy.load(studyPath: folder + "/kto.study")
        var files: [String: [UInt8]] = [:]
        for file in try ReportPipeline().files(for: loaded).files { files[file.path] = file.bytes }
        return files
    }

    @Test(arguments: ["kto-2015.zsav", "kto-2015-pspp.sav", "kto-2015.xlsx"])
    func everyFormatGivesTheSameResults(file: String) throws {
        let csv = try Self.sampleStudy(data: "kto-2015.csv")
        let table = try Self.sampleStudy(data: file)
        defer {
            try? FileManager.default.removeItem(atPath: csv)
            try? FileManager.default.removeItem(atPath: table)
        }
        let expected = try Self.outputs(csv)
        let ours = try Self.outputs(table)
        #expect((expected["results.csv"]?.count ?? 0) > 100_000)
        #expect(ours["results.csv"] == expected["results.csv"])
        #expect(ours["report.txt"] == expected["report.txt"])
    }

    @Test func theSheetCanBeNamed() throws {
        let folder = try Self.sampleStudy(data: "kto-2015.xlsx", extra: "sheet = Antwoorden")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loaded = try LoadedStudy.load(studyPath: folder + "/kto.study")
        #expect(loaded.current.rowCount == 649)
        #expect(loaded.ledgers.first?.table?.sheet == "Antwoorden")

        let wrong = try Self.sampleStudy(data: "kto-2015.xlsx", extra: "sheet = Blad9")
        defer { try? FileManager.default.removeItem(atPath: wrong) }
        let result = try runKTO(["check", wrong + "/kto.study"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Blad9"))
        #expect(result.stderr.contains("Antwoorden"))
    }

    @Test func placesInMessagesAreCellsAndCases() throws {
        let xlsx = try runKTO(["check", Paths.fixture("tables/fouten.study")])
        #expect(xlsx.status == 1)
        #expect(xlsx.stdout.contains("fouten.xlsx: Excel-werkmap (.xlsx), blad 'Blad1'"))
        #expect(xlsx.stdout.contains("fouten.xlsx:Blad1 rij 4: onbekende gemeente '7'"))
        #expect(xlsx.stdout.contains("fouten.xlsx:Blad1!C3: '11'"))
        #expect(xlsx.stdout.contains("fouten.xlsx:Blad1!C5: 'goed'"))
        #expect(xlsx.stderr.contains("fout: fouten.xlsx:Blad1!C3: variabele 'cijfer'"))

        let folder = try temporaryFolder("kto-fouten", fixtures: ["tables/fouten.sav", "tables/codebook.csv"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let study = try String(contentsOfFile: Paths.fixture("tables/fouten.study"), encoding: .utf8)
            .replacingOccurrences(of: "fouten.xlsx", with: "fouten.sav")
        try study.write(toFile: folder + "/kto.study", atomically: true, encoding: .utf8)
        let sav = try runKTO(["check", folder + "/kto.study"])
        #expect(sav.status == 1)
        #expect(sav.stdout.contains("fouten.sav: SPSS-systeembestand (.sav), codering UTF-8"))
        #expect(sav.stdout.contains("fouten.sav: case 3: onbekende gemeente '7'"))
        #expect(sav.stdout.contains("fouten.sav: case 2, variabele cijfer: '11'"))
        #expect(sav.stdout.contains("fouten.sav: case 4, variabele cijfer: 'goed'"))
    }

    /// A workbook with a password is an OLE compound file: a clear error, and nothing written.
    @Test func anOldOrEncryptedWorkbookIsAClearError() throws {
        let folder = try Self.sampleStudy(data: "kto-2015.xlsx")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            .write(to: URL(fileURLWithPath: folder + "/kto-2015.xlsx"))
        let result = try runKTO(["report", folder + "/kto.study"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("kto-2015.xlsx"))
        #expect(result.stderr.contains("werkmap is beveiligd met een wachtwoord"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/rapport"))
    }
}
