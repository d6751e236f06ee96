import Foundation
import Testing
@testable import KTOImport

/// The zip fixtures of Tests/Fixtures/xlsx/zip (Python's zipfile and the zip tool, see
/// make_zip_fixtures.py); expected entries come from zipfile reading them back.
enum ZipFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xlsx/zip")

    static func bytes(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: folder.appendingPathComponent(name))).map { [UInt8]($0) } ?? []
    }

    static var expected: [String: Any] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    static var valid: [String] { ((expected["valid"] as? [String: Any]) ?? [:]).keys.sorted() }
    static var hostile: [String] { ((expected["hostile"] as? [String: String]) ?? [:]).keys.sorted() }

    static func kind(_ error: ZipError) -> String {
        switch error {
        case .notAZip: return "notAZip"
        case .compoundFile: return "compoundFile"
        case .corruptDirectory: return "corruptDirectory"
        case .multiDisk: return "multiDisk"
        case .tooManyEntries: return "tooManyEntries"
        case .entryNotFound: return "entryNotFound"
        case .encrypted: return "encrypted"
        case .unsupportedMethod: return "unsupportedMethod"
        case .badLocalHeader: return "badLocalHeader"
        case .entryTooLarge: return "entryTooLarge"
        case .archiveTooLarge: return "archiveTooLarge"
        case .suspiciousRatio: return "suspiciousRatio"
        case .sizeMismatch: return "sizeMismatch"
        case .crcMismatch: return "crcMismatch"
        case .corruptData: return "corruptData"
        }
    }

    /// Opens `bytes` and extracts every entry; the first error, if any.
    static func openAndExtractAll(_ bytes: [UInt8], limits: ZipArchive.Limits = .standard) -> ZipError? {
        do {
            let archive = try ZipArchive(bytes: bytes, limits: limits)
            for entry in archive.entries { _ = try archive.extract(entry) }
            return nil
        } catch {
            return error
        }
    }
}

@Suite("Zip archive")
struct ZipArchiveTests {
    @Test func fixturesArePresent() {
        #expect(ZipFixture.valid == ["comment.zip", "data-descriptor.zip", "plain.zip", "zip64.zip"])
        #expect(ZipFixture.hostile.count == 11)
    }

    @Test(arguments: ZipFixture.valid)
    func entriesMatchZipfile(_ file: String) throws {
        let archive = try ZipArchive(bytes: ZipFixture.bytes(file))
        let list = try #require((ZipFixture.expected["valid"] as? [String: Any])?[file] as? [[String: Any]])
        #expect(archive.entries.count == list.count)
        for (entry, want) in zip(archive.entries, list) {
            #expect(entry.name == want["name"] as? String)
            #expect(entry.method == ((want["method"] as? Int) == 8 ? .deflate : .stored))
            #expect(entry.uncompressedSize == want["size"] as? Int)
            #expect(entry.compressedSize == want["compressed"] as? Int)
            #expect(Int(entry.crc32) == want["crc"] as? Int)
            let data = try archive.extract(named: entry.name)
            #expect(data.count == entry.uncompressedSize)
            if let text = want["text"] as? String { #expect(String(decoding: data, as: UTF8.self) == text) }
        }
    }

    @Test(arguments: ZipFixture.hostile)
    func hostileArchiveGivesItsError(_ file: String) {
        let want = (ZipFixture.expected["hostile"] as? [String: String])?[file]
        let bytes = ZipFixture.bytes(file)
        #expect(!bytes.isEmpty)
        let error = ZipFixture.openAndExtractAll(bytes)
        #expect(error.map(ZipFixture.kind) == want)
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test func specificErrorsCarryContext() throws {
        let lying = try ZipArchive(bytes: ZipFixture.bytes("bomb-lying-size.zip"))
        #expect(throws: ZipError.sizeMismatch(name: "a.txt", declared: 100, actual: nil)) { try lying.extract(named: "a.txt") }
        #expect(throws: ZipError.entryTooLarge(name: "a.txt", size: 3 << 30, limit: 2 << 30)) {
            try ZipArchive(bytes: ZipFixture.bytes("bomb-declared.zip"))
        }
        // 20,971,520 / 20,387 bytes (zipfile's file_size and compress_size) = 1028.
        #expect(throws: ZipError.suspiciousRatio(name: "xl/worksheets/sheet1.xml", ratio: 1028, limit: 400)) {
            try ZipArchive(bytes: ZipFixture.bytes("bomb-ratio.zip"))
        }
        let encrypted = try ZipArchive(bytes: ZipFixture.bytes("encrypted.zip"))
        #expect(encrypted.entries.first?.isEncrypted == true)
        #expect(throws: ZipError.encrypted(name: "secret.txt")) { try encrypted.extract(named: "secret.txt") }
        let plain = try ZipArchive(bytes: ZipFixture.bytes("plain.zip"))
        #expect(throws: ZipError.entryNotFound(name: "xl/workbook.xml")) { try plain.extract(named: "xl/workbook.xml") }
        // Part names compare without case, as OPC says.
        #expect(try plain.extract(named: "DIR/C.XML").count == 3847)
    }

    @Test func limitsAreApplied() {
        let bytes = ZipFixture.bytes("plain.zip")
        var limits = ZipArchive.Limits.standard
        limits.maxEntries = 4
        #expect(ZipFixture.openAndExtractAll(bytes, limits: limits) == .tooManyEntries(count: 5, limit: 4))
        limits = .standard
        limits.maxTotalSize = 10_000
        #expect(ZipFixture.openAndExtractAll(bytes, limits: limits) == .archiveTooLarge(size: 10_687, limit: 10_000))
        limits = .standard
        limits.maxEntrySize = 3_000
        #expect(ZipFixture.openAndExtractAll(bytes, limits: limits) == .entryTooLarge(name: "a.txt", size: 3_840, limit: 3_000))
        // Ratio 45 for a.txt: refused once its size is above the floor and the ratio above the cap.
        limits = .standard
        limits.ratioFloor = 1_000
        limits.maxRatio = 40
        #expect(ZipFixture.openAndExtractAll(bytes, limits: limits) == .suspiciousRatio(name: "a.txt", ratio: 45, limit: 40))
    }

    /// Every prefix of an archive, and damaged copies, must give an error or entries, never a crash.
    @Test func damagedArchivesNeverCrash() {
        for file in ["plain.zip", "zip64.zip", "data-descriptor.zip"] {
            let original = ZipFixture.bytes(file)
            for length in stride(from: 0, to: original.count, by: 7) {
                #expect(ZipFixture.openAndExtractAll(Array(original[..<length])) != nil)
            }
            var seed: UInt64 = 12345
            for _ in 0..<300 {
                var damaged = original
                for _ in 0..<3 {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    damaged[Int(seed >> 33) % damaged.count] = UInt8(truncatingIfNeeded: seed >> 20)
                }
                _ = ZipFixture.openAndExtractAll(damaged)
            }
        }
    }
}
