import Foundation
import Testing
@testable import KTOImport

/// `TableFile` on the survey of Tests/Fixtures/exports: every shape gives the same 60
/// respondents, with the rows left out named by line and reason.
@Suite("TableFile: every export shape")
struct TableFileTests {
    let people = ExportFixtures.respondents
    let gemeenten = ["Leiden", "Oegstgeest", "Zoeterwoude"]

    /// Grades as text exports write them: 99 is the text 'weet niet' (no number).
    var textGrades: [Double?] { people.map { $0.cijfer.flatMap { $0 == 99 ? nil : Double($0) } } }

    @Test func fixturesAreThere() {
        #expect(people.count == 60)
        #expect(people.filter { !$0.toelichting.isEmpty }.count == 10)
    }

    @Test func plainCSV() throws {
        let result = try ExportFixtures.read("kto-2025.csv")
        #expect(result.format == .plain && result.formatRecognised)
        #expect(result.leftOut.isEmpty && result.headerRowsSkipped == 0 && result.metadataColumns.isEmpty)
        #expect(result.text?.encoding == .windows1252 && result.text?.dialect == .semicolon)
        let table = result.table
        #expect(table.format == .csv && table.rowCount == 60)
        #expect(table.numbers("respnr") == people.map { Double($0.respnr) })
        #expect(table.numbers("cijfer") == textGrades)
        #expect(table.texts("gemeente") == people.map { gemeenten[$0.gemeente - 1] })
        #expect(table.texts("toelichting") == people.map { $0.toelichting.isEmpty ? nil : $0.toelichting })
        // By hand: respondent 1006's answer spans lines 7-8, so 1007 starts on line 9.
        #expect(Array(table.rowNumbers.prefix(8)) == [2, 3, 4, 5, 6, 7, 9, 10])
        #expect(table.rowNumbers == ExportFixtures.expected["plain_row_lines"] as? [Int])
        #expect(table.place(row: 6, column: 9).description == "kto-2025.csv:9, kolom toelichting")
        #expect(table.texts("toelichting").contains("Café gemist; € 50 te weinig ontvangen."))
    }

    @Test(arguments: ["export.sav", "export-bytecode.sav", "export.zsav", "export-pyreadstat.sav"])
    func spssFiles(name: String) throws {
        let result = try ExportFixtures.read(name)
        #expect(result.format == (name.hasSuffix(".zsav") ? .zsav : .sav))
        let table = result.table
        #expect(table.rowCount == 60)
        #expect(table.numbers("respnr") == people.map { Double($0.respnr) })
        #expect(table.numbers("cijfer") == people.map { $0.cijfer.map(Double.init) })
        #expect(table.numbers("stelling_uitleg") == people.map { $0.uitleg.map(Double.init) })
        #expect(table.column("cijfer")?.missing == .discrete([.number(99)]))
        #expect(table.column("gemeente")?.valueLabels.map(\.label) == gemeenten)
        #expect(table.column("stelling_wachten")?.label == "Ik moet te lang wachten op een antwoord.")
        #expect(table.texts("toelichting") == people.map { $0.toelichting.isEmpty ? nil : $0.toelichting })
        // PSPP writes the multiple-response set; pyreadstat cannot.
        let sets = table.multipleResponseSets
        if name.contains("pyreadstat") {
            #expect(sets.isEmpty)
        } else {
            #expect(sets.map(\.name) == ["kanaal"] && sets.first?.variables == ["kanaal_1", "kanaal_2", "kanaal_3"])
        }
    }

