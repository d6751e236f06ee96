import Foundation
import Testing
import KTOImport
@testable import KTOModel

/// `CodebookDraft` (kto init) on the survey of Tests/Fixtures/exports and on small tables made
/// here. The expected rows were checked by hand against the survey the fixtures were written
/// from (make_exports.py): three gemeenten, a grade with 99 = weet niet, two statements, an age
/// category, a multi-select question of three options and an open answer.
@Suite("kto init: the codebook draft")
struct CodebookDraftTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exports").path

    static func draft(_ name: String, group: String? = nil) throws -> CodebookDraft {
        let result = try TableFile.read(path: folder + "/" + name, displayName: name)
        return try CodebookDraft.make(from: result, group: group)
    }

    /// variable;type;values;labels;missing;polarity;scale;columns — the columns that decide
    /// what kto reads.
    static func rows(_ draft: CodebookDraft) -> [String] {
        draft.entries.map { e in
            [e.variable, e.type.rawValue, e.values, e.labels.map { "\($0.code)=\($0.label)" }.joined(separator: "|"),
             e.missing.map { $0.label.isEmpty ? "\($0.code)" : "\($0.code)=\($0.label)" }.joined(separator: "|"),
             e.polarity, e.scale, e.columns.map { "\($0.code)=\($0.column)" }.joined(separator: "|")].joined(separator: ";")
        }
    }

    static let likert = "1=Helemaal mee oneens|2=Mee oneens|3=Neutraal|4=Mee eens|5=Helemaal mee eens"
    static let ages = "1=18-26|2=27-40|3=41-64|4=65 jaar en ouder"
    static let gemeenten = "1=Leiden|2=Oegstgeest|3=Zoeterwoude"
    static let channels = "1=Telefoon|2=Balie|3=Website"

    @Test func plainCSV() throws {
        let draft = try Self.draft("kto-2025.csv")
        #expect(Self.rows(draft) == [
            "respnr;id;;;;;;", "gemeente;group;;\(Self.gemeenten);;;;", "cijfer;grade;;;99=weet niet;;;",
            "stelling_uitleg;likert;;\(Self.likert);99=weet niet;;;", "stelling_wachten;likert;;\(Self.likert);;;;",
            "leeftijd;category;;\(Self.ages);;;;", "kanaal;multi;;\(Self.channels);;;;1=kanaal_1|2=kanaal_2|3=kanaal_3",
            "toelichting;text;;;;;;",
        ])
        #expect(draft.groupVariable == "gemeente" && draft.groups == ["Leiden", "Oegstgeest", "Zoeterwoude"])
        #expect(draft.respondents == 60 && draft.leftOutRows == 0 && draft.omitted.isEmpty)
        // A CSV has no question texts: every question says so.
        #expect(draft.entries.filter { $0.checks.contains("de data geeft geen vraagtekst: vul de vraag in (kolom text)") }.map(\.variable)
            == ["cijfer", "stelling_uitleg", "stelling_wachten", "leeftijd", "toelichting"])
        #expect(draft.checks.contains("kanaal: meerkeuzevraag afgeleid uit de kolomnamen kanaal_1, kanaal_2, kanaal_3; vul de vraagtekst in"))
        // The workbook of the same answers gives the same codebook.
        #expect(try Self.draft("export.xlsx").codebookText() == draft.codebookText())
    }

    @Test(arguments: ["export.sav", "export-bytecode.sav", "export.zsav"])
    func spss(name: String) throws {
        let draft = try Self.draft(name)
        #expect(Self.rows(draft) == [
            "respnr;id;;;;;;", "gemeente;group;;\(Self.gemeenten);;;;", "cijfer;grade;;;99=Weet niet;;;",
            "stelling_uitleg;likert;;\(Self.likert);9=Weet niet;;;", "stelling_wachten;likert;;\(Self.likert);9=Weet niet;;;",
            "leeftijd;category;;\(Self.ages);;;;", "kanaal;multi;;\(Self.channels);;;;1=kanaal_1|2=kanaal_2|3=kanaal_3",
            "toelichting;text;;;;;;",
        ])
        let texts = draft.entries.map(\.text)
        #expect(texts[2] == "Welk rapportcijfer geeft u de dienstverlening van de sociale dienst?")
        #expect(texts[6] == "Hoe had u contact met de sociale dienst? (meerdere antwoorden mogelijk)")
        // Only the statements' direction is left to check.
        #expect(draft.checks.count == 2 && draft.checks.allSatisfy { $0.contains("richting") })
    }

    @Test func pyreadstatHasNoSetButTheSameQuestion() throws {
        let sav = try Self.draft("export.sav")
        let other = try Self.draft("export-pyreadstat.sav")
        #expect(Self.rows(other) == Self.rows(sav))
        #expect(other.entries[6].text == "kanaal" && other.entries[6].checks.count == 1)
    }

    @Test func qualtrics() throws {
        let draft = try Self.draft("qualtrics-export.csv")
        #expect(Self.rows(draft) == [
            "ResponseId;id;;;;;;", "Q1;group;;\(Self.gemeenten);;;;", "Q2;grade;;;99=Weet niet;;;",
            "Q3_1;likert;;\(Self.likert);99=Weet niet;;;", "Q3_2;likert;;\(Self.likert);;;;",
            "Q4;category;;\(Self.ages);;;;", "Q5;multi;;\(Self.channels);;;;1=Q5_1|2=Q5_2|3=Q5_3", "Q6;text;;;;;;",
        ])
        #expect(draft.entries[3].text == "In hoeverre bent u het eens met de volgende stellingen? - De consulent legt duidelijk uit wat ik moet doen.")
        #expect(draft.respondents == 60 && draft.leftOutRows == 3)
        #expect(draft.studyChecks == ["3 rijen van het bestand zijn geen respondent (zie kto check): niet afgemaakt 3"])
        // Every platform column except the id is left out.
        #expect(draft.omitted.count == 16 && draft.omitted.allSatisfy { $0.reason == "gegevens van het platform (Qualtrics-CSV)" })
    }

    @Test func limeSurvey() throws {
        let draft = try Self.draft("limesurvey-export.csv")
        #expect(Self.rows(draft) == [
            "id;id;;;;;;", "gemeente;group;;1=Gemeente 1|2=Gemeente 2|3=Gemeente 3;;;;", "cijfer;grade;;;99;;;",
            "stelling[SQ001];likert;;;;;;", "stelling[SQ002];likert;;;;;;", "leeftijd;category;1,2,3,4;;;;;",
            "kanaal;multi;;\(Self.channels);;;;1=kanaal[SQ001]|2=kanaal[SQ002]|3=kanaal[SQ003]",
            "eerder;category;;1=Ja|2=Nee;;;;", "toelichting;text;;;;;;",
        ])
        // Answer codes carry no names: the gemeenten and the age categories are to fill in.
        #expect(draft.groups == ["Gemeente 1", "Gemeente 2", "Gemeente 3"])
        #expect(draft.entries[1].checks.count == 3)
        #expect(draft.entries[2].checks == ["99 komt 3× voor en heeft geen label: is het weet niet of n.v.t.? (staat nu als ontbrekende waarde)"])
        #expect(draft.entries[5].checks.first == "geen labels in het bestand: vul ze in (code=omschrijving, bijvoorbeeld 1=Nee|2=Ja)")
        #expect(draft.leftOutRows == 2)
    }

    @Test func surveyMonkey() throws {
        let draft = try Self.draft("surveymonkey-export.csv")
        #expect(Self.rows(draft) == [
            "respondent_id;id;;;;;;", "q1;group;;\(Self.gemeenten);;;;", "q2;grade;;;99=Weet niet;;;",
            "q3_1;likert;;\(Self.likert);99=Weet niet;;;", "q3_2;likert;;\(Self.likert);;;;", "q4;category;;\(Self.ages);;;;",
            "hoe_had_u_contact_met_de_sociale;multi;;\(Self.channels);;;;1=q5_1|2=q5_2|3=q5_3", "q6;text;;;;;;",
        ])
        #expect(draft.groupVariable == "q1")
    }

    @Test(arguments: ["kto-2025.csv", "export.sav", "export-pyreadstat.sav", "export.xlsx", "qualtrics-export.csv",
                      "limesurvey-export.csv", "surveymonkey-export.csv"])
    func theFilesReadBack(name: String) throws {
        let draft = try Self.draft(name)
        let codebook = try Codebook.parse(SourceText(bytes: draft.codebookBytes(), file: "codebook.csv"))
        #expect(codebook.variables.map(\.code) == draft.entries.map(\.variable))
        #expect(codebook.variables.map(\.type) == draft.entries.map(\.type))
        #expect(codebook.openQuestionPairing().problems.isEmpty)
        let text = draft.studyText(data: name, meting: "2025")
        // The populations are to fill in: 0 is refused, any positive number is taken.
        #expect(throws: StudyError.self) { try Study.parse(SourceText(bytes: Array(text.utf8), file: "kto.study"), folder: "/tmp") }
        let filled = text.replacingOccurrences(of: " = 0\n", with: " = 150\n")
        let study = try Study.parse(SourceText(bytes: Array(filled.utf8), file: "kto.study"), folder: "/tmp")
        #expect(study.groups.map(\.name) == draft.groups && study.groups.allSatisfy { $0.population == 150 })
        #expect(study.groupVariable == draft.groupVariable && study.meting == "2025")
    }

    @Test func theGroupIsFoundOrNamed() throws {
        let result = try TableFile.read(path: Self.folder + "/kto-2025.csv", displayName: "kto-2025.csv")
        #expect(throws: CodebookDraftError.groupNotFound(name: "woonplaats", candidates: ["gemeente", "cijfer", "stelling_uitleg", "stelling_wachten", "leeftijd"])) {
            try CodebookDraft.make(from: result, group: "woonplaats")
        }
        // Another column as the group, by request.
        let byAge = try CodebookDraft.make(from: result, group: "LEEFTIJD")
        #expect(byAge.groupVariable == "leeftijd" && byAge.groups == ["18-26", "27-40", "41-64", "65 jaar en ouder"])
        var renamed = result
        renamed.table.columns[1].name = "regio"
        #expect(throws: CodebookDraftError.noGroupColumn(file: "kto-2025.csv", candidates: ["regio", "cijfer", "stelling_uitleg", "stelling_wachten", "leeftijd"])) {
            try CodebookDraft.make(from: renamed)
        }
        #expect(CodebookDraftError.noGroupColumn(file: "x.csv", candidates: ["regio"]).message
            == "x.csv: geen kolom gevonden die de gemeente aangeeft (zoals 'gemeente'); kies er een met --group, bijvoorbeeld een van: 'regio'")
    }
}

