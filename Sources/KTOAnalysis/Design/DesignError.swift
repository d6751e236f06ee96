import KTOImport
import KTOModel
import KTOStats

/// Why the weighting or the breakdowns of a study cannot be set up. Each case says where.
public enum DesignError: Error, Sendable, Equatable {
    /// A breakdown or raking variable that the codebook does not have.
    case unknownVariable(String, role: Role, suggestion: String?, line: Int)
    /// A breakdown or raking variable that is not a single-choice category variable.
    case notACategory(String, type: VariableType, role: Role, line: Int)
    /// A breakdown or raking variable named twice in its list.
    case listedTwice(String, role: Role, line: Int)
    /// A raking variable without `[margin VARIABLE]`.
    case missingMargin(String, line: Int)
    /// A `[margin]` entry that is no code or label of its variable.
    case unknownMarginCategory(variable: String, category: String, line: Int)
    /// Respondents whose value of a raking variable has no population in its margin (or who have
    /// no value while the margin defines no category for that).
    case respondentsOutsideMargin(variable: String, meting: String, value: String, lines: [Int], count: Int)
    /// The margins do not describe the same population.
    case marginTotalsDiffer(first: String, firstTotal: Double, other: String, otherTotal: Double)
    /// Raking found no weights.
    case raking(meting: String, failure: Raking.Failure, margins: [String])
    /// A gemeente of the population frame without respondents cannot be weighted.
    case emptyStratum(meting: String, gemeente: String)
    /// `weighting = variable` but the meting's data has no weights.
    case noWeights(meting: String, column: String)

    /// An item of the prioriteitenmatrix (`overall =`, `aspects =`) that is not a rapportcijfer.
    case notAGrade(String, type: VariableType, line: Int)

    public enum Role: Sendable, Equatable {
        case breakdown, rake, priorities
        var dutch: String {
            switch self {
            case .breakdown: return "uitsplitsing (breakdowns =)"
            case .rake: return "wegingsvariabele (rake =)"
            case .priorities: return "vraag van de prioriteitenmatrix (overall = / aspects =)"
            }
        }
    }
}

extension DesignError: Diagnostic, CustomStringConvertible {
    public var location: SourceLocation? { nil }
    public var lineText: String? { nil }
    public var description: String { message }

    /// The message in Dutch, with the place in the study file where it has one.
    public var message: String {
        switch self {
        case .unknownVariable(let name, let role, let suggestion, let line):
            return "regel \(line) van de studie: \(role.dutch) '\(name)' staat niet in het codeboek" + (suggestion.map { "; bedoelt u '\($0)'?" } ?? "")
        case .notACategory(let name, let type, let role, let line):
            return "regel \(line) van de studie: \(role.dutch) '\(name)' moet een categorievariabele zijn (type category), maar is \(type.rawValue)"
        case .listedTwice(let name, let role, let line):
            return "regel \(line) van de studie: \(role.dutch) '\(name)' staat twee keer in de lijst; noem elke variabele één keer"
        case .missingMargin(let name, let line):
            return "regel \(line) van de studie: voor de weging op '\(name)' ontbreekt een sectie [margin \(name)] met de populatie per categorie"
        case .unknownMarginCategory(let variable, let category, let line):
            return "regel \(line) van de studie: '\(category)' in [margin \(variable)] is geen code of label van '\(variable)' (gebruik - of onbekend voor respondenten zonder waarde)"
        case .respondentsOutsideMargin(let variable, let meting, let value, let lines, let count):
            let shown = lines.prefix(10).map(String.init).joined(separator: ", ")
            return "meting \(meting): \(count) respondenten met \(variable) = '\(value)' hebben geen populatie in [margin \(variable)] (regels \(shown)\(count > 10 ? ", …" : "")); geef de categorie een populatie, of een categorie - voor respondenten zonder waarde"
        case .marginTotalsDiffer(let first, let a, let other, let b):
            return "de marges beschrijven niet dezelfde populatie: \(first) telt op tot \(Self.number(a)), \(other) tot \(Self.number(b))"
        case .raking(let meting, let failure, let margins):
            switch failure {
            case .emptyCategory(let m, let c):
                return "meting \(meting): de weging op \(margins.joined(separator: " en ")) kan niet: categorie \(c + 1) van \(m < margins.count ? margins[m] : "?") heeft wel populatie maar geen respondenten (of omgekeerd)"
            case .noConvergence(let iterations, let error, let m):
                return "meting \(meting): de weging op \(margins.joined(separator: " en ")) convergeert niet na \(iterations) rondes (marge \(m < margins.count ? margins[m] : "?") wijkt nog \(Rounding.formatDutch(error * 100, decimals: 2))% af); controleer de marges of ruim de grenzen (trim) op"
            }
        case .emptyStratum(let meting, let gemeente):
            return "meting \(meting): '\(gemeente)' heeft geen respondenten en kan dus niet naar de populatie worden gewogen"
        case .notAGrade(let name, let type, let line):
            return "regel \(line) van de studie: '\(name)' in de prioriteitenmatrix moet een rapportcijfer zijn (type grade), maar is \(type.rawValue)"
        case .noWeights(let meting, let column):
            return "meting \(meting): de data heeft geen gewichtkolom '\(column)'"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
