import Foundation
import Testing
import KTOImport
@testable import KTOModel

/// A study with one coded open question whose codes come from a coding file.
enum OpenStudy {
    static let codebook = """
    variable;type;chapter;section;text;values;labels;missing;polarity;previous
    respnr;id;;;Respondentnummer;;;;;
    gemeente;group;;;Gemeente;;1=Leidschendam-Voorburg|2=Voorschoten|3=Wassenaar;;;
    cijfer;grade;Algemeen;Algemeen;Cijfer;;;99=weet niet;;
    goed_tekst;text;Open;Goed;Wat is goed?;;;;;
    goed_codes;multi;Open;Goed;Wat is goed? (gecodeerd);;1=Op tijd betaald|2=Vriendelijk|3=Anders;;;

    """

    /// Without a goed_codes column: all codes come from the coding file.
    static let data = """
    respnr;gemeente;cijfer;goed_tekst
    101;1;7;Altijd op tijd betaald
    102;1;8;Vriendelijke mensen
    103;2;6;Geen
    104;3;7;

    """

    static func study(extra: String = "") -> String {
        """
        title = Proef
        meting = 2015
        data = data.csv
        codebook = codebook.csv
        group = gemeente
        \(extra)
        [population]
        Leidschendam-Voorburg = 100
        Voorschoten = 20
        Wassenaar = 20

        """
    }

    static func folder(coding: String, data: String = data, extra: String = "coding = codering.csv") -> TempFolder {
        let folder = TempFolder()
        folder.write("codebook.csv", codebook)
        folder.write("data.csv", data)
        folder.write("codering.csv", coding)
        folder.write("kto.study", study(extra: extra))
        return folder
    }
}

@Suite("Coding files: every row coded, marked, open or rejected with its place")
struct CodingFileTests {
    /// One row of each kind, with the place an analyst must look.
    static let coding = """
    respnr;variabele;codes;tekst
    101;goed_codes;1;Altijd op tijd betaald
    102;goed_tekst;2|3;Vriendelijke mensen
    999;goed_codes;1;
    103;goed_codes;1|7;
    0101;goed_codes;1;
    104;cijfer;1;
    104;goed_code;1;
    103;goed_codes;-;Geen
    104;goed_codes;;
    104;goed_codes;een;

    """

    @Test func eachRowIsAccountedFor() throws {
        let folder = OpenStudy.folder(coding: Self.coding)
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        let ledger = try #require(loaded.codingLedgers.first)
        // 10 rows: 2 coded, 1 marked '-', 1 still open, 6 rejected.
        #expect(ledger.rowsRead == 10)
        #expect(ledger.rowsCoded == 2)
        #expect(ledger.rowsNotCodable == 1)
        #expect(ledger.rowsOpen == 1)
        #expect(ledger.rejections.count == 6)
        #expect(ledger.rowsCoded + ledger.rowsNotCodable + ledger.rowsOpen + ledger.rejections.count == ledger.rowsRead)
        #expect(ledger.otherColumns == ["tekst"])
        // The codes are in the dataset; rejected rows changed nothing.
        #expect(loaded.current.column("goed_codes") == .multi([[1], [2, 3], [], []]))
        #expect(loaded.notCodable["goed_codes"] == [2])
    }

    @Test func unknownRespondentNamesLineAndColumn() throws {
        let ledger = try Self.ledger()
        let problem = try #require(ledger.rejections.first { $0.kind == .unknownRespondent })
        #expect(problem.location == SourceLocation(file: "codering.csv", line: 4, column: 1))
        #expect(problem.message == "respondentnummer '999' staat niet in de data van meting 2015")
        #expect(problem.lineText == "999;goed_codes;1;")
    }

    @Test func unknownCodePointsAtTheCode() throws {
        let ledger = try Self.ledger()
        let problem = try #require(ledger.rejections.first { $0.kind == .unknownCode })
        // "103;goed_codes;" is 15 characters: the field starts at column 16, the 7 at column 18.
        #expect(problem.location == SourceLocation(file: "codering.csv", line: 5, column: 18))
        #expect(problem.message == "code '7' staat niet in de codelijst van goed_codes (geldig: 1-3, of - voor niet te coderen)")
        let unreadable = try #require(ledger.rejections.first { $0.kind == .unreadableCode })
        #expect(unreadable.location == SourceLocation(file: "codering.csv", line: 11, column: 16))
        #expect(unreadable.message.hasPrefix("'een' is geen code van goed_codes"))
    }

