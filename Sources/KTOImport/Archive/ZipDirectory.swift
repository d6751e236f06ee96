/// Reading the end-of-central-directory record (plain and Zip64) and the central directory.
enum ZipDirectory {
    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64EndSignature: UInt32 = 0x0606_4B50
    static let centralSignature: UInt32 = 0x0201_4B50

    /// The entries of the central directory, with the size caps of `limits` applied.
    static func read(_ bytes: [UInt8], limits: ZipArchive.Limits) throws(ZipError) -> [ZipArchive.Entry] {
        let reader = LittleEndianBytes(bytes)
        let end = try findEnd(reader)
        guard let diskNumber = reader.u16(end + 4), let directoryDisk = reader.u16(end + 6),
            let count16 = reader.u16(end + 10), let size32 = reader.u32(end + 12), let offset32 = reader.u32(end + 16)
        else { throw .notAZip }
        var count = Int(count16)
        var size = Int(size32)
        var offset = Int(offset32)
        var multiDisk = diskNumber != 0 || directoryDisk != 0
        // Zip64: the locator sits right before the record and points at the Zip64 record.
        if reader.u32(end - 20) == zip64LocatorSignature, let at64 = reader.u64(end - 20 + 8) {
            guard at64 < UInt64(bytes.count), reader.u32(Int(at64)) == zip64EndSignature,
                let disk64 = reader.u32(Int(at64) + 16), let directoryDisk64 = reader.u32(Int(at64) + 20),
                let count64 = reader.u64(Int(at64) + 32), let size64 = reader.u64(Int(at64) + 40),
                let offset64 = reader.u64(Int(at64) + 48)
            else { throw .corruptDirectory(offset: end - 20) }
            multiDisk = disk64 != 0 || directoryDisk64 != 0
            guard size64 <= UInt64(bytes.count), offset64 <= UInt64(bytes.count) else {
                throw .corruptDirectory(offset: Int(at64))
            }
            guard count64 <= UInt64(limits.maxEntries) else {
                throw .tooManyEntries(count: Int(clamping: count64), limit: limits.maxEntries)
            }
            count = Int(count64)
            size = Int(size64)
            offset = Int(offset64)
        }
        if multiDisk { throw .multiDisk }
        guard count <= limits.maxEntries else { throw .tooManyEntries(count: count, limit: limits.maxEntries) }
        guard offset <= bytes.count, size <= bytes.count - offset else { throw .corruptDirectory(offset: end) }
        // Each central record is at least 46 bytes, so the count cannot ask for more than the size allows.
        guard count * 46 <= size else { throw .corruptDirectory(offset: end) }

        var entries: [ZipArchive.Entry] = []
        entries.reserveCapacity(count)
        var at = offset
        var total = 0
        for _ in 0..<count {
            let entry = try centralRecord(reader, at: &at, limit: offset + size)
            try check(entry, limits: limits, total: &total)
            entries.append(entry)
        }
        return entries
    }

    /// The offset of the end-of-central-directory record: the last signature from which the
    /// record, with its comment, fits in the file (the comment is at most 65,535 bytes).
    private static func findEnd(_ reader: LittleEndianBytes) throws(ZipError) -> Int {
        let count = reader.bytes.count
        guard count >= 22 else { throw .notAZip }
        var at = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while at >= lowest {
            if reader.bytes[at] == 0x50, reader.u32(at) == endSignature, let comment = reader.u16(at + 20),
                at + 22 + Int(comment) <= count
            {
                return at
            }
            at -= 1
        }
        throw .notAZip
    }

    private static func centralRecord(
        _ reader: LittleEndianBytes, at: inout Int, limit: Int
    ) throws(ZipError) -> ZipArchive.Entry {
        let start = at
        guard start + 46 <= limit, reader.u32(start) == centralSignature, let flags = reader.u16(start + 8),
            let method = reader.u16(start + 10), let crc = reader.u32(start + 16),
            let compressed32 = reader.u32(start + 20), let uncompressed32 = reader.u32(start + 24),
            let nameLength = reader.u16(start + 28), let extraLength = reader.u16(start + 30),
            let commentLength = reader.u16(start + 32), let local32 = reader.u32(start + 42)
        else { throw .corruptDirectory(offset: start) }
        let nameStart = start + 46
        let extraStart = nameStart + Int(nameLength)
        let next = extraStart + Int(extraLength) + Int(commentLength)
        guard next <= limit else { throw .corruptDirectory(offset: start) }
        let nameBytes = reader.bytes[nameStart..<extraStart]
        // Bit 11 says UTF-8; otherwise code page 437, which agrees with UTF-8 on the ASCII that
        // Office part names use.
        let name = String(decoding: nameBytes, as: UTF8.self)

        var compressed = UInt64(compressed32)
        var uncompressed = UInt64(uncompressed32)
        var local = UInt64(local32)
        // The Zip64 extra field (tag 1) holds, in this order, only the values that overflowed.
        var field = extraStart
        let extraEnd = extraStart + Int(extraLength)
        while field + 4 <= extraEnd, let tag = reader.u16(field), let length = reader.u16(field + 2) {
            let dataEnd = field + 4 + Int(length)
            guard dataEnd <= extraEnd else { break }
            if tag == 1 {
                var value = field + 4
                func next() -> UInt64? {
                    guard value + 8 <= dataEnd, let v = reader.u64(value) else { return nil }
                    value += 8
                    return v
                }
                if uncompressed32 == .max { uncompressed = next() ?? uncompressed }
                if compressed32 == .max { compressed = next() ?? compressed }
                if local32 == .max { local = next() ?? local }
            }
            field = dataEnd
        }
        let size = UInt64(reader.bytes.count)
        guard compressed <= size, local <= size else { throw .corruptDirectory(offset: start) }
        at = next
        let kind: ZipArchive.Entry.Method =
            switch method {
            case 0: .stored
            case 8: .deflate
            default: .other(Int(method))
            }
        return ZipArchive.Entry(
            name: name, method: kind, flags: flags, crc32: crc, compressedSize: Int(compressed),
            uncompressedSize: Int(clamping: uncompressed), localHeaderOffset: Int(local))
    }

    /// Applies the zip-bomb caps to what an entry declares.
    private static func check(_ entry: ZipArchive.Entry, limits: ZipArchive.Limits, total: inout Int) throws(ZipError) {
        let size = entry.uncompressedSize
        guard size <= limits.maxEntrySize else {
            throw .entryTooLarge(name: entry.name, size: size, limit: limits.maxEntrySize)
        }
        let (sum, overflow) = total.addingReportingOverflow(size)
        total = overflow ? .max : sum
        guard !overflow, total <= limits.maxTotalSize else { throw .archiveTooLarge(size: total, limit: limits.maxTotalSize) }
        if size > limits.ratioFloor {
            let ratio = size / max(1, entry.compressedSize)
            if ratio > limits.maxRatio {
                throw .suspiciousRatio(name: entry.name, ratio: ratio, limit: limits.maxRatio)
            }
        }
    }
}
