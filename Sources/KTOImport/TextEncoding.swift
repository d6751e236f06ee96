import Dispatch

/// The character encodings a survey export arrives in.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"

    /// Parses a user's spelling of an encoding name (study file override).
    public init?(userName: String) {
        let key = userName.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8": self = .utf8
        case "utf8bom", "utf8sig": self = .utf8BOM
        case "utf16le", "utf16": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1252", "cp1252", "ansi", "latin1", "iso88591": self = .windows1252
        default: return nil
        }
    }

    /// Detects the encoding of raw file bytes.
    ///
    /// A byte-order mark decides first. Without one, text that is valid UTF-8 is UTF-8, and anything
    /// else is Windows-1252 (which Dutch Excel writes, and which can decode every byte). UTF-16
    /// without a BOM is recognised by the NUL bytes that ASCII text then contains.
    /// - Complexity: O(n) over the bytes, with an ASCII fast path.
    /// - Parameter threads: threads the UTF-8 check may use on a large file.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>, threads: Int = 1) -> TextEncoding {
        detect(bytes, threads: threads, counting: false).encoding
    }

    /// As `detect(_:threads:)`; with `counting`, text without a BOM (UTF-8 or Windows-1252) comes
    /// with its quotes and line ends per piece of the UTF-8 check (`TextCounts`), counted in the
    /// same pass.
    package static func detect(
        _ bytes: UnsafeBufferPointer<UInt8>, threads: Int, counting: Bool
    ) -> (encoding: TextEncoding, counts: TextCounts?) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8BOM, nil) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LE, nil) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BE, nil) }
        if let bomless = detectBOMlessUTF16(bytes) { return (bomless, nil) }
        let (valid, counts) = checkUTF8(bytes, threads: threads, minimumPart: counting ? minimumCountedPart : minimumCheckPart, counting: counting)
        return (valid ? .utf8 : .windows1252, counts)
    }

    /// Smallest share of the bytes worth a thread of its own in the UTF-8 check.
    static let minimumCheckPart = 4 << 20

    /// The pieces' smallest size when they are counted for a cut, and so the loader's smallest
    /// part (`DatasetLoader.minimumPartBytes`): a file has as many pieces as parts.
    package static let minimumCountedPart = 1 << 20

    /// Most pieces of a check (and parts of a cut).
    package static let maximumPieces = 64

    /// `isValidUTF8(_:)` on up to `threads` pieces at once, the same answer: the pieces are cut
    /// before a byte that starts a character (a continuation byte never starts a piece), so a
    /// character is never split, and the text is valid exactly when every piece is.
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>, threads: Int, minimumPart: Int = minimumCheckPart) -> Bool {
        checkUTF8(b, threads: threads, minimumPart: minimumPart, counting: false).valid
    }

    /// Bytes checked before the same bytes are counted, while they are still in the cache.
    static let countBlock = 64 << 10

    /// `isValidUTF8(_:threads:minimumPart:)`; with `counting` and more than one piece, the text
    /// also gets its quotes and line ends per piece (`TextCounts`), valid or not, each block of a
    /// piece counted right after it is checked: the cut of a large export for its parallel read
    /// (`CSVReader.partition`) then needs no pass of its own over the bytes.
    static func checkUTF8(
        _ b: UnsafeBufferPointer<UInt8>, threads: Int, minimumPart: Int = minimumCheckPart, counting: Bool
    ) -> (valid: Bool, counts: TextCounts?) {
        let pieces = max(1, min(threads, b.count / max(1, minimumPart), maximumPieces))
        guard pieces > 1 else { return (isValidUTF8(b), nil) }
        var cuts = [0]
        for k in 1..<pieces {
            var cut = max(cuts[cuts.count - 1], CutPlan.target(k, of: pieces, in: b.count))
            // At most three continuation bytes follow a lead byte; a fourth makes the text invalid
            // wherever it is cut, and the piece that holds it says so.
            var steps = 0
            while cut < b.count && b[cut] & 0xC0 == 0x80 && steps < 4 { cut += 1; steps += 1 }
            cuts.append(cut)
        }
        cuts.append(b.count)
        let bytes = SharedBytes(b)
        let bounds = cuts
        guard counting else {
            let valid = concurrentMap(pieces) { k in
                isValidUTF8(UnsafeBufferPointer(rebasing: bytes.buffer[bounds[k] ..< bounds[k + 1]]))
            }.allSatisfy { $0 }
            return (valid, nil)
        }
        let results = concurrentMap(pieces) { k -> (valid: Bool, quotes: Int, lineEnds: Int) in
            let all = bytes.buffer
            var valid = true
            var quotes = 0
            var lineEnds = 0
            var start = bounds[k]
            while start < bounds[k + 1] {
                // Blocks cut as the pieces are: never inside a character.
                var end = min(start + countBlock, bounds[k + 1])
                var steps = 0
                while end < bounds[k + 1] && all[end] & 0xC0 == 0x80 && steps < 4 { end += 1; steps += 1 }
                // Text that is no UTF-8 (Windows-1252) is still counted: its quotes and line
                // ends are the same bytes.
                if valid { valid = isValidUTF8(UnsafeBufferPointer(rebasing: all[start ..< end])) }
                let counted = CSVReader.count(all, from: start, to: end)
                quotes += counted.quotes
                lineEnds += counted.lineEnds
                start = end
            }
            return (valid, quotes, lineEnds)
        }
        return (results.allSatisfy(\.valid), TextCounts(cuts: bounds, quotes: results.map(\.quotes), lineEnds: results.map(\.lineEnds)))
    }

    /// The number of bytes of byte-order mark at the start, for this encoding.
    public var bomLength: Int {
        switch self {
        case .utf8BOM: return 3
        case .utf16LE, .utf16BE: return 2
        case .utf8, .windows1252: return 0
        }
    }

    private static func detectBOMlessUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let sample = min(bytes.count, 512) & ~1
        guard sample >= 4 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for i in stride(from: 0, to: sample, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs { return .utf16LE }
        if evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs { return .utf16BE }
        return nil
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        var i = 0
        let n = b.count
        while i < n {
            // ASCII fast path: 32 bytes a step, then eight at a time (unaligned reads).
            while i + 32 <= n {
                let raw = UnsafeRawPointer(base + i)
                let any = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 != 0 { break }
                i += 32
            }
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { return true }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let need: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return false
            }
            // The continuation bytes i+1 ... i+need must exist.
            guard i + need < n else { return false }
            let first = b[i + 1]
            guard first >= lower && first <= upper else { return false }
            var k = 2
            while k <= need {
                guard b[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }
}

/// Quotes and line ends (`CSVReader.count`) per piece of a text, counted while the text was
/// checked as UTF-8.
package struct TextCounts: Sendable, Equatable {
    /// The pieces' bounds: piece `k` is `cuts[k] ..< cuts[k + 1]`, from 0 to the text's end.
    package let cuts: [Int]
    package let quotes: [Int]
    package let lineEnds: [Int]

    package var pieces: Int { quotes.count }
}