/// The rules of `CodebookDraft` one at a time, on tables made here.
@Suite("kto init: type rules")
struct CodebookDraftRuleTests {
    static func table(_ columns: [DataColumn], sets: [MultipleResponseSet] = []) -> TableFileResult {
        let rows = columns.first?.cells.count ?? 0
        return TableFileResult(
            table: DataTable(file: "t.sav", format: .sav, columns: columns, rowCount: rows, multipleResponseSets: sets),
            format: .sav, formatRecognised: true)
    }

    static func numbers(_ name: String, _ values: [Double?], label: String? = nil, labels: [(Double, String)] = [], missing: MissingValues = .none) -> DataColumn {
        DataColumn(
            name: name, label: label, storage: .numeric, valueLabels: labels.map { ValueLabelEntry(value: .number($0.0), label: $0.1) },
            missing: missing, cells: values.map { $0.map(TableCell.number) ?? .empty })
    }

    static func texts(_ name: String, _ values: [String?]) -> DataColumn {
        DataColumn(name: name, storage: .mixed, cells: values.map { $0.map(TableCell.text) ?? .empty })
    }

    static let gemeente = numbers("gemeente", [1, 2, 1, 2, 1, 2, 1, 2], labels: [(1, "Aadorp"), (2, "Beekdorp"), (3, "Cranendonk")])

