import Foundation
import KTOSample

/// A deterministic synthetic study for benchmarks: `respondents` rows × about 60 items (grades,
/// statements, categories, an open answer), 30 gemeenten, written as Dutch Excel writes CSV (`;`,
/// decimal comma, CRLF, Windows-1252 bytes, `"` around answers with a `;` or a quote).
///
/// `respondents` is the study's total over its two metingen: the current meting (2017) has the
/// larger half, the previous meting (2015) the rest, each in its own export.
///
/// Three background variables are breakdowns of every figure: `leeftijd` (5 categories, always
/// answered, older clients over-represented and more so in some gemeenten), `duur` (4, some empty
/// and some 'weet niet') and `traject` (3, some empty). The study is raked to gemeente
/// (`[population]`) and leeftijd (`[margin leeftijd]`), or weighted by gemeente alone.
struct SyntheticStudy {
    /// How the study file weights the respondents.
    enum Weighting: String, CaseIterable {
        /// `weighting = rake`, `rake = gemeente, leeftijd`.
        case rake
        /// `weighting = gemeente` (post-stratified to `[population]`).
        case gemeente
    }

    var respondents: Int
    var weighting = Weighting.rake
    var gemeenten = 30
    var grades = 25
    var statements = 25
    var categories = 8
    var seed: UInt64 = 0x4B54_4F20_4245_4E43

    /// The breakdown variables: code, codebook section, question, labels (codes 1...).
    static let background: [(code: String, section: String, text: String, labels: [String], missing: String)] = [
        ("leeftijd", "Leeftijd", "Wat is uw leeftijd?", ["18-26", "27-40", "41-50", "51-60", "61 en ouder"], ""),
        ("duur", "Uitkeringsduur", "Hoe lang heeft u al een uitkering?",
         ["Korter dan 1 jaar", "1 tot 3 jaar", "3 tot 5 jaar", "5 jaar of langer"], "9=weet niet"),
        ("traject", "Traject", "Volgt u een re-integratietraject?", ["Geen traject", "Nu in een traject", "Traject afgerond"], ""),
    ]
    static var breakdownCodes: [String] { background.map(\.code) }
    /// leeftijd's share of the population per category, in percent (the margin).
    static let leeftijdShares = [14, 24, 22, 24, 16]

    static let currentMeting = 2017
    static let previousMeting = 2015

    var gradeCodes: [String] { (1...grades).map { String(format: "cijfer%02d", $0) } }
    var statementCodes: [String] { (1...statements).map { String(format: "stelling%02d", $0) } }
    var categoryCodes: [String] { (1...categories).map { String(format: "categorie%02d", $0) } }
    /// Columns per row: id, gemeente, the background variables, the items and the open answer.
    var columnCount: Int { 2 + Self.background.count + grades + statements + categories + 1 }

    /// Respondents per meting.
    func respondents(meting: Int) -> Int {
        meting == Self.currentMeting ? respondents - respondents / 2 : respondents / 2
    }

    func gemeenteName(_ g: Int) -> String { String(format: "Gemeente %02d", g + 1) }

    /// Statements worded negatively (lower is better).
    func isNegative(statement k: Int) -> Bool { k % 4 == 3 }

