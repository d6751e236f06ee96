import Testing
@testable import KTOText

@Suite("CSV cells")
struct CSVCellTests {
    @Test func plainTextIsUnchanged() {
        #expect(csvField("Goed geholpen", separator: ";") == "Goed geholpen")
        #expect(csvField("", separator: ";") == "")
        #expect(csvField("7", separator: ",") == "7")
    }

    @Test func quotingDependsOnTheSeparator() {
        #expect(csvField("7,5", separator: ";") == "7,5")
        #expect(csvField("7,5", separator: ",") == "\"7,5\"")
        #expect(csvField("a;b", separator: ";") == "\"a;b\"")
        #expect(csvField("a;b", separator: ",") == "a;b")
    }

    @Test func quotesAndLineBreaksAreQuoted() {
        #expect(csvField("zei \"nee\"", separator: ";") == "\"zei \"\"nee\"\"\"")
        #expect(csvField("regel 1\nregel 2", separator: ";") == "\"regel 1\nregel 2\"")
        #expect(csvField("regel 1\r\nregel 2", separator: ";") == "\"regel 1\r\nregel 2\"")
        #expect(csvField("tab\there", separator: ";") == "tab\there")
    }

    @Test(arguments: ["-3", "-0,5", "-0.5", "-1.234,56", "-12"])
    func negativeNumbersStayNumbers(_ number: String) {
        #expect(csvField(number, separator: ";") == number)
        #expect(CSVCell.isNegativeNumber(number))
    }

    @Test(arguments: ["-", "-2+3", "-1,", "-,5", "- 3", "--3", "-3e5", "-A1", "-1-1"])
    func minusNonNumbersAreGuarded(_ text: String) {
        #expect(!CSVCell.isNegativeNumber(text))
        #expect(csvField(text, separator: ";").hasPrefix("'"), "\(text)")
    }

    @Test(arguments: ["=1+1", "+31 6 12345678", "@cmd", "\t=1", "\r=1", "  =1", "\u{FF1D}1+1", "+5"])
    func formulaStartersAreGuarded(_ text: String) {
        let content = CSVFieldReader.unquote(csvField(text, separator: ";"))
        #expect(content.hasPrefix("'"), "\(text)")
    }

    @Test func controlCharactersAreStripped() {
        #expect(csvField("a\u{0}b\u{7F}c\u{1B}d\u{85}e", separator: ";") == "abcde")
        #expect(csvField("\u{0}=1", separator: ";") == "'=1")
    }

    @Test func rowJoinsSafeFields() {
        #expect(csvRow(["1", "=SUM(A1)", "7,5", "-0,5", "zei \"ja\""], separator: ";")
            == "1;'=SUM(A1);7,5;-0,5;\"zei \"\"ja\"\"\"")
        #expect(csvRow(["7,5", "-3"], separator: ",") == "\"7,5\",-3")
        #expect(csvRow([], separator: ";") == "")
        #expect(CSVCell.row(["a", "b"], separator: ",") == csvRow(["a", "b"], separator: ","))
    }
}
