import Foundation

/// The starting inputs: the repository's small fixtures (CSVs, study files, codebooks, coding
/// files, dictionaries, benchmarks), the sample study's files (large exports cut to their first
/// lines), a few written here, and any files in `--corpus` folders.
struct Seeds {
    /// (file name, bytes).
    var files: [(name: String, bytes: [UInt8])] = []

    /// The repository root: `--root`, else the folder above `Sources/kto-fuzz` of this build.
    static func repositoryRoot(_ given: String?) -> String? {
        if let given { return given }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        return FileManager.default.fileExists(atPath: root + "/Package.swift") ? root : nil
    }

    init(root: String?, corpora: [String], maxLength: Int) {
        if let root {
            for folder in ["Tests/Fixtures", "SampleData"] { collect(root + "/" + folder, maxLength: maxLength) }
        }
        for corpus in corpora { collect(corpus, maxLength: maxLength, any: true) }
        files.append(("data.csv", Array(FuzzContext.dataText.utf8)))
        files.append(("codebook.csv", Array(FuzzContext.codebookText.utf8)))
        files.append(("kto.study", Array(FuzzContext.studyText.utf8)))
        files += Self.written.map { ($0.0, Array($0.1.utf8)) }
        files.sort { $0.name < $1.name || ($0.name == $1.name && $0.bytes.lexicographicallyPrecedes($1.bytes)) }
    }

    /// Seeds written here for what the fixtures lack.
    static let written: [(String, String)] = [
        ("codering.csv", "respnr;variabele;codes;tekst\r\n1;goed_codes;1|3;Prima\r\n2;goed_codes;-;Geen\r\n9;goed_tekst;;\r\n0014;goed_codes;4;x\r\n1;goed_codes;2;dubbel\r\n"),
        ("coding-quoted.csv", "respnr,variable,codes\n\"9\",\"goed_codes\",\"1, 2\"\n3,cijfer,1\n77,goed_codes,1\n"),
        ("data-quotes.csv", "respnr;gemeente;cijfer;goed_tekst\n1;1;\"7\";\"a;b\"\"c\r\nd\"\n2;\"2\";8;\"x\"y\n3;3;9;\"open"),
        ("data-tab.csv", "respnr\tgemeente\tcijfer\tstipt\n1\t1\t10\t5\n2\tWassenaar\tweet niet\t\n\n3\t2\t7,0\t4\r\n"),
        ("aggregates.csv", "variable;measure;category;value;n;sd\ncijfer;mean;;7,4;120;1,2\ncijfer;pct_onvoldoende;;8,5;;\n"),
        ("dictionary.csv", "variabele;trefwoord;code\ngoed_codes;op tijd;1\n# commentaar\ngoed_codes;vriendelijk*;2\n"),
        // Designs for the study target's report: raking with a breakdown, and a weight column.
        ("kto-rake.study", FuzzContext.studyText.replacingOccurrences(of: "group = gemeente\n", with: "group = gemeente\nbreakdowns = traject\nweighting = rake\nrake = gemeente, traject\ntrim = 0,3 - 3\n") + "[margin traject]\nNee = 80\nJa = 60\n[thresholds]\nindicative = 5\nsuppress = 2\n"),
        // Choices for the design target: the defaults, raking with a breakdown, a weight column.
        ("design-choices-default.bin", ""),
        ("design-choices-rake.bin", "\u{0}\u{0}\u{0}\u{1}\u{2}\u{0}\u{0}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}"),
        ("design-choices-weight.bin", "\u{0}\u{0}\u{0}\u{1}\u{4}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{1}\u{0}\u{0}\u{0}\u{1}"),
        ("kto-weight.study", FuzzContext.studyText.replacingOccurrences(of: "group = gemeente\n", with: "group = gemeente\nbreakdowns = traject\nweighting = variable\nweight = gewicht\noverall = cijfer\n")),
    ]

    private mutating func collect(_ folder: String, maxLength: Int, any: Bool = false) {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() {
            let lower = name.lowercased()
            // SPSS files and workbooks (for the table target): whole, and only small ones.
            let binary = [".sav", ".zsav", ".xlsx"].contains { lower.hasSuffix($0) }
            guard any || binary || lower.hasSuffix(".csv") || lower.hasSuffix(".study") || lower.hasSuffix(".txt") else { continue }
            guard !lower.contains("stats/") && !lower.contains("crosscheck/") && !lower.contains("anonymisation/") || any else { continue }
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            var bytes = [UInt8](data)
            if binary && bytes.count > maxLength { continue }
            if bytes.count > maxLength {
                // A large export: its first lines (whole lines, so the records stay records).
                bytes = Array(bytes.prefix(maxLength))
                if let lastLF = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastLF + 1)...) }
            }
            files.append(((name as NSString).lastPathComponent, bytes))
        }
    }

    /// The seeds a target starts from (all seeds when none is meant for it).
    func seeds(for target: FuzzTarget) -> [[UInt8]] {
        let own = files.filter { target.accepts(seedNamed: $0.name) }.map(\.bytes)
        return own.isEmpty ? files.map(\.bytes) : own
    }
}