    func entry(_ draft: CodebookDraft, _ name: String) -> CodebookDraft.Entry? { draft.entries.first { $0.variable == name } }

    @Test func groupNamesComeFromTheLabelsOfTheCodesThatOccur() throws {
        let draft = try CodebookDraft.make(from: Self.table([Self.gemeente]))
        #expect(draft.groups == ["Aadorp", "Beekdorp"])
        #expect(entry(draft, "gemeente")?.checks == ["zonder respondenten en daarom weggelaten: 3=Cranendonk"])
    }

    @Test func aStatementWhoseLabelsRunBackwardsIsReversed() throws {
        let labels: [(Double, String)] = [(1, "Helemaal eens"), (2, "Eens"), (3, "Neutraal"), (4, "Oneens"), (5, "Helemaal oneens")]
        let draft = try CodebookDraft.make(from: Self.table([Self.gemeente, Self.numbers("s", [1, 2, 3, 4, 5, 2, 1, 3], labels: labels)]))
        let s = try #require(entry(draft, "s"))
        #expect(s.type == .likert && s.scale == "reversed")
        // The codebook takes it: reversed labels are moved with the codes.
        let codebook = try Codebook.parse(SourceText(bytes: draft.codebookBytes(), file: "c.csv"))
        #expect(codebook.variable("s")?.reversedScale == true && codebook.variable("s")?.label(of: 5) == "Helemaal eens")
    }

