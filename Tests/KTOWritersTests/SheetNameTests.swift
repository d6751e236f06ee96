import Testing
@testable import KTOWriters

@Suite("Sheet names")
struct SheetNameTests {
    static let safeNames: [(proposed: String, taken: Set<String>, expected: String)] = [
        ("Rapportcijfers", [], "Rapportcijfers"),
        ("Werk/Inkomen", [], "Werk-Inkomen"),
        ("a\\b", [], "a-b"),
        ("Vraag 3: tevredenheid?", [], "Vraag 3 tevredenheid"),
        ("Tabel [2015]*", [], "Tabel (2015)"),
        ("'geciteerd'", [], "geciteerd"),
        ("  '  ruimte  '  ", [], "ruimte"),
        ("Jan's tabel", [], "Jan's tabel"),
        ("regel\neen\ttwee\u{0}drie", [], "regel een tweedrie"),
        ("", [], "Blad"),
        ("::??**", [], "Blad"),
        ("History", [], "History (2)"),
        ("Een heel lange hoofdstuktitel die niet past", [], "Een heel lange hoofdstuktitel d"),
        ("Een heel lange hoofdstuktitel die niet past", ["een heel lange hoofdstuktitel d"], "Een heel lange hoofdstuktit (2)"),
        ("Totaal", ["TOTAAL"], "Totaal (2)"),
        ("Totaal", ["totaal", "Totaal (2)"], "Totaal (3)"),
        // The cut falls before a character that does not fit whole (an emoji is 2 UTF-16 units).
        (String(repeating: "a", count: 30) + "😀", [], String(repeating: "a", count: 30)),
        (String(repeating: "a", count: 29) + "😀", [], String(repeating: "a", count: 29) + "😀"),
        // A cut that ends in a space or apostrophe is trimmed again.
        (String(repeating: "a", count: 30) + " b", [], String(repeating: "a", count: 30)),
        (String(repeating: "a", count: 29) + "' b", [], String(repeating: "a", count: 29)),
    ]

    @Test(arguments: safeNames.indices)
    func safeNameMakesAValidUniqueName(_ index: Int) {
        let (proposed, taken, expected) = Self.safeNames[index]
        let name = Worksheet.safeName(proposed, taken: taken)
        #expect(name == expected)
        #expect(Worksheet.nameProblem(name) == nil)
        #expect(!taken.map { $0.lowercased() }.contains(name.lowercased()))
    }

    static let problems: [(String, SheetNameProblem?)] = [
        ("Blad1", nil),
        ("", .empty),
        (String(repeating: "x", count: 31), nil),
        (String(repeating: "x", count: 32), .tooLong(length: 32)),
        (String(repeating: "😀", count: 16), .tooLong(length: 32)),
        ("a:b", .forbiddenCharacter(":")),
        ("a/b", .forbiddenCharacter("/")),
        ("a\\b", .forbiddenCharacter("\\")),
        ("a?b", .forbiddenCharacter("?")),
        ("a*b", .forbiddenCharacter("*")),
        ("a[b", .forbiddenCharacter("[")),
        ("a]b", .forbiddenCharacter("]")),
        ("a\u{301}[\u{301}b", .forbiddenCharacter("[")),
        ("a\tb", .controlCharacter),
        ("a\u{85}b", .controlCharacter),
        ("'a", .apostropheAtEdge),
        ("a'", .apostropheAtEdge),
        ("Jan's", nil),
        ("history", .reserved),
    ]

    @Test(arguments: problems.indices)
    func nameProblems(_ index: Int) {
        let (name, problem) = Self.problems[index]
        #expect(Worksheet.nameProblem(name) == problem)
        if let problem {
            #expect(throws: WorkbookError.invalidSheetName(name, problem: problem)) {
                try WorkbookWriter.bytes(Workbook(sheets: [Worksheet(name: name, rows: [])]))
            }
        }
    }
}
