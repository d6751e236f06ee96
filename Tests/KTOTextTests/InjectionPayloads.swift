/// Hostile answers a respondent could type into an open question.
enum InjectionPayloads {
    static let script = "<script>alert(1)</script>"
    static let attributeBreakout = "\"><img src=x onerror=alert(1)>"
    static let hyperlink = "=HYPERLINK(\"http://x\",\"klik\")"
    static let dde = "+cmd|' /C calc'!A0"
    static let atFormula = "@SUM(1)"
    static let minusFormula = "-2+3"
    static let nul = "goed\u{0}\u{0}bedankt"

    static let all = [script, attributeBreakout, hyperlink, dde, atFormula, minusFormula, nul]

    /// Scalars that must never reach any output.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return false
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return false
            }
        }
    }
}