    @Test func duplicateNamesTheFirstLine() throws {
        let ledger = try Self.ledger()
        // 0101 is respondent 101, as in the export loader.
        let problem = try #require(ledger.rejections.first { $0.kind == .duplicate })
        #expect(problem.location == SourceLocation(file: "codering.csv", line: 6, column: 1))
        #expect(problem.message == "respondent 101 staat voor goed_codes al op regel 2")
    }

    @Test func wrongVariableIsNamed() throws {
        let ledger = try Self.ledger()
        let notOpen = try #require(ledger.rejections.first { $0.kind == .notOpenQuestion })
        #expect(notOpen.location == SourceLocation(file: "codering.csv", line: 7, column: 5))
        #expect(notOpen.message == "'cijfer' is geen gecodeerde open vraag (type grade); gebruik de codesvariabele: goed_codes")
        let unknown = try #require(ledger.rejections.first { $0.kind == .unknownVariable })
        #expect(unknown.location == SourceLocation(file: "codering.csv", line: 8, column: 5))
        #expect(unknown.message == "variabele 'goed_code' staat niet in het codeboek; bedoelt u 'goed_codes'?")
    }

    @Test func strictMakesEveryRejectionFatal() throws {
        let folder = OpenStudy.folder(coding: Self.coding)
        #expect(throws: StudyError.self) { try LoadedStudy.load(studyPath: folder.path + "/kto.study", strict: true) }
        do {
            _ = try LoadedStudy.load(studyPath: folder.path + "/kto.study", strict: true)
        } catch let error as StudyError {
            #expect(error.problems.count == 6)
            #expect(error.problems[0].description == "codering.csv:4:1: regel afgewezen (--strict): respondentnummer '999' staat niet in de data van meting 2015")
        }
    }

    @Test func codesInTheExportAreNotOverwritten() throws {
        let data = """
        respnr;gemeente;cijfer;goed_tekst;goed_codes
        101;1;7;Altijd op tijd betaald;1
        102;1;8;Vriendelijke mensen;
        103;2;6;Geen;

        """
        let coding = """
        respnr;variabele;codes
        101;goed_codes;1
        101;goed_tekst;2
        102;goed_codes;2
        103;goed_codes;-

        """
        // Line 2 repeats the export's code (fine); line 3 would change it; lines 4 and 5 fill gaps.
        let folder = OpenStudy.folder(coding: coding, data: data)
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        let ledger = try #require(loaded.codingLedgers.first)
        #expect(ledger.rowsCoded == 2)
        #expect(ledger.rowsNotCodable == 1)
        #expect(ledger.rejections.map(\.kind) == [.duplicate])
        #expect(loaded.current.column("goed_codes") == .multi([[1], [2], []]))

        let conflicting = OpenStudy.folder(coding: "respnr;variabele;codes\n101;goed_codes;2\n", data: data)
        let other = try LoadedStudy.load(studyPath: conflicting.path + "/kto.study")
        let problem = try #require(other.codingLedgers.first?.rejections.first)
        #expect(problem.kind == .conflict)
        #expect(problem.message.hasPrefix("respondent 101 heeft voor goed_codes in de export al de codes 1, hier 2"))
        #expect(other.current.column("goed_codes") == .multi([[1], [], []]))
    }

    @Test func missingColumnIsFatalWithTheExpectedHeader() throws {
        let folder = OpenStudy.folder(coding: "respnr;code\n101;1\n")
        #expect {
            try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        } throws: { error in
            (error as? StudyError)?.description == "codering.csv:1: het coderingsbestand mist de kolom 'variabele' (verwacht een kopregel als: respnr;variabele;codes;tekst)"
        }
    }

    @Test func studyKeysForOpenAnswers() throws {
        let folder = OpenStudy.folder(coding: "respnr;variabele;codes\n", extra: """
            coding = codering.csv, extra.csv
            dictionary = trefwoorden.csv
            staff = medewerkers.txt
            quotes = 5
            """)
        let study = try Study.load(path: folder.path + "/kto.study")
        #expect(study.codingFiles.map(\.displayName) == ["codering.csv", "extra.csv"])
        #expect(study.dictionary?.displayName == "trefwoorden.csv")
        #expect(study.staffFile?.displayName == "medewerkers.txt")
        #expect(study.quotesPerCode == 5)

        let bad = OpenStudy.folder(coding: "", extra: "quotes = veel")
        #expect {
            try Study.load(path: bad.path + "/kto.study")
        } throws: { error in
            (error as? StudyError)?.description.hasSuffix("/kto.study:6: quotes (citaten per code) moet een geheel getal van 0 tot en met 50 zijn, niet 'veel'") == true
        }
    }

    @Test func pairingNeedsOneTextAndOneCodesVariablePerSectionOrMatchingNames() throws {
        func codebook(_ rows: String) throws -> Codebook {
            try Codebook.parse(SourceText(bytes: Array(("variable;type;chapter;section;text;labels\n" + rows).utf8), file: "codebook.csv"))
        }
        let byName = try codebook("""
            a_tekst;text;Open;Punten;A;
            b_tekst;text;Open;Punten;B;
            b_codes;multi;Open;Punten;B;1=x
            a_codes;multi;Open;Punten;A;1=y

            """)
        let pairs = byName.openQuestionPairing()
        #expect(pairs.problems.isEmpty)
        #expect(pairs.questions.map { "\($0.codes.code)=\($0.text?.code ?? "-")" } == ["b_codes=b_tekst", "a_codes=a_tekst"])

        let ambiguous = try codebook("""
            eerste;text;Open;Punten;A;
            tweede;text;Open;Punten;B;
            punten_codes;multi;Open;Punten;B;1=x

            """)
        let problems = ambiguous.openQuestionPairing().problems
        #expect(problems.count == 1)
        #expect(problems.first?.location == SourceLocation(file: "codebook.csv", line: 4))
    }

    static func ledger() throws -> CodingLedger {
        let folder = OpenStudy.folder(coding: coding)
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        return try #require(loaded.codingLedgers.first)
    }
}

