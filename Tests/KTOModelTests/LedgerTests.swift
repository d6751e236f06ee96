import Foundation
import Testing
import KTOImport
@testable import KTOModel

@Suite("Dataset and row ledger")
struct LedgerTests {
    /// A file with known bad rows; line numbers are physical lines (header = 1).
    static let data = [
        "respnr;gemeente;cijfer;stipt;wisselen;traject;goed",  // 1
        "1;1;7;4;2;1;Prima",                                  // 2 ok
        "2;Voorschoten;7,0;helemaal eens;weet niet;2;",       // 3 ok: label group, label codes
        "3;1;11;4;2;1;x",                                     // 4 ok row, cijfer out of range
        "4;4;8;4;2;1;x",                                      // 5 unknown gemeente code
        "5;1;8;4;2",                                          // 6 too few fields
        "1;2;6;3;3;1;dubbel",                                 // 7 duplicate id of line 2
        ";;;;;;",                                             // 8 only separators: a blank line
        "8;;6;3;3;1;",                                        // 9 no gemeente
        "9;3;6,5;zes;3;1;\"tekst met ; en \"\"quote\"\"\"",   // 10 ok, cijfer 6,5 and stipt 'zes' unreadable
        "",                                                   // 11 blank line
        ";2;6;3;3;1;",                                        // 12 no id
        "12;Den Haag;6;3;3;1;",                               // 13 unknown gemeente name
        "13;3;\"7\"x;3;3;1;",                                 // 14 text after closing quote
        "14;2; 9 ;n.v.t.;9;1;\"meer\nregels\"",               // 15-16 ok, 'n.v.t.' not a likert label here
        "15;1;weet niet;;;;",                                 // 17 ok
    ].joined(separator: "\r\n") + "\r\n"

