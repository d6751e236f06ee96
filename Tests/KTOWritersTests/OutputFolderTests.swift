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

    /// A file is written whole, straight from its bytes; a full disk and a folder that is not
    /// there are told apart in the message.
    @Test func writesAFileOrSaysWhyNot() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let bytes = (0..<300_007).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        #expect(OutputFolder.writeFile(bytes, to: URL(fileURLWithPath: parent + "/groot.bin")) == nil)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: parent + "/groot.bin"))) == bytes)
        // Written again: replaced, not appended to.
        #expect(OutputFolder.writeFile(Array("kort".utf8), to: URL(fileURLWithPath: parent + "/groot.bin")) == nil)
        #expect(try String(contentsOfFile: parent + "/groot.bin", encoding: .utf8) == "kort")
        #expect(OutputFolder.writeFile([], to: URL(fileURLWithPath: parent + "/leeg.bin")) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: parent + "/leeg.bin")).isEmpty)
        // In pieces (empty ones too): the pieces one after the other.
        let pieces = [Array(bytes[..<1000]), [], Array(bytes[1000..<250_000]), [], Array(bytes[250_000...])]
        #expect(OutputFolder.writeFile(pieces: pieces, to: URL(fileURLWithPath: parent + "/delen.bin")) == nil)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: parent + "/delen.bin"))) == bytes)
        let missing = OutputFolder.writeFile(bytes, to: URL(fileURLWithPath: parent + "/weg/a.bin"))
        #expect(missing?.reason == "bestand kan niet worden aangemaakt")
        // /dev/full answers every write with ENOSPC.
        if FileManager.default.isWritableFile(atPath: "/dev/full") {
            let full = OutputFolder.writeFile(bytes, to: URL(fileURLWithPath: "/dev/full"))
            #expect(full?.reason == "de schijf is vol")
            #expect(full?.description == "/dev/full: kan niet schrijven: de schijf is vol")
        }
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
        // Every fourth file in three pieces, as results.csv comes: written and listed (its
        // checksum over the pieces) as the joined bytes, which the check below reads back.
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            let bytes = files[k].bytes
            if k % 4 == 1 {
                let cut = bytes.count / 3
                try? staging.add(OutputFile(path: files[k].path, pieces: [Array(bytes[..<cut]), [], Array(bytes[cut...])]))
            } else {
                try? staging.add(files[k].path, bytes)
            }
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

    // MARK: Stamps beside the manifest

    /// A report's files written a clock tick or more before the commit get their stamp beside
    /// the manifest, and a later check knows them by it without reading them. A file edited in place
    /// afterwards (same size, its modification time set back) has another ctime: it is read and
    /// found changed, so kto still refuses to replace it.
    @Test func stampedFilesAreKnownWithoutReadingUntilOneChanges() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = parent + "/rapport"
        let folder = OutputFolder(path: target)
        let staging = try folder.stage()
        try staging.add("a.txt", Array("een".utf8))
        try staging.add("tabellen/b.csv", Array("twee".utf8))
        usleep(20_000)   // past the file system clock's tick (4 ms here) of the writes
        try staging.commit()
        // This machine's temporary folder is on a file system that keeps change times (ext4, tmpfs,
        // overlay, …); elsewhere the check reads every file, as the last lines show.
        let device = try #require(OutputFolder.FileStamp(path: target + "/a.txt")).device
        guard OutputFolder.keepsChangeTimes(device: device) else {
            #expect(Manifest.read(folder: target)?.entries.values.allSatisfy { $0.stamp == nil } == true)
            #expect(try folder.check(protecting: []).filesRead == 2)
            return
        }
        let manifest = try #require(Manifest.read(folder: target))
        #expect(manifest.entries.count == 2 && manifest.entries.values.allSatisfy { $0.stamp != nil })
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == [OutputFolder.manifestName, OutputFolder.stampsName, "a.txt", "tabellen"])
        for (path, entry) in manifest.entries {
            #expect(entry.stamp == OutputFolder.FileStamp(path: target + "/" + path))
        }
        #expect(try folder.check(protecting: []).filesRead == 0)

        // The same bytes count written in place, the modification time set back.
        var before = stat()
        stat(target + "/a.txt", &before)
        usleep(20_000)
        let handle = try #require(FileHandle(forWritingAtPath: target + "/a.txt"))
        handle.write(Data("vee".utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, target + "/a.txt", &times, 0)
        #expect(throws: OutputRefusal.changedFiles(path: target, files: ["a.txt"])) { try folder.check(protecting: []) }
        #expect(throws: OutputRefusal.changedFiles(path: target, files: ["a.txt"])) {
            try folder.write([("a.txt", Array("vier".utf8))])
        }
        #expect(try String(contentsOfFile: target + "/a.txt", encoding: .utf8) == "vee")

        // A folder in the stamps file's place is not kto's: the report folder is not replaced.
        let other = parent + "/ander"
        try OutputFolder(path: other).write([("c.txt", Array("zes".utf8))])
        try FileManager.default.removeItem(atPath: other + "/" + OutputFolder.stampsName)
        try FileManager.default.createDirectory(atPath: other + "/" + OutputFolder.stampsName, withIntermediateDirectories: false)
        #expect(throws: OutputRefusal.foreignFiles(path: other, files: [OutputFolder.stampsName + "/"])) {
            try OutputFolder(path: other).check(protecting: [])
        }
    }

    /// A file whose ctime is not before the manifest's gets no stamp: a write later in the same
    /// tick of the file system's clock could keep it (a tick is a second on some file systems,
    /// so the reference is a file's time, not the system clock). Such a file is read at the next
    /// check, as every file was before stamps.
    @Test func aFileOfTheManifestsClockTickGetsNoStamp() throws {
        let stamp = OutputFolder.FileStamp(device: 1, inode: 2, size: 3, modified: [100, 5], changed: [100, 500])
        #expect(!stamp.changed(before: [100, 500]))
        #expect(!stamp.changed(before: [100, 499]))
        #expect(!stamp.changed(before: [99, 999_999_999]))
        #expect(stamp.changed(before: [100, 501]))
        #expect(stamp.changed(before: [101, 0]))

        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try Data("nu".utf8).write(to: URL(fileURLWithPath: parent + "/nu.txt"))
        let own = try #require(OutputFolder.FileStamp(path: parent + "/nu.txt"))
        let entries = ["nu.txt": Manifest.Entry(size: 2, crc: 1), "weg.txt": Manifest.Entry(size: 1, crc: 2)]
        // A reference in the file's own tick (a coarse file system: the manifest written in the
        // same second): no stamp. One later: its stamp. A file that is gone, or of another size
        // than listed, never gets one.
        #expect(OutputFolder.stamped(entries, in: parent, before: own.changed).values.allSatisfy { $0.stamp == nil })
        let later = [own.changed[0], own.changed[1] + 1]
        let stamped = OutputFolder.stamped(entries, in: parent, before: later)
        #expect(stamped["nu.txt"]?.stamp == own && stamped["weg.txt"]?.stamp == nil)
        #expect(OutputFolder.stamped(["nu.txt": Manifest.Entry(size: 5, crc: 1)], in: parent, before: later)["nu.txt"]?.stamp == nil)
    }

    /// Stamps only where the file system keeps change times: found by the device's major:minor
    /// in the mount table; not on FAT or exFAT (their change time is the creation time), nor on
    /// a file system kto cannot name.
    @Test func stampsOnlyWhereChangeTimesAreKept() {
        let table = """
            22 27 0:21 / /proc rw,relatime - proc proc rw
            27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
            31 27 8:17 / /media/stick\\040met\\040spatie rw,nosuid shared:12 - vfat /dev/sdb1 rw,fmask=0022
            32 27 259:3 / /mnt/groot rw shared:1 master:2 - exfat /dev/nvme0n1p3 rw
            """
        // glibc's dev_t: major in bits 8-19 and 32-63, minor in bits 0-7 and 12-31.
        func device(_ major: UInt64, _ minor: UInt64) -> UInt64 { (major & 0xFFF) << 8 | (major & ~0xFFF) << 32 | (minor & 0xFF) | (minor & ~0xFF) << 12 }
        #expect(OutputFolder.fileSystemType(device: device(254, 0), mountinfo: table) == "ext4")
        #expect(OutputFolder.fileSystemType(device: device(8, 17), mountinfo: table) == "vfat")
        #expect(OutputFolder.fileSystemType(device: device(259, 3), mountinfo: table) == "exfat")
        #expect(OutputFolder.fileSystemType(device: device(0, 21), mountinfo: table) == "proc")
        #expect(OutputFolder.fileSystemType(device: device(8, 1), mountinfo: table) == nil)
        #expect(OutputFolder.keepsChangeTimes(type: "ext4") && OutputFolder.keepsChangeTimes(type: "tmpfs"))
        #expect(!OutputFolder.keepsChangeTimes(type: "vfat") && !OutputFolder.keepsChangeTimes(type: "exfat"))
        #expect(!OutputFolder.keepsChangeTimes(type: "fuseblk") && !OutputFolder.keepsChangeTimes(type: nil))
    }

    /// The manifest holds sizes and checksums only (the same on every machine); the stamps go
    /// into a file of their own beside it and are read back onto the manifest's entries. Stamps
    /// are a shortcut only: without the file, with a damaged line, a line for a file the manifest
    /// does not list or a header that is not kto's, those files are read instead; the manifest
    /// decides what kto wrote.
    @Test func manifestAndStamps() throws {
        let parent = temp()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let stamp = OutputFolder.FileStamp(device: 64_768, inode: 1_234_567, size: 10, modified: [1_796_100_970, 381_322_335], changed: [1_796_100_970, 385_000_001])
        let written = Manifest(entries: [
            "a b.txt": Manifest.Entry(size: 10, crc: 0xDEAD_BEEF, stamp: stamp),
            "map/c.csv": Manifest.Entry(size: 0, crc: 0)
        ])
        let manifest = String(decoding: written.bytes, as: UTF8.self)
        #expect(manifest == Manifest.header + "\n10\tdeadbeef\ta b.txt\n0\t0\tmap/c.csv\n")
        let stamps = String(decoding: written.stampBytes, as: UTF8.self)
        #expect(stamps == Manifest.stampsHeader + "\n64768:1234567:1796100970.381322335:1796100970.385000001\ta b.txt\n")
        try manifest.write(toFile: parent + "/" + OutputFolder.manifestName, atomically: true, encoding: .utf8)
        let withoutStamps = try #require(Manifest.read(folder: parent))
        #expect(withoutStamps.entries.count == 2 && withoutStamps.entries.values.allSatisfy { $0.stamp == nil })

        try stamps.write(toFile: parent + "/" + OutputFolder.stampsName, atomically: true, encoding: .utf8)
        let read = try #require(Manifest.read(folder: parent))
        #expect(read.entries["a b.txt"]?.stamp == stamp && read.entries["a b.txt"]?.crc == 0xDEAD_BEEF)
        #expect(read.entries["map/c.csv"].map { $0.stamp == nil && $0.size == 0 } == true)

        let damaged = Manifest.stampsHeader + "\n64768:x:1.2:3.4\ta b.txt\n1:2:3.4:5.6\tniet-in-manifest.txt\n1:2:3.4:5.6\tmap/c.csv\n"
        try damaged.write(toFile: parent + "/" + OutputFolder.stampsName, atomically: true, encoding: .utf8)
        let partly = try #require(Manifest.read(folder: parent))
        #expect(partly.entries.count == 2 && partly.entries["a b.txt"]?.stamp == nil)
        #expect(partly.entries["map/c.csv"]?.stamp == OutputFolder.FileStamp(device: 1, inode: 2, size: 0, modified: [3, 4], changed: [5, 6]))

        try ("# iets anders\n" + stamps.split(separator: "\n")[1] + "\n").write(toFile: parent + "/" + OutputFolder.stampsName, atomically: true, encoding: .utf8)
        #expect(try #require(Manifest.read(folder: parent)).entries.values.allSatisfy { $0.stamp == nil })
        // A stamps file alone makes no report folder.
        try FileManager.default.removeItem(atPath: parent + "/" + OutputFolder.manifestName)
        #expect(Manifest.read(folder: parent) == nil)
    }
}
