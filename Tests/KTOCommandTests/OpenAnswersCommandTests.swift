import Foundation
import Testing
import KTOAnalysis
import KTOModel
import KTOReport
import KTOStats
import KTOText
@testable import KTOCommand

/// A copy of a fixture folder in a temporary place (commands write next to the study).
final class ScratchFolder {
    let path: String

    init(copying fixture: String) throws {
        path = NSTemporaryDirectory() + "kto-open-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Paths.fixture(fixture), toPath: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }

    func write(_ name: String, _ text: String) { _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8)) }
}

/// Runs the built `kto` with `input` on standard input.
func runKTO(_ arguments: [String], input: [UInt8]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Paths.products + "/kto")
    process.arguments = arguments
    let stdin = Pipe()
    let out = Pipe()
    let err = Pipe()
    process.standardInput = stdin
    process.standardOutput = out
    process.standardError = err
    try process.run()
    stdin.fileHandleForWriting.write(Data(input))
    try stdin.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

@Suite("Open answers: sample study, kto code, kto anonymize, safety")
struct OpenAnswersCommandTests {
    // MARK: the published tables

    /// The coded open answers of the sample study give the published 2015 totals of both tables
    /// (whole percentages), on the bases 402 and 363; the benchmark files hold the published columns.
    @Test func publishedTotalsOfBothTables() throws {
        let results = SampleStudyTests.results.values
        let loaded = try LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        for (variable, file, base) in [("goed_codes", "open-answers-good.csv", "402"), ("verbeter_codes", "open-answers-improve.csv", "363")] {
            let fixture = try String(contentsOfFile: Paths.fixture("open-answers/" + file), encoding: .utf8)
            let lines = fixture.split(whereSeparator: \.isNewline).dropFirst()
            #expect(lines.count == 9)
            for line in lines {
                let f = line.split(separator: ",").map(String.init)
                let key = SampleStudyTests.Row(meting: "2015", group: "total", variable: variable, measure: "pct_mentioned", category: f[0])
                let row = try #require(results[key], "\(variable) \(f[0]) missing from results.csv")
                let value = try #require(Double(row.value))
                #expect(Rounding.roundHalfAwayFromZero(value, decimals: 0) == Double(f[1]), "\(variable) \(f[0]): \(value) vs published \(f[1])")
                #expect(row.n == base)
                #expect(loaded.benchmarks[0].figure(variable, "pct_mentioned", category: f[0])?.value == Double(f[2]), "RPA \(f[0])")
                #expect(loaded.benchmarks[1].figure(variable, "pct_mentioned", category: f[0])?.value == Double(f[3]), "Referentiegroep \(f[0])")
            }
            let baseRow = results[SampleStudyTests.Row(meting: "2015", group: "total", variable: variable, measure: "count", category: "base")]
            #expect(baseRow?.value == base)
        }
    }