    @Test func workbook() throws {
        let result = try ExportFixtures.read("export.xlsx")
        #expect(result.format == .xlsx && result.table.sheet == "Resultaten" && result.table.rowCount == 60)
        #expect(result.table.numbers("cijfer") == textGrades)
        #expect(result.table.texts("leeftijd")[0] == "41-64")
        #expect(result.table.rowNumbers.first == 2)
        let other = try ExportFixtures.read("export.xlsx", sheet: "toelichting")
        #expect(other.table.sheet == "Toelichting" && other.table.rowCount == 0)
        #expect(throws: TableFileError.xlsx(.sheetNotFound(file: "export.xlsx", sheet: "Blad9", available: ["Resultaten", "Toelichting"]))) {
            try ExportFixtures.read("export.xlsx", sheet: "Blad9")
        }
    }

    @Test func qualtrics() throws {
        let expected = ExportFixtures.section("qualtrics")
        let result = try ExportFixtures.read("qualtrics-export.csv")
        #expect(result.format == .qualtrics && result.formatRecognised && result.headerRowsSkipped == 2)
        // By hand: three header lines, respondent 1006's answer takes two lines; the unfinished
        // responses are the 11th, 32nd and 53rd data rows.
        #expect(result.leftOut.map(\.line) == [15, 36, 57])
        #expect(result.leftOut.map(\.line) == expected["left_out_lines"] as? [Int])
        #expect(result.leftOut.allSatisfy { $0.reason == .notFinished })
        #expect(result.leftOut.first?.place == "qualtrics-export.csv:15")
        #expect(result.metadataColumns.count == 17 && result.metadataColumns.contains("ResponseId"))
        let table = result.table
        #expect(table.rowCount == 60)
        #expect(table.rowNumbers == expected["row_lines"] as? [Int])
        #expect(table.texts("ResponseId") == (expected["ids"] as? [String])?.map { Optional($0) })
        #expect(table.column("Q1")?.label == "In welke gemeente woont u?")
        #expect(table.texts("Q1") == people.map { gemeenten[$0.gemeente - 1] })
        #expect(table.numbers("Q2") == textGrades)
        #expect(table.column("Q3_2")?.label == "In hoeverre bent u het eens met de volgende stellingen? - Ik moet te lang wachten op een antwoord.")
        let set = try #require(table.multipleResponseSets.first)
        #expect(table.multipleResponseSets.count == 1)
        #expect(set.name == "Q5" && set.variables == ["Q5_1", "Q5_2", "Q5_3"] && set.kind == .dichotomy(countedValue: "1"))
        #expect(set.label == "Hoe had u contact met de sociale dienst? (meerdere antwoorden mogelijk)")
        #expect(table.column("Q5_2")?.label == "Balie")
        for k in 0..<3 {
            #expect(table.numbers("Q5_\(k + 1)") == people.map { $0.kanaal[k] == 1 ? 1 : nil })
        }
        let all = try ExportFixtures.read("qualtrics-export.csv", includeUnfinished: true)
        #expect(all.table.rowCount == 63 && all.leftOut.isEmpty)
    }

    @Test func limeSurvey() throws {
        let expected = ExportFixtures.section("limesurvey")
        let result = try ExportFixtures.read("limesurvey-export.csv")
        #expect(result.format == .limesurvey && result.headerRowsSkipped == 0)
        // By hand: the unsubmitted responses come before the 16th and the 45th respondent;
        // respondent 1006's answer takes two lines.
        #expect(result.leftOut.map(\.line) == [18, 48])
        #expect(result.leftOut.map(\.line) == expected["left_out_lines"] as? [Int])
        #expect(result.leftOut.allSatisfy { $0.reason == .notSubmitted })
        let table = result.table
        #expect(table.rowCount == 60)
        #expect(table.numbers("id") == (expected["ids"] as? [Int])?.map { Double($0) })
        #expect(table.numbers("gemeente") == people.map { Double($0.gemeente) })
        #expect(table.numbers("leeftijd") == people.map { $0.leeftijd.map(Double.init) })
        #expect(table.column("gemeente")?.label == "In welke gemeente woont u?")
        #expect(table.numbers("cijfer") == people.map { $0.cijfer.map(Double.init) })
        #expect(table.numbers("stelling[SQ001]") == people.map { $0.uitleg.flatMap { $0 == 9 ? nil : Double($0) } })
        #expect(result.notes.contains(.answerCodesAsNumbers(column: "gemeente")))
        #expect(result.notes.contains(.yesNoAsNumbers(column: "eerder")))
        #expect(table.column("eerder")?.valueLabels.map(\.label) == ["Ja", "Nee"])
        #expect(table.numbers("eerder") == (0..<60).map { $0 % 3 == 0 ? 2 : 1 })
        let set = try #require(table.multipleResponseSets.first)
        #expect(set.name == "kanaal" && set.variables == ["kanaal[SQ001]", "kanaal[SQ002]", "kanaal[SQ003]"])
        #expect(set.label == "Hoe had u contact met de sociale dienst? (meerdere antwoorden mogelijk)")
        #expect(table.column("kanaal[SQ003]")?.label == "Website")
        #expect(table.numbers("kanaal[SQ001]") == people.map { $0.kanaal[0] == 1 ? 1 : nil })
        #expect(result.metadataColumns == ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"])
        let all = try ExportFixtures.read("limesurvey-export.csv", includeUnfinished: true)
        #expect(all.table.rowCount == 62)
    }

    @Test func surveyMonkey() throws {
        let expected = ExportFixtures.section("surveymonkey")
        let result = try ExportFixtures.read("surveymonkey-export.csv")
        #expect(result.format == .surveymonkey && result.headerRowsSkipped == 1 && result.leftOut.isEmpty)
        let table = result.table
        #expect(table.rowCount == 60)
        #expect(table.rowNumbers == expected["row_lines"] as? [Int])
        #expect(table.columns.map(\.name) == [
            "respondent_id", "collector_id", "start_date", "end_date", "ip_address", "email_address", "first_name",
            "last_name", "custom_data_1", "q1", "q2", "q3_1", "q3_2", "q4", "q5_1", "q5_2", "q5_3", "q6",
        ])
        #expect(result.metadataColumns.count == 9)
        #expect(table.numbers("respondent_id") == (expected["ids"] as? [Int])?.map { Double($0) })
        #expect(table.column("q1")?.label == "In welke gemeente woont u?")
        #expect(table.column("q3_1")?.label == "In hoeverre bent u het eens met de volgende stellingen? - De consulent legt duidelijk uit wat ik moet doen.")
        #expect(table.column("q6")?.label == "Wilt u nog iets toelichten?")
        #expect(table.numbers("q2") == textGrades)
        let set = try #require(table.multipleResponseSets.first)
        #expect(set.name == "hoe_had_u_contact_met_de_sociale" && set.variables == ["q5_1", "q5_2", "q5_3"])
        #expect(table.column("q5_1")?.label == "Telefoon")
        #expect(table.numbers("q5_3") == people.map { $0.kanaal[2] == 1 ? 1 : nil })
    }

    @Test func theSameSurveyInEveryShape() throws {
        // The grade of each respondent, whatever the file (respondents in the same order).
        for name in ["kto-2025.csv", "export.xlsx", "qualtrics-export.csv", "surveymonkey-export.csv"] {
            let table = try ExportFixtures.read(name).table
            let grade = table.columns.first { $0.name == "cijfer" || $0.name == "Q2" || $0.name == "q2" }?.name ?? ""
            #expect(table.numbers(grade) == textGrades, "\(name)")
        }
    }
}

