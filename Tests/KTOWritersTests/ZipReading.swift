import KTOImport

/// A strict reader of stored zip archives, written from APPNOTE.TXT for the tests only: it checks
/// every structure the writer emits and fails on anything unexpected.
struct ZipReading {
    struct Entry: Equatable {
        var name: String
        var bytes: [UInt8]
        var flags: UInt16
        var method: UInt16
        var time: UInt16
        var date: UInt16
        var crc: UInt32
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let bytes: [UInt8]

    func u16(_ at: Int) throws -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { throw Failure(description: "u16 out of range at \(at)") }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) throws -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { throw Failure(description: "u32 out of range at \(at)") }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
    }

    func slice(_ at: Int, _ count: Int) throws -> [UInt8] {
        guard at >= 0, count >= 0, at + count <= bytes.count else { throw Failure(description: "slice out of range at \(at)") }
        return Array(bytes[at..<(at + count)])
    }

    func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw Failure(description: message()) }
    }

    /// The entries in central-directory order, each checked against its local header and CRC; the
    /// local headers must follow one another without gaps and end where the directory starts.
    func entries() throws -> [Entry] {
        let eocd = bytes.count - 22  // no archive comment is written
        try check(try u32(eocd) == 0x0605_4B50, "no end of central directory record at the end")
        try check(try u16(eocd + 4) == 0 && u16(eocd + 6) == 0, "multi-disk fields not zero")
        let count = Int(try u16(eocd + 8))
        try check(try u16(eocd + 10) == UInt16(count), "entry counts differ")
        let directorySize = Int(try u32(eocd + 12))
        let directoryOffset = Int(try u32(eocd + 16))
        try check(try u16(eocd + 20) == 0, "archive comment present")
        try check(directoryOffset + directorySize == eocd, "central directory does not end at the EOCD")
        var entries: [Entry] = []
        var at = directoryOffset
        var expectedLocal = 0
        for _ in 0..<count {
            try check(try u32(at) == 0x0201_4B50, "central header signature at \(at)")
            let method = try u16(at + 10)
            let crc = try u32(at + 16)
            let compressed = Int(try u32(at + 20))
            let size = Int(try u32(at + 24))
            let nameLength = Int(try u16(at + 28))
            try check(try u16(at + 30) == 0 && u16(at + 32) == 0, "extra field or comment in central header")
            let localOffset = Int(try u32(at + 42))
            let name = try slice(at + 46, nameLength)
            try check(localOffset == expectedLocal, "local header at \(localOffset), expected \(expectedLocal)")
            // The local header must repeat the central one.
            try check(try u32(localOffset) == 0x0403_4B50, "local header signature")
            for (local, central) in [(4, 6), (6, 8), (8, 10), (10, 12), (12, 14)] {
                try check(try u16(localOffset + local) == u16(at + central), "local and central header differ at +\(local)")
            }
            try check(try u32(localOffset + 14) == crc && u32(localOffset + 18) == UInt32(compressed) && u32(localOffset + 22) == UInt32(size), "local sizes/CRC differ")
            try check(try Int(u16(localOffset + 26)) == nameLength && u16(localOffset + 28) == 0, "local name length or extra field")
            try check(try slice(localOffset + 30, nameLength) == name, "local name differs")
            try check(method == 0 && compressed == size, "entry is not stored")
            let data = try slice(localOffset + 30 + nameLength, size)
            try check(CRC32.checksum(data) == crc, "CRC mismatch for \(String(decoding: name, as: UTF8.self))")
            entries.append(Entry(
                name: String(decoding: name, as: UTF8.self), bytes: data, flags: try u16(at + 8), method: method,
                time: try u16(at + 12), date: try u16(at + 14), crc: crc))
            expectedLocal = localOffset + 30 + nameLength + size
            at += 46 + nameLength
        }
        try check(expectedLocal == directoryOffset, "gap between the last entry and the central directory")
        try check(at == eocd, "central directory size does not match its records")
        return entries
    }
}