    /// The report's tables list the codes as both published tables do (descending by percentage,
    /// equal percentages in code order), and the quotes carry no personal data.
    @Test func sampleReportChapter() throws {
        let loaded = try LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        let results = try Analyzer().analyze(loaded)
        let report = ReportBuilder().build(results)
        let chapter = try #require(report.chapters.first { $0.title == "Succes- en verbeterpunten" })
        #expect(chapter.sections.map(\.title) == ["Goed", "Verbeteren"])
        let tables = chapter.sections.flatMap(\.blocks).compactMap { block -> CodedAnswersTable? in
            if case .codedAnswers(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 2)
        let published = try String(contentsOfFile: Paths.fixture("open-answers/open-answers-good.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(tables[0].rows.map(\.label) == published)
        #expect(tables[0].columns == ["Totaal 2015", "Leidschendam-Voorburg", "Voorschoten", "Wassenaar", "RPA ZHC", "Ref.groep"])
        #expect(tables[0].bases == [402, 280, 61, 61, nil, nil])
        let improve = try String(contentsOfFile: Paths.fixture("open-answers/open-answers-improve.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(tables[1].rows.map(\.label) == improve)
        // Every code has three quotes; none holds a phone number, e-mail address or titled name.
        for table in tables {
            #expect(table.quotes.count == 9)
            for group in table.quotes {
                #expect(group.quotes.count == 3, "\(group.label)")
                for quote in group.quotes {
                    let personal = ["@", "06-", "Jansen", "De Vries"].filter { quote.contains($0) }
                    #expect(personal.isEmpty, "\(quote)")
                }
            }
        }
        // The method section says what the anonymiser replaced.
        let method = try #require(report.chapters.first { $0.title == "Inleiding en onderzoeksverantwoording" }?
            .sections.first { $0.title == "Werkwijze" })
        let paragraph = method.blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block, text.hasPrefix("Open antwoorden") { return text }
            return nil
        }.first
        let text = try #require(paragraph)
        #expect(text.contains("Alle 626 geschreven antwoorden zijn vóór het kiezen van citaten geanonimiseerd"))
        #expect(text.contains("telefoonnummers") && text.contains("e-mailadressen") && text.contains("namen"))
    }

    /// A previous meting with its own export and coding file gets a column beside the total.
    @Test func previousMetingColumn() throws {
        let folder = try ScratchFolder(copying: "open-answers/mini")
        folder.write("data-2013.csv", """
            respnr;gemeente;cijfer;goed_tekst;goed_codes;verbeter_tekst;verbeter_codes
            101;1;7;Op tijd;1;;
            102;2;6;Aardig;;;
            103;3;8;Consulent;;;

            """)
        folder.write("codering-2013.csv", "respnr;variabele;codes\n102;goed_codes;2\n103;goed_codes;3|1\n")
        folder.write("kto.study", try folder.read("kto.study") + "\n[previous]\nmeting = 2013\ndata = data-2013.csv\ncoding = codering-2013.csv\n")
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        #expect(loaded.codingLedgers.map(\.meting) == ["2015", "2013"])
        let report = ReportBuilder().build(try Analyzer().analyze(loaded))
        let table = try #require(report.chapters.flatMap(\.sections).flatMap(\.blocks).compactMap { block -> CodedAnswersTable? in
            if case .codedAnswers(let table) = block, table.variable == "goed_codes" { return table }
            return nil
        }.first)
        #expect(table.columns == ["Totaal 2015", "Totaal 2013", "Leidschendam-Voorburg", "Voorschoten", "Wassenaar"])
        // 2015: 201 (LV) [1], 206 (Voorschoten) [4] → base 2; 2013: 101 [1], 102 [2], 103 [1, 3] → base 3, code 1 by 2 of 3.
        #expect(table.bases == [2, 3, 1, 1, 0])
        let stipt = try #require(table.rows.first { $0.label == "Stiptheid uitbetaling" })
        #expect(stipt.cells[0].value == 50)
        #expect(abs(stipt.cells[1].value! - 200.0 / 3.0) < 1e-12)
    }

    // MARK: kto code

    @Test func codeWritesTheUncodedAnswersWithTheRulesCodes() throws {
        let folder = try ScratchFolder(copying: "open-answers/mini")
        let sink = CapturedOutput()
        let tool = KTOTool(console: .capturing(sink), workingDirectory: folder.path)
        #expect(tool.run(["code", "kto.study"]) == .ok)
        // Worked out in Tests/Fixtures/open-answers/README.md: 7 answers, 5 coded by the rules.
        let out = sink.stdout
        #expect(out.contains("Geschreven antwoorden zonder codes: 7 (goed_codes 3, verbeter_codes 4)"))
        #expect(out.contains("Door de trefwoorden gecodeerd: 5 van 7 (71%)"))
        #expect(out.contains("""
              goed_codes
                 1 Stiptheid uitbetaling: 1
                 2 Klantvriendelijkheid: 1
                 3 Mijn consulent: 1
                 4 Anders: 0
              verbeter_codes
                 1 Bereikbaarheid: 2
                 2 Minder wisselingen: 2
                 3 Anders: 0
            Geen trefwoord gevonden (met de hand te coderen): 2
            """))
        let bytes = try #require(FileManager.default.contents(atPath: folder.path + "/codering-2015.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // (Foundation drops the BOM when it decodes the file.)
        let written = try folder.read("codering-2015.csv")
        #expect(written == """
            respnr;variabele;codes;tekst;trefwoorden\r
            202;goed_codes;2;Vriendelijke mensen aan de balie;vriendelijk* (2)\r
            203;goed_codes;1|3;Mijn consulent is top en het geld komt op tijd;op tijd (1), consulent (3)\r
            205;goed_codes;;"'=HYPERLINK(""http://x"",""klik"")";\r
            202;verbeter_codes;2;Steeds een andere consulent;andere consulent (2)\r
            203;verbeter_codes;;Niets;\r
            205;verbeter_codes;1|2;Telefonisch onbereikbaar, wisselen van consulent;onbereikbaar (1), wisselen (2)\r
            206;verbeter_codes;1;Ik bel en bel maar niemand neemt op;bel (1)\r

            """)

        // Named in the study, the file reads back: 5 rows coded, 2 still open, nothing rejected.
        let study = try folder.read("kto.study").replacingOccurrences(of: "coding     = codering.csv", with: "coding = codering.csv, codering-2015.csv")
        folder.write("kto.study", study)
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        let ledger = try #require(loaded.codingLedgers.last)
        #expect((ledger.rowsRead, ledger.rowsCoded, ledger.rowsOpen, ledger.rejections.count) == (7, 5, 2, 0))
        // ... and the next pass lists only those two.
        let again = CapturedOutput()
        #expect(KTOTool(console: .capturing(again), workingDirectory: folder.path).run(["code", "kto.study", "--output", "ronde2.csv"]) == .ok)
        #expect(again.stdout.contains("Door de trefwoorden gecodeerd: 0 van 2 (0%)"))
    }

    @Test func codeNeverOverwritesWork() throws {
        let folder = try ScratchFolder(copying: "open-answers/mini")
        let sink = CapturedOutput()
        let tool = KTOTool(console: .capturing(sink), workingDirectory: folder.path)
        #expect(tool.run(["code", "kto.study"]) == .ok)
        #expect(tool.run(["code", "kto.study"]) == .usage)
        #expect(sink.stderr.contains("'codering-2015.csv' bestaat al; kies met --output een andere naam of overschrijf met --force"))
        #expect(tool.run(["code", "kto.study", "--force"]) == .ok)
        // The study's own coding file: refused even with --force.
        #expect(tool.run(["code", "kto.study", "--output", "codering.csv", "--force"]) == .usage)
        #expect(sink.stderr.contains("'codering.csv' is een invoerbestand van de studie"))
        #expect(try folder.read("codering.csv").hasPrefix("respnr;variabele;codes;tekst\n204;goed_codes;-;Geen"))
        // Any other input too: the data export, the codebook.
        let export = try folder.read("data.csv")
        #expect(tool.run(["code", "kto.study", "--output", "data.csv", "--force"]) == .usage)
        #expect(try folder.read("data.csv") == export)
    }

    @Test func codeAllComparesTheRulesWithExistingCodes() throws {
        let folder = try ScratchFolder(copying: "open-answers/mini")
        let sink = CapturedOutput()
        #expect(KTOTool(console: .capturing(sink), workingDirectory: folder.path).run(["code", "kto.study", "--all"]) == .ok)
        // 10 written answers: the 7 above, 201 goed (export 1; rules: "op tijd" → 1), 201 verbeter
        // (export 1; "bereikbaar*" → 1), 206 goed (coding file 4; no rule). Not 204 goed ('-', but
        // with --all every written answer is listed: "Geen", no rule) — so 11 in all.
        #expect(sink.stdout.contains("Geschreven antwoorden (alle, ook de al gecodeerde): 11 (goed_codes 6, verbeter_codes 5)"))
        #expect(sink.stdout.contains("Door de trefwoorden gecodeerd: 7 van 11 (64%)"))
        // Existing codes on 3 answers: 201 goed and 201 verbeter exactly, 206 goed not at all.
        #expect(sink.stdout.contains("Vergeleken met de bestaande codes (3 antwoorden): precies dezelfde codes 2 (67%), minstens één code gemeen 2 (67%)"))
        #expect(try folder.read("codering-2015-alle.csv").contains("201;goed_codes;1;Het geld staat altijd op tijd op mijn rekening.;op tijd (1);1\r\n"))
    }

    @Test func checkShowsTheCodingLedger() throws {
        let folder = try ScratchFolder(copying: "open-answers/mini")
        folder.write("codering.csv", "respnr;variabele;codes\n204;goed_codes;-\n299;goed_codes;1\n203;goed_codes;5\n")
        let result = try runKTO(["check", folder.path + "/kto.study"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("""
            codering.csv: coderingsbestand van meting 2015, tekencodering utf-8 (herkend)
              regels gelezen: 3, gecodeerd: 0, niet te coderen (-): 1, nog leeg: 0, afgewezen: 2
              afgewezen regels per reden: onbekend respondentnummer 1, onbekende code 1
                codering.csv:3:1: respondentnummer '299' staat niet in de data van meting 2015
                codering.csv:4:16: code '5' staat niet in de codelijst van goed_codes (geldig: 1-4, of - voor niet te coderen)
            """))
    }

    // MARK: kto anonymize

    @Test func anonymizeFiltersStandardInput() throws {
        let folder = try ScratchFolder(copying: "open-answers/mini")
        folder.write("namen.txt", "# medewerkers\nPietersen\n")
        let input = "Mevrouw Jansen belde mij op 06-12345678.\r\nIk gaf een 7,5 in 2015.\nPietersen mailde naar a.b@voorbeeld.nl\u{0}\n"
        let result = try runKTO(["anonymize", "--names", folder.path + "/namen.txt"], input: Array(input.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "Mevrouw (…) belde mij op (…).\nIk gaf een 7,5 in 2015.\n(…) mailde naar (…)\n")
        #expect(result.stderr == "kto anonymize: 3 regels gelezen (namenlijst: 1 naam); in 2 regels vervangen door (…): "
            + "1 naam (na een aanspreekvorm of functie), 1 naam van een medewerker (uit de namenlijst), 1 e-mailadres en 1 telefoonnummer.\n")

        let windows1252: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" met dhr. De Vries".utf8)
        let decoded = try runKTO(["anonymize"], input: windows1252)
        #expect(decoded.stdout == "Café met dhr. (…)\n")
        #expect(try runKTO(["anonymize", "extra.txt"], input: []).status == 2)
    }

    @Test func helpForTheNewCommands() throws {
        for command in ["code", "anonymize"] {
            let help = try runKTO([command, "--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.hasPrefix("kto \(command) — "), "\(command)")
            #expect(help.stdout.contains("VOORBEELD"), "\(command)")
        }
        let main = try runKTO(["--help"])
        #expect(main.stdout.contains("code STUDIE") && main.stdout.contains("anonymize"))
    }

    // MARK: safety

    static let hostile = [
        "Heel goed geholpen, <script>alert(1)</script> echt waar, dank u wel hoor.",
        "Altijd vriendelijk \"><img src=x onerror=alert(1)> aan de balie, ook als het druk is.",
        "=HYPERLINK(\"http://x\",\"klik\") is wat ik van de informatie vond, heel duidelijk.",
        "Goed\u{0}geregeld\u{0} en op tijd betaald, elke maand weer, nooit een probleem gehad.",
    ]

    /// Hostile answers that are coded (so they can be quoted) come out inert in every output.
    @Test func hostileAnswersComeOutInert() throws {
        let folder = try ScratchFolder(copying: "open-answers/mini")
        var data = "respnr;gemeente;cijfer;goed_tekst;goed_codes;verbeter_tekst;verbeter_codes\n"
        for (k, text) in Self.hostile.enumerated() {
            data += "\(301 + k);\(k % 3 + 1);7;\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\";\(k + 1);;\n"
        }
        folder.write("data.csv", data)
        folder.write("codering.csv", "respnr;variabele;codes\n")
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        let (results, files) = try ReportPipeline().files(for: loaded)
        // Every hostile answer was chosen as a quote.
        let quotes = results.openQuestions[0].quotes.flatMap(\.quotes).map(\.text)
        #expect(quotes.count == 4)
        #expect(quotes.allSatisfy { !$0.unicodeScalars.contains("\u{0}") })
        #expect(quotes.contains("Goedgeregeld en op tijd betaald, elke maand weer, nooit een probleem gehad."))
        var checked = 0
        for file in files {
            if file.path == "tabellenboek.xlsx" {
                // A zip holds NUL bytes of its own; its XML parts may not, and quotes stay text.
                let book = try WorkbookParts(file.bytes)
                for entry in book.archive.entries {
                    let part = try book.part(entry.name)
                    #expect(!part.unicodeScalars.contains("\u{0}") && !part.contains("<f>"), "\(entry.name)")
                }
                let quoted = try book.cells("Citaten").values.filter { $0.value?.hasPrefix("=HYPERLINK") == true }
                #expect(quoted.count == 1 && quoted.allSatisfy { $0.type == "s" && !$0.hasFormula })
                checked += 1
                continue
            }
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains("\u{0}"), "\(file.path) has a NUL")
            if file.path.hasSuffix(".html") {
                #expect(!text.contains("<script>alert"), "\(file.path)")
                #expect(!text.contains("<img src=x"), "\(file.path)")
                if file.path == "index.html" {
                    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                    #expect(text.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
                    checked += 1
                }
            } else if file.path.hasSuffix(".csv") {
                // No cell starts a formula: every field that begins with =, +, - or @ is a number or guarded.
                for line in text.split(whereSeparator: \.isNewline) {
                    for field in line.split(separator: file.path == "results.csv" ? "," : ";") {
                        let cell = field.hasPrefix("\"") ? field.dropFirst() : field[...]
                        if let first = cell.first, "=+@".contains(first) { Issue.record("\(file.path): formula cell \(field)") }
                    }
                }
                if file.path == "results.csv" {
                    #expect(!text.contains("HYPERLINK") && !text.contains("<script>"), "quotes never reach results.csv")
                    checked += 1
                }
            } else if file.path == "report.txt" {
                #expect(text.contains("<script>alert(1)</script>"), "plain text shows the answer as text")
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control characters in report.txt")
                checked += 1
            }
        }
        #expect(checked == 4)
        // The escapers the writers use, on the quotes themselves.
        for quote in quotes {
            #expect(!HTMLEscaper.escapeContent(quote).contains("<"))
            #expect(!HTMLEscaper.escapeAttribute(quote).contains("\""))
            let cell = CSVCell.field(quote, separator: ";")
            #expect(!cell.hasPrefix("=") && !cell.hasPrefix("\"="))
        }
    }
}
