/// What a lowercased word is to the name rules: a title, a role, a first name, an ordinary word, …
/// Looked up once per word of a text (one hash lookup), so the rules test bits, not sets.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32

    static let title = WordClass(rawValue: 1 << 0)
    static let titleAbbreviation = WordClass(rawValue: 1 << 1)
    static let role = WordClass(rawValue: 1 << 2)
    static let relation = WordClass(rawValue: 1 << 3)
    static let possessive = WordClass(rawValue: 1 << 4)
    static let copula = WordClass(rawValue: 1 << 5)
    static let particle = WordClass(rawValue: 1 << 6)
    static let sentenceWord = WordClass(rawValue: 1 << 7)
    static let commonWord = WordClass(rawValue: 1 << 8)
    static let entity = WordClass(rawValue: 1 << 9)
    static let serviceNoun = WordClass(rawValue: 1 << 10)
    static let firstName = WordClass(rawValue: 1 << 11)
    static let alsoWord = WordClass(rawValue: 1 << 12)
    static let abbreviation = WordClass(rawValue: 1 << 13)
    static let foreignParticle = WordClass(rawValue: 1 << 14)

    /// Words that are never (part of) a name when capitalised, except right after a surname prefix.
    static let notCapitalisedName: WordClass = [.sentenceWord, .title, .titleAbbreviation, .role, .relation]

    /// Words that are never (part of) a name when written in lowercase.
    static let notLowercaseName: WordClass = [
        .commonWord, .sentenceWord, .entity, .serviceNoun, .title, .titleAbbreviation, .role, .relation, .possessive,
        .particle,
    ]

    /// The classes of every word the rules know, lowercased; first names also without diacritics.
    static let lexicon: [String: WordClass] = {
        var classes: [String: WordClass] = [:]
        classes.reserveCapacity(FirstNames.all.count + DutchLexicon.commonWords.count + 1_024)
        func add<S: Sequence>(_ words: S, _ c: WordClass) where S.Element == String {
            for word in words { classes[word, default: []].insert(c) }
        }
        add(DutchLexicon.titleWords, .title)
        add(DutchLexicon.titleAbbreviations, .titleAbbreviation)
        add(DutchLexicon.roleWords, .role)
        add(DutchLexicon.relationWords, .relation)
        add(DutchLexicon.possessives, .possessive)
        add(DutchLexicon.roleCopulas, .copula)
        add(DutchLexicon.particleWords, .particle)
        add(DutchLexicon.foreignParticles, .foreignParticle)
        add(DutchLexicon.sentenceWords, .sentenceWord)
        add(DutchLexicon.commonWords, .commonWord)
        add(DutchLexicon.entities, .entity)
        add(DutchLexicon.serviceNouns, .serviceNoun)
        add(DutchLexicon.abbreviations, .abbreviation)
        add(FirstNames.all, .firstName)
        add(FirstNames.alsoWords, .alsoWord)
        return classes
    }()

    /// The classes of a lowercased word; a hyphenated word is a first name when all its parts are.
    static func of(_ key: String) -> WordClass {
        if let found = lexicon[key] { return found }
        guard key.utf8.contains(UInt8(ascii: "-")) else { return [] }
        let parts = key.split(separator: "-")
        guard parts.count >= 2, parts.allSatisfy({ lexicon[String($0)]?.contains(.firstName) == true }) else { return [] }
        return .firstName
    }
}
