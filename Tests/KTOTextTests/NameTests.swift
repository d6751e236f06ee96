import Testing
@testable import KTOText

@Suite("Names")
struct NameTests {
    let anonymizer = Anonymizer()
    let mask = "(\u{2026})"

    @Test(arguments: [
        ("dhr. Jansen", "dhr. "), ("dhr Jansen", "dhr "), ("de heer Jansen", "de heer "), ("heer Jansen", "heer "),
        ("mevr. Jansen", "mevr. "), ("mevr Jansen", "mevr "), ("mw. Jansen", "mw. "), ("mw Jansen", "mw "),
        ("mevrouw Jansen", "mevrouw "), ("meneer Jansen", "meneer "), ("mr. Jansen", "mr. "),
        ("mej. Jansen", "mej. "), ("juffrouw Jansen", "juffrouw "), ("Mevrouw De Vries", "Mevrouw "),
        ("dhr. J. van der Berg", "dhr. "), ("mevrouw A.B. Bakker", "mevrouw "), ("meneer J. P. de Wit", "meneer "),
        ("mijn consulent Jansen", "mijn consulent "), ("mijn consulente Jansen", "mijn consulente "),
        ("mijn consulent(e) Jansen", "mijn consulent(e) "), ("consulent Jansen", "consulent "),
        ("klantmanager Jansen", "klantmanager "), ("trajectbegeleider Jansen", "trajectbegeleider "),
        ("werkconsulent Jansen", "werkconsulent "), ("mevrouw van den Heuvel", "mevrouw "),
        ("meneer op de Beek", "meneer "), ("mevrouw 't Hart", "mevrouw "), ("meneer ter Horst", "meneer "),
        ("mevrouw Jansen-de Vries", "mevrouw "), ("meneer Çelik", "meneer "), ("dhr.Jansen", "dhr."),
        ("meneer d'Ancona", "meneer "), ("meneer O'Brien", "meneer "), ("mevrouw Anna Maria Smit", "mevrouw "),
        ("meneer van der Meer", "meneer "), ("mevrouw Schouten-Van der Meer", "mevrouw "), ("meneer Van Wel", "meneer "),
        ("mevrouw El Idrissi", "mevrouw "), ("meneer Ben Ali", "meneer "), ("dhr. Koç", "dhr. "),
    ])
    func nameAfterTitleIsMasked(_ pair: (String, String)) {
        let (input, kept) = pair
        let result = anonymizer.anonymize("Ik sprak \(input) gisteren.")
        #expect(result.text == "Ik sprak \(kept)\(mask) gisteren.", "\(input)")
        #expect(result.counts == [.name: 1], "\(input)")
    }

    @Test(arguments: [
        "mijn consulent is heel vriendelijk", "de heer is mijn herder", "De heer die mij hielp was aardig.",
        "Meneer was vriendelijk.", "Mevrouw van de balie was aardig.", "de consulent KCC verwijst door",
        "mijn consulent in Den Haag", "consulent Den Haag", "klantmanager Werkacademie", "consulent IOAW",
        "Meneer. Daarna niets meer.", "de heer\nJansen", "mevrouw maandag gebeld", "mijn consulenten waren allemaal aardig",
        "Het is Jansen die het deed.", "Gisteren. Jansen belde.", "consulent van de Werkacademie",
        "meneer Meer weet ik niet", "mevrouw Van Leidschendam",
    ])
    func ordinaryWordsAreNotNames(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text)
    }

    @Test func nameEndsAtNextSentenceWord() {
        #expect(anonymizer.anonymize("meneer Jansen Ik belde").text == "meneer \(mask) Ik belde")
        #expect(anonymizer.anonymize("mevrouw De Vries Leidschendam").text == "mevrouw \(mask) Leidschendam")
        #expect(anonymizer.anonymize("mevrouw A. Daarom").text == "mevrouw \(mask) Daarom")
    }

    @Test func consulentFollowedByTitle() {
        let result = anonymizer.anonymize("mijn consulent Mevrouw De Vries")
        #expect(result.text == "mijn consulent Mevrouw \(mask)")
        #expect(result.count(of: .name) == 1)
    }

    @Test func extraNonNamesAreRespected() {
        let custom = Anonymizer(configuration: .init(additionalNonNames: ["Jongerenloket"]))
        #expect(custom.anonymize("consulent Jongerenloket").text == "consulent Jongerenloket")
        #expect(anonymizer.anonymize("consulent Jongerenloket").text == "consulent \(mask)")
    }

    @Test func listedNamesAreWholeWordsCaseInsensitiveAndMultiword() {
        let listed = Anonymizer(knownNames: ["Kees van Dam", "Ria", "  Anouk   Verbeek "])
        #expect(listed.anonymize("kees van dam en RIA").text == "\(mask) en \(mask)")
        #expect(listed.anonymize("Kees van\tDam belde").text == "\(mask) belde")
        #expect(listed.anonymize("Anouk Verbeek").text == mask)
        // Maria and Kees are first names from the list, not the listed "Ria".
        let words = listed.anonymize("Variatie, Riant, Maria en Kees")
        #expect(words.text == "Variatie, Riant, \(mask) en \(mask)")
        #expect(words.counts == [.firstName: 2])
        #expect(listed.anonymize("Ria.").counts == [.listedName: 1])
    }

    @Test func longestListedNameWins() {
        let listed = Anonymizer(knownNames: ["Jansen", "Piet Jansen"])
        let result = listed.anonymize("Piet Jansen en Jansen")
        #expect(result.text == "\(mask) en \(mask)")
        #expect(result.counts == [.listedName: 2])
    }

    @Test func listedNameShorterThanTwoLettersIsIgnored() {
        let listed = Anonymizer(knownNames: ["A", " ", ""])
        #expect(listed.anonymize("A en B").text == "A en B")
    }
}
