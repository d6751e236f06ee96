import Foundation

/// The answer texts Dutch questionnaires use, so that an export with texts instead of codes
/// ("Helemaal mee eens", "Zeer tevreden", "Weet niet", "N.v.t.") reads without every text in the
/// codebook's labels. Case, accents, punctuation and spacing do not matter. The codebook's own
/// labels always win: these texts only fill in where a variable has no label for a text.
public enum AnswerTexts {
    /// Why a respondent gave no opinion, as an answer text or a missing code's label says it.
    public enum NoOpinion: Sendable, Hashable {
        case dontKnow
        case noOpinion
        case notApplicable
    }

    /// Agreement answers → scale point of a statement (1 helemaal oneens … 5 helemaal eens).
    static let agreement: [String: Int] = [
        "helemaal oneens": 1, "helemaal mee oneens": 1, "zeer oneens": 1, "zeer mee oneens": 1, "totaal oneens": 1,
        "oneens": 2, "mee oneens": 2,
        "neutraal": 3, "niet eens niet oneens": 3, "niet eens en niet oneens": 3, "noch eens noch oneens": 3,
        "neutraal niet eens niet oneens": 3, "niet mee eens niet mee oneens": 3,
        "eens": 4, "mee eens": 4,
        "helemaal eens": 5, "helemaal mee eens": 5, "zeer eens": 5, "zeer mee eens": 5, "volledig eens": 5,
    ]

    /// Satisfaction answers → scale point (1 zeer ontevreden … 5 zeer tevreden).
    static let satisfaction: [String: Int] = [
        "zeer ontevreden": 1, "heel ontevreden": 1, "helemaal ontevreden": 1,
        "ontevreden": 2, "niet tevreden": 2,
        "neutraal": 3, "niet tevreden niet ontevreden": 3, "noch tevreden noch ontevreden": 3,
        "niet ontevreden niet tevreden": 3,
        "tevreden": 4,
        "zeer tevreden": 5, "heel tevreden": 5, "helemaal tevreden": 5,
    ]

    /// Answer texts that give no opinion.
    static let noOpinionTexts: [String: NoOpinion] = [
        "weet niet": .dontKnow, "weet ik niet": .dontKnow, "ik weet het niet": .dontKnow, "dont know": .dontKnow,
        "weet niet geen mening": .dontKnow, "geen idee": .dontKnow,
        "geen mening": .noOpinion, "geen oordeel": .noOpinion, "geen mening weet niet": .noOpinion,
        "nvt": .notApplicable, "niet van toepassing": .notApplicable, "not applicable": .notApplicable,
        "geen ervaring": .notApplicable,
    ]

    static let yes: Set<String> = ["ja", "j", "yes"]
    static let no: Set<String> = ["nee", "n", "no"]

    /// A text folded for matching: lower case, accents removed, `.` and apostrophes dropped
    /// (`N.v.t.` = `nvt`), other punctuation a space, runs of spaces one space, trimmed.
    public static func key(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiKey(text) : unicodeKey(text)
    }

    /// `key` for any text: accents go by Unicode decomposition.
    static func unicodeKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if scalar == "." || scalar == "'" || scalar == "\u{2019}" || scalar == "`" { continue }
            if properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if space && !out.isEmpty { out.append(" ") }
                out.append(scalar)
                space = false
            } else {
                space = true
            }
        }
        return String(out)
    }

    /// `key` for ASCII text, on bytes (ids, dates and codes are ASCII; Foundation's
    /// decomposition is the slow part of `key`).
    static func asciiKey(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") { continue }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if space && !out.isEmpty { out.append(0x20) }
                out.append(lower)
                space = false
            } else {
                space = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The point (1-5) of a statement's scale an answer text names: agreement or satisfaction.
    public static func scalePoint(_ text: String) -> Int? {
        let k = key(text)
        return agreement[k] ?? satisfaction[k]
    }

    /// Whether an answer text gives no opinion, and which kind.
    public static func noOpinion(_ text: String) -> NoOpinion? { noOpinionTexts[key(text)] }

    /// The kinds of no opinion a missing code's label covers ("Weet niet / geen mening": two).
    public static func kinds(ofLabel label: String) -> Set<NoOpinion> {
        let k = key(label)
        let words = Set(k.split(separator: " "))
        var kinds: Set<NoOpinion> = []
        if words.contains("weet") || k.contains("geen idee") || k.contains("dont know") { kinds.insert(.dontKnow) }
        if k.contains("geen mening") || k.contains("geen oordeel") { kinds.insert(.noOpinion) }
        if words.contains("nvt") || k.contains("niet van toepassing") || k.contains("not applicable") || k.contains("geen ervaring") {
            kinds.insert(.notApplicable)
        }
        return kinds
    }

    /// The code a text stands for in `variable`: first its own labels (valid and missing,
    /// compared by `key`), then the common texts. Nil when neither knows the text.
    public static func code(of text: String, in variable: Variable) -> Int? {
        table(for: variable)[key(text)]
    }

    /// Every text the variable understands, by `key`: its labels first (they win), then the
    /// common answer texts that fit it — the scale points of a 1-5 statement, Ja/Nee for a
    /// question with those labels, and the no-opinion texts for a missing code with such a label.
    public static func table(for variable: Variable) -> [String: Int] {
        var table: [String: Int] = [:]
        for label in variable.labels + variable.missing where table[key(label.label)] == nil {
            table[key(label.label)] = label.code
        }
        func add(_ text: String, _ code: Int) {
            if table[text] == nil { table[text] = code }
        }
        if variable.type == .likert, Set(variable.validCodes) == Set(1...5) {
            for (text, point) in agreement { add(text, point) }
            for (text, point) in satisfaction { add(text, point) }
        }
        let labelKeys = variable.labels.map { (key($0.label), $0.code) }
        if let yesCode = labelKeys.first(where: { yes.contains($0.0) })?.1 { for text in yes { add(text, yesCode) } }
        if let noCode = labelKeys.first(where: { no.contains($0.0) })?.1 { for text in no { add(text, noCode) } }
        let missingKinds = variable.missing.map { (code: $0.code, kinds: kinds(ofLabel: $0.label)) }
        for (text, kind) in noOpinionTexts {
            if let exact = missingKinds.first(where: { $0.kinds.contains(kind) }) {
                add(text, exact.code)
                continue
            }
            // 'Weet niet' and 'geen mening' are both no opinion: one missing code for either serves both.
            guard kind != .notApplicable else { continue }
            let near = missingKinds.filter { !$0.kinds.isDisjoint(with: [.dontKnow, .noOpinion]) }
            if near.count == 1 { add(text, near[0].code) }
        }
        return table
    }
}
