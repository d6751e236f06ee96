import Testing
@testable import KTOText

/// Every hostile answer must come out inert from every output path.
@Suite("Injection payloads are inert")
struct InjectionTests {
    @Test(arguments: InjectionPayloads.all)
    func htmlContentIsInert(_ payload: String) {
        for escaped in [HTMLEscaper.escapeContent(payload), HTMLEscaper.escapeAttribute(payload)] {
            #expect(!escaped.contains("<"))
            #expect(!escaped.contains(">"))
            #expect(!escaped.contains("\""))
            #expect(!escaped.contains("'"))
            #expect(!InjectionPayloads.hasControlCharacters(escaped))
        }
    }

    @Test func htmlExactForms() {
        #expect(HTMLEscaper.escapeContent(InjectionPayloads.script) == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(
            HTMLEscaper.escapeAttribute(InjectionPayloads.attributeBreakout)
                == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        #expect(HTMLEscaper.escapeContent(InjectionPayloads.nul) == "goedbedankt")
    }

    @Test(arguments: InjectionPayloads.all, [Character(";"), Character(",")])
    func csvCellIsInert(_ payload: String, separator: Character) {
        let field = csvField(payload, separator: separator)
        let content = CSVFieldReader.unquote(field)
        #expect(!InjectionPayloads.hasControlCharacters(field))
        if let first = content.unicodeScalars.first {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "field \(field) starts a formula")
        }
        // The field must be one field: no unquoted separator or quote.
        if field.hasPrefix("\"") {
            #expect(field.hasSuffix("\""))
        } else {
            #expect(!field.contains(separator))
            #expect(!field.contains("\""))
        }
    }

    @Test func csvExactForms() {
        #expect(csvField(InjectionPayloads.hyperlink, separator: ";") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"")
        #expect(csvField(InjectionPayloads.dde, separator: ";") == "'+cmd|' /C calc'!A0")
        #expect(csvField(InjectionPayloads.atFormula, separator: ";") == "'@SUM(1)")
        #expect(csvField(InjectionPayloads.minusFormula, separator: ";") == "'-2+3")
        #expect(csvField(InjectionPayloads.nul, separator: ";") == "goedbedankt")
        #expect(csvField(InjectionPayloads.script, separator: ",") == "<script>alert(1)</script>")
    }

    @Test(arguments: InjectionPayloads.all)
    func plainTextIsInert(_ payload: String) {
        for cleaned in [TextCleaner.plain(payload), TextCleaner.plain(payload, singleLine: true)] {
            #expect(!cleaned.unicodeScalars.contains("\u{0}"))
            #expect(!InjectionPayloads.hasControlCharacters(cleaned))
        }
        #expect(TextCleaner.plain(InjectionPayloads.nul) == "goedbedankt")
    }

    @Test func terminalEscapeSequencesAreRemoved() {
        let answer = "prima\u{1B}[2J\u{1B}]0;pwned\u{07} service\u{9B}31m"
        #expect(TextCleaner.plain(answer) == "prima[2J]0;pwned service31m")
        #expect(!InjectionPayloads.hasControlCharacters(HTMLEscaper.escapeContent(answer)))
        #expect(!InjectionPayloads.hasControlCharacters(csvField(answer, separator: ";")))
    }

    @Test func anonymiserLeavesPayloadsForTheEscapers() {
        // The anonymiser does not escape; it must not break or hide a payload either.
        for payload in InjectionPayloads.all {
            let text = Anonymizer().anonymize(payload).text
            #expect(text == payload)
        }
    }
}

/// Reads back one CSV field as a spreadsheet would (quotes removed, doubled quotes undone).
enum CSVFieldReader {
    static func unquote(_ field: String) -> String {
        guard field.count >= 2, field.hasPrefix("\""), field.hasSuffix("\"") else { return field }
        return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
}
