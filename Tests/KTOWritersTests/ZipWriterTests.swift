import Testing
@testable import KTOWriters

@Suite("Zip writer (stored entries)")
struct ZipWriterTests {
    /// One entry "a.txt" holding "abc", laid out by hand from APPNOTE.TXT 4.3.7, 4.3.12 and 4.3.16.
    /// CRC-32 of "abc" is 0x352441C2 (zlib.crc32(b"abc")).
    @Test func oneEntryByteForByte() throws {
        let name: [UInt8] = Array("a.txt".utf8)
        let local: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00,
                              0xC2, 0x41, 0x24, 0x35, 0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00]
            + name + Array("abc".utf8)
        let central: [UInt8] = [0x50, 0x4B, 0x01, 0x02, 0x14, 0x00, 0x14, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00,
                                0xC2, 0x41, 0x24, 0x35, 0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x05, 0x00,
                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
            + name
        let end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
                            0x33, 0x00, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00, 0x00, 0x00]
        #expect(try ZipWriter.archive([("a.txt", Array("abc".utf8))]) == local + central + end)
    }

    @Test func entriesParseBackInOrderWithMatchingCRCs() throws {
        let contents: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array("<Types/>".utf8)),
            ("empty.bin", []),
            ("map/ünïcode-naam.txt", Array("tekst".utf8)),
            ("map/groot.bin", (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
        ]
        let bytes = try ZipWriter.archive(contents)
        let entries = try ZipReading(bytes: bytes).entries()
        #expect(entries.map(\.name) == contents.map(\.path))
        #expect(entries.map(\.bytes) == contents.map(\.bytes))
        for entry in entries {
            #expect(entry.flags == 0x0800)  // UTF-8 names
            #expect(entry.method == 0)
            #expect(entry.time == 0 && entry.date == 0x21)  // 1980-01-01 00:00
        }
        // Appending one by one gives the same bytes as the one-shot form.
        var zip = ZipWriter()
        for entry in contents { try zip.add(entry.path, entry.bytes) }
        #expect(try zip.finished() == bytes)
    }

    @Test func emptyArchiveIsJustTheEndRecord() throws {
        #expect(try ZipWriter.archive([]) == [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
    }

    @Test(arguments: ["", "/etc/passwd", "a/../b", "a\\b", "a//b", "naam\u{0}"])
    func refusesBadNames(_ name: String) {
        #expect(throws: ZipError.invalidName(name)) { try ZipWriter.archive([(name, [1])]) }
    }

    @Test func refusesDuplicateNames() {
        #expect(throws: ZipError.duplicateName("x.xml")) { try ZipWriter.archive([("x.xml", []), ("x.xml", [1])]) }
    }
}
