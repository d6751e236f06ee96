import Foundation

/// The bytes of one input file, ready for byte-level parsing.
///
/// The content is kept in an ASCII-compatible encoding (UTF-8 or Windows-1252) with any BOM
/// removed, so that separators, quotes, digits and line ends are single ASCII bytes whatever the
/// file's encoding. UTF-16 input is transcoded to UTF-8 once. Text is decoded to `String` only
/// for the fields that need it (`string(_:)`).
public struct SourceText: Sendable {
    /// The file name for messages, as the user gave it.
    public let file: String
    /// The encoding the file was read as (detected or overridden).
    public let encoding: TextEncoding
    /// Whether `encoding` was detected (true) or given by the user (false).
    public let detected: Bool
    /// Owns the bytes at a stable address, so records can point into them without copying.
    let storage: ByteStorage
    /// Where the content starts in `storage` (after a BOM).
    let offset: Int
    /// Set when the text was rendered from a table (`TableText`): places are then the table's
    /// (row, column name), columns count fields, and there is no line of text to show.
    public internal(set) var tablePlaces: TablePlaces?
    /// Quotes and line ends per piece of the text, counted while its encoding was detected: for a
    /// large file read on several threads (`CSVReader.partition`).
    let counts: TextCounts?

    /// ASCII-compatible content: UTF-8 for UTF-8/UTF-16 input, raw bytes for Windows-1252.
    /// Valid as long as this value (or a copy of it) is alive.
    public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage.all[offset...])
    }

    /// Reads and normalises a file.
    /// - Parameters:
    ///   - path: file system path.
    ///   - displayName: the name used in messages (defaults to `path`).
    ///   - encoding: an override; `nil` detects.
    ///   - threads: threads a large file may be read and checked with.
    /// - Throws: `ImportError` (`.unreadableFile`, `.invalidUTF16`).
    public init(contentsOf path: String, displayName: String? = nil, encoding: TextEncoding? = nil, threads: Int = 1) throws(ImportError) {
        try self.init(contentsOf: path, displayName: displayName, encoding: encoding, threads: threads, reserve: nil)
    }

    /// As `init(contentsOf:displayName:encoding:threads:)`, for a reader of large files: with
    /// `mapping`, a large file is mapped where the system can (`FileMapping`; the reader then
    /// calls `checkUnchanged()` once it has read what it needs); else its bytes go into
    /// `reserve`'s memory where it can give it (an earlier file's that nothing uses any more),
    /// and are left there for the next file. With `pieces` over 1, the text is checked in as many
    /// pieces of at least 1 MB, their quotes and line ends counted for the cut of a read in
    /// that many parts (`counts`, `CSVReader.partition`).
    package init(
        contentsOf path: String, displayName: String? = nil, encoding: TextEncoding? = nil, threads: Int = 1,
        pieces: Int? = nil, reserve: ByteReserve?, mapping: Bool = false
    ) throws(ImportError) {
        let name = displayName ?? path
        guard let raw = ByteStorage.contents(ofFile: path, threads: threads, reserve: reserve, mapping: mapping) else {
            throw ImportError(.unreadableFile(reason: ByteStorage.unreadableReason(path)), at: SourceLocation(file: name, line: 1))
        }
        // A file read on several threads is cut for them: its quotes and line ends are counted
        // while it is checked.
        let cut = pieces ?? threads
        try self.init(storage: raw, file: name, encoding: encoding, threads: cut, counting: cut > 1)
    }

    /// Normalises raw bytes (detecting the encoding unless one is given).
    /// - Throws: `ImportError.invalidUTF16` for a lone surrogate in UTF-16 input.
    public init(bytes raw: [UInt8], file: String, encoding override: TextEncoding? = nil) throws(ImportError) {
        try self.init(storage: ByteStorage(copying: raw), file: file, encoding: override)
    }

    init(storage raw: ByteStorage, file: String, encoding override: TextEncoding?, threads: Int = 1, counting: Bool = false) throws(ImportError) {
        self.file = file
        let all = raw.all
        let (chosen, counts) = override.map { ($0, nil) } ?? TextEncoding.detect(all, threads: threads, counting: counting)
        self.encoding = chosen
        self.detected = override == nil
        self.counts = counts
        let hasUTF8BOM = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
        switch chosen {
        case .utf8, .utf8BOM:
            // An explicit override of utf-8 still drops a BOM if one is there.
            self.storage = raw
            self.offset = hasUTF8BOM ? 3 : 0
        case .windows1252:
            self.storage = raw
            self.offset = 0
        case .utf16LE, .utf16BE:
            let transcoded = try Self.transcodeUTF16(all, bigEndian: chosen == .utf16BE, file: file)
            // The copy is what is read from now on: a mapped file must have been whole until here.
            if raw.wasCutShort { throw ImportError(.changedWhileRead, at: SourceLocation(file: file, line: 1)) }
            self.storage = ByteStorage(copying: transcoded, madeFrom: raw)
            self.offset = 0
        }
    }

    /// Throws when another program wrote, replaced or shortened the file since it was opened,
    /// or cut it short while it was mapped (`FileMapping`): what was read from it may then not
    /// be the file as it is, or as it was. A reader calls this after its last read of `bytes`
    /// and before anything it read is used, and on any error it throws, whose cause this would
    /// be.
    /// - Throws: `ImportError.changedWhileRead`.
    package func checkUnchanged() throws(ImportError) {
        if storage.fileChanged { throw ImportError(.changedWhileRead, at: SourceLocation(file: file, line: 1)) }
    }

    /// Hands back the memory of `range` of `bytes` where the file is mapped and a reader is done
    /// with that range (`ByteStorage.releasePages`); reading the range again still gives the
    /// same bytes.
    package func releasePages(_ range: Range<Int>) {
        storage.releasePages((range.lowerBound + offset) ..< (range.upperBound + offset))
    }

    /// Decodes a byte range of `bytes` to a String in the file's encoding.
    @inlinable
    public func string(_ range: Range<Int>) -> String {
        Self.decode(UnsafeBufferPointer(rebasing: bytes[range]), windows1252: encoding == .windows1252)
    }

    /// Decodes bytes in the normalised form (UTF-8, or Windows-1252 when `windows1252`).
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, windows1252: Bool) -> String {
        windows1252 ? Windows1252.decode(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// A place in this text as messages name it: `file:line:column`, or the table's own place
    /// for a text rendered from a table.
    public func location(line: Int, column: Int? = nil) -> SourceLocation {
        var location = SourceLocation(file: file, line: line, column: column)
        location.table = tablePlaces?.place(line: line, column: column)
        return location
    }

    /// The text of a physical line (1-based), for showing the offending line under a message;
    /// nil for a text rendered from a table (its lines are not the user's).
    public func lineText(_ line: Int) -> String? {
        guard line >= 1, tablePlaces == nil else { return nil }
        let bytes = self.bytes
        var current = 1
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n && current < line {
            let b = bytes[i]
            if b == 0x0A {
                current += 1
                start = i + 1
            } else if b == 0x0D {
                current += 1
                if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        guard current == line, start <= n else { return nil }
        var end = start
        while end < n && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        return string(start..<end)
    }

    /// The text of the physical line that holds byte `offset`: what `lineText(_:)` gives for
    /// that line's number, found from the byte itself (no scan from the start of the file, so a
    /// message per row stays linear in the file).
    public func lineText(containingByte offset: Int) -> String {
        let bytes = self.bytes
        var start = min(max(offset, 0), bytes.count)
        // The LF of a CRLF ends the line before it, as the CR does.
        if start > 0 && start < bytes.count && bytes[start] == 0x0A && bytes[start - 1] == 0x0D { start -= 1 }
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        return string(start..<end)
    }

    /// The 1-based character column of byte `offset`, counted from the start of its line; for a
    /// text rendered from a table, the 1-based field (the table's column).
    public func column(ofByte offset: Int) -> Int {
        let bytes = self.bytes
        if let tablePlaces { return tablePlaces.field(ofByte: offset, in: bytes) + 1 }
        var start = min(offset, bytes.count)
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        if encoding == .windows1252 { return offset - start + 1 }
        // UTF-8: count scalars, i.e. bytes that are not continuation bytes.
        var column = 1
        var i = start
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    private static func transcodeUTF16(_ raw: UnsafeBufferPointer<UInt8>, bigEndian: Bool, file: String) throws(ImportError) -> [UInt8] {
        var start = 0
        if raw.count >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)) { start = 2 }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count / 2)
        var i = start
        var line = 1
        func unit(_ k: Int) -> UInt32 {
            bigEndian ? UInt32(raw[k]) << 8 | UInt32(raw[k + 1]) : UInt32(raw[k + 1]) << 8 | UInt32(raw[k])
        }
        while i + 1 < raw.count {
            var v = unit(i)
            i += 2
            if v >= 0xD800 && v <= 0xDBFF {
                guard i + 1 < raw.count else {
                    throw ImportError(.invalidUTF16, at: SourceLocation(file: file, line: line))
                }
                let low = unit(i)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw ImportError(.invalidUTF16, at: SourceLocation(file: file, line: line))
                }
                i += 2
                v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
            } else if v >= 0xDC00 && v <= 0xDFFF {
                throw ImportError(.invalidUTF16, at: SourceLocation(file: file, line: line))
            }
            if v == 0x0A { line += 1 }
            if v < 0x10000 {
                Windows1252.appendUTF8(v, to: &out)
            } else {
                out.append(UInt8(0xF0 | (v >> 18)))
                out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return out
    }
}
