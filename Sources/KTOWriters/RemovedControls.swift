/// The non-ASCII characters that every escaper of kto's removes from untrusted text, tested on
/// UTF-8 bytes for the writers' fast paths (`InertText`, `SpreadsheetCell`, `PlainText`): a C1
/// control (U+0080-U+009F: C2 80-9F) or a bidirectional control (U+202A-U+202E: E2 80 AA-AE;
/// U+2066-U+2069: E2 81 A6-A9), and the non-characters U+FFFE and U+FFFF (EF BF BE-BF).
enum RemovedControls {
    /// Whether the sequence that starts at `k` (a 0xC2 lead byte) is a C1 control.
    static func isC1(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        k + 1 < bytes.count && bytes[k] == 0xC2 && bytes[k + 1] <= 0x9F
    }

    /// Whether the sequence that starts at `k` (a 0xE2 lead byte) is a bidi control.
    static func isBidi(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        guard k + 2 < bytes.count, bytes[k] == 0xE2 else { return false }
        let (b1, b2) = (bytes[k + 1], bytes[k + 2])
        return (b1 == 0x80 && (0xAA...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2))
    }

    /// Whether the sequence that starts at `k` (a 0xEF lead byte) is U+FFFE or U+FFFF.
    static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        k + 2 < bytes.count && bytes[k] == 0xEF && bytes[k + 1] == 0xBF && bytes[k + 2] >= 0xBE
    }
}
