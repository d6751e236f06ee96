import Testing
@testable import KTOText

@Suite("Anonymisation corpus")
struct AnonymisationCorpusTests {
    let anonymizer = Anonymizer(knownNames: AnonymisationCorpus.knownNames)

    @Test("corpus case is anonymised as written by hand", arguments: AnonymisationCorpus.cases)
    func corpusCase(_ item: CorpusCase) {
        let result = anonymizer.anonymize(item.input)
        #expect(result.text == item.expected, "corpus id \(item.id)")
        #expect(result.wasChanged == (item.input != item.expected), "corpus id \(item.id): counts disagree with text")
    }

    @Test func corpusIsLoadedAndLargeEnough() throws {
        let cases = try AnonymisationCorpus.load()
        #expect(cases.count >= 60)
        #expect(cases.filter { $0.input == $0.expected }.count >= 20)
        #expect(Set(cases.map(\.id)).count == cases.count, "ids must be unique")
    }

    @Test func corpusCoversEveryKind() throws {
        let cases = try AnonymisationCorpus.load()
        let (_, summary) = anonymizer.anonymize(cases.map(\.input))
        for kind in AnonymizationKind.allCases {
            #expect(summary.count(of: kind) > 0, "no corpus case for \(kind)")
        }
        #expect(summary.textsSeen == cases.count)
        #expect(summary.textsChanged == cases.filter { $0.input != $0.expected }.count)
    }
}
