import KTOImport

/// A zip archive of stored (uncompressed) entries, as APPNOTE.TXT describes it: for each entry a
/// local file header and the bytes, then the central directory and the end-of-central-directory
/// record. Deterministic by construction: every entry carries the same DOS timestamp
/// (1980-01-01 00:00), entries keep the order they were added in, there are no extra fields and
/// no comments, and names are flagged as UTF-8 (general purpose bit 11).
///
/// ZIP64 is not written: an archive whose entries, offsets or entry count would not fit the
/// 32-bit (16-bit for the count) fields is refused with `ZipError` instead of being corrupted.
public struct ZipWriter: Sendable {
    /// One central-directory record to write at the end.
    private struct Record: Sendable {
        var name: [UInt8]
        var crc: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private var output: [UInt8] = []
    private var records: [Record] = []
    private var names: Set<String> = []

    /// The largest entry count without ZIP64 (the EOCD field is 16 bits; 0xFFFF marks ZIP64).
    static let maxEntries = 0xFFFE
    /// The largest size or offset without ZIP64 (0xFFFFFFFF marks ZIP64).
    static let maxOffset = 0xFFFF_FFFE
    /// DOS date 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 1 << 5 | 1
    /// DOS time 00:00:00.
    static let dosTime: UInt16 = 0
    /// Version 2.0: the lowest that readers expect for files in folders.
    static let version: UInt16 = 20
    /// General purpose bit 11: the name is UTF-8.
    static let utf8Flag: UInt16 = 1 << 11

    public init() {}

    /// Appends an entry, stored without compression.
    /// - Parameters:
    ///   - path: the entry's name inside the archive, `/`-separated, relative (no leading `/`,
    ///     no `..` component, no backslash), unique.
    ///   - bytes: the entry's content.
    /// - Throws: `ZipError.invalidName` or `.duplicateName` for a bad name, `.tooLarge` when the
    ///   archive would need ZIP64.
    public mutating func add(_ path: String, _ bytes: [UInt8]) throws(ZipError) {
        let name = Array(path.utf8)
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.count <= 0xFFFF, !path.hasPrefix("/"), !path.contains("\\"),
              !path.unicodeScalars.contains(where: { $0.value < 0x20 }),
              !components.contains(".."), !components.dropLast().contains("")
        else { throw .invalidName(path) }
        guard names.insert(path).inserted else { throw .duplicateName(path) }
        guard records.count < Self.maxEntries else { throw .tooLarge }
        let headerSize = 30 + name.count
        guard bytes.count <= Self.maxOffset, output.count <= Self.maxOffset,
              output.count + headerSize + bytes.count <= Self.maxOffset
        else { throw .tooLarge }
        let record = Record(name: name, crc: CRC32.checksum(bytes), size: UInt32(bytes.count), offset: UInt32(output.count))
        // Local file header (APPNOTE 4.3.7). Room grows geometrically: room for exactly this
        // entry each time made every entry copy the archive so far (`archive` reserves it all).
        let needed = output.count + headerSize + bytes.count
        if output.capacity < needed { output.reserveCapacity(max(needed, 2 * output.capacity)) }
        append32(0x0403_4B50)
        append16(Self.version)
        append16(Self.utf8Flag)
        append16(0)  // method: stored
        append16(Self.dosTime)
        append16(Self.dosDate)
        append32(record.crc)
        append32(record.size)  // compressed size
        append32(record.size)  // uncompressed size
        append16(UInt16(name.count))
        append16(0)  // extra field length
        output += name
        output += bytes
        records.append(record)
    }

    /// The finished archive: the entries added so far, the central directory and the
    /// end-of-central-directory record.
    /// - Throws: `ZipError.tooLarge` when the central directory would need ZIP64.
    public consuming func finished() throws(ZipError) -> [UInt8] {
        // Consuming: the archive's bytes move into the result instead of being copied.
        var zip = self
        zip.output.reserveCapacity(zip.output.count + zip.records.reduce(22) { $0 + 46 + $1.name.count })
        let directoryOffset = zip.output.count
        for record in zip.records {
            // Central directory file header (APPNOTE 4.3.12).
            zip.append32(0x0201_4B50)
            zip.append16(Self.version)  // made by: MS-DOS host, version 2.0
            zip.append16(Self.version)  // needed to extract
            zip.append16(Self.utf8Flag)
            zip.append16(0)  // method: stored
            zip.append16(Self.dosTime)
            zip.append16(Self.dosDate)
            zip.append32(record.crc)
            zip.append32(record.size)
            zip.append32(record.size)
            zip.append16(UInt16(record.name.count))
            zip.append16(0)  // extra field length
            zip.append16(0)  // comment length
            zip.append16(0)  // disk number start
            zip.append16(0)  // internal attributes
            zip.append32(0)  // external attributes
            zip.append32(record.offset)
            zip.output += record.name
        }
        let directorySize = zip.output.count - directoryOffset
        guard directoryOffset <= Self.maxOffset, directorySize <= Self.maxOffset else { throw .tooLarge }
        // End of central directory record (APPNOTE 4.3.16).
        zip.append32(0x0605_4B50)
        zip.append16(0)  // this disk
        zip.append16(0)  // disk with the central directory
        zip.append16(UInt16(zip.records.count))
        zip.append16(UInt16(zip.records.count))
        zip.append32(UInt32(directorySize))
        zip.append32(UInt32(directoryOffset))
        zip.append16(0)  // comment length
        return zip.output
    }

    /// An archive of `entries` in the given order.
    /// - Throws: `ZipError` as `add` and `finished` do.
    public static func archive(_ entries: [(path: String, bytes: [UInt8])]) throws(ZipError) -> [UInt8] {
        var zip = ZipWriter()
        // The whole archive's room at once: headers and bytes, central directory, end record.
        zip.output.reserveCapacity(entries.reduce(22) { $0 + 30 + 46 + 2 * $1.path.utf8.count + $1.bytes.count })
        for entry in entries { try zip.add(entry.path, entry.bytes) }
        return try zip.finished()
    }

    private mutating func append16(_ value: UInt16) {
        output.append(UInt8(truncatingIfNeeded: value))
        output.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