    @Test func gradesCategoriesAndNumbersWithoutAType() throws {
        let draft = try CodebookDraft.make(from: Self.table([
            Self.gemeente,
            Self.numbers("cijfer", [7, 8, 9, 6, 99, nil, 7, 10]),
            Self.numbers("klein", [1, 2, 3, 1, 2, 3, 1, 2]),
            Self.numbers("leeftijd_jaren", [23, 35, 47, 51, 62, 29, 33, 70, 18, 44, 57, 38, 41, 66, 25, 19, 80, 77, 72, 69, 64, 58, 53, 49, 46, 43, 39, 36, 31, 28, 26].prefix(8).map { $0 }),
            Self.numbers("bedrag", [7.5, 8.25, 3, 4, 5, 6, 7, 8]),
            Self.numbers("leeg", [nil, nil, nil, nil, nil, nil, nil, nil]),
        ]))
        let cijfer = try #require(entry(draft, "cijfer"))
        #expect(cijfer.type == .grade && cijfer.missing == [ValueLabel(code: 99, label: "")])
        #expect(cijfer.checks.contains("99 komt 1× voor en heeft geen label: is het weet niet of n.v.t.? (staat nu als ontbrekende waarde)"))
        let klein = try #require(entry(draft, "klein"))
        #expect(klein.type == .category && klein.values == "1,2,3")
        // 8 different ages fit a category by count; a real column of ages has more.
        #expect(entry(draft, "leeftijd_jaren")?.type == .category)
        #expect(draft.omitted.map(\.column) == ["bedrag", "leeg"])
    }

    @Test func manyDifferentNumbersAreLeftOut() throws {
        let ages = (0..<40).map { Double(18 + $0) }
        let group = Self.numbers("gemeente", (0..<40).map { Double($0 % 2 + 1) }, labels: [(1, "A"), (2, "B")])
        let draft = try CodebookDraft.make(from: Self.table([group, Self.numbers("leeftijd", ages)]))
        #expect(draft.omitted == [.init(column: "leeftijd", reason: "40 verschillende getallen: geen vraagtype van kto (zoals leeftijd in jaren of een duur)")])
    }

    @Test func userMissingAndNoOpinionLabels() throws {
        let draft = try CodebookDraft.make(from: Self.table([
            Self.gemeente,
            Self.numbers("c", [1, 5, 10, 98, 99, 7, 8, 9], label: "Cijfer", labels: [(98, "n.v.t."), (99, "Weet niet")], missing: .discrete([.number(99)])),
        ]))
        let c = try #require(entry(draft, "c"))
        #expect(c.type == .grade && c.missing == [ValueLabel(code: 98, label: "n.v.t."), ValueLabel(code: 99, label: "Weet niet")])
        #expect(c.checks == ["98=n.v.t. is in het bestand geen ontbrekende waarde; hier wel (telt niet mee in de basis)"])
    }

    @Test func aMissingCodeInsideTheScaleWritesTheValues() throws {
        let draft = try CodebookDraft.make(from: Self.table([
            Self.gemeente, Self.numbers("c", [1, 5, 10, 9, 9, 7, 8, 6], missing: .discrete([.number(9)])),
        ]))
        let c = try #require(entry(draft, "c"))
        #expect(c.type == .grade && c.values == "1,2,3,4,5,6,7,8,10")
        let codebook = try Codebook.parse(SourceText(bytes: draft.codebookBytes(), file: "c.csv"))
        #expect(codebook.variable("c")?.validCodes == [1, 2, 3, 4, 5, 6, 7, 8, 10])
    }

