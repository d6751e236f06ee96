import Foundation
import Testing
@testable import KTOWriters

@Suite("Atomic output folder")
struct OutputFolderTests {
    func temp() -> String {
        let path = NSTemporaryDirectory() + "kto-out-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func replacesTheWholeFolder() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/rapport"
        try OutputFolder(path: target).write([("a.txt", Array("een".utf8)), ("tables/b.csv", Array("twee".utf8))])
        try OutputFolder(path: target).write([("a.txt", Array("drie".utf8))])
        #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "drie")
        // A file of the previous run that the new run does not write is gone: no stale tables.
        #expect(!FileManager.default.fileExists(atPath: target + "/tables/b.csv"))
        // No staging or aside folders are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["rapport"])
    }

    @Test func aFailedRunLeavesThePreviousReportUntouched() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/rapport"
        try OutputFolder(path: target).write([("index.html", Array("oud".utf8))])
        // "a.txt/b" cannot be created once "a.txt" is a file: the write fails halfway.
        #expect(throws: OutputFolder.WriteError.self) {
            try OutputFolder(path: target).write([("a.txt", Array("x".utf8)), ("a.txt/b", Array("y".utf8))])
        }
        #expect(try String(contentsOfFile: target + "/index.html", encoding: .utf8) == "oud")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["rapport"])
    }
}
