/// The words that announce a name (titles, roles, greetings, introductions) and the words a
/// name never consists of when written in lowercase. All lowercase; a multiword cue is a list
/// of words.
extension DutchLexicon {
    /// Ordinary lowercase words (generated list, see `WordData/common-words.txt`).
    static let commonWords: Set<String> = Set(
        packedCommonWords.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Titles and salutations, with common misspellings. After them a name may be written in
    /// any case ("mevrouw jansen").
    static let titleWords: Set<String> = [
        "heer", "meneer", "mijnheer", "menheer", "meneet", "mevrouw", "mevrou", "mefrouw", "juffrouw", "juf",
    ]

    /// Abbreviated titles; a dot after them is part of the title ("dhr. Jansen", "dhr.Jansen").
    static let titleAbbreviations: Set<String> = [
        "dhr", "mevr", "mvr", "mw", "mnr", "mr", "mej", "dr", "drs", "ir", "ing",
    ]

    /// Role words for people at the service (and others who help a client); a name may follow
    /// directly, after a comma, colon, dash or parenthesis, or after "is" or "heet".
    static let roleWords: Set<String> = [
        "consulent", "consulente", "consulent(e)", "konsulent", "konsulente", "werkconsulent",
        "inkomensconsulent", "wijkconsulent", "wmo-consulent", "klantmanager", "trajectbegeleider",
        "trajectbegeleidster", "casemanager", "contactpersoon", "jobcoach", "werkcoach", "wijkcoach",
        "budgetcoach", "taalcoach", "coach", "klantregisseur", "regisseur", "begeleider", "begeleidster",
        "medewerker", "medewerkster", "baliemedewerker", "baliemedewerkster", "schuldhulpverlener",
        "schuldhulpverleenster", "bewindvoerder", "klantadviseur", "adviseur", "intaker", "teamleider",
        "leidinggevende", "dokter", "huisarts", "tolk", "burgemeester", "wethouder", "directeur", "manager",
        "wijkagent", "agent", "rechter", "notaris", "deurwaarder", "inspecteur", "controleur", "rechercheur",
        "handhaver", "mentor", "docent", "leraar", "lerares",
    ]

    /// Relatives and others close to the client: after "mijn zoon", "haar collega" a first name follows.
    static let relationWords: Set<String> = [
        "zoon", "dochter", "man", "vrouw", "vriend", "vriendin", "buurman", "buurvrouw", "broer", "zus",
        "moeder", "vader", "partner", "neef", "nicht", "oom", "tante", "collega", "schoonzoon",
        "schoondochter", "schoonmoeder", "schoonvader", "kleinzoon", "kleindochter", "echtgenoot",
        "echtgenote", "ex", "vriendje", "vriendinnetje", "opa", "oma", "mantelzorger", "kind", "dochtertje",
        "zoontje", "stiefzoon", "stiefdochter",
    ]

    /// Possessives that make a relation word a cue ("mijn zoon", not "een vrouw van …").
    static let possessives: Set<String> = ["mijn", "m'n", "mn", "zijn", "z'n", "haar", "onze", "ons", "uw", "je", "jouw"]

    /// Words after a role word that introduce its name: "mijn consulent is Bakker".
    static let roleCopulas: Set<String> = ["is", "was", "heet", "heette", "genaamd", "namelijk"]

    /// Greetings and thanks after which a first name is expected ("Bedankt Kees!", "groetjes, Sanne").
    static let greetings: [[String]] = [
        ["bedankt"], ["dank", "je", "wel"], ["dank", "u", "wel"], ["dank", "jullie", "wel"], ["dank", "je"],
        ["dank", "u"], ["dank", "aan"], ["dankjewel"], ["dankjewel", "aan"], ["dankuwel"], ["thanks"],
        ["thank", "you"], ["thx"], ["merci"], ["hoi"], ["hallo"], ["hey"], ["hee"], ["hi"], ["beste"], ["lieve"],
        ["compliment", "voor"], ["compliment", "aan"], ["complimenten", "voor"], ["complimenten", "aan"],
        ["hulde", "aan"], ["hulde", "voor"], ["dankzij"],
    ]

    /// Closing formulas: after them a capitalised word is a name even when it is not on the list.
    static let closings: [[String]] = [
        ["groetjes"], ["groeten"], ["groet"], ["gr"], ["grt"], ["mvg"], ["liefs"], ["vriendelijke", "groet"],
        ["vriendelijke", "groeten"], ["hartelijke", "groet"], ["hartelijke", "groeten"], ["groetjes", "van"],
        ["groeten", "van"], ["liefs", "van"], ["groet", "van"], ["groetjes", "en", "bedankt"],
    ]

    /// Introductions after which a name follows whatever it looks like ("ik heet Yusuf", "mijn naam is Jansen").
    static let strongIntroductions: [[String]] = [
        ["ik", "heet"], ["mijn", "naam", "is"], ["mijn", "naam"], ["naam", "is"], ["naam"], ["heet"],
        ["heette"], ["genaamd"], ["u", "spreekt", "met"], ["je", "spreekt", "met"],
    ]

    /// "ik ben …": only a first name from the list counts ("ik ben Mohammed", not "ik ben blij").
    static let weakIntroductions: [[String]] = [["ik", "ben"], ["ik", "bent"], ["ben", "ik"]]

    /// Nouns for parts of the organisation and services: "mevrouw van de balie" is no name.
    static let serviceNouns: Set<String> = [
        "balie", "receptie", "telefoon", "gemeente", "afdeling", "dienst", "sociale", "kcc", "werkplein",
        "werkacademie", "uwv", "intake", "helpdesk", "klantcontactcentrum", "klantenservice", "bijstand",
        "uitkering", "uitkeringen", "schuldhulp", "schuldhulpverlening", "administratie", "wijkteam",
        "thuiszorg", "woningbouw", "woningbouwvereniging", "woningcorporatie", "bewindvoering", "kantoor",
        "loket", "frontoffice", "backoffice", "inkomen", "participatie", "handhaving", "fraude", "controle",
        "opvang", "voedselbank", "kredietbank", "belastingdienst", "post", "sollicitatie", "re-integratie",
        "reintegratie", "wmo", "toeslagen", "huur", "zorg", "jeugdzorg", "ggz", "politie", "dagbesteding",
        "cursus", "training", "school", "taalcursus", "inburgering", "buurthuis", "wijk", "team", "zaak",
        "week", "maand", "dag", "vorige", "andere", "eerste", "tweede", "nieuwe", "oude", "website", "brief",
        "werk", "werkgever", "ingang", "entree", "kassa", "bank", "rechtbank", "advocaat", "stichting",
        "vereniging", "kerk", "moskee", "huisarts", "dokter", "ziekenhuis", "apotheek", "straat", "buurt",
        "deur", "gang", "lift",
    ]

    /// Abbreviations whose dot does not end a sentence.
    static let abbreviations: Set<String> = [
        "dhr", "mevr", "mvr", "mw", "mnr", "mr", "mej", "dr", "drs", "ir", "ing", "geb", "nr", "tel", "bijv",
        "evt", "ca", "o.a.", "i.v.m.", "m.b.t.", "t.a.v.", "z.s.m.", "d.w.z.", "m.v.g.", "a.u.b.", "e.d.",
        "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "st", "gr", "mvg",
    ]

    /// Dutch surname prefixes, one or more words; after them a lowercase surname is accepted.
    static let dutchParticles: [[String]] = [
        ["van", "der"], ["van", "den"], ["van", "de"], ["van", "het"], ["van", "'t"], ["in", "'t"], ["in", "den"],
        ["op", "de"], ["op", "den"], ["op", "'t"], ["op", "het"], ["uit", "den"], ["uit", "de"], ["van"], ["de"],
        ["der"], ["den"], ["ter"], ["ten"], ["'t"],
    ]

    /// Every word of a surname prefix, Dutch or foreign.
    static let particleWords: Set<String> = Set(dutchParticles.flatMap { $0 }).union(foreignParticles)

    /// Foreign surname prefixes; after them only a capitalised word ("El Amrani", "Ait Taleb", "da Silva").
    static let foreignParticles: Set<String> = [
        "el", "al", "ait", "ben", "bin", "ibn", "abu", "abou", "bou", "la", "le", "du", "da", "di", "del",
        "dos", "das", "von", "mac", "mc", "o",
    ]

    /// Multiword particles that need a capitalised word after them ("op de Beek", not "op de gang").
    static let prepositionParticles: Set<String> = ["in", "op", "uit"]

    /// A word ending in one of these after a first name makes it the name of a place or institution
    /// ("Juliana Kinderziekenhuis", "Beatrix School").
    static let institutionSuffixes: [String] = [
        "ziekenhuis", "school", "college", "lyceum", "huis", "park", "plein", "straat", "laan", "weg", "kerk",
        "kliniek", "centrum", "fonds", "stichting", "hof", "kade", "gracht",
    ]

    /// Known pairs of a first name and a word that name a shop or organisation, not a person.
    static let organisationPairs: Set<String> = [
        "albert heijn", "jan linders", "anne frank", "max havelaar", "jeroen bosch", "johan cruijff",
        "willem alexander", "prins willem", "henri dunant",
    ]
}
