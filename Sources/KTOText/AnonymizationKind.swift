/// The kinds of personal data the ``Anonymizer`` recognises and replaces.
public enum AnonymizationKind: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    /// A person's name following a title, salutation or role ("mevrouw De Vries", "consulent Jansen",
    /// "mijn consulent, Sandra, …", "mijn consulent is Bakker").
    case name
    /// A name from the analyst-supplied list (for example staff names).
    case listedName
    /// A name after a greeting or an introduction ("Bedankt Kees!", "ik heet Yusuf", "mijn naam is …").
    case introducedName
    /// A first name from the list of common first names followed by a surname ("Jan de Boer").
    case fullName
    /// A first name from the list of common first names on its own ("ik sprak Sandra").
    case firstName
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
    /// A date after a word for birth ("geboren 12-03-1978", "geboortedatum …", "geb. 3 maart 1980").
    case birthDate
    /// A full date (day, month, year) at least 15 years back, without a word for birth: it may be one.
    case oldDate

    /// Short Dutch label for use in reports on anonymisation.
    public var dutchLabel: String {
        switch self {
        case .name: return "naam"
        case .listedName: return "naam uit lijst"
        case .introducedName: return "naam na groet of voorstelling"
        case .fullName: return "voor- en achternaam"
        case .firstName: return "voornaam"
        case .email: return "e-mailadres"
        case .phone: return "telefoonnummer"
        case .bsn: return "BSN"
        case .iban: return "IBAN"
        case .postcode: return "postcode"
        case .address: return "adres"
        case .birthDate: return "geboortedatum"
        case .oldDate: return "oude datum"
        }
    }

    /// Declaration order; used to sort kinds deterministically.
    public static func < (lhs: AnonymizationKind, rhs: AnonymizationKind) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { AnonymizationKind.allCases.firstIndex(of: self) ?? 0 }

    /// When two detections cover exactly the same text, the higher priority wins: numbers with a
    /// checksum or a fixed shape first, then the names with the strongest evidence.
    var priority: Int {
        switch self {
        case .iban: return 13
        case .email: return 12
        case .bsn: return 11
        case .phone: return 10
        case .postcode: return 9
        case .address: return 8
        case .birthDate: return 7
        case .oldDate: return 6
        case .listedName: return 5
        case .name: return 4
        case .introducedName: return 3
        case .fullName: return 2
        case .firstName: return 1
        }
    }
}
