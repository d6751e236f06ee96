import KTOText

/// `CSVCell.field(value, separator: ";")` without its work when it would return the value as it
/// is, decided by one scan of the UTF-8 bytes: no control character (removed or forcing quotes),
/// no `"` or `;`, nothing that starts a formula (`= + - @` first after spaces), and none of the
/// non-ASCII characters CSVCell treats specially (C1 controls, bidi controls, U+FFFE/U+FFFF, the
/// full-width formula signs). The tables book has tens of thousands of such cells.
enum SpreadsheetCell {
    static func field(_ value: String) -> String {
        isInert(value) ? value : CSVCell.field(value, separator: ";")
    }

    static func row(_ values: [String]) -> String {
        values.map(field).joined(separator: ";")
    }

    static func isInert(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            var seenText = false
            var k = 0
            let count = bytes.count
            while k < count {
                let b = bytes[k]
                switch b {
                case 0x20:
                    break
                case 0x22, 0x3B, 0x00...0x1F, 0x7F:
                    return false
                case 0x3D, 0x2B, 0x2D, 0x40:
                    if !seenText { return false }
                case 0xC2:
                    if RemovedControls.isC1(bytes, at: k) { return false }
                case 0xE2:
                    if RemovedControls.isBidi(bytes, at: k) { return false }
                case 0xEF:
                    // U+FF00-U+FF3F (the full-width formula signs among them), U+FFFE, U+FFFF.
                    if k + 1 < count, bytes[k + 1] == 0xBC || bytes[k + 1] == 0xBF { return false }
                default:
                    break
                }
                if b != 0x20 { seenText = true }
                k += 1
            }
            return true
        }
    }
}