@Suite("TableFile: bad input")
struct TableFileHostileTests {
    @Test func damagedFilesGiveTheirReadersErrors() {
        #expect(throws: TableFileError.self) { try ExportFixtures.read("hostile-truncated.sav") }
        do {
            _ = try ExportFixtures.read("hostile-bad-magic.sav")
            Issue.record("no error")
        } catch {
            guard case .sav(let e) = error, case .notASystemFile = e.kind else { Issue.record("\(error)"); return }
            #expect(error.message.contains("geen SPSS-systeembestand"))
        }
        do {
            _ = try ExportFixtures.read("hostile-truncated.xlsx")
            Issue.record("no error")
        } catch {
            guard case .xlsx = error else { Issue.record("\(error)"); return }
        }
        #expect(throws: TableFileError.xlsx(.passwordProtected(file: "hostile-encrypted.xlsx"))) {
            try ExportFixtures.read("hostile-encrypted.xlsx")
        }
        #expect(throws: TableFileError.unsupportedSpreadsheet(file: "hostile-old.xls", extension: "xls")) {
            try ExportFixtures.read("hostile-old.xls")
        }
        #expect(throws: TableFileError.missingHeaderRows(file: "hostile-qualtrics-header-only.csv", format: .qualtrics, needed: 2, found: 0)) {
            try ExportFixtures.read("hostile-qualtrics-header-only.csv")
        }
    }

    @Test func spreadsheetsKtoCannotReadAreNamedWithAdvice() {
        let error = TableFileError.unsupportedSpreadsheet(file: "data.ods", extension: "ods")
        #expect(throws: error) { try TableFile.read(bytes: Array("a;b\n".utf8), displayName: "data.ods") }
        #expect(error.message.contains("sla het op als Excel-werkmap (.xlsx) of als CSV"))
        // An old .xls saved under a .csv name is still refused as .xls.
        #expect(throws: TableFileError.unsupportedSpreadsheet(file: "data.csv", extension: "xls")) {
            try TableFile.read(bytes: ExportFixtures.bytes("hostile-old.xls"), displayName: "data.csv")
        }
    }

    @Test func aFileIsReadAsWhatItIsWhateverItsName() throws {
        let result = try TableFile.read(bytes: ExportFixtures.bytes("export.zsav"), displayName: "export.csv")
        #expect(result.format == .zsav && result.table.rowCount == 60)
    }

    @Test func wrongFormatOrSheetIsAClearError() {
        #expect(throws: TableFileError.notThisFormat(file: "kto-2025.csv", format: .qualtrics, missing: ["ResponseId", "StartDate", "Finished"])) {
            try ExportFixtures.read("kto-2025.csv", format: .qualtrics)
        }
        #expect(throws: TableFileError.sheetWithoutWorkbook(file: "kto-2025.csv", sheet: "Blad1")) {
            try ExportFixtures.read("kto-2025.csv", sheet: "Blad1")
        }
        #expect(throws: TableFileError.formatNeedsCSV(file: "export.sav", format: .surveymonkey, actual: .sav)) {
            try ExportFixtures.read("export.sav", format: .surveymonkey)
        }
    }

    @Test func malformedRowsAreLeftOutWithTheirLines() throws {
        let text = "id;a;b\n1;x;y\n2;x\n\n;;\n3;\"q\"z;y\n4;\"two\nlines\";y\n5;x;y;z\n6;x;y\n"
        let result = try TableFile.read(bytes: Array(text.utf8), displayName: "t.csv")
        #expect(result.table.numbers("id") == [1, 4, 6])
        #expect(result.table.rowNumbers == [2, 7, 10])
        #expect(result.leftOut == [
            LeftOutRow(line: 3, reason: .wrongFieldCount(found: 2, expected: 3), place: "t.csv:3"),
            LeftOutRow(line: 6, reason: .textAfterQuote(field: 2), place: "t.csv:6"),
            LeftOutRow(line: 9, reason: .wrongFieldCount(found: 4, expected: 3), place: "t.csv:9"),
        ])
        #expect(result.text?.blankLines == 2)
        #expect(result.table.texts("a")[1] == "two\nlines")
    }

    @Test func unterminatedQuoteKeepsItsRealLine() {
        do {
            _ = try TableFile.read(bytes: Array("id;a\n1;x\n2;\"open\n3;y\n".utf8), displayName: "t.csv")
            Issue.record("no error")
        } catch {
            guard case .csv(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.kind == .unterminatedQuote && e.place.line == 3 && e.place.column == 3)
            #expect(e.lineText == "2;\"open")
        }
    }

    @Test func duplicateNamesInAPlainFileAreAnErrorAtTheirColumn() {
        do {
            _ = try TableFile.read(bytes: Array("\nid;a;A\n1;2;3\n".utf8), displayName: "t.csv")
            Issue.record("no error")
        } catch {
            guard case .csv(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.kind == .duplicateHeaderName("A", firstColumn: 2) && e.place.line == 2 && e.place.column == 6)
        }
    }

    /// Found by kto-fuzz: the place of a duplicate name after a name that spans lines named the
    /// header's first line with a column counted on the later line.
    @Test func aDuplicateAfterANameThatSpansLinesNamesItsOwnLine() {
        do {
            _ = try TableFile.read(bytes: Array("\"x\ny\";a;a\n1;2;3\n".utf8), displayName: "t.csv")
            Issue.record("no error")
        } catch {
            guard case .csv(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.place.line == 2 && e.place.column == 6 && e.lineText == "y\";a;a")
        }
    }

    @Test func surveyMonkeyMayRepeatAQuestion() throws {
        let text = "Respondent ID,Collector ID,Hoe tevreden?,Hoe tevreden?\n,,Response,Response\n1,9,Tevreden,Neutraal\n"
        let result = try TableFile.read(bytes: Array(text.utf8), displayName: "t.csv")
        #expect(result.format == .surveymonkey && result.table.columns.map(\.name) == ["respondent_id", "collector_id", "q1", "q2"])
    }

    @Test func everyPrefixOfAnExportIsReadOrRefusedWithoutCrashing() {
        for name in ["qualtrics-export.csv", "limesurvey-export.csv", "surveymonkey-export.csv", "export.xlsx", "export.zsav"] {
            let bytes = ExportFixtures.bytes(name)
            var outcomes = 0
            for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
                _ = try? TableFile.read(bytes: Array(bytes.prefix(length)), displayName: name)
                outcomes += 1
            }
            #expect(outcomes > 90)
        }
    }
}
