import Testing
import KTOReport
import KTOText
@testable import KTOCommand

/// The Dutch words for the kinds of replaced items, in the report and in the `kto anonymize` summary.
@Suite("Anonymisation wording")
struct AnonymizeWordingTests {
    @Test func everyKindHasDutchWordsForOneAndMany() {
        for kind in AnonymizationKind.allCases {
            let one = AnonymizationWording.name(kind, plural: false)
            let many = AnonymizationWording.name(kind, plural: true)
            #expect(!one.isEmpty && !many.isEmpty && one != many, "\(kind)")
        }
        #expect(AnonymizationWording.describe([.introducedName: 2, .fullName: 1, .firstName: 3, .birthDate: 1, .oldDate: 2])
            == "2 namen (na een groet of voorstelling), 1 voor- en achternaam, 3 voornamen, 1 geboortedatum en "
            + "2 volledige data van 15 jaar of langer geleden (mogelijk geboortedata)")
    }

    @Test func anonymizeSummaryNamesTheNewKinds() throws {
        let input = "Bedankt Kees!\nJan de Boer belde, geboren 12-03-1978.\nIk sprak Sandra.\n"
        let result = try runKTO(["anonymize"], input: Array(input.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "Bedankt (…)!\n(…) belde, geboren (…).\nIk sprak (…).\n")
        #expect(result.stderr == "kto anonymize: 3 regels gelezen; in 3 regels vervangen door (…): "
            + "1 naam (na een groet of voorstelling), 1 voor- en achternaam, 1 voornaam en 1 geboortedatum.\n")
    }
}