    @Test func setsOfTheFile() throws {
        let k1 = Self.numbers("k1", [1, 0, 1, 0, 0, 1, 0, 1], label: "Telefoon")
        let k2 = Self.numbers("k2", [0, 0, 1, 1, 0, 0, 0, 1], label: "Balie")
        let r1 = Self.numbers("r1", [1, 2, 1, 3, 1, 2, 1, 2], label: "Eerste reden", labels: [(1, "Geld"), (2, "Werk"), (3, "Zorg")])
        let r2 = Self.numbers("r2", [2, nil, 3, nil, 2, nil, 3, 1], label: "Tweede reden", labels: [(1, "Geld"), (2, "Werk"), (3, "Zorg")])
        let draft = try CodebookDraft.make(from: Self.table([Self.gemeente, k1, k2, r1, r2], sets: [
            MultipleResponseSet(name: "kanaal", label: "Contact", kind: .dichotomy(countedValue: "1"), variables: ["k1", "k2"]),
            MultipleResponseSet(name: "reden", label: "Redenen", kind: .category, variables: ["r1", "r2"]),
        ]))
        #expect(CodebookDraftTests.rows(draft) == [
            "gemeente;group;;1=Aadorp|2=Beekdorp;;;;", "kanaal;multi;;1=Telefoon|2=Balie;;;;1=k1|2=k2",
            "r1;category;;1=Geld|2=Werk|3=Zorg;;;;", "r2;category;;1=Geld|2=Werk|3=Zorg;;;;",
        ])
        #expect(draft.entries[2].checks.first?.hasPrefix("hoort bij de meerkeuzeset $reden ('Redenen')") == true)
        #expect(draft.studyChecks.contains("meerkeuzeset $reden (r1, r2) staat als losse categorievragen in het codeboek"))
    }

    @Test func aCountedValueKtoDoesNotTickIsNamed() throws {
        let k1 = Self.numbers("k1", [2, 1, 2, 1, 1, 2, 1, 2], label: "Telefoon")
        let k2 = Self.numbers("k2", [1, 1, 2, 2, 1, 1, 1, 2], label: "Balie")
        let draft = try CodebookDraft.make(from: Self.table([Self.gemeente, k1, k2], sets: [
            MultipleResponseSet(name: "kanaal", label: "Contact", kind: .dichotomy(countedValue: "2"), variables: ["k1", "k2"]),
        ]))
        #expect(entry(draft, "kanaal")?.checks == ["het bestand telt '2' als aangevinkt; kto leest 1, ja en x als aangevinkt en 0, nee en leeg als niet"])
    }

    @Test func codedOpenAnswersPairWithTheirText() throws {
        let draft = try CodebookDraft.make(from: Self.table([
            Self.gemeente,
            Self.texts("goed_tekst", ["Prima geholpen door de balie", "Snel antwoord op mijn vraag gekregen", nil, "Vriendelijke medewerker aan de telefoon", "Alles was goed geregeld", nil, "Op tijd betaald", "Duidelijke brief"]),
            Self.texts("goed_codes", ["1|4", "2", nil, "3", "1", nil, "5|1", "2"]),
            Self.texts("opmerking", ["Geen", nil, "Niets", nil, nil, nil, nil, nil]),
        ]))
        #expect(entry(draft, "goed_tekst")?.type == .text && entry(draft, "goed_codes")?.type == .multi)
        #expect(entry(draft, "goed_tekst")?.section == "goed" && entry(draft, "goed_codes")?.section == "goed")
        #expect(entry(draft, "goed_codes")?.values == "1,2,3,4,5")
        let codebook = try Codebook.parse(SourceText(bytes: draft.codebookBytes(), file: "c.csv"))
        #expect(codebook.openQuestions.first?.text?.code == "goed_tekst")
    }

    @Test func textsAsAnswers() throws {
        let draft = try CodebookDraft.make(from: Self.table([
            Self.gemeente,
            Self.texts("tevreden", ["Zeer tevreden", "Tevreden", "tevreden", "Ontevreden", "Weet niet", "N.v.t.", "Tevreden", nil]),
            Self.texts("traject", ["ja", "Nee", "Ja", "Ja", nil, "nee", "Ja", "Ja"]),
        ]))
        let tevreden = try #require(entry(draft, "tevreden"))
        #expect(tevreden.type == .likert)
        #expect(tevreden.labels.map(\.label) == ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"])
        #expect(tevreden.missing == [ValueLabel(code: 98, label: "N.v.t."), ValueLabel(code: 99, label: "Weet niet")])
        #expect(entry(draft, "traject")?.labels == [ValueLabel(code: 1, label: "Ja"), ValueLabel(code: 2, label: "Nee")])
    }

    @Test func theIdMustBeUnique() throws {
        let draft = try CodebookDraft.make(from: Self.table([
            Self.numbers("respnr", [1, 2, 3, 3, 5, 6, 7, 8]), Self.gemeente,
        ]))
        #expect(!draft.entries.contains { $0.type == .id })
        #expect(draft.studyChecks.first == "'respnr' lijkt een respondentnummer, maar waarden komen dubbel voor; niet als id gebruikt")
    }

    @Test func stringMissingValuesAndStringGroups() throws {
        var group = Self.texts("gemeente", ["AMS", "UTR", "onb", "AMS", nil, "UTR", "AMS", "UTR"])
        group.missing = .discrete([.text("onb")])
        group.valueLabels = [ValueLabelEntry(value: .text("AMS"), label: "Amsterdam")]
        let draft = try CodebookDraft.make(from: Self.table([group]))
        #expect(draft.groups == ["AMS", "UTR"])
        #expect(entry(draft, "gemeente")?.checks == [
            "de data noemt de gemeenten zoals ze in de cellen staan; het bestand geeft ze als labels: AMS=Amsterdam",
            "2 rijen zonder (bekende) gemeente; kto wijst die af",
        ])
    }

    /// Found by kto-fuzz: a NUL made the codebook look like UTF-16, a CRLF inside a label was one
    /// Character and was neither quoted nor folded, and a label starting with a combining mark
    /// fused with the '=' of code=label. The codebook must always read back.
    @Test func oddCharactersNeverBreakTheCodebook() throws {
        let draft = try CodebookDraft.make(from: Self.table([
            Self.gemeente,
            Self.texts("soort", ["a\r\nb", "\u{0301}x", "c\u{0}d", "a\r\nb", "\u{0301}x", "c\u{0}d", "e;f", "g\"h"]),
            Self.numbers("q\u{0}1", [1, 2, 3, 1, 2, 3, 1, 2]),
        ]))
        let codebook = try Codebook.parse(SourceText(bytes: draft.codebookBytes(), file: "c.csv"))
        #expect(codebook.variables.map(\.code) == ["gemeente", "soort"])
        #expect(codebook.variable("soort")?.labels.map(\.label) == ["a b", "cd", "e;f", "g\"h", "x"])
        #expect(draft.omitted == [.init(column: "kolom 3", reason: "de naam bevat onzichtbare tekens of |; geef de kolom een gewone naam")])
    }

    /// Found by kto-fuzz (slow inputs): the line of every header field was counted from the
    /// start of the header, and text variables were paired with codes by a search per pair.
    /// A header of 20,000 names must read and draft in one pass.
    @Test(arguments: [2_500, 10_000])
    func aVeryWideFileStaysLinear(N: Int) throws {
        let names = (0..<N).map { "v\($0)_tekst" }
        let row = (0..<N).map { "antwoord nummer \($0) in woorden" }
        let other = row.map { $0 + ", anders" }
        let text = "gemeente;" + names.joined(separator: ";") + "\nA;" + row.joined(separator: ";") + "\nB;" + other.joined(separator: ";") + "\n"
        let result = try TableFile.read(bytes: Array(text.utf8), displayName: "wide.csv")
        #expect(result.table.columns.count == N + 1)
        let draft = try CodebookDraft.make(from: result)
        #expect(draft.entries.count == N + 1 && draft.entries.last?.type == .text)
    }

    @Test func anEmptyFileIsAnError() {
        #expect(throws: CodebookDraftError.emptyTable(file: "t.sav")) {
            try CodebookDraft.make(from: Self.table([Self.numbers("gemeente", [])]))
        }
    }
}