@Suite("Keyword dictionary: transparent rules on whole words")
struct KeywordDictionaryTests {
    static let questions = [OpenQuestion(
        codes: Variable(code: "goed_codes", type: .multi, validCodes: [1, 2, 3],
                        labels: [ValueLabel(code: 1, label: "Op tijd betaald"), ValueLabel(code: 2, label: "Vriendelijk"), ValueLabel(code: 3, label: "Anders")]),
        text: Variable(code: "goed_tekst", type: .text))]

    static func dictionary(_ text: String) throws -> KeywordDictionary {
        try KeywordDictionary.parse(SourceText(bytes: Array(text.utf8), file: "trefwoorden.csv"), questions: questions)
    }

    @Test func matchesWholeWordsIgnoringCaseAccentsAndPunctuation() throws {
        let d = try Self.dictionary("""
            variabele;trefwoord;code
            # commentaar: deze regel telt niet
            goed_codes;op tijd;1
            goed_tekst;vriendelijk*;Vriendelijk
            goed_codes;geïnformeerd;3

            """)
        #expect(d.rules.count == 3)
        #expect(d.codes(for: "Altijd OP TIJD betaald!", question: "goed_codes") == [1])
        #expect(d.codes(for: "op, tijd", question: "goed_codes") == [1])
        #expect(d.codes(for: "optijd", question: "goed_codes") == [])
        #expect(d.codes(for: "op tijdig", question: "goed_codes") == [])
        #expect(d.codes(for: "Vriendelijke mensen, op tijd", question: "goed_codes") == [1, 2])
        #expect(d.codes(for: "vriendelijkheid", question: "goed_codes") == [2])
        #expect(d.codes(for: "klantvriendelijk", question: "goed_codes") == [])
        #expect(d.codes(for: "Goed geinformeerd", question: "goed_codes") == [3])
        #expect(d.codes(for: "Goed GEÏNFORMEERD", question: "goed_codes") == [3])
        #expect(d.matches("Vriendelijk en op tijd", question: "goed_codes").map(\.phrase) == ["op tijd", "vriendelijk*"])
        #expect(d.codes(for: "op tijd", question: "verbeter_codes") == [])
    }

    @Test func everyBadRuleIsReportedWithLineAndColumn() throws {
        #expect {
            try Self.dictionary("""
                variabele;trefwoord;code
                goed_codes;op tijd;7
                verbeter_codes;wachten;1
                goed_codes;vriend*lijk;2
                goed_codes;op tijd;1
                goed_codes;Op  Tijd;1

                """)
        } throws: { error in
            guard let error = error as? StudyError else { return false }
            let lines = error.problems.map(\.description)
            return lines == [
                "trefwoorden.csv:2:20: code '7' staat niet in de codelijst van goed_codes (1=Op tijd betaald, 2=Vriendelijk, 3=Anders)",
                "trefwoorden.csv:3:1: 'verbeter_codes' is geen gecodeerde open vraag uit het codeboek (bekend: goed_codes)",
                "trefwoorden.csv:4:12: trefwoord 'vriend*lijk' bevat geen woorden, of een * die niet aan het eind van een woord staat",
                "trefwoorden.csv:6:12: deze regel staat al op regel 5 (zelfde vraag, trefwoord en code)",
            ]
        }
    }
}
