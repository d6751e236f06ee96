import KTOImport

/// Where the lines of a source start, by the rules of `SourceText.lineText` (LF, CR, CRLF), and
/// their lengths in the characters `SourceText.column(ofByte:)` counts.
struct LineIndex {
    private let source: SourceText
    private var starts: [Int] = [0]

    init(_ source: SourceText) {
        self.source = source
        let bytes = source.bytes
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                starts.append(i + 1)
            } else if bytes[i] == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
    }

    func isIndex(of other: SourceText) -> Bool {
        other.bytes.baseAddress == source.bytes.baseAddress && other.bytes.count == source.bytes.count && other.file == source.file
    }

    /// Characters in line `line` (1-based), nil when there is no such line.
    func length(ofLine line: Int) -> Int? {
        guard line >= 1 && line <= starts.count else { return nil }
        let bytes = source.bytes
        var i = starts[line - 1]
        var count = 0
        while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D {
            if source.encoding == .windows1252 || bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