    func load(_ data: String = data, strict: Bool = false) throws -> (Dataset, RowLedger) {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("data.csv", data)
        let studyPath = folder.write("kto.study", MiniStudy.study())
        let loaded = try LoadedStudy.load(studyPath: studyPath, strict: strict)
        return (loaded.current, try #require(loaded.ledgers.first))
    }

    @Test func countsEveryRow() throws {
        let (dataset, ledger) = try load()
        #expect(ledger.rowsRead == 13)
        #expect(ledger.rowsUsed == 6)
        #expect(ledger.rowsRejected == 7)
        #expect(ledger.isBalanced)
        // Line 11 is empty; line 8 holds only separators, as Excel saves an empty row (finding 8
        // of the trust issue: it was a rejected row, so an Excel-saved file failed `kto check`).
        #expect(ledger.blankLines == 2)
        #expect(dataset.rowCount == 6)
    }

    @Test func rejectsExactlyTheBadRowsWithReasons() throws {
        let (_, ledger) = try load()
        let expected: [RowLedger.Rejection] = [
            .init(line: 5, reason: .unknownGroup("4")),
            .init(line: 6, reason: .wrongFieldCount(expected: 7, found: 5)),
            .init(line: 7, reason: .duplicateID("1", firstLine: 2)),
            .init(line: 9, reason: .missingGroup),
            .init(line: 12, reason: .missingID),
            .init(line: 13, reason: .unknownGroup("Den Haag")),
            .init(line: 14, reason: .textAfterClosingQuote(column: 9)),
        ]
        #expect(ledger.rejections == expected)
        #expect(ledger.rejections.map(\.reason.message)[1] == "rij heeft 5 velden, de kopregel 7")
    }

    /// Finding 8 of the trust issue: Excel's trailing empty header columns (`…;goed;;;`) were fatal.
    /// A column without a name whose cells are all empty is ignored and counted; one that holds
    /// a value is an error at that cell.
    @Test func emptyUnnamedColumnsAreIgnoredAndCounted() throws {
        let (dataset, ledger) = try load("respnr;gemeente;cijfer;stipt;wisselen;traject;goed;;;\r\n1;1;7;4;2;1;x;;;\r\n2;2;8;5;1;2;;;;\r\n;;;;;;;;;\r\n")
        #expect(ledger.emptyColumns == 3)
        #expect(ledger.unknownColumns == [])
        #expect(ledger.rowsRead == 2 && ledger.rowsUsed == 2 && ledger.blankLines == 1)
        #expect(dataset.column("cijfer") == .codes([7, 8]))
        do {
            _ = try load("respnr;gemeente;cijfer;stipt;wisselen;traject;goed;;\n1;1;7;4;2;1;x;;\n2;2;8;5;1;2;;12;\n")
            Issue.record("expected an error")
        } catch let error as StudyError {
            #expect(error.problems.map(\.description) == [
                "data.csv:3:14: kolom 8 heeft geen naam in de kopregel, maar hier staat een waarde ('12'); geef de kolom een naam (en neem haar op in het codeboek) of maak haar leeg",
            ])
        }
    }

    /// A statement whose data codes 1 = helemaal eens, declared `scale = reversed`: the loader stores
    /// low + high − c (code table and slow path alike), so 1 becomes 5 and labels match.
    @Test func aReversedScaleIsTurnedAroundOnLoad() throws {
        let folder = TempFolder()
        let codebook = MiniStudy.codebook
            .replacingOccurrences(of: "variable;type;chapter;section;text;values;labels;missing;polarity;previous", with: "variable;type;chapter;section;text;values;labels;missing;polarity;previous;scale")
            .replacingOccurrences(of: "stipt;likert;Consulenten;Stellingen;Houden zich aan afspraken;;;9=weet niet;positive;",
                                  with: "stipt;likert;Consulenten;Stellingen;Houden zich aan afspraken;;1=Helemaal mee eens|2=Mee eens|3=Neutraal|4=Mee oneens|5=Helemaal mee oneens;9=weet niet;positive;;reversed")
        folder.write("codebook.csv", codebook)
        folder.write("data.csv", "respnr;gemeente;cijfer;stipt;wisselen;traject;goed\n1;1;7;1;;;\n2;2;7;5;;;\n3;3;7;\"2\";;;\n4;1;7;Mee oneens;;;\n5;1;7;9;;;\n")
        let loaded = try LoadedStudy.load(studyPath: folder.write("kto.study", MiniStudy.study()))
        #expect(loaded.current.column("stipt") == .codes([5, 1, 4, 2, 9]))
        #expect(loaded.codebook.variable("stipt")?.reversedScale == true)
    }

    @Test func cellIssuesNameLineAndColumn() throws {
        let (_, ledger) = try load()
        let cijfer = try #require(ledger.cellIssues.first { $0.variable == "cijfer" })
        #expect(cijfer.outOfRange == 1)
        #expect(cijfer.unreadable == 1)
        #expect(cijfer.examples == [.init(line: 4, column: 5, value: "11"), .init(line: 10, column: 5, value: "6,5")])
        let stipt = try #require(ledger.cellIssues.first { $0.variable == "stipt" })
        #expect(stipt.unreadable == 2)
        #expect(stipt.examples.map(\.value) == ["zes", "n.v.t."])
        // 'helemaal eens' (line 3), 'weet niet' (line 3, wisselen) and 'weet niet' (line 17, cijfer);
        // the group name on line 3 is not a cell of a variable and 'n.v.t.' is no label of stipt.
        #expect(ledger.labelsMatched == 3)
    }

    @Test func storesTypedColumns() throws {
        let (dataset, _) = try load()
        #expect(dataset.ids == ["1", "2", "3", "9", "14", "15"])
        #expect(dataset.lines == [2, 3, 4, 10, 15, 17])
        #expect(dataset.group == [0, 1, 0, 2, 1, 0])
        #expect(dataset.column("cijfer") == .codes([7, 7, Dataset.unreadable, Dataset.unreadable, 9, 99]))
        #expect(dataset.column("stipt") == .codes([4, 5, 4, Dataset.unreadable, Dataset.unreadable, Dataset.noAnswer]))
        #expect(dataset.column("wisselen") == .codes([2, 9, 2, 3, 9, Dataset.noAnswer]))
        #expect(dataset.column("goed") == .texts(["Prima", nil, "x", "tekst met ; en \"quote\"", "meer\nregels", nil]))
        #expect(dataset.groupCounts == [3, 2, 1])
    }

    @Test func strictModeStopsAtFirstRejection() throws {
        do {
            _ = try load(strict: true)
            Issue.record("expected an error")
        } catch let error as StrictModeError {
            #expect(error.location == SourceLocation(file: "data.csv", line: 5))
            #expect(error.message == "rij afgewezen (--strict): onbekende gemeente '4' (niet in [population] van de studie)")
        }
    }

    @Test func unknownColumnsAreListed() throws {
        let (dataset, ledger) = try load("respnr;gemeente;cijfer;stipt;wisselen;traject;goed;extra\n1;1;7;;;;;x\n")
        #expect(ledger.unknownColumns == ["extra"])
        #expect(ledger.absentVariables == [])
        #expect(dataset.column("cijfer") == .codes([7]))
    }

    /// Finding 5 of the trust issue: a typo in a codebook variable showed the question as 'not
    /// asked' with exit 0. A codebook variable that no file of the meting has is an error, with
    /// the nearest column of the data as a suggestion.
    @Test func aCodebookVariableMissingFromTheDataIsAnErrorWithASuggestion() throws {
        do {
            _ = try load("respnr;gemeente;cijfer;stip;wisselen;traject;goed;extra\n1;1;7;4;;;;x\n")
            Issue.record("expected an error")
        } catch let error as StudyError {
            #expect(error.problems.map(\.description) == [
                "codebook.csv:5: variabele 'stipt' staat niet in de data van meting 2015 (data.csv); bedoelt u kolom 'stip'? Pas de naam in het codeboek aan",
            ])
        }
        do {
            _ = try load("respnr;gemeente;cijfer;wisselen;traject;goed\n1;1;7;;;\n")
            Issue.record("expected an error")
        } catch let error as StudyError {
            #expect(error.problems.map(\.message) == [
                "variabele 'stipt' staat niet in de data van meting 2015 (data.csv); controleer de naam in het codeboek tegen de kopregel van de data",
            ])
        }
    }

    @Test func groupVariableMissingFromFileIsFatal() throws {
        do {
            _ = try load("respnr;cijfer\n1;7\n")
            Issue.record("expected an error")
        } catch let error as StudyError {
            #expect(error.problems.map(\.message) == ["de groepsvariabele 'gemeente' staat niet in de kopregel van dit bestand"])
        }
        do {
            _ = try load("respnr;gemeent;cijfer\n1;1;7\n")
            Issue.record("expected an error")
        } catch let error as StudyError {
            #expect(error.problems.map(\.message) == ["de groepsvariabele 'gemeente' staat niet in de kopregel van dit bestand; bedoelt u kolom 'gemeent'?"])
        }
    }

    /// A MiniStudy folder with `data.csv` and an earlier meting 2013 in `old.csv`; keep the
    /// folder while the files are used.
    func studyWithPrevious(data: String, old: String) -> (folder: TempFolder, path: String) {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("data.csv", data)
        folder.write("old.csv", old)
        return (folder, folder.write("kto.study", MiniStudy.study(extra: "[previous]\nmeting = 2013\ndata = old.csv\n")))
    }

    @Test func previousMetingUsesMappedNames() throws {
        let (folder, path) = studyWithPrevious(
            data: "respnr;gemeente;cijfer;stipt;wisselen;traject;goed\n1;1;7;4;2;1;x\n",
            old: "respnr;gemeente;cijfer;stipt;wissel\n1;2;6;3;5\n2;3;8;2;1\n")
        // The folder's files are read below: it stays until the end of the test.
        defer { withExtendedLifetime(folder) {} }
        let loaded = try LoadedStudy.load(studyPath: path)
        let previous = try #require(loaded.previous)
        #expect(previous.meting == "2013")
        #expect(previous.column("wisselen") == .codes([5, 1]))
        #expect(previous.column("traject") == nil)
        #expect(loaded.ledgers.count == 2)
        #expect(loaded.ledgers[1].absentVariables == [])
        #expect(loaded.ledgers[1].unknownColumns == [])
    }

    /// Small metingen are read side by side (`LoadedStudy.readMetingen`): the same datasets and
    /// ledgers as one after the other, and when both fail, the current meting's error, as a
    /// sequential read meets it first.
    @Test func metingenReadSideBySideEqualOneAfterTheOther() throws {
        let (folder, path) = studyWithPrevious(
            data: "respnr;gemeente;cijfer;stipt;wisselen;traject;goed\n1;1;7;4;2;1;x\n2;2;8;;9;2;\n2;1;5;4;2;1;\n",
            old: "respnr;gemeente;cijfer;stipt;wissel\n1;2;6;3;5\n2;3;weet niet;2;1\n3;4;1;1;1\n")
        let study = try Study.load(path: path)
        let codebook = try Codebook.load(path: study.codebook.path)
        let loader = DatasetLoader(study: study, codebook: codebook)
        let together = try LoadedStudy.readMetingen(study, with: loader, progress: nil).map { try $0.get() }
        let current = try loader.load(files: study.dataFiles, meting: study.meting)
        let previous = try loader.load(files: study.previousMetingen[0].dataFiles, meting: "2013", naming: .meting("2013"))
        #expect(together.count == 2)
        for (a, b) in zip(together, [current, previous]) {
            #expect(a.0.columns == b.0.columns && a.0.group == b.0.group && a.0.ids == b.0.ids && a.0.lines == b.0.lines)
            #expect(a.1.map(\.rejections) == b.1.map(\.rejections))
            #expect(a.1.map(\.rowsUsed) == b.1.map(\.rowsUsed) && a.1.map(\.cellIssues.count) == b.1.map(\.cellIssues.count))
        }
        // A duplicate id in the current meting and an unknown gemeente in the earlier one: each
        // ledger has its own rejection.
        #expect(together[0].1[0].rejections.map(\.line) == [4] && together[1].1[0].rejections.map(\.line) == [4])

        try FileManager.default.removeItem(atPath: folder.path + "/data.csv")
        try FileManager.default.removeItem(atPath: folder.path + "/old.csv")
        do {
            _ = try LoadedStudy.load(studyPath: path)
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.location?.file == "data.csv")
        }
    }

    /// The comparison files are read beside the data, yet taken in study order: all of them
    /// arrive in order, and of several errors the first a sequential read meets is thrown.
    @Test func comparisonFilesReadBesideTheDataKeepTheirOrderAndErrors() throws {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("data.csv", "respnr;gemeente;cijfer;stipt;wisselen;traject;goed\n1;1;7;4;2;1;x\n")
        folder.write("oud.csv", "variable;measure;category;value;n;sd\ncijfer;mean;;6,5;40;\n")
        folder.write("a.csv", "variable;measure;category;value;n;sd\ncijfer;mean;;7,1;;\n")
        folder.write("b.csv", "variable;measure;category;value;n;sd\nstipt;pct_agree;;55;;\n")
        let path = folder.write("kto.study", MiniStudy.study(
            extra: "[previous]\nmeting = 2013\naggregates = oud.csv\n[benchmark A]\nfile = a.csv\n[benchmark B]\nfile = b.csv\n"))
        let loaded = try LoadedStudy.load(studyPath: path)
        #expect(loaded.benchmarks.map(\.name) == ["A", "B"])
        #expect(loaded.benchmarks[0].figure("cijfer", "mean")?.value == 7.1)
        #expect(loaded.benchmarks[1].figure("stipt", "pct_agree")?.value == 55)
        #expect(loaded.earlier.map(\.meting) == ["2013"] && loaded.earlier[0].figures?.figure("cijfer", "mean")?.n == 40)

        func failure() -> String? {
            do {
                _ = try LoadedStudy.load(studyPath: path)
                return nil
            } catch let error as ImportError {
                return error.location?.file
            } catch let error as StudyError {
                return error.problems.first?.location?.file
            } catch {
                return "\(error)"
            }
        }
        folder.write("b.csv", "variable;measure;category;value;n;sd\nbestaat_niet;mean;;1;;\n")
        #expect(failure() == "b.csv")
        try FileManager.default.removeItem(atPath: folder.path + "/a.csv")
        #expect(failure() == "a.csv")
        folder.write("oud.csv", "variable;measure;category;value;n;sd\ncijfer;gemiddelde;;6,5;;\n")
        #expect(failure() == "oud.csv")
        try FileManager.default.removeItem(atPath: folder.path + "/data.csv")
        #expect(failure() == "data.csv")
    }

    @Test func severalDataFilesAreConcatenatedAndPadded() throws {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("a.csv", "respnr;gemeente;cijfer;wisselen;traject;goed\n1;1;7;;;\n")
        folder.write("b.csv", "respnr;gemeente;stipt\n2;2;4\n1;3;5\n")
        let path = folder.write("kto.study", MiniStudy.study(data: "a.csv, b.csv"))
        let loaded = try LoadedStudy.load(studyPath: path)
        #expect(loaded.current.column("cijfer") == .codes([7, Dataset.noAnswer]))
        #expect(loaded.current.column("stipt") == .codes([Dataset.noAnswer, 4]))
        #expect(loaded.ledgers.map(\.rowsUsed) == [1, 1])
        #expect(loaded.ledgers[1].rejections == [.init(line: 3, reason: .duplicateID("1", firstLine: 2))])
    }
}
