import Testing
import KTOImport
@testable import KTOModel

@Suite("Aggregates files (benchmarks, previous meting from its report)")
struct AggregatesTests {
    func load(_ text: String) throws -> Aggregates {
        let folder = TempFolder()
        let path = folder.write("rpa.csv", text)
        let codebook = try Codebook.parse(try SourceText(bytes: Array(MiniStudy.codebook.utf8), file: "codebook.csv"))
        return try Aggregates.load(.init(path: path, displayName: "rpa.csv"), name: "RPA", codebook: codebook)
    }

    @Test func readsFiguresWithDutchDecimals() throws {
        let a = try load("variable;measure;category;value;n;sd\ncijfer;mean;;6,9;120;1,8\nstipt;pct_agree;;58;;\ntraject;pct_category;Ja;15;;\n")
        #expect(a.figure("cijfer", "mean") == .init(value: 6.9, n: 120, sd: 1.8))
        #expect(a.figure("STIPT", "pct_agree") == .init(value: 58, n: nil, sd: nil))
        #expect(a.figure("traject", "pct_category", category: "ja") == .init(value: 15, n: nil, sd: nil))
        // A missing figure is "not available", never 0.
        #expect(a.figure("wisselen", "pct_agree") == nil)
    }

    /// Finding 9 of the trust issue: a file with results.csv's full-precision values was rejected
    /// (numbers were limited to 15 significant digits). They read back exactly now.
    @Test func resultsCSVValuesReadBackExactly() throws {
        let a = try load("variable,measure,category,value,n,sd\ncijfer,mean,,6.9512195121951219,41,1.5890121907496642\nstipt,pct_agree,,0.98148770590391082,,\ntraject,pct_category,Ja,1.2345678901234567e-05,,\n")
        #expect(a.figure("cijfer", "mean") == .init(value: 6.9512195121951219, n: 41, sd: 1.5890121907496642))
        #expect(a.figure("stipt", "pct_agree")?.value == 0.98148770590391082)
        #expect(a.figure("traject", "pct_category", category: "Ja")?.value == 1.2345678901234567e-05)
    }

    @Test func everyBadRowIsReportedWithItsPlace() throws {
        do {
            _ = try load("variable;measure;category;value;n;sd\nonbekend;mean;;7;;\ncijfer;gemiddelde;;7;;\ntraject;pct_category;Misschien;7;;\ncijfer;mean;;zeven;;\ncijfer;mean;;7;1,5;\n")
            Issue.record("expected an error")
        } catch let error as StudyError {
            #expect(error.problems.map(\.message) == [
                "variabele 'onbekend' staat niet in het codeboek",
                "onbekende maat 'gemiddelde'; kies uit: mean, pct_agree, pct_category, pct_mentioned, pct_onvoldoende",
                "categorie 'Misschien' is geen label van 'traject'",
                "waarde 'zeven' is geen getal",
                "n '1,5' is geen positief geheel getal",
            ])
            #expect(error.problems.map { $0.location?.line } == [2, 3, 4, 5, 6])
            #expect(error.problems[1].location?.column == 8)
        }
    }

    /// A figure no answers can give (a grade's mean of 1e308, a percentage of 150, a spread wider
    /// than the scale) would be printed and tested against as if it were real.
    @Test func figuresOutsideTheirScaleAreRefused() throws {
        do {
            _ = try load("variable;measure;category;value;n;sd\ncijfer;mean;;1e308;120;\ncijfer;mean;;0,5;;\nstipt;pct_agree;;150;;\ncijfer;mean;;7;120;12\ncijfer;pct_onvoldoende;;-1;;\n")
            Issue.record("expected an error")
        } catch let error as StudyError {
            #expect(error.problems.map(\.message) == [
                "gemiddelde '1e308' ligt buiten de schaal van 'cijfer' (1 tot en met 10)",
                "gemiddelde '0,5' ligt buiten de schaal van 'cijfer' (1 tot en met 10)",
                "percentage '150' ligt niet tussen 0 en 100",
                "sd '12' is groter dan de breedte van de schaal van 'cijfer' (9)",
                "percentage '-1' ligt niet tussen 0 en 100",
            ])
            #expect(error.problems.map { $0.location?.line } == [2, 3, 4, 5, 6])
        }
        // The ends of the scale and a spread of its width are figures answers can give.
        let ends = try load("variable;measure;category;value;n;sd\ncijfer;mean;;10;2;9\nstipt;pct_agree;;100;;\ncijfer;pct_onvoldoende;;0;;\n")
        #expect(ends.figure("cijfer", "mean") == .init(value: 10, n: 2, sd: 9))
    }

    @Test func previousMetingFromItsPublishedFigures() throws {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        folder.write("data.csv", "respnr;gemeente;cijfer;stipt;wisselen;traject;goed\n" + (1...40).map { "\($0);1;\($0 % 2 == 0 ? 8 : 9);;;;" }.joined(separator: "\n") + "\n")
        folder.write("vorige.csv", "variable;measure;category;value;n;sd\ncijfer;mean;;7,0;;\n")
        let path = folder.write("kto.study", MiniStudy.study(extra: "[previous]\nmeting = 2013\naggregates = vorige.csv\n"))
        let loaded = try LoadedStudy.load(studyPath: path)
        #expect(loaded.previous == nil)
        #expect(loaded.previousAggregates?.figure("cijfer", "mean")?.value == 7.0)
    }
}
