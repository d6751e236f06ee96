/// Word lists used to recognise names and addresses in Dutch text. All lowercase.
enum DutchLexicon {
    /// Capitalised words that end a name when they follow it: function words
    /// that start the next sentence, titles and roles, days and months. They
    /// are accepted after a surname prefix ("van der Meer", "van Wel").
    static let sentenceWords: Set<String> = [
        // function words
        "ik", "jij", "je", "u", "hij", "zij", "ze", "wij", "we", "jullie", "men", "het", "een", "dat", "die",
        "dit", "deze", "en", "maar", "want", "of", "omdat", "als", "dus", "toen", "nu", "dan", "daar", "hier",
        "er", "ook", "nog", "al", "wel", "niet", "geen", "is", "was", "zijn", "waren", "heeft", "had", "hebben",
        "kan", "kon", "wil", "wilde", "moet", "moest", "zal", "zou", "werd", "wordt", "mijn", "haar", "ons",
        "onze", "hun", "uw", "wat", "wie", "waar", "hoe", "waarom", "wanneer", "bij", "met", "voor", "na",
        "naar", "over", "op", "in", "uit", "aan", "door", "tot", "om", "sinds", "zeer", "heel", "erg", "echt",
        "altijd", "nooit", "soms", "vaak", "helaas", "gelukkig", "verder", "bedankt", "dank", "goed",
        "slecht", "prima", "top", "super", "fijn", "aardig", "vriendelijk", "graag", "ja", "nee", "oké", "ok",
        "inmiddels", "daarna", "eerst", "alleen", "iedereen", "niemand", "niks", "niets", "alles", "veel",
        "weinig", "meer", "minder", "sorry", "groeten", "groet", "hallo", "beste", "geachte",
        "daarom", "later", "vervolgens", "gisteren", "vandaag", "morgen", "laatst", "zelfs",
        "bovendien", "eigenlijk", "misschien", "tenminste", "toch", "zo", "hopelijk", "volgens", "binnenkort",
        "ineens", "opeens", "uiteindelijk", "natuurlijk", "jammer", "kortom", "sindsdien",
        // titles and roles
        "heer", "meneer", "mevrouw", "dhr", "mevr", "mvr", "mw", "mej", "juffrouw", "juf", "mr",
        "consulent", "consulente", "klantmanager", "trajectbegeleider", "werkconsulent", "medewerker",
        "medewerkster",
        // days and months
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari",
        "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]

    /// Places and institutions a client mentions; never (part of) a name,
    /// not even after a surname prefix ("consulent van de Werkacademie").
    static let entities: Set<String> = [
        // places
        "nederland", "haag", "leidschendam", "voorburg", "leidschendam-voorburg", "amsterdam",
        "rotterdam", "utrecht", "wassenaar", "leiden", "delft", "zoetermeer", "rijswijk", "nootdorp",
        "stompwijk", "pijnacker", "westland", "gouda", "haarlem",
        // institutions and services
        "gemeente", "werkacademie", "werkplein", "kcc", "uwv", "svb", "belastingdienst", "bijstand",
        "sociale", "dienst", "participatiewet", "ioaw", "ioaz", "wmo", "jeugdzorg", "schuldhulp",
        "schuldhulpverlening", "inkomen", "werk", "zorg", "balie", "loket", "kantoor", "afdeling",
        "digid", "mijngemeente", "toeslagen", "voedselbank", "humanitas", "vluchtelingenwerk", "randstad",
        "wajong", "participatiewet", "belastingdienst", "haaglanden", "voorschoten", "schuldhulpverlening",
        // countries, nationalities and languages (capitalised in Dutch, never a name)
        "nederlands", "nederlandse", "nederlander", "marokko", "marokkaans", "marokkaanse", "turkije", "turks",
        "turkse", "suriname", "surinaams", "surinaamse", "antillen", "antilliaans", "antilliaanse", "curaçao",
        "aruba", "indonesië", "indonesisch", "polen", "pools", "poolse", "syrië", "syrisch", "syrische",
        "eritrea", "eritrees", "eritrese", "somalië", "somalisch", "somalische", "afghanistan", "afghaans",
        "afghaanse", "oekraïne", "oekraïens", "oekraïense", "arabisch", "arabische", "engels", "engelse",
        "duits", "duitse", "franse", "koerdisch", "berbers", "europa", "english", "dutch",
    ]

    /// Endings of Dutch street names.
    static let streetSuffixes: [String] = [
        "straat", "laan", "weg", "plein", "kade", "gracht", "singel", "dreef", "hof", "park", "pad",
        "steeg", "dijk", "plantsoen", "markt", "wal",
    ]

    /// Words with a street ending that are not street names.
    static let nonStreets: Set<String> = [
        "onderweg", "pakweg", "halfweg", "werkplein",
    ]
}
