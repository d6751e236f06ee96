import KTOImport

/// The lines of a source by the rules of `SourceText.lineText` (LF, CR, CRLF), with their
/// lengths in the characters `SourceText.column(ofByte:)` counts; built once, so that checking
/// thousands of places stays linear.
struct LineIndex {
    private let source: SourceText
    /// Characters per line (line `k` at index `k - 1`).
    private var lengths: [Int] = []

    init(_ source: SourceText) {
        self.source = source
        let bytes = source.bytes
        let windows1252 = source.encoding == .windows1252
        var count = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                lengths.append(count)
                count = 0
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else if windows1252 || b & 0xC0 != 0x80 {
                count += 1
            }
            i += 1
        }
        lengths.append(count)
    }

    func isIndex(of other: SourceText) -> Bool {
        other.bytes.baseAddress == source.bytes.baseAddress && other.bytes.count == source.bytes.count && other.file == source.file
    }

    /// Characters in line `line` (1-based), nil when there is no such line.
    func length(ofLine line: Int) -> Int? {
        line >= 1 && line <= lengths.count ? lengths[line - 1] : nil
    }
}
