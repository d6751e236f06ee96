import Foundation
import Testing
import KTOImport
@testable import KTOCommand
@testable import KTOModel

/// The codebook `kto init` drafts from each shape of the survey of Tests/Fixtures/exports, with
/// the table `TableFile` read, gives the survey's own figures when the loader reads the file
/// itself (any shape, through `TableFile` and `TableText`).
///
/// Expected, computed from expected.json (the script's respondents) with Python: 55 grades
/// (60 minus 3 'weet niet' and 2 empty), mean 6.8; statements: 39 of 58 agree (67.24…%) and 33
/// of 59 (55.93…%); of the 50 respondents who ticked a channel 37 Telefoon (74%), 16 Balie (32%)
/// and 25 Website (50%).
@Suite("kto init: the draft of every shape gives the survey's figures")
struct InitDraftFiguresTests {
    @Test(arguments: [
        "kto-2025.csv", "export.sav", "export-bytecode.sav", "export.zsav", "export-pyreadstat.sav", "export.xlsx",
        "qualtrics-export.csv", "limesurvey-export.csv", "surveymonkey-export.csv",
    ])
    func figures(name: String) throws {
        let folder = try InitFolder(copying: [name])
        let result = try TableFile.read(path: folder.path + "/" + name, displayName: name)
        let draft = try CodebookDraft.make(from: result)
        try Data(draft.codebookBytes()).write(to: URL(fileURLWithPath: folder.path + "/codebook.csv"))
        try draft.studyText(data: name, meting: "2025").replacingOccurrences(of: " = 0\n", with: " = 100\n")
            .write(toFile: folder.path + "/kto.study", atomically: true, encoding: .utf8)

        let check = try runKTO(["check", "kto.study"], in: folder.path)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("rijen gelezen: 60, gebruikt: 60, afgewezen: 0"))
        let report = try runKTO(["report", "kto.study", "--quiet"], in: folder.path)
        #expect(report.status == 0, "\(report.stderr)")
        let results = try #require(folder.read("rapport-2025/results.csv"))
        let rows = results.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        /// `value|n` of the total's figure for the `index`-th variable of `type`.
        func figure(_ type: VariableType, _ measure: String, _ category: String = "", index: Int = 0) -> String? {
            let variables = draft.entries.filter { $0.type == type }.map(\.variable)
            guard index < variables.count else { return nil }
            let row = rows.first { $0.count > 6 && $0[0] == "2025" && $0[1] == "total" && $0[2] == variables[index] && $0[3] == measure && $0[4] == category }
            return row.map { $0[5] + "|" + $0[6] }
        }
        #expect(figure(.grade, "mean") == "6.8|55")
        #expect(figure(.likert, "pct_agree") == "67.24137931034483|58")
        #expect(figure(.likert, "pct_agree", index: 1) == "55.932203389830505|59")
        #expect(figure(.multi, "pct_mentioned", "Telefoon") == "74|50")
        #expect(figure(.multi, "pct_mentioned", "Balie") == "32|50")
        #expect(figure(.multi, "pct_mentioned", "Website") == "50|50")
    }
}
