import Foundation
import Testing
@testable import KTOWriters
import KTOImport

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

    @Test func aFileIsChecksummedInPieces() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        // Longer than the 256 KB buffer and not a multiple of it, an empty file, a missing one.
        var state: UInt64 = 7
        let bytes = (0..<600_001).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: parent + "/groot.bin"))
        try Data().write(to: URL(fileURLWithPath: parent + "/leeg.bin"))
        let big = try #require(OutputFolder.checksum(ofFile: parent + "/groot.bin"))
        #expect(big.size == bytes.count && big.crc == CRC32.checksum(bytes))
        let empty = try #require(OutputFolder.checksum(ofFile: parent + "/leeg.bin"))
        #expect(empty.size == 0 && empty.crc == 0)
        #expect(OutputFolder.checksum(ofFile: parent + "/weg.bin") == nil)
        // A pipe in a file's place: not a file kto wrote, and not waited on.
        #expect(mkfifo(parent + "/pijp.bin", 0o600) == 0)
        #expect(OutputFolder.checksum(ofFile: parent + "/pijp.bin") == nil)
        // Nor a folder.
        #expect(OutputFolder.checksum(ofFile: parent) == nil)
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

    /// `write` after a `check` trusts a file's stamp only while it is the same: an edit in place
    /// that keeps the size and sets the modification time back still changes the ctime, and a
    /// file changed within the last seconds is read again in any case.
    @Test func aFileChangedAfterTheFirstCheckIsFoundByItsStamp() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/rapport"
        try OutputFolder(path: target).write([("a.txt", Array("een".utf8)), ("b.txt", Array("twee".utf8))])

        // Just written: not settled, so the inspection trusts nothing and `write` reads again.
        #expect(try OutputFolder(path: target).check(protecting: []).unchanged.isEmpty)

        var folder = OutputFolder(path: target)
        folder.settledAfter = 0
        let unchanged = try folder.check(protecting: [])
        #expect(unchanged.unchanged.count == 2)
        try folder.write([("a.txt", Array("drie".utf8))], after: unchanged)
        #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "drie")

        let inspection = try folder.check(protecting: [])
        #expect(inspection.unchanged.count == 1)
        // Past the clock tick of the last write, then the same number of bytes written in place
        // and the modification time set back.
        usleep(50_000)
        var before = stat()
        stat(target + "/a.txt", &before)
        let handle = try #require(FileHandle(forWritingAtPath: target + "/a.txt"))
        handle.write(Data("vier".utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, target + "/a.txt", &times, 0)
        var after = stat()
        stat(target + "/a.txt", &after)
        #expect(after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(throws: OutputRefusal.changedFiles(path: target, files: ["a.txt"])) {
            try folder.write([("a.txt", Array("vijf".utf8))], after: inspection)
        }
        #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "vier")
    }

    /// Files added to a staging folder from several threads are all in the committed report,
    /// listed in its manifest (a later check reads them back unchanged); a discarded staging
    /// folder leaves nothing; a commit refuses a folder someone added a file to meanwhile, and
    /// removes its staging folder.
    @Test func stagedFilesAreCommittedOrDiscarded() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/rapport"
        let folder = OutputFolder(path: target)
        let staging = try folder.stage()
        let files = (0..<40).map { k in (path: k % 3 == 0 ? "tabellen/t\(k).csv" : "f\(k).txt", bytes: Array(String(repeating: "regel \(k)\n", count: k * 50).utf8)) }
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            try? staging.add(files[k].path, files[k].bytes)
        }
        try staging.commit()
        for file in files {
            #expect(FileManager.default.contents(atPath: target + "/" + file.path).map { [UInt8]($0) } == file.bytes)
        }
        let manifest = try String(contentsOfFile: target + "/" + OutputFolder.manifestName, encoding: .utf8)
        #expect(manifest.split(separator: "\n").count == files.count + 1)
        try folder.check(protecting: [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["rapport"])

        let dropped = try folder.stage()
        try dropped.add("x.txt", Array("weg".utf8))
        dropped.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["rapport"])

        let refused = try folder.stage()
        try refused.add("f1.txt", Array("nieuw".utf8))
        try "van iemand anders".write(toFile: target + "/notitie.txt", atomically: true, encoding: .utf8)
        #expect(throws: OutputRefusal.foreignFiles(path: target, files: ["notitie.txt"])) { try refused.commit() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["rapport"])
        #expect(FileManager.default.contents(atPath: target + "/f1.txt").map { [UInt8]($0) } == files[1].bytes)
    }

    /// A report folder further down than any existing folder: staging makes the folders above
    /// it, and a discarded report takes them away again (a failed run leaves no empty folders
    /// behind); a committed one keeps them. A folder that held something before stays.
    @Test func foldersMadeForAReportGoWhenItIsDiscarded() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dropped = try OutputFolder(path: parent + "/a/b/rapport").stage()
        try dropped.add("x.txt", Array("weg".utf8))
        #expect(FileManager.default.fileExists(atPath: parent + "/a/b"))
        dropped.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == [])

        try "van iemand".write(toFile: parent + "/notitie.txt", atomically: true, encoding: .utf8)
        let kept = try OutputFolder(path: parent + "/a/rapport").stage()
        try "ook van iemand".write(toFile: parent + "/a/eigen.txt", atomically: true, encoding: .utf8)
        kept.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/a") == ["eigen.txt"])

        let committed = try OutputFolder(path: parent + "/c/d/rapport").stage()
        try committed.add("x.txt", Array("blijft".utf8))
        try committed.commit()
        #expect(FileManager.default.contents(atPath: parent + "/c/d/rapport/x.txt").map { [UInt8]($0) } == Array("blijft".utf8))
    }
}
