import Foundation
import KTOSample

/// A deterministic synthetic study for benchmarks: `respondents` rows × about 60 items (grades,
/// statements, categories, an open answer), 30 gemeenten, written as Dutch Excel writes CSV (`;`,
/// decimal comma, CRLF, Windows-1252 bytes, `"` around answers with a `;` or a quote).
///
/// `respondents` is the study's total over its two metingen: the current meting (2017) has the
/// larger half, the previous meting (2015) the rest, each in its own export.
struct SyntheticStudy {
    var respondents: Int
    var gemeenten = 30
    var grades = 25
    var statements = 25
    var categories = 8
    var seed: UInt64 = 0x4B54_4F20_4245_4E43

    static let currentMeting = 2017
    static let previousMeting = 2015

    var gradeCodes: [String] { (1...grades).map { String(format: "cijfer%02d", $0) } }
    var statementCodes: [String] { (1...statements).map { String(format: "stelling%02d", $0) } }
    var categoryCodes: [String] { (1...categories).map { String(format: "categorie%02d", $0) } }
    /// Columns per row: id, gemeente, the items and the open answer.
    var columnCount: Int { 2 + grades + statements + categories + 1 }

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
            weighting = gemeente
            [population]

            """
        for g in 0..<gemeenten { text += "\(gemeenteName(g)) = \(invited)\n" }
        text += "[previous]\nmeting = \(Self.previousMeting)\ndata = \(previous)\n"
        return text
    }

    /// Invited clients per gemeente (the population of every stratum).
    var invited: Int { respondents(meting: Self.currentMeting) / gemeenten * 4 + 1000 }

    /// `gemeente;N`: the population per gemeente code, for the R peer.
    func populationCSV() -> String {
        "gemeente;N\n" + (0..<gemeenten).map { "\($0 + 1);\(invited)" }.joined(separator: "\n") + "\n"
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
        for code in gradeCodes + statementCodes + categoryCodes { header += ";" + code }
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
            Self.append(rng.below(gemeenten) + 1, to: &out)
            for _ in 0..<grades {
                out.append(59)
                let roll = rng.below(100)
                if roll < 6 { continue }  // item nonresponse
                if roll < 8 { out.append(57); out.append(57); continue }  // 99 = weet niet
                let grade = min(10, max(1, 4 + rng.below(4) + rng.below(4)))
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
