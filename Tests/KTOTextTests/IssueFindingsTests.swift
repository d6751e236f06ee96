import Testing
@testable import KTOText

/// One test per finding of the issue on leaking names and dates, with the exact input from the issue.
@Suite("Issue findings")
struct IssueFindingsTests {
    let anonymizer = Anonymizer(configuration: .init(referenceYear: 2026))
    let mask = "(\u{2026})"

    @Test func lowercaseNameAfterTitle() {
        let result = anonymizer.anonymize("mevrouw jansen")
        #expect(result.text == "mevrouw \(mask)")
        #expect(result.counts == [.name: 1])
    }

    @Test func nameBetweenCommasAfterRole() {
        let result = anonymizer.anonymize("mijn consulent, Sandra, \u{2026}")
        #expect(result.text == "mijn consulent, \(mask), \u{2026}")
        #expect(result.counts == [.name: 1])
    }

    @Test func fullNameWithoutTitle() {
        let result = anonymizer.anonymize("Jan de Boer belde")
        #expect(result.text == "\(mask) belde")
        #expect(result.counts == [.fullName: 1])
    }

    @Test func firstNameAfterGreeting() {
        let result = anonymizer.anonymize("Bedankt Kees!")
        #expect(result.text == "Bedankt \(mask)!")
        #expect(result.counts == [.introducedName: 1])
    }

    @Test func firstNameAfterIkBen() {
        let result = anonymizer.anonymize("Ik ben Mohammed")
        #expect(result.text == "Ik ben \(mask)")
        #expect(result.counts == [.introducedName: 1])
    }

    /// The issue names no example for the date of birth; these are the forms from the brief.
    @Test(arguments: [
        ("geboren 12-03-1978", "geboren (\u{2026})"),
        ("geb. 3 maart 1980", "geb. (\u{2026})"),
        ("geboortedatum 01/02/1975", "geboortedatum (\u{2026})"),
    ])
    func dateOfBirth(_ pair: (String, String)) {
        let result = anonymizer.anonymize(pair.0)
        #expect(result.text == pair.1)
        #expect(result.counts == [.birthDate: 1])
    }
}
