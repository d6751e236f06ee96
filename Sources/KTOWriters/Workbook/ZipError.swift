/// Why a zip archive cannot be written.
public enum ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The entry name is empty, absolute, contains `..`, a backslash, a control character or an
    /// empty folder name, or is longer than 65,535 bytes.
    case invalidName(String)
    /// Two entries have the same name.
    case duplicateName(String)
    /// The archive would need ZIP64 (over 4 GiB or over 65,534 entries), which is not written.
    case tooLarge

    public var description: String {
        switch self {
        case .invalidName(let name): return "ongeldige naam in zip-archief: '\(name)'"
        case .duplicateName(let name): return "naam komt twee keer voor in zip-archief: '\(name)'"
        case .tooLarge: return "zip-archief wordt te groot (meer dan 4 GiB of 65.534 bestanden); ZIP64 wordt niet geschreven"
        }
    }
}
