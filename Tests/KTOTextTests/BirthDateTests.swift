import Testing
@testable import KTOText

@Suite("Dates of birth")
struct BirthDateTests {
    let anonymizer = Anonymizer(configuration: .init(referenceYear: 2026))
    let mask = "(\u{2026})"

    @Test(arguments: [
        ("geboren 12-03-1978", "geboren (\u{2026})"), ("geb. 3 maart 1980", "geb. (\u{2026})"),
        ("geboortedatum 01/02/1975", "geboortedatum (\u{2026})"), ("geboren op 5 januari 1962", "geboren op (\u{2026})"),
        ("Mijn geboortedatum is 14-7-1969", "Mijn geboortedatum is (\u{2026})"), ("geb datum: 30.09.1971", "geb datum: (\u{2026})"),
        ("geb. 07-08-66", "geb. (\u{2026})"), ("geboren op 18-4-'79", "geboren op (\u{2026})"), ("geb. 23 okt. 1970", "geb. (\u{2026})"),
        ("geboren in 1975", "geboren in (\u{2026})"), ("geboortejaar 1982", "geboortejaar (\u{2026})"),
        ("Mijn verjaardag is 9 september", "Mijn verjaardag is (\u{2026})"), ("(geboren 2-2-2004)", "(geboren (\u{2026}))"),
        ("geboren 1978-03-12", "geboren (\u{2026})"),
    ])
    func dateAfterBirthWord(_ pair: (String, String)) {
        let result = anonymizer.anonymize(pair.0)
        #expect(result.text == pair.1, "\(pair.0)")
        #expect(result.counts == [.birthDate: 1], "\(pair.0)")
    }

    /// Rule: without a word for birth, a full date with a four-digit year from 1900 up to the
    /// reference year minus 15 is masked; later dates, yearless dates and plain years stay.
    @Test func fullDatesAtLeastFifteenYearsBack() {
        #expect(anonymizer.anonymize("op 1-1-2011 begon het").text == "op \(mask) begon het")
        #expect(anonymizer.anonymize("op 1-1-2011 begon het").counts == [.oldDate: 1])
        #expect(anonymizer.anonymize("op 1-1-2012 begon het").text == "op 1-1-2012 begon het")
        #expect(anonymizer.anonymize("22-11-1985 is mijn verjaardag").text == "\(mask) is mijn verjaardag")
        #expect(anonymizer.anonymize("sinds 12 december 1999").text == "sinds \(mask)")
        #expect(anonymizer.anonymize("op 31-12-1899 niet").text == "op 31-12-1899 niet")
        let later = Anonymizer(configuration: .init(referenceYear: 2027))
        #expect(later.anonymize("op 1-1-2012 begon het").text == "op \(mask) begon het")
    }

    @Test func ordinaryDatesAndNumbersStay() {
        for text in [
            "ik heb op 3 april een afspraak", "sinds maart krijg ik minder", "in 2014 kwam ik in de bijstand",
            "op 12-05-2023 deed ik de aanvraag", "afspraak op 14/6 om 10 uur", "Ik ben geboren in Marokko en woon hier sinds 1999",
            "Ik ben 56 jaar", "Vanaf 01-01-2024 krijg ik 1.250,00 euro", "ik ben van 1958", "een 7,5 en 2.500 euro",
            "Mijn uitkering werd op 1-3-2016 pas uitbetaald.", "vrijdag 13 september was ik ziek", "op 32-13-1980",
        ] {
            #expect(anonymizer.anonymize(text).text == text, "\(text)")
        }
    }

    @Test func defaultReferenceYearIsTheClockYear() {
        #expect(Anonymizer.Configuration().referenceYear == Anonymizer.currentYear())
        #expect(Anonymizer.currentYear() >= 2024)
    }
}
