import Testing
@testable import KTOText

@Suite("Postcodes and street addresses")
struct AddressTests {
    let anonymizer = Anonymizer()
    let mask = "(\u{2026})"

    @Test(arguments: ["2262 AB 12", "2262AB 12a", "2262 AB, nr 12", "2262 AB nr. 12", "2262ab 3", "2262 AB", "2262AB"])
    func postcodeIsMasked(_ text: String) {
        let result = anonymizer.anonymize("Adres \(text) klopt niet.")
        #expect(result.text == "Adres \(mask) klopt niet.", "\(text)")
        #expect(result.counts == [.postcode: 1], "\(text)")
    }

    @Test(arguments: [
        "In 2014 en 2015.", "Sinds 2012 EUR minder", "1234 SS", "0123 AB", "12345 AB", "2014 ABC", "2262 ab",
    ])
    func notAPostcode(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text, "\(text)")
    }

    @Test(arguments: [
        "Damstraat 12", "Burgemeester Visserlaan 4b", "Oude Rijnsburgerweg 23-II", "Stationsplein 1",
        "Herengracht 502", "Prinses Mariannelaan 71", "Van Alphenstraat 8", "Koningin Julianaplein 10",
        "Noordsingel 3-5", "Bankastraat 12hs",
    ])
    func streetAddressIsMasked(_ address: String) {
        let result = anonymizer.anonymize("Ik woon op \(address), al jaren.")
        #expect(result.text == "Ik woon op \(mask), al jaren.", "\(address)")
        #expect(result.counts == [.address: 1], "\(address)")
    }

    @Test(arguments: [
        "De Kerkstraat is ver weg.", "Pakweg 50 euro.", "Onderweg 3 keer gebeld.", "Werkplein 2 keer bezocht.",
        "Damstraat 12 euro parkeren", "Straat 12", "damstraat 12", "Hoofdweg 2,5 km verderop",
    ])
    func notAnAddress(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text, "\(text)")
    }

    @Test func lowercasePrefixesInsideTheStreetNameAreTaken() {
        let result = anonymizer.anonymize("aan de Burgemeester van Karnebeeklaan 7")
        #expect(result.text == "aan de \(mask)")
    }

    @Test func addressAndPostcodeTogether() {
        let result = anonymizer.anonymize("Damstraat 12, 2262 AB Leidschendam")
        #expect(result.text == "\(mask), \(mask) Leidschendam")
        #expect(result.counts == [.address: 1, .postcode: 1])
    }
}