    /// The codebook (UTF-8, `;`).
    func codebook() -> String {
        var lines = ["variable;type;chapter;section;text;values;labels;missing;polarity;previous"]
        lines.append("respnr;id;;;Respondentnummer;;;;;")
        let labels = (0..<gemeenten).map { "\($0 + 1)=\(gemeenteName($0))" }.joined(separator: "|")
        lines.append("gemeente;group;;;Gemeente;;\(labels);;;")
        for b in Self.background {
            let labels = b.labels.enumerated().map { "\($0 + 1)=\($1)" }.joined(separator: "|")
            lines.append("\(b.code);category;Achtergrond;\(b.section);\(b.text);;\(labels);\(b.missing);;")
        }
        for (k, code) in gradeCodes.enumerated() {
            lines.append("\(code);grade;Hoofdstuk \(k % 5 + 1);Onderdeel;Rapportcijfer \(k + 1);;;99=weet niet;;")
        }
        for (k, code) in statementCodes.enumerated() {
            lines.append("\(code);likert;Stellingen;Onderdeel;Stelling \(k + 1);;;9=weet niet;\(isNegative(statement: k) ? "negative" : "positive");")
        }
        for (k, code) in categoryCodes.enumerated() {
            lines.append("\(code);category;Kenmerken;Onderdeel;Kenmerk \(k + 1);;1=Een|2=Twee|3=Drie|4=Vier;;;")
        }
        lines.append("toelichting;text;Open vragen;Toelichting;Wilt u uw antwoorden toelichten?;;;;;")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The study file (both metingen).
    func studyFile(current: String, previous: String) -> String {
        var text = """
            title = Benchmark
            client = Synthetische sociale dienst
            meting = \(Self.currentMeting)
            data = \(current)
            codebook = codebook.csv
            group = gemeente
            breakdowns = \(Self.breakdownCodes.joined(separator: ", "))

            """
        switch weighting {
        case .rake: text += "weighting = rake\nrake = gemeente, leeftijd\n"
        case .gemeente: text += "weighting = gemeente\n"
        }
        text += "[population]\n"
        for g in 0..<gemeenten { text += "\(gemeenteName(g)) = \(invited)\n" }
        if weighting == .rake {
            text += "[margin leeftijd]\n"
            let labels = Self.background[0].labels
            for (k, population) in leeftijdMargin.enumerated() { text += "\(labels[k]) = \(population)\n" }
        }
        text += "[previous]\nmeting = \(Self.previousMeting)\ndata = \(previous)\n"
        return text
    }

    /// Invited clients per gemeente (the population of every stratum).
    var invited: Int { respondents(meting: Self.currentMeting) / gemeenten * 4 + 1000 }

    /// The population per leeftijd category: the shares of the gemeenten's total, the last
    /// category taking the rest so that both margins add up to the same total.
    var leeftijdMargin: [Int] {
        let total = invited * gemeenten
        var margin = Self.leeftijdShares.dropLast().map { total * $0 / 100 }
        margin.append(total - margin.reduce(0, +))
        return margin
    }

    /// `gemeente;N`: the population per gemeente code, for the peers.
    func populationCSV() -> String {
        "gemeente;N\n" + (0..<gemeenten).map { "\($0 + 1);\(invited)" }.joined(separator: "\n") + "\n"
    }

    /// `leeftijd;N`: the population per leeftijd code, for the peers.
    func leeftijdCSV() -> String {
        "leeftijd;N\n" + leeftijdMargin.enumerated().map { "\($0 + 1);\($1)" }.joined(separator: "\n") + "\n"
    }

    /// Open answers: some with a `;` or quotes, so the export has quoted fields as Excel writes them.
    static let openAnswers: [String] = [
        "Prima geholpen",
        "Snel antwoord gekregen, dank",
        "\"Goed; maar de wachttijd was lang\"",
        "De consulent was vriendelijk",
        "\"Ik kreeg een brief met \"\"spoed\"\" erop\"",
        "Telefonisch slecht bereikbaar",
        "Geen opmerkingen",
        "\"Afspraak verzet; niet gemeld\"",
    ]

    /// Writes the export of one meting to `path`; returns its size in bytes.
    func writeExport(meting: Int, to path: String) throws -> Int {
        var rng = SplitMix64(seed: seed &+ UInt64(meting))
        let answers = Self.openAnswers.map { Array($0.utf8) }  // ASCII: the same bytes in Windows-1252
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        var header = "respnr;gemeente"
        for code in Self.breakdownCodes + gradeCodes + statementCodes + categoryCodes { header += ";" + code }
        header += ";toelichting\r\n"
        out.append(contentsOf: Array(header.utf8))
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError("kan \(path) niet schrijven")
        }
        defer { try? handle.close() }
        var written = 0
        func flush() throws {
            try handle.write(contentsOf: out)
            written += out.count
            out.removeAll(keepingCapacity: true)
        }
        for r in 0..<respondents(meting: meting) {
            out.append(contentsOf: Array(String(meting * 10_000_000 + r).utf8))
            out.append(59)
            let gemeente = rng.below(gemeenten)
            Self.append(gemeente + 1, to: &out)
            // leeftijd: the oldest category over-represented (22% of the respondents against 16% of
            // the population, up to 40% in some gemeenten), so raking has to move the weights.
            let age = rng.below(100 + 6 * (gemeente % 6))
            let leeftijd = age < 8 ? 1 : age < 28 ? 2 : age < 52 ? 3 : age < 78 ? 4 : 5
            out.append(59)
            Self.append(leeftijd, to: &out)
            out.append(59)
            let duur = rng.below(100)
            if duur >= 5 { Self.append(1 + rng.below(4), to: &out) }  // 0-2: empty
            else if duur >= 3 { out.append(57) }  // 9 = weet niet
            out.append(59)
            let traject = rng.below(100)
            if traject >= 4 { Self.append(max(1, rng.below(4)), to: &out) }  // 1 twice as often as 2 and 3
            for _ in 0..<grades {
                out.append(59)
                let roll = rng.below(100)
                if roll < 6 { continue }  // item nonresponse
                if roll < 8 { out.append(57); out.append(57); continue }  // 99 = weet niet
                // Older clients grade a little higher: weighting moves the total.
                let grade = min(10, max(1, 4 + rng.below(4) + rng.below(4) + (leeftijd >= 4 ? 1 : 0)))
                Self.append(grade, to: &out)
                if roll < 10 { out.append(44); out.append(48) }  // "7,0" as Excel sometimes writes it
            }
            for _ in 0..<statements {
                out.append(59)
                let roll = rng.below(100)
                if roll < 5 { continue }
                if roll < 8 { out.append(57); continue }  // 9 = weet niet
                Self.append(1 + min(4, rng.below(3) + rng.below(3)), to: &out)
            }
            for _ in 0..<categories {
                out.append(59)
                if rng.below(100) < 3 { continue }
                Self.append(1 + rng.below(4), to: &out)
            }
            out.append(59)
            if rng.below(100) < 6 { out.append(contentsOf: answers[rng.below(answers.count)]) }
            out.append(13)
            out.append(10)
            if out.count >= 1 << 20 { try flush() }
        }
        try flush()
        return written
    }

    @inline(__always)
    static func append(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { out.append(UInt8(48 + n / 10)) }
        out.append(UInt8(48 + n % 10))
    }

    /// Writes codebook, study file and both exports into `folder`; returns the CSV bytes.
    func write(to folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try codebook().write(toFile: folder + "/codebook.csv", atomically: true, encoding: .utf8)
        try populationCSV().write(toFile: folder + "/population.csv", atomically: true, encoding: .utf8)
        try leeftijdCSV().write(toFile: folder + "/leeftijd.csv", atomically: true, encoding: .utf8)
        try studyFile(current: "export-\(Self.currentMeting).csv", previous: "export-\(Self.previousMeting).csv")
            .write(toFile: folder + "/bench.study", atomically: true, encoding: .utf8)
        let current = try writeExport(meting: Self.currentMeting, to: folder + "/export-\(Self.currentMeting).csv")
        let previous = try writeExport(meting: Self.previousMeting, to: folder + "/export-\(Self.previousMeting).csv")
        return current + previous
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
