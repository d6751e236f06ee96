import Testing
@testable import KTOText

@Suite("Telephone numbers and e-mail addresses")
struct PhoneAndEmailTests {
    let anonymizer = Anonymizer()
    let mask = "(\u{2026})"

    @Test(arguments: [
        "06-12345678", "06 12345678", "0612345678", "06 123 456 78", "06-123 456 78", "070 - 310 3800",
        "070-3103800", "071 5123456", "0715123456", "0172 123456", "070 310 38 00", "(070) 3103800",
        "+31 6 12345678", "+31612345678", "+31 (0)70 3103800", "+31(0)6-12345678", "0031 6 12345678",
        "0031612345678", "+32 470 12 34 56", "+44 20 7946 0958", "070.310.3800", "06/12345678",
    ])
    func phoneNumberIsMasked(_ number: String) {
        let result = anonymizer.anonymize("Bel \(number) na vijven.")
        #expect(result.text == "Bel \(mask) na vijven.", "\(number)")
        #expect(result.counts == [.phone: 1], "\(number)")
    }

    /// 14070 is the municipality's own short number: not personal, kept on purpose.
    /// Service numbers (0800/0900) are not a person's number either.
    @Test(arguments: [
        "Ik bel 14070 steeds.", "Bel 14 070 of 0800-1234.", "0900-1234567 kost geld.", "Op 01-02-2014 gebeld.",
        "Ik kreeg 0,50 euro.", "Bedrag 1.234.567 klopt niet.", "06 is mijn favoriete cijfer", "Sinds 2010 06 keer",
    ])
    func nonPersonalNumbersStay(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text)
    }

    @Test func eleventDigitsAfterZeroIsNotADutchNumber() {
        let text = "Kenmerk 07031038001 graag vermelden."
        #expect(anonymizer.anonymize(text).text == text)
    }

    @Test func phoneNumberFollowedBySentence() {
        let result = anonymizer.anonymize("Mijn nummer: 06-12345678. 2014 was een slecht jaar.")
        #expect(result.text == "Mijn nummer: \(mask). 2014 was een slecht jaar.")
    }

    @Test func parenthesisBelongsToNumberOnlyWhenItClosesTheAreaCode() {
        #expect(anonymizer.anonymize("(06-12345678)").text == "(\(mask))")
        #expect(anonymizer.anonymize("(070) 3103800").text == mask)
    }

    @Test(arguments: [
        "jan.jansen@hotmail.com", "J_Jansen+kto@Gemeente.Leidschendam-Voorburg.NL", "a@b.nl", "info@example.co.uk",
    ])
    func emailIsMasked(_ address: String) {
        let result = anonymizer.anonymize("Mail naar \(address), graag.")
        #expect(result.text == "Mail naar \(mask), graag.")
        #expect(result.counts == [.email: 1])
    }

    @Test(arguments: ["@SUM(1)", "ik ben @ het werkplein", "naam@localhost", "mail@.nl", "x@y.1"])
    func notAnEmail(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text)
    }
}
