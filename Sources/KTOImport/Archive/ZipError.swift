/// Why a zip archive (PKWARE APPNOTE.TXT) or one of its entries could not be read.
public enum ZipError: Error, Sendable, Equatable {
    /// No end-of-central-directory record: not a zip file (or cut off before its end).
    case notAZip
    /// An OLE2 compound file (D0 CF 11 E0): a password-protected Office document or an old .xls.
    case compoundFile
    /// A central directory that points outside the file or has a broken record.
    case corruptDirectory(offset: Int)
    /// An archive that spans several disks.
    case multiDisk
    case tooManyEntries(count: Int, limit: Int)
    case entryNotFound(name: String)
    /// General-purpose bit 0 (or strong encryption): the entry is encrypted.
    case encrypted(name: String)
    case unsupportedMethod(name: String, method: Int)
    /// The local header of an entry is missing or its data runs past the end of the file.
    case badLocalHeader(name: String)
    /// The entry declares more bytes than one entry may have.
    case entryTooLarge(name: String, size: Int, limit: Int)
    /// All entries together declare more bytes than an archive may have.
    case archiveTooLarge(size: Int, limit: Int)
    /// A large entry that compresses far better than real data does: a zip bomb.
    case suspiciousRatio(name: String, ratio: Int, limit: Int)
    /// The entry expands to a size other than the one declared (`nil`: past it).
    case sizeMismatch(name: String, declared: Int, actual: Int?)
    case crcMismatch(name: String)
    case corruptData(name: String, InflateError)
}

extension ZipError: Diagnostic {
    public var location: SourceLocation? { nil }
    public var lineText: String? { nil }

    /// The message in Dutch.
    public var message: String {
        switch self {
        case .notAZip:
            return "bestand is geen zip-archief (en dus geen .xlsx-bestand), of het is afgebroken"
        case .compoundFile:
            return "bestand is een OLE-samengesteld bestand, geen zip-archief: een met een wachtwoord beveiligd"
                + " Excel-bestand of een oud .xls-bestand; sla het op als .xlsx zonder wachtwoord"
        case .corruptDirectory(let offset):
            return "zip-archief is beschadigd: de inhoudsopgave (central directory) klopt niet, bij byte \(offset)"
        case .multiDisk:
            return "zip-archief is verdeeld over meerdere delen; dat wordt niet ondersteund"
        case .tooManyEntries(let count, let limit):
            return "zip-archief heeft \(count) onderdelen, meer dan de toegestane \(limit)"
        case .entryNotFound(let name):
            return "zip-archief mist het onderdeel '\(name)'"
        case .encrypted(let name):
            return "onderdeel '\(name)' van het zip-archief is versleuteld (beveiligd met een wachtwoord)"
        case .unsupportedMethod(let name, let method):
            return "onderdeel '\(name)' is gecomprimeerd met methode \(method); alleen 0 (geen) en 8 (deflate) worden ondersteund"
        case .badLocalHeader(let name):
            return "zip-archief is beschadigd: de gegevens van onderdeel '\(name)' ontbreken of lopen door na het einde van het bestand"
        case .entryTooLarge(let name, let size, let limit):
            return "onderdeel '\(name)' wordt uitgepakt \(size) bytes, meer dan de toegestane \(limit)"
        case .archiveTooLarge(let size, let limit):
            return "zip-archief wordt uitgepakt \(size) bytes, meer dan de toegestane \(limit)"
        case .suspiciousRatio(let name, let ratio, let limit):
            return "onderdeel '\(name)' wordt bij uitpakken \(ratio) keer zo groot (toegestaan: \(limit) keer);"
                + " dit lijkt een zip-bom en wordt niet uitgepakt"
        case .sizeMismatch(let name, let declared, let actual):
            if let actual {
                return "onderdeel '\(name)' pakt uit tot \(actual) bytes, maar het archief noemt \(declared) bytes"
            }
            return "onderdeel '\(name)' pakt uit tot meer dan de \(declared) bytes die het archief noemt"
        case .crcMismatch(let name):
            return "onderdeel '\(name)' is beschadigd: de CRC-32-controlesom klopt niet"
        case .corruptData(let name, let error):
            return "onderdeel '\(name)': \(error.message)"
        }
    }
}
