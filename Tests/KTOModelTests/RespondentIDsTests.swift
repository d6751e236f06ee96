import Foundation
import Testing
@testable import KTOModel

/// Ids are kept as numbers while every one is a whole number, as text from the first that is
/// not; either way each row's id reads as the `String` the loader always gave it.
@Suite("Respondent ids: numbers until a text")
struct RespondentIDsTests {
    @Test func numbersUntilATextThenEveryIDAsText() {
        var ids = RespondentIDs()
        ids.reserveCapacity(4)
        ids.append(number: 20170000001)
        ids.append(number: -3)
        #expect(ids.isNumeric && Array(ids) == ["20170000001", "-3"])
        ids.append(text: "R_1abc")
        ids.append(number: 12)
        #expect(!ids.isNumeric)
        #expect(Array(ids) == ["20170000001", "-3", "R_1abc", "12"])
        #expect(ids.count == 4 && ids[2] == "R_1abc" && ids[3] == "12")
    }

    /// Equal by the ids they read as, whichever way each keeps them.
    @Test func equalByTheirTexts() {
        var numbers = RespondentIDs()
        for n in [7, 8, 9] { numbers.append(number: n) }
        let texts = RespondentIDs(["7", "8", "9"])
        #expect(numbers == texts && texts == numbers)
        #expect(numbers != RespondentIDs(["7", "8", "10"]))
        #expect(numbers != RespondentIDs(["7", "8"]))
        var other = RespondentIDs()
        for n in [7, 8, 10] { other.append(number: n) }
        #expect(numbers != other)
    }

    /// Parts joined: numbers stay numbers only when both sides are; a text on either side makes
    /// the whole text, in row order.
    @Test func joiningKeepsTheOrderAndTheKind() {
        func numbers(_ values: [Int]) -> RespondentIDs {
            var ids = RespondentIDs()
            for v in values { ids.append(number: v) }
            return ids
        }
        var a = numbers([1, 2])
        a.append(contentsOf: numbers([3]))
        #expect(a.isNumeric && Array(a) == ["1", "2", "3"])
        a.append(contentsOf: RespondentIDs(["x"]))
        #expect(!a.isNumeric && Array(a) == ["1", "2", "3", "x"])
        var b = RespondentIDs(["", ""])
        b.append(contentsOf: numbers([4]))
        #expect(Array(b) == ["", "", "4"])
    }

    /// A later part's open answers are moved onto the first part's, nils left behind; the
    /// moved answers are the target's alone (changing the source's slots leaves them).
    @Test func appendingByMovingLeavesNils() {
        var first: [String?] = ["a", nil]
        var later: [String?] = [nil, "antwoord \(Int.random(in: 0..<1000)) met een lange tekst die niet klein past", "c"]
        let expected = first + later
        first.appendMoving(&later)
        #expect(first == expected)
        #expect(later == [nil, nil, nil])
        later[1] = "anders"
        later = []
        #expect(first == expected)
        var empty: [String?] = []
        first.appendMoving(&empty)
        #expect(first == expected)
    }

    /// The loader keeps an export's respondent numbers as numbers ("0012" is respondent 12, as
    /// before); one id that is no number turns the file's ids to text, the same texts.
    @Test(arguments: [false, true])
    func theLoaderKeepsNumbersAsNumbers(_ withText: Bool) throws {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook)
        let rows = ["respnr;gemeente;cijfer;stipt;wisselen;traject;goed", "0012;1;7;4;2;1;", "13;2;8;5;1;2;"]
            + (withText ? ["A-14;3;6;3;3;1;"] : ["14;3;6;3;3;1;"])
        folder.write("data.csv", rows.joined(separator: "\n") + "\n")
        let loaded = try LoadedStudy.load(studyPath: folder.write("kto.study", MiniStudy.study()))
        #expect(loaded.current.ids.isNumeric == !withText)
        #expect(Array(loaded.current.ids) == ["12", "13", withText ? "A-14" : "14"])
    }
}
