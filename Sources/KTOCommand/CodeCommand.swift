import Foundation
import KTOModel
import KTOText

/// `kto code STUDY`: writes a coding file with every answer that still needs codes, pre-filled by
/// the keyword rules of a dictionary, and tells how many answers the rules coded.
struct CodeCommand {
    var tool: KTOTool

    /// The columns of the coding file `kto code` writes (the reader needs the first three).
    static let header = ["respnr", "variabele", "codes", "tekst", "trefwoorden"]
    static let headerAll = ["respnr", "variabele", "codes", "tekst", "trefwoorden", "bestaande_codes"]

    func run(_ args: [String]) throws -> KTOTool.ExitCode {
        let console = tool.console
        let parsed = try Arguments(args, flags: ["--help", "--all", "--force"], options: ["--output", "--dictionary"], command: "code")
        if parsed.flags.contains("--help") { console.out(Help.code); return .ok }
        guard parsed.positionals.count == 1 else {
            throw UsageError("geef precies één studiebestand, bijvoorbeeld: kto code \(KTOTool.sampleStudy)", command: "code")
        }
        let loaded = try tool.loadStudy(parsed.positionals[0], strict: false)
        let includeCoded = parsed.flags.contains("--all")
        let questions = loaded.codebook.openQuestions.filter { $0.text != nil }
        guard !questions.isEmpty else {
            console.err("fout: het codeboek heeft geen open vraag met een tekstvariabele (type text) en een codesvariabele (type multi) in hetzelfde onderdeel")
            return .dataProblem
        }
        for ledger in loaded.codingLedgers { console.out(CodingLedgerText.render(ledger, limit: 10)) }

        var dictionary: KeywordDictionary?
        if let option = parsed.options["--dictionary"] {
            let path = tool.resolve(option)
            guard FileManager.default.fileExists(atPath: path) else { throw UsageError("woordenboek '\(option)' bestaat niet", command: "code") }
            dictionary = try KeywordDictionary.load(Study.DataFile(path: path, displayName: option), questions: loaded.codebook.openQuestions)
        } else if let file = loaded.study.dictionary {
            dictionary = try KeywordDictionary.load(file, questions: loaded.codebook.openQuestions)
        }

        let studyFolder = URL(fileURLWithPath: tool.resolve(parsed.positionals[0])).deletingLastPathComponent().path
        let outputName = parsed.options["--output"] ?? "codering-\(loaded.study.meting)\(includeCoded ? "-alle" : "").csv"
        let output = parsed.options["--output"].map(tool.resolve) ?? URL(fileURLWithPath: studyFolder).appendingPathComponent(outputName).path
        let standardOutput = URL(fileURLWithPath: output).standardized.path
        // Never over an input of the study, not even with --force: the work in it would be lost.
        if loaded.study.inputFiles.contains(where: { URL(fileURLWithPath: $0).standardized.path == standardOutput }) {
            throw UsageError("'\(outputName)' is een invoerbestand van de studie; kies met --output een andere naam, zodat het werk daarin niet verloren gaat", command: "code")
        }
        if FileManager.default.fileExists(atPath: output) && !parsed.flags.contains("--force") {
            throw UsageError("'\(outputName)' bestaat al; kies met --output een andere naam of overschrijf met --force", command: "code")
        }

        let pass = CodingPass(loaded, dictionary: dictionary, includeCoded: includeCoded)
        let bytes = Self.render(pass, includeCoded: includeCoded)
        guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
            console.err("fout: kan '\(outputName)' niet schrijven")
            return .dataProblem
        }
        for line in Self.summary(pass, dictionary: dictionary, includeCoded: includeCoded, output: outputName) { console.out(line) }
        return .ok
    }

    /// The coding file: UTF-8 with BOM (Excel reads the accents right), `;`, CRLF, every cell made
    /// Excel-safe by `CSVCell` (no formulas, no control characters).
    static func render(_ pass: CodingPass, includeCoded: Bool) -> [UInt8] {
        var text = CSVCell.row(includeCoded ? headerAll : header, separator: ";") + "\r\n"
        for answer in pass.answers {
            var fields = [
                answer.respondent, answer.question, answer.suggested.map(String.init).joined(separator: "|"), answer.text,
                answer.matches.map { "\($0.phrase) (\($0.code))" }.joined(separator: ", "),
            ]
            if includeCoded { fields.append(answer.existing.sorted().map(String.init).joined(separator: "|")) }
            text += CSVCell.row(fields, separator: ";") + "\r\n"
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// What the rules did, in Dutch.
    static func summary(_ pass: CodingPass, dictionary: KeywordDictionary?, includeCoded: Bool, output: String) -> [String] {
        var lines: [String] = []
        let total = pass.answers.count
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "0%" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
        }
        lines.append("Coderingsbestand geschreven: \(output)")
        let perQuestion = pass.questions.compactMap { question -> String? in
            let n = pass.answers.filter { $0.question == question.codes.code }.count
            return question.text == nil ? nil : "\(question.codes.code) \(n)"
        }.joined(separator: ", ")
        if includeCoded {
            lines.append("Geschreven antwoorden (alle, ook de al gecodeerde): \(total) (\(perQuestion))")
        } else {
            lines.append("Geschreven antwoorden zonder codes: \(total) (\(perQuestion))")
        }
        guard let dictionary else {
            lines.append("Geen woordenboek (--dictionary of 'dictionary =' in de studie): alle \(total) antwoorden blijven ongecodeerd.")
            return lines
        }
        lines.append("Woordenboek: \(dictionary.file), \(dictionary.rules.count) regels")
        lines.append("Door de trefwoorden gecodeerd: \(pass.codedByRules) van \(total) (\(percent(pass.codedByRules, total)))")
        var question = ""
        for count in pass.codeCounts {
            if count.question != question {
                question = count.question
                lines.append("  \(question)")
            }
            lines.append("    \(String(count.code).leftPadded(2)) \(count.label): \(count.count)")
        }
        lines.append("Geen trefwoord gevonden (met de hand te coderen): \(pass.uncoded)")
        if includeCoded {
            let a = pass.agreement
            if a.compared > 0 {
                lines.append("Vergeleken met de bestaande codes (\(a.compared) antwoorden): precies dezelfde codes \(a.exact) (\(percent(a.exact, a.compared))), "
                    + "minstens één code gemeen \(a.overlapping) (\(percent(a.overlapping, a.compared)))")
            }
        }
        lines.append("Vul de kolom codes aan of verbeter hem (codes gescheiden door |, - = niet te coderen) en noem het bestand in de studie: coding = \(output)")
        return lines
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// A coding file's ledger as Dutch text for the terminal.
enum CodingLedgerText {
    static func render(_ ledger: CodingLedger, limit: Int = 20) -> String {
        var lines: [String] = []
        let how = ledger.encodingDetected ? "herkend" : "opgegeven"
        lines.append("\(ledger.file): coderingsbestand van meting \(ledger.meting), tekencodering \(ledger.encoding.rawValue) (\(how))")
        lines.append("  regels gelezen: \(ledger.rowsRead), gecodeerd: \(ledger.rowsCoded), niet te coderen (-): \(ledger.rowsNotCodable), "
            + "nog leeg: \(ledger.rowsOpen), afgewezen: \(ledger.rejections.count)")
        if !ledger.rejections.isEmpty {
            lines.append("  afgewezen regels per reden: " + ledger.rejectionCounts.map { "\($0.kind.dutch) \($0.count)" }.joined(separator: ", "))
            for problem in ledger.rejections.prefix(limit) {
                lines.append("    " + (problem.location.map { "\($0): " } ?? "") + problem.message)
            }
            if ledger.rejections.count > limit { lines.append("    ... en nog \(ledger.rejections.count - limit)") }
        }
        // The columns `kto code` writes itself are expected; anything else is named.
        let expected: Set<String> = ["tekst", "text", "antwoord", "trefwoorden", "bestaande_codes"]
        let other = ledger.otherColumns.filter { !expected.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }
        if !other.isEmpty {
            lines.append("  overige kolommen (gelezen maar niet gebruikt): \(other.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
