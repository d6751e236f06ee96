/// The kinds of personal data the ``Anonymizer`` recognises and replaces.
public enum AnonymizationKind: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    /// A person's name following a title, salutation or role ("mevrouw De Vries", "consulent Jansen").
    case name
    /// A name from the analyst-supplied list (for example staff names).
    case listedName
    /// An e-mail address.
    case email
    /// A Dutch or international telephone number.
    case phone
    /// A citizen service number (BSN) that passes the 11-proef.
    case bsn
    /// A bank account number (IBAN).
    case iban
    /// A Dutch postcode, with the house number when one follows.
    case postcode
    /// A street name followed by a house number.
    case address

    /// Short Dutch label for use in reports on anonymisation.
    public var dutchLabel: String {
        switch self {
        case .name: return "naam"
        case .listedName: return "naam uit lijst"
        case .email: return "e-mailadres"
        case .phone: return "telefoonnummer"
        case .bsn: return "BSN"
        case .iban: return "IBAN"
        case .postcode: return "postcode"
        case .address: return "adres"
        }
    }

    /// Declaration order; used to sort kinds deterministically.
    public static func < (lhs: AnonymizationKind, rhs: AnonymizationKind) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { AnonymizationKind.allCases.firstIndex(of: self) ?? 0 }

    /// When two detections cover exactly the same text, the higher priority wins.
    var priority: Int {
        switch self {
        case .iban: return 8
        case .email: return 7
        case .bsn: return 6
        case .phone: return 5
        case .postcode: return 4
        case .address: return 3
        case .listedName: return 2
        case .name: return 1
        }
    }
}
