/// The text of a string cell as it will be stored: control characters dropped (those XML 1.0
/// forbids, and DEL and the C1 controls, which it discourages and LibreOffice drops), line breaks
/// made LF, and cut to Excel's limit.
enum CellText {
    /// Excel's limit on the characters in a cell (UTF-16 code units).
    static let maxLength = 32_767
    /// Appended to text cut at the limit, so that a reader sees it is incomplete.
    static let truncationMarker = " … [ingekort]"

    /// The stored form of `text`.
    static func prepared(_ text: String) -> String {
        isStored(text) ? text : preparedByScalars(text)
    }

    /// Whether `text` is stored as it is, decided by one scan of its UTF-8 bytes: no C0 control
    /// but tab and LF, no CR, DEL, C1 control, U+FFFE or U+FFFF, and short enough (UTF-16 never
    /// needs more units than UTF-8 bytes). Nearly every cell text is like that, and this is
    /// asked three times per cell (width, height, the cell itself).
    static func isStored(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count <= maxLength else { return false }
            for k in bytes.indices {
                switch bytes[k] {
                case 0x09, 0x0A, 0x20...0x7E: continue
                case 0x00...0x1F, 0x7F: return false
                case 0xC2: if RemovedControls.isC1(bytes, at: k) { return false }
                case 0xEF: if RemovedControls.isNonCharacter(bytes, at: k) { return false }
                default: continue
                }
            }
            return true
        }
    }

    /// The stored form, scalar by scalar (the rules themselves).
    static func preparedByScalars(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            // CRLF and lone CR become LF, the line break Excel uses inside a cell.
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            if XMLText.isAllowed(scalar) && !(0x7F...0x9F).contains(scalar.value) { scalars.append(scalar) }
        }
        let result = String(scalars)
        guard result.utf16.count > maxLength else { return result }
        return truncated(result)
    }

    /// The longest prefix of whole characters that leaves room for the marker, plus the marker.
    private static func truncated(_ text: String) -> String {
        let room = maxLength - truncationMarker.utf16.count
        var length = 0
        var end = text.startIndex
        for index in text.indices {
            let units = text[index].utf16.count
            if length + units > room { break }
            length += units
            end = text.index(after: index)
        }
        return String(text[..<end]) + truncationMarker
    }
}
