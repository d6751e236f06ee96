import KTOText

/// What the anonymiser replaced, in Dutch words, for the report's method section and the
/// `kto anonymize` summary.
public enum AnonymizationWording {
    /// "2 namen (na een aanspreekvorm of functie), 1 telefoonnummer en 3 e-mailadressen", in the
    /// fixed order of the kinds; "niets" when nothing was replaced.
    public static func describe(_ counts: [AnonymizationKind: Int]) -> String {
        let parts = AnonymizationKind.allCases.compactMap { kind -> String? in
            guard let n = counts[kind], n > 0 else { return nil }
            return "\(n) \(name(kind, plural: n != 1))"
        }
        guard !parts.isEmpty else { return "niets" }
        return list(parts)
    }

    /// The Dutch name of a kind of replaced item.
    public static func name(_ kind: AnonymizationKind, plural: Bool) -> String {
        switch kind {
        case .name: return plural ? "namen (na een aanspreekvorm of functie)" : "naam (na een aanspreekvorm of functie)"
        case .listedName: return plural ? "namen van medewerkers (uit de namenlijst)" : "naam van een medewerker (uit de namenlijst)"
        case .introducedName: return plural ? "namen (na een groet of voorstelling)" : "naam (na een groet of voorstelling)"
        case .fullName: return plural ? "voor- en achternamen" : "voor- en achternaam"
        case .firstName: return plural ? "voornamen" : "voornaam"
        case .email: return plural ? "e-mailadressen" : "e-mailadres"
        case .phone: return plural ? "telefoonnummers" : "telefoonnummer"
        case .bsn: return plural ? "burgerservicenummers" : "burgerservicenummer"
        case .iban: return plural ? "rekeningnummers (IBAN)" : "rekeningnummer (IBAN)"
        case .postcode: return plural ? "postcodes" : "postcode"
        case .address: return plural ? "adressen" : "adres"
        case .birthDate: return plural ? "geboortedata" : "geboortedatum"
        case .oldDate:
            return plural
                ? "volledige data van 15 jaar of langer geleden (mogelijk geboortedata)"
                : "volledige datum van 15 jaar of langer geleden (mogelijk een geboortedatum)"
        }
    }

    /// "a", "a en b", "a, b en c".
    static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " en " + last
    }
}
