import Foundation
import Testing
import KTOImport
@testable import KTOModel

/// Inputs `kto-fuzz` found (Tests/Fixtures/fuzz, see its README). Places named by the ledger and
/// the parsers must be the line and column of the cell, also after a quoted field that spans
/// lines (they named the row's first line with a column counted on a later line); no input may
/// trap or take quadratic time.
@Suite("Fuzz regressions: the loader and the study-description parsers")
struct FuzzRegressionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz").path

    static func fixture(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixtures + "/" + name)))
    }

    /// Loads a fixture as the data of MiniStudy.
    func loadMini(_ name: String, strict: Bool = false) throws -> (Dataset, RowLedger) {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("data.csv", bytes: try Self.fixture(name))
        let loaded = try LoadedStudy.load(studyPath: folder.write("kto.study", MiniStudy.study()), strict: strict)
        return (loaded.current, try #require(loaded.ledgers.first))
    }

    /// `1;1;7;4;2;1;"eerste regel` / `tweede"x`: the stray `x` is line 3, column 8.
    @Test func textAfterClosingQuoteNamesItsOwnLine() throws {
        let (dataset, ledger) = try loadMini("loader-stray-quote.csv")
        #expect(ledger.rejections == [.init(line: 3, reason: .textAfterClosingQuote(column: 8))])
        #expect(dataset.lines == [4])
        // --strict: the error names the same place, with that line under it.
        #expect {
            try loadMini("loader-stray-quote.csv", strict: true)
        } throws: { error in
            guard let strict = error as? StrictModeError else { return false }
            return strict.location == KTOImport.SourceLocation(file: "data.csv", line: 3) && strict.lineText == "tweede\"x"
                && strict.message == "rij afgewezen (--strict): tekst na een afsluitend aanhalingsteken (kolom 8)"
        }
    }

    /// `1;"regel een` / `regel twee";1;11;4;2;1`: the grade 11 is line 3, column 15.
    @Test func cellExampleNamesItsOwnLine() throws {
        let (dataset, ledger) = try loadMini("loader-cell-example.csv")
        let cijfer = try #require(ledger.cellIssues.first { $0.variable == "cijfer" })
        #expect(cijfer.examples == [.init(line: 3, column: 15, value: "11")])
        #expect(dataset.lines == [2, 4])
        #expect(dataset.column("goed") == .texts(["regel een\r\nregel twee", nil]))
    }

    /// `101;"Altijd` / `op tijd";goed_codes;7`: the code 7 is line 3, column 21; on a line of its
    /// own (`102;Vriendelijk;goed_codes;5`) the place was and is right.
    @Test func codingFileRejectionNamesItsOwnLine() throws {
        let folder = OpenStudy.folder(coding: String(decoding: try Self.fixture("coding-multiline.csv"), as: UTF8.self))
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        let ledger = try #require(loaded.codingLedgers.first)
        #expect(ledger.rejections.map(\.kind) == [.unknownCode, .unknownCode])
        #expect(ledger.rejections.map(\.location) == [
            KTOImport.SourceLocation(file: "codering.csv", line: 3, column: 21),
            KTOImport.SourceLocation(file: "codering.csv", line: 4, column: 28),
        ])
        #expect(ledger.rejections.map(\.lineText) == ["op tijd\";goed_codes;7", "102;Vriendelijk;goed_codes;5"])
    }

    /// A coding file whose every row is rejected (here: respondents of another meting) took
    /// quadratic time, each message's line text found by a scan from the start of the file
    /// (`kto-fuzz` reported slow inputs; 20,000 rows took 98 s in a release build). It is linear
    /// now: 12,000 rows take about a second in a debug build, the quadratic scan over a minute.
    @Test func manyRejectedCodingRowsStayLinear() throws {
        let rows = (0..<12_000).map { "\(500_000 + $0);goed_codes;1;Een antwoord van iemand uit een andere meting" }
        let folder = OpenStudy.folder(coding: (["respnr;variabele;codes;tekst"] + rows).joined(separator: "\r\n") + "\r\n")
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try LoadedStudy.load(studyPath: folder.path + "/kto.study")
        let elapsed = clock.now - start
        let ledger = try #require(loaded.codingLedgers.first)
        #expect(ledger.rejections.count == 12_000)
        #expect(ledger.rejections.last?.location == KTOImport.SourceLocation(file: "codering.csv", line: 12_001, column: 1))
        #expect(ledger.rejections.last?.lineText == rows.last)
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    /// `cijfer;grade;A;B;"Hoe tevreden` / `bent u?";;;;sideways;`: the polarity is line 4, column 13.
    @Test func codebookProblemNamesItsOwnLine() throws {
        let source = try SourceText(bytes: try Self.fixture("codebook-multiline.csv"), file: "codebook.csv")
        #expect {
            try Codebook.parse(source)
        } throws: { error in
            let problems = (error as? StudyError)?.problems ?? []
            return problems.map(\.location) == [KTOImport.SourceLocation(file: "codebook.csv", line: 4, column: 13)]
                && problems.map(\.lineText) == ["bent u?\";;;;sideways;"]
                && problems.first?.message.hasPrefix("richting 'sideways' van 'cijfer' is onbekend") == true
        }
    }

    /// `cijfer;mean;"x` / `y";zeven;;`: the value is line 3, column 4.
    @Test func aggregatesProblemNamesItsOwnLine() throws {
        let codebook = try Codebook.parse(try SourceText(bytes: Array(MiniStudy.codebook.utf8), file: "codebook.csv"))
        let source = try SourceText(bytes: try Self.fixture("aggregates-multiline.csv"), file: "benchmark.csv")
        #expect {
            try Aggregates.parse(source, name: "Benchmark", codebook: codebook)
        } throws: { error in
            let problems = (error as? StudyError)?.problems ?? []
            return problems.map(\.location) == [KTOImport.SourceLocation(file: "benchmark.csv", line: 3, column: 4)]
                && problems.map(\.message) == ["waarde 'zeven' is geen getal"] && problems.map(\.lineText) == ["y\";zeven;;"]
        }
    }

    /// `goed_codes;"op` / `tijd";99`: the code is line 3, column 7.
    @Test func dictionaryProblemNamesItsOwnLine() throws {
        let codebook = try Codebook.parse(try SourceText(bytes: Array(OpenStudy.codebook.utf8), file: "codebook.csv"))
        let source = try SourceText(bytes: try Self.fixture("dictionary-multiline.csv"), file: "trefwoorden.csv")
        #expect {
            try KeywordDictionary.parse(source, questions: codebook.openQuestions)
        } throws: { error in
            let problems = (error as? StudyError)?.problems ?? []
            return problems.map(\.location) == [KTOImport.SourceLocation(file: "trefwoorden.csv", line: 3, column: 7)]
                && problems.map(\.lineText) == ["tijd\";99"]
        }
    }

    /// A code of -9223372036854775808 (`Int.min`, which `Int("...")` reads) trapped in the range
    /// check (`abs` of `Int.min`): the process ended. Now it is a codebook error at the cell.
    @Test func codebookCodeIntMinIsAnError() throws {
        let source = try SourceText(bytes: try Self.fixture("codebook-int-min.csv"), file: "codebook.csv")
        #expect {
            try Codebook.parse(source)
        } throws: { error in
            let problems = (error as? StudyError)?.problems ?? []
            return problems.map(\.message) == ["code -9223372036854775808 van 'mw_best' valt buiten -9999...9999"]
                && problems.map(\.location) == [KTOImport.SourceLocation(file: "codebook.csv", line: 2, column: 53)]
        }
    }

    /// A label or cell ending in a long run of dots took quadratic time in `labelKey` (the trim
    /// counted the whole string per dot): a 64 KB codebook cell took 64 s in a release build.
    /// 150,000 dots take milliseconds now; 50,000 took 10 s before in a debug build, 150,000 nine
    /// times as long.
    @Test func labelKeyTrimsLongRunsInLinearTime() {
        let clock = ContinuousClock()
        let start = clock.now
        let dots = String(repeating: ".", count: 150_000)
        #expect(Variable.labelKey(dots + " Weet  Niet" + dots) == "weet niet")
        #expect(Variable.labelKey(dots) == "")
        #expect(clock.now - start < .seconds(5))
    }

    /// A label whose code is neither valid nor missing (`99=weet niet` under labels of a grade
    /// 1-10): the cell 'weet niet' was kept as code 99, an answer no count includes, while the
    /// cell 99 was counted as out of range. Both are out of range now.
    @Test func labelOfACodeOutsideTheValidCodesIsOutOfRange() throws {
        let folder = TempFolder()
        folder.write("codebook.csv", bytes: try Self.fixture("codebook-label-outside-codes.csv"))
        folder.write("data.csv", "respnr;gemeente;cijfer\r\n1;1;weet niet\r\n2;2;99\r\n3;3;7\r\n")
        let study = try Study.load(path: folder.write("kto.study", MiniStudy.study()))
        let codebook = try Codebook.load(path: study.codebook.path, displayName: "codebook.csv")
        let (dataset, ledgers) = try DatasetLoader(study: study, codebook: codebook).load(files: study.dataFiles, meting: "2015")
        #expect(dataset.column("cijfer") == .codes([Dataset.unreadable, Dataset.unreadable, 7]))
        let cijfer = try #require(ledgers.first?.cellIssues.first { $0.variable == "cijfer" })
        #expect(cijfer.outOfRange == 2 && cijfer.unreadable == 0)
        #expect(cijfer.examples == [.init(line: 2, column: 5, value: "weet niet"), .init(line: 3, column: 5, value: "99")])
        #expect(ledgers.first?.labelsMatched == 0)
    }

    /// Respondent numbers of 19 digits (numbers of any length are read now) overflowed the id
    /// table's arithmetic (`id + 1` at Int.max) and the process trapped. They are ids like any
    /// other: a repeat is a duplicate.
    @Test func hugeRespondentNumbersAreIDs() throws {
        let (dataset, ledger) = try loadMini("loader-huge-ids.csv")
        #expect(dataset.ids == ["1", "9223372036854775807", "-9223372036854775807"])
        #expect(ledger.rejections == [.init(line: 5, reason: .duplicateID("9223372036854775807", firstLine: 3))])
    }

    /// The id registry answers as a dictionary would, for ids anywhere in Int's range.
    @Test func idRegistryTakesEveryInt() {
        var registry = IDRegistry()
        let ids = [5, Int.max, 6, Int.min, -(1 << 52), 1 << 52, (1 << 52) + 1, Int.max - 1, 5, Int.min, Int.max]
        var seen: [Int: Int] = [:]
        for (k, id) in ids.enumerated() {
            #expect(registry.register(id, line: k + 2) == seen[id], "id \(id)")
            if seen[id] == nil { seen[id] = k + 2 }
        }
        #expect(registry.numericCount == seen.count)
    }

    /// An n of 20 digits (numbers of any length are read now) trapped in `Int(n)`. Now an n above
    /// 1,000,000,000 is an error at the cell; 1,000,000,000 itself is read.
    @Test func aggregatesHugeNIsAnError() throws {
        let codebook = try Codebook.parse(try SourceText(bytes: Array(MiniStudy.codebook.utf8), file: "codebook.csv"))
        let source = try SourceText(bytes: try Self.fixture("aggregates-huge-n.csv"), file: "benchmark.csv")
        #expect {
            try Aggregates.parse(source, name: "Benchmark", codebook: codebook)
        } throws: { error in
            let problems = (error as? StudyError)?.problems ?? []
            return problems.map(\.location) == [KTOImport.SourceLocation(file: "benchmark.csv", line: 2, column: 18)]
                && problems.map(\.message) == ["n '99999999999999999999' is groter dan 1.000.000.000: dat kan geen aantal respondenten zijn"]
        }
    }
}
