import Foundation

/// A deterministic synthetic study for benchmarks: `respondents` rows × about 60 items
/// (grades, statements, categories), 30 gemeenten, two metingen, written as Dutch Excel writes
/// CSV (`;`, decimal comma, CRLF, Windows-1252 bytes).
struct SyntheticStudy {
    var respondents: Int
    var gemeenten = 30
    var grades = 25
    var statements = 25
    var categories = 8
    var seed: UInt64 = 0x4B54_4F20_4245_4E43

    /// SplitMix64: small, fast and reproducible on every platform.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    var gradeCodes: [String] { (1...grades).map { String(format: "cijfer%02d", $0) } }
    var statementCodes: [String] { (1...statements).map { String(format: "stelling%02d", $0) } }
    var categoryCodes: [String] { (1...categories).map { String(format: "categorie%02d", $0) } }

    func gemeenteName(_ g: Int) -> String { String(format: "Gemeente %02d", g + 1) }

    /// The codebook (UTF-8, `;`).
    func codebook() -> String {
        var lines = ["variable;type;chapter;section;text;values;labels;missing;polarity;previous"]
        lines.append("respnr;id;;;Respondentnummer;;;;;")
        let labels = (0..<gemeenten).map { "\($0 + 1)=\(gemeenteName($0))" }.joined(separator: "|")
        lines.append("gemeente;group;;;Gemeente;;\(labels);;;")
        for (k, code) in gradeCodes.enumerated() {
            lines.append("\(code);grade;Hoofdstuk \(k % 5 + 1);Onderdeel;Rapportcijfer \(k + 1);;;99=weet niet;;")
        }
        for (k, code) in statementCodes.enumerated() {
            lines.append("\(code);likert;Stellingen;Onderdeel;Stelling \(k + 1);;;9=weet niet;\(k % 4 == 3 ? "negative" : "positive");")
        }
        for (k, code) in categoryCodes.enumerated() {
            lines.append("\(code);category;Kenmerken;Onderdeel;Kenmerk \(k + 1);;1=Een|2=Twee|3=Drie|4=Vier;;;")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The study file for one meting's export (the previous meting's file beside it).
    func studyFile(data: String, previous: String?) -> String {
        var text = """
            title = Benchmark
            meting = 2017
            data = \(data)
            codebook = codebook.csv
            group = gemeente
            [population]

            """
        for g in 0..<gemeenten { text += "\(gemeenteName(g)) = \(respondents / gemeenten * 4 + 1000)\n" }
        if let previous { text += "[previous]\nmeting = 2015\ndata = \(previous)\n" }
        return text
    }

    /// The export bytes for one meting.
    func export(meting: Int) -> [UInt8] {
        var rng = Generator(state: seed &+ UInt64(meting))
        var out: [UInt8] = []
        out.reserveCapacity(respondents * 150)
        var header = "respnr;gemeente"
        for code in gradeCodes + statementCodes + categoryCodes { header += ";" + code }
        out.append(contentsOf: Array((header + "\r\n").utf8))
        @inline(__always) func number(_ n: Int) {
            if n >= 10 { out.append(UInt8(48 + n / 10)) }
            out.append(UInt8(48 + n % 10))
        }
        for r in 0..<respondents {
            out.append(contentsOf: Array(String(meting * 10_000_000 + r).utf8))
            out.append(59)
            number(rng.below(gemeenten) + 1)
            for _ in 0..<grades {
                out.append(59)
                let roll = rng.below(100)
                if roll < 6 { continue }  // item nonresponse
                if roll < 8 { out.append(contentsOf: [57, 57]); continue }  // 99 = weet niet
                let grade = min(10, max(1, 4 + rng.below(4) + rng.below(4)))
                number(grade)
                if roll < 10 { out.append(contentsOf: [44, 48]) }  // "7,0" as Excel sometimes writes it
            }
            for _ in 0..<statements {
                out.append(59)
                let roll = rng.below(100)
                if roll < 5 { continue }
                if roll < 8 { out.append(57); continue }
                number(1 + min(4, rng.below(3) + rng.below(3)))
            }
            for _ in 0..<categories {
                out.append(59)
                if rng.below(100) < 3 { continue }
                number(1 + rng.below(4))
            }
            out.append(13)
            out.append(10)
        }
        return out
    }
}
