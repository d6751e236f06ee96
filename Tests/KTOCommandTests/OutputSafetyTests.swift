import Foundation
import Testing
import KTOWriters
@testable import KTOCommand

/// kto writes a report only into a new folder, an empty one, or one it wrote itself; a refusal
/// comes before anything the data's read found (the folder is checked while the data is read),
/// exits 2 and touches nothing.
@Suite("Output safety: kto never deletes what it did not write")
struct OutputSafetyTests {
    /// A copy of the sample study in a fresh temporary folder, with its study file changed by `edit`.
    static func sampleCopy(_ edit: (String) -> String = { $0 }) throws -> String {
        let folder = NSTemporaryDirectory() + "kto-safety-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: Paths.packageRoot + "/SampleData") {
            try fm.copyItem(atPath: Paths.packageRoot + "/SampleData/" + name, toPath: folder + "/" + name)
        }
        let study = folder + "/kto-2015.study"
        let text = try String(contentsOfFile: study, encoding: .utf8)
        try edit(text).write(toFile: study, atomically: true, encoding: .utf8)
        try "aantekeningen van de onderzoeker\n".write(toFile: folder + "/notities.txt", atomically: true, encoding: .utf8)
        return folder
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path).map { [UInt8]($0) } }
        }
        return files
    }

    @Test func outputDotInTheStudyFileIsRefused() throws {
        let folder = try Self.sampleCopy { $0.replacingOccurrences(of: "output   = ../Reports/kto-2015", with: "output   = .") }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try Self.snapshot(folder)
        let result = try runKTO(["report", folder + "/kto-2015.study"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("kto: uitvoermap '\(folder)' bevat een invoerbestand van de studie"))
        #expect(result.stdout == "", "refused before anything the read found: no ledger printed")
        #expect(try Self.snapshot(folder) == before)
    }

    @Test func outputAtTheStudysOwnFolderIsRefused() throws {
        let folder = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try Self.snapshot(folder)
        let result = try runKTO(["report", folder + "/kto-2015.study", "--output", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bevat een invoerbestand van de studie"))
        #expect(try Self.snapshot(folder) == before)
        // A parent of the study's folder holds its inputs too.
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        let up = try runKTO(["report", folder + "/kto-2015.study", "--output", parent])
        #expect(up.status == 2)
        #expect(try Self.snapshot(folder) == before)
    }

    @Test func outputAtAFolderWithOtherFilesIsRefused() throws {
        let folder = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let other = folder + "/../kto-other-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: other + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: other) }
        try "x".write(toFile: other + "/brief.docx", atomically: true, encoding: .utf8)
        try "y".write(toFile: other + "/sub/data.csv", atomically: true, encoding: .utf8)
        let before = try Self.snapshot(other)
        let studyBefore = try Self.snapshot(folder)
        let result = try runKTO(["report", folder + "/kto-2015.study", "--output", other])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bestaat al en is geen rapportmap van kto (er staan 3 bestanden of mappen in, o.a. 'brief.docx', 'sub', 'sub/data.csv')"))
        #expect(try Self.snapshot(other) == before)
        #expect(try Self.snapshot(folder) == studyBefore)
    }

    @Test func aReportFolderOfKtosIsReplacedButNotWhenSomeoneAddedOrChangedAFile() throws {
        let folder = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "-rapport"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let first = try runKTO(["report", folder + "/kto-2015.study", "--output", output, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try runKTO(["report", folder + "/kto-2015.study", "--output", output, "--quiet"])
        #expect(again.status == 0, "a folder kto wrote is replaced: \(again.stderr)")

        try "mijn aantekening".write(toFile: output + "/aantekening.txt", atomically: true, encoding: .utf8)
        let withNote = try Self.snapshot(output)
        let added = try runKTO(["report", folder + "/kto-2015.study", "--output", output, "--quiet"])
        #expect(added.status == 2)
        #expect(added.stderr.contains("staan bestanden die kto niet schreef: 'aantekening.txt'"))
        #expect(try Self.snapshot(output) == withNote)

        try FileManager.default.removeItem(atPath: output + "/aantekening.txt")
        try "bewerkt".write(toFile: output + "/report.txt", atomically: true, encoding: .utf8)
        let edited = try Self.snapshot(output)
        let changed = try runKTO(["report", folder + "/kto-2015.study", "--output", output, "--quiet"])
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("zijn bestanden gewijzigd nadat kto ze schreef: 'report.txt'"))
        #expect(try Self.snapshot(output) == edited)
    }

    @Test func rootAndHomeAreRefused() throws {
        #expect(throws: OutputRefusal.root(path: "/")) { try OutputFolder(path: "/").check(protecting: []) }
        let home = NSTemporaryDirectory() + "kto-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(throws: OutputRefusal.home(path: home + "/")) { try OutputFolder(path: home + "/").check(protecting: [], home: home) }
        // An empty existing folder and a new one are fine.
        try OutputFolder(path: home + "/leeg").check(protecting: [], home: home)
        try FileManager.default.createDirectory(atPath: home + "/leeg", withIntermediateDirectories: true)
        try OutputFolder(path: home + "/leeg").check(protecting: [], home: home)
    }

    @Test func sampleNeverOverwritesOtherContent() throws {
        let folder = NSTemporaryDirectory() + "kto-sample-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "mijn eigen export".write(toFile: folder + "/kto-2015.csv", atomically: true, encoding: .utf8)
        let before = try Self.snapshot(folder)
        let result = try runKTO(["sample", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains("staan al bestanden met een andere inhoud: 'kto-2015.csv'"))
        #expect(try Self.snapshot(folder) == before)
        // Regenerating over identical files is harmless.
        try FileManager.default.removeItem(atPath: folder + "/kto-2015.csv")
        #expect(try runKTO(["sample", folder]).status == 0)
        #expect(try runKTO(["sample", folder]).status == 0)
    }
}
