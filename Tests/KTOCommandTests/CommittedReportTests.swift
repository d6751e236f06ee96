import Foundation
import Testing
import KTOModel
import KTOWriters
@testable import KTOCommand

/// The sample study's report is committed in Reports/kto-2015 so anyone can open the deliverable
/// without building anything. This test regenerates it and compares every file byte for byte: a
/// change in any output shows up here and in the diff of Reports/. Re-record on purpose with
/// `RECORD_SNAPSHOTS=1 swift test --filter CommittedReportTests`.
@Suite("Committed sample report")
struct CommittedReportTests {
    static let folder = Paths.packageRoot + "/Reports/kto-2015"

    /// `kto report` writes what `deliver(for:to:)` hands over and keeps no bytes itself: every
    /// file is delivered once, with the bytes `files(for:)` gives, and listed with its size in
    /// the same order.
    @Test func deliveredFilesAreTheFilesOnce() throws {
        let loaded = try LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        let expected = try ReportPipeline().files(for: loaded).files
        final class Received: @unchecked Sendable {
            let lock = NSLock()
            var files: [(path: String, bytes: [UInt8])] = []
        }
        let received = Received()
        let made = try ReportPipeline().deliver(for: loaded) { documents in
            let files = documents.map { (path: $0.path, bytes: $0.bytes) }
            received.lock.withLock { received.files += files }
        }
        #expect(made.files.map(\.path) == expected.map(\.path))
        #expect(made.files.map(\.size) == expected.map(\.bytes.count))
        #expect(received.files.count == expected.count)
        let byPath = Dictionary(received.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        for file in expected { #expect(byPath[file.path] == file.bytes, "\(file.path)") }
        #expect(expected.count > 5 && expected.allSatisfy { !$0.bytes.isEmpty })
    }

    @Test func reportsFolderMatchesAFreshRun() throws {
        let loaded = try LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        let files = try ReportPipeline().files(for: loaded).files
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try OutputFolder(path: Self.folder).write(files)
            // A re-record is a decision in the diff, never a silent pass.
            Issue.record("Reports/kto-2015 re-recorded: review the diff, then run the tests again without RECORD_SNAPSHOTS")
            return
        }
        let committed = try FileManager.default.subpathsOfDirectory(atPath: Self.folder).filter { path in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: Self.folder + "/" + path, isDirectory: &isDirectory)
            // The stamps a local run leaves beside the manifest are of that disk (and not in git).
            return !isDirectory.boolValue && path != OutputFolder.stampsName
        }.sorted()
        #expect(committed == (files.map(\.path) + [OutputFolder.manifestName]).sorted(), "files in Reports/kto-2015 differ from a fresh run")
        // The manifest lists every file as written, so kto may replace the folder.
        try OutputFolder(path: Self.folder).check(protecting: [])
        for file in files {
            let old = FileManager.default.contents(atPath: Self.folder + "/" + file.path).map { [UInt8]($0) } ?? []
            guard old != file.bytes else { continue }
            // Name the first line that differs instead of dumping bytes.
            let oldLines = String(decoding: old, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let newLines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let k = (0..<min(oldLines.count, newLines.count)).first { oldLines[$0] != newLines[$0] } ?? min(oldLines.count, newLines.count)
            let was = k < oldLines.count ? String(oldLines[k].prefix(300)) : "(einde)"
            let now = k < newLines.count ? String(newLines[k].prefix(300)) : "(einde)"
            Issue.record("\(file.path) differs from a fresh run at line \(k + 1): was «\(was)», now «\(now)». Re-record with RECORD_SNAPSHOTS=1 and review the diff.")
        }
    }
}
