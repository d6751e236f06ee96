/// A fatal problem with an input file: the file cannot be read as a table at all.
///
/// Row-level problems (a wrong number of fields, a stray quote) are not errors: the reader hands
/// them to the caller on the record so that the row can be rejected and counted in the ledger.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unreadableFile(reason: String)
        case emptyFile
        case unterminatedQuote
        /// The header row has no column name at all.
        case headerWithoutNames
        case duplicateHeaderName(String, firstColumn: Int)
        case invalidUTF16
        /// Another program wrote, replaced or shortened the file while kto read it.
        case changedWhileRead
    }

    public var kind: Kind
    var _location: SourceLocation
    /// Where the problem is.
    public var place: SourceLocation { _location }
    /// The offending line as text (for a caret display), when known.
    public var lineText: String?

    public init(_ kind: Kind, at location: SourceLocation, lineText: String? = nil) {
        self.kind = kind
        self._location = location
        self.lineText = lineText
    }

    /// The message in Dutch, without the location prefix.
    public var message: String {
        switch kind {
        case .unreadableFile(let reason): return "bestand kan niet worden gelezen: \(reason)"
        case .emptyFile: return "bestand is leeg: er is geen kopregel met variabelenamen"
        case .unterminatedQuote:
            return "aanhalingsteken wordt niet afgesloten: het veld dat hier begint loopt door tot het einde van het bestand"
        case .headerWithoutNames: return "de kopregel heeft geen enkele kolomnaam"
        case .duplicateHeaderName(let name, let first):
            return "kolomnaam '\(name)' komt twee keer voor in de kopregel (eerst in kolom \(first))"
        case .invalidUTF16: return "ongeldige UTF-16-tekst (los surrogaatteken)"
        case .changedWhileRead:
            return "bestand veranderde terwijl kto het las: een ander programma schreef het (opnieuw) of de verbinding met de schijf viel weg; wacht tot het bestand klaar is (of kopieer het naar een lokale map) en start kto opnieuw"
        }
    }

    public var description: String { "\(_location): \(message)" }
}
