import Foundation
import Testing
@testable import KTOText

/// The compiled first-name list must match `Sources/KTOText/WordData/first-names.tsv` (regenerate
/// with `python3 Sources/KTOText/WordData/generate.py` after editing it).
@Suite("First-name list")
struct FirstNameListTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/KTOText/WordData")

    @Test func generatedListMatchesTheTSV() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("first-names.tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        #expect(lines.removeFirst() == "name\torigin\talso_word")
        #expect(lines.count >= 2_500, "a few thousand names")
        var origins = Set<String>()
        for line in lines {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == 3, "\(line)")
            guard cells.count == 3 else { continue }
            let key = cells[0].lowercased()
            #expect(FirstNames.contains(key), "\(cells[0]) is in the TSV but not in FirstNames+List.swift")
            #expect(FirstNames.isAlsoWord(key) == (cells[2] == "1"), "\(cells[0]): also_word differs")
            origins.formUnion(cells[1].split(separator: ",").map(String.init))
        }
        #expect(origins.isSuperset(of: ["nl", "fy", "ma", "tr", "sr", "an", "id", "pl", "ar", "er", "so", "af", "ua"]))
    }

    @Test func lookupsFoldCaseDiacriticsAndHyphens() {
        #expect(FirstNames.contains("özlem") && FirstNames.contains("ozlem"))
        #expect(FirstNames.contains("henk-jan"))
        #expect(!FirstNames.contains("henk-gemeente"))
        #expect(FirstNames.isAlsoWord("roos") && FirstNames.isAlsoWord("wil") && FirstNames.isAlsoWord("mark"))
        #expect(!FirstNames.contains("bakker") && !FirstNames.contains("van") && !FirstNames.contains("de"))
    }

    /// The byte split of the packed lists gives the words a split on characters gives.
    @Test func packedListsSplitOnBytesAsOnCharacters() {
        for packed in [FirstNames.packedNames, FirstNames.packedWordNames, "a  b\nc \n", "", "é ë\u{301} x"] {
            #expect(FirstNames.unpacked(packed) == Set(packed.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)))
        }
        #expect(FirstNames.all.count > 1_000)
    }
}
