/// What is wrong with a sheet name, by Excel's rules.
public enum SheetNameProblem: Sendable, Equatable, CustomStringConvertible {
    /// The name is empty.
    case empty
    /// The name is longer than 31 characters (UTF-16 code units, as Excel counts).
    case tooLong(length: Int)
    /// The name contains one of `: \ / ? * [ ]`.
    case forbiddenCharacter(Character)
    /// The name contains a control character.
    case controlCharacter
    /// The name starts or ends with an apostrophe.
    case apostropheAtEdge
    /// `History`, which Excel reserves.
    case reserved

    public var description: String {
        switch self {
        case .empty: return "naam is leeg"
        case .tooLong(let length): return "naam is \(length) tekens lang, hoogstens 31 toegestaan"
        case .forbiddenCharacter(let c): return "teken '\(c)' is niet toegestaan (: \\ / ? * [ ])"
        case .controlCharacter: return "naam bevat een stuurteken"
        case .apostropheAtEdge: return "naam mag niet met een apostrof beginnen of eindigen"
        case .reserved: return "naam 'History' is in Excel gereserveerd"
        }
    }
}
