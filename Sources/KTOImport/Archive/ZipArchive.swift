/// A zip archive read from memory (PKWARE APPNOTE.TXT): the central directory, and entries
/// extracted by name with their CRC-32 checked. Stored (0) and deflated (8) entries; Zip64
/// sizes and offsets. Encrypted entries and OLE2 compound files are recognised and refused.
///
/// Sizes are capped before anything is allocated (`Limits`), and an entry must expand to exactly
/// the size the directory declares, so a zip bomb is refused rather than unpacked.
public struct ZipArchive: Sendable {
    /// Caps against zip bombs.
    public struct Limits: Sendable, Equatable {
        /// Most bytes one entry may expand to.
        public var maxEntrySize: Int
        /// Most bytes all entries together may expand to.
        public var maxTotalSize: Int
        /// Highest expansion ratio (uncompressed / compressed) for entries larger than `ratioFloor`.
        public var maxRatio: Int
        /// Entries at most this large are never refused for their ratio.
        public var ratioFloor: Int
        public var maxEntries: Int

        public init(maxEntrySize: Int, maxTotalSize: Int, maxRatio: Int, ratioFloor: Int, maxEntries: Int) {
            self.maxEntrySize = maxEntrySize
            self.maxTotalSize = maxTotalSize
            self.maxRatio = maxRatio
            self.ratioFloor = ratioFloor
            self.maxEntries = maxEntries
        }

        /// Generous for survey exports (a 1M-row sheet is a few hundred MB of XML), far below what
        /// a zip bomb declares.
        public static let standard = Limits(
            maxEntrySize: 2 << 30, maxTotalSize: 4 << 30, maxRatio: 400, ratioFloor: 16 << 20, maxEntries: 65_536)
    }

    public struct Entry: Sendable, Equatable {
        public enum Method: Sendable, Equatable {
            case stored
            case deflate
            case other(Int)
        }

        public var name: String
        public var method: Method
        /// General-purpose bit flags.
        public var flags: UInt16
        public var crc32: UInt32
        public var compressedSize: Int
        public var uncompressedSize: Int
        public var localHeaderOffset: Int

        /// Bit 0 (traditional encryption) or bit 6 (strong encryption), or AES (method 99).
        public var isEncrypted: Bool { flags & 0x41 != 0 || method == .other(99) }
    }

    public let entries: [Entry]
    public let limits: Limits
    private let bytes: [UInt8]
    private let index: [String: Int]

    /// Reads the central directory of `bytes`.
    public init(bytes: [UInt8], limits: Limits = .standard) throws(ZipError) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
        let directory = try ZipDirectory.read(bytes, limits: limits)
        self.bytes = bytes
        self.limits = limits
        self.entries = directory
        var index: [String: Int] = [:]
        for (k, entry) in directory.enumerated() where index[entry.name] == nil { index[entry.name] = k }
        self.index = index
    }

    /// The entry called `name`: exactly, else ignoring case (OPC part names are case-insensitive).
    public func entry(named name: String) -> Entry? {
        if let k = index[name] { return entries[k] }
        let lowered = name.lowercased()
        return entries.first { $0.name.lowercased() == lowered }
    }

    /// The bytes of the entry called `name`, CRC-checked.
    public func extract(named name: String) throws(ZipError) -> [UInt8] {
        guard let entry = entry(named: name) else { throw .entryNotFound(name: name) }
        return try extract(entry)
    }

    /// The bytes of `entry`, CRC-checked and exactly as large as declared.
    public func extract(_ entry: Entry) throws(ZipError) -> [UInt8] {
        let output = try unchecked(entry)
        try verify(output, of: entry)
        return output
    }

    /// Throws `crcMismatch` unless `bytes` have `entry`'s CRC-32 (`extract` = `unchecked`, then
    /// this; a caller may check on another core while it reads the bytes).
    public func verify(_ bytes: [UInt8], of entry: Entry) throws(ZipError) {
        guard bytes.withUnsafeBufferPointer({ CRC32.checksum($0) }) == entry.crc32 else { throw .crcMismatch(name: entry.name) }
    }

    /// The bytes of `entry`, exactly as large as declared, not yet CRC-checked (`verify`).
    public func unchecked(_ entry: Entry) throws(ZipError) -> [UInt8] {
        let name = entry.name
        if entry.isEncrypted { throw .encrypted(name: name) }
        guard entry.uncompressedSize >= 0, entry.compressedSize >= 0 else { throw .badLocalHeader(name: name) }
        guard entry.uncompressedSize <= limits.maxEntrySize else {
            throw .entryTooLarge(name: name, size: entry.uncompressedSize, limit: limits.maxEntrySize)
        }
        let start = try dataStart(of: entry)
        let end = start + entry.compressedSize
        let output: [UInt8]
        switch entry.method {
        case .stored:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .sizeMismatch(name: name, declared: entry.uncompressedSize, actual: entry.compressedSize)
            }
            output = Array(bytes[start..<end])
        case .deflate:
            do {
                output = try bytes.withUnsafeBufferPointer { all throws(InflateError) in
                    // One byte over the declared size is enough to tell that it lied.
                    try Inflate.raw(
                        UnsafeBufferPointer(rebasing: all[start..<end]), expectedSize: entry.uncompressedSize,
                        limit: entry.uncompressedSize + 1)
                }
            } catch .outputLimitExceeded {
                throw .sizeMismatch(name: name, declared: entry.uncompressedSize, actual: nil)
            } catch {
                throw .corruptData(name: name, error)
            }
        case .other(let method):
            throw .unsupportedMethod(name: name, method: method)
        }
        guard output.count == entry.uncompressedSize else {
            throw .sizeMismatch(name: name, declared: entry.uncompressedSize, actual: output.count)
        }
        return output
    }

    /// Where the entry's data begins, after its local header (whose name and extra field lengths
    /// may differ from the central directory's).
    private func dataStart(of entry: Entry) throws(ZipError) -> Int {
        let at = entry.localHeaderOffset
        let reader = LittleEndianBytes(bytes)
        guard reader.u32(at) == 0x0403_4B50, let nameLength = reader.u16(at + 26), let extraLength = reader.u16(at + 28)
        else { throw .badLocalHeader(name: entry.name) }
        let start = at + 30 + Int(nameLength) + Int(extraLength)
        guard entry.compressedSize <= bytes.count - start else { throw .badLocalHeader(name: entry.name) }
        return start
    }
}
