import Testing
import KTOImport
@testable import KTOModel

/// Common Dutch answer texts read without labels in the codebook; the codebook's labels win.
@Suite("Answer texts")
struct AnswerTextsTests {
    let statement = Variable(code: "stipt", type: .likert, validCodes: Array(1...5), labels: Codebook.likertLabels, missing: [ValueLabel(code: 9, label: "weet niet")])

    @Test func foldingIgnoresCaseAccentsPunctuationAndSpacing() {
        #expect(AnswerTexts.key("N.v.t.") == "nvt")
        #expect(AnswerTexts.key("  Helemaal  (mee) EENS! ") == "helemaal mee eens")
        #expect(AnswerTexts.key("Neutraal / Niet eens, niet oneens") == "neutraal niet eens niet oneens")
        #expect(AnswerTexts.key("Café\u{00A0}’t") == "cafe t")
        #expect(AnswerTexts.key("Weet ik niet") == "weet ik niet")
        // The ASCII fast path folds as the general one does.
        for text in ["N.v.t.", "  Helemaal  (mee) EENS! ", "R_2YPOQ602ER1jkf1", "2025-03-02 10:12:01", "it's A-OK/ja", "x\u{1}y", "`a`.b", ""] {
            #expect(AnswerTexts.asciiKey(text) == AnswerTexts.unicodeKey(text), "\(text)")
        }
    }

    @Test func statementsReadBothScales() {
        let cases: [(String, Int?)] = [
            ("Helemaal mee oneens", 1), ("(Mee) oneens", 2), ("Oneens", 2), ("Neutraal", 3), ("Niet eens, niet oneens", 3),
            ("Noch eens, noch oneens", 3), ("(Mee) eens", 4), ("Helemaal (mee) eens", 5), ("HELEMAAL MEE EENS.", 5),
            ("Zeer ontevreden", 1), ("Ontevreden", 2), ("Tevreden", 4), ("Zeer tevreden", 5),
            ("Weet niet", 9), ("weet ik niet", 9), ("Geen mening", 9),
            // No missing code for 'niet van toepassing': unusable, as before.
            ("N.v.t.", nil), ("zes", nil),
        ]
        for (text, code) in cases {
            #expect(AnswerTexts.code(of: text, in: statement) == code, "\(text)")
        }
    }

    @Test func codebookLabelsWin() {
        var odd = statement
        odd.labels = [ValueLabel(code: 2, label: "Neutraal"), ValueLabel(code: 4, label: "Eens")]
        #expect(AnswerTexts.code(of: "neutraal", in: odd) == 2)
        #expect(AnswerTexts.code(of: "Mee eens", in: odd) == 4)
        #expect(AnswerTexts.code(of: "Helemaal eens", in: odd) == 5)
    }

    @Test func scalesOnlyForFivePointStatements() {
        let grade = Variable(code: "cijfer", type: .grade, validCodes: Array(1...10), missing: [ValueLabel(code: 99, label: "weet niet")])
        #expect(AnswerTexts.code(of: "Tevreden", in: grade) == nil)
        #expect(AnswerTexts.code(of: "Weet niet", in: grade) == 99)
        let seven = Variable(code: "s", type: .likert, validCodes: Array(1...7))
        #expect(AnswerTexts.code(of: "Helemaal eens", in: seven) == nil)
    }

    @Test func yesAndNoByTheLabels() {
        let question = Variable(code: "traject", type: .category, validCodes: [1, 2], labels: [ValueLabel(code: 1, label: "Nee"), ValueLabel(code: 2, label: "Ja")])
        #expect(AnswerTexts.code(of: "JA", in: question) == 2)
        #expect(AnswerTexts.code(of: "yes", in: question) == 2)
        #expect(AnswerTexts.code(of: "n", in: question) == 1)
        let other = Variable(code: "x", type: .category, validCodes: [1, 2], labels: [ValueLabel(code: 1, label: "Wel"), ValueLabel(code: 2, label: "Niet")])
        #expect(AnswerTexts.code(of: "ja", in: other) == nil)
    }

    @Test func noOpinionByTheMissingCodesLabels() {
        var item = Variable(code: "c", type: .grade, validCodes: Array(1...10))
        item.missing = [ValueLabel(code: 98, label: "n.v.t."), ValueLabel(code: 99, label: "weet niet")]
        #expect(AnswerTexts.code(of: "Niet van toepassing", in: item) == 98)
        #expect(AnswerTexts.code(of: "Weet niet", in: item) == 99)
        #expect(AnswerTexts.code(of: "Geen mening", in: item) == 99)
        item.missing = [ValueLabel(code: 97, label: "Geen mening"), ValueLabel(code: 99, label: "Weet niet")]
        #expect(AnswerTexts.code(of: "geen mening", in: item) == 97)
        #expect(AnswerTexts.code(of: "weet ik niet", in: item) == 99)
        item.missing = [ValueLabel(code: 97, label: "Geen mening"), ValueLabel(code: 98, label: "Geen idee")]
        // 'Geen idee' is a don't-know label.
        #expect(AnswerTexts.code(of: "weet niet", in: item) == 98)
        item.missing = [ValueLabel(code: 8, label: "ontbrekend (8)")]
        #expect(AnswerTexts.code(of: "weet niet", in: item) == nil)
        #expect(AnswerTexts.kinds(ofLabel: "Weet niet / geen mening") == [.dontKnow, .noOpinion])
    }

    @Test func theLoaderReadsThemAndCountsThemAsLabelMatches() throws {
        let data = [
            "respnr;gemeente;cijfer;stipt;wisselen;traject;goed",
            "1;1;7;Helemaal mee eens;(Mee) oneens;ja;",
            "2;2;Weet ik niet;Neutraal / niet eens, niet oneens;Zeer tevreden;NEE;",
            "3;3;8;n.v.t.;Geen mening;Ja;",
        ].joined(separator: "\n") + "\n"
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("data.csv", data)
        let loaded = try LoadedStudy.load(studyPath: folder.write("kto.study", MiniStudy.study()), strict: false)
        let dataset = loaded.current
        let ledger = try #require(loaded.ledgers.first)
        func codes(_ name: String) -> [Int16] {
            guard let k = loaded.codebook.index(of: name), case .codes(let c) = dataset.columns[k] else { return [] }
            return c.codes
        }
        #expect(codes("cijfer") == [7, 99, 8])
        #expect(codes("stipt") == [5, 3, Dataset.unreadable])  // no n.v.t. code for stipt
        // wisselen is a negative statement: codes as written (polarity is applied in analysis).
        #expect(codes("wisselen") == [2, 5, 9])
        #expect(codes("traject") == [2, 1, 2])
        #expect(ledger.labelsMatched == 9)
    }
}
