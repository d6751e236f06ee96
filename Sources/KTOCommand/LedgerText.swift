import KTOModel

/// The row ledger as Dutch text for the terminal.
enum LedgerText {
    /// Renders one ledger; `limit` caps the listed rejections and cell examples.
    static func render(_ ledger: RowLedger, limit: Int = 20) -> String {
        var lines: [String] = []
        let how = ledger.encodingDetected ? "herkend" : "opgegeven"
        let sep = ledger.dialectSniffed ? "herkend" : "opgegeven"
        if let table = ledger.table {
            lines.append("\(ledger.file): \(describe(table))")
        } else {
            lines.append("\(ledger.file): codering \(ledger.encoding.rawValue) (\(how)), scheidingsteken \(ledger.dialect.name) (\(sep))")
        }
        lines.append("  rijen gelezen: \(ledger.rowsRead), gebruikt: \(ledger.rowsUsed), afgewezen: \(ledger.rowsRejected)")
        if ledger.blankLines > 0 { lines.append("  lege regels overgeslagen: \(ledger.blankLines)") }
        if let table = ledger.table {
            lines += leftOut(table, limit: limit)
            if !table.platformColumns.isEmpty {
                lines.append("  kolommen van het platform (geen vragen, niet gebruikt): \(table.platformColumns.count)")
            }
            for note in table.notes { lines.append("  gelezen: \(note.message)") }
        }
        if ledger.labelsMatched > 0 {
            lines.append("  cellen met tekst herkend als code (bijv. 'weet niet'): \(ledger.labelsMatched)")
        }
        if !ledger.rejections.isEmpty {
            let counts = ledger.rejectionCounts.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
            lines.append("  afgewezen rijen per reden: \(counts)")
            for r in ledger.rejections.prefix(limit) {
                lines.append("    \(r.place(file: ledger.file)): \(r.reason.message)")
            }
            if ledger.rejections.count > limit { lines.append("    ... en nog \(ledger.rejections.count - limit)") }
        }
        if !ledger.cellIssues.isEmpty {
            let total = ledger.cellIssues.reduce(0) { $0 + $1.total }
            lines.append("  onbruikbare cellen: \(total) (geteld als geen antwoord)")
            for issue in ledger.cellIssues.prefix(limit) {
                var parts: [String] = []
                if issue.outOfRange > 0 { parts.append("\(issue.outOfRange) buiten de geldige waarden") }
                if issue.unreadable > 0 { parts.append("\(issue.unreadable) onleesbaar") }
                lines.append("    \(issue.variable): \(parts.joined(separator: ", "))")
                for example in issue.examples {
                    lines.append("      \(example.place(file: ledger.file)): '\(oneLine(example.value))'")
                }
            }
        }
        if !ledger.unknownColumns.isEmpty {
            lines.append("  kolommen die niet in het codeboek staan (genegeerd): \(ledger.unknownColumns.joined(separator: ", "))")
        }
        if !ledger.absentVariables.isEmpty {
            lines.append("  variabelen uit het codeboek die niet in dit bestand staan (niet gevraagd): \(ledger.absentVariables.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    /// A cell's text on one terminal line: line breaks shown as ↵.
    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "↵").replacingOccurrences(of: "\n", with: "↵").replacingOccurrences(of: "\r", with: "↵")
    }

    /// "SPSS-systeembestand (.sav), codering UTF-8" / "Excel-werkmap (.xlsx), blad 'Blad1'" /
    /// "export van Qualtrics (CSV, herkend), codering utf-8".
    static func describe(_ table: RowLedger.TableOrigin) -> String {
        var text: String
        switch table.format {
        case .sav: text = "SPSS-systeembestand (.sav)"
        case .zsav: text = "SPSS-systeembestand, zlib-gecomprimeerd (.zsav)"
        case .xlsx: text = "Excel-werkmap (.xlsx)"
        case .plain: text = "CSV"
        case .qualtrics: text = "export van Qualtrics (CSV"
        case .limesurvey: text = "export van LimeSurvey (CSV"
        case .surveymonkey: text = "export van SurveyMonkey (CSV"
        }
        if [.qualtrics, .limesurvey, .surveymonkey].contains(table.format) {
            text += table.recognised ? ", herkend)" : ", opgegeven met format =)"
        }
        if let sheet = table.sheet { text += ", blad '\(sheet)'" }
        if let encoding = table.encoding { text += ", codering \(encoding)" }
        return text
    }

    /// Responses a platform marks as not finished or not submitted: not respondents, listed by line.
    static func leftOut(_ table: RowLedger.TableOrigin, limit: Int) -> [String] {
        let rows = table.leftOut.filter { $0.reason == .notFinished || $0.reason == .notSubmitted }
        guard !rows.isEmpty else { return [] }
        let what = rows.allSatisfy { $0.reason == .notFinished }
            ? "niet afgemaakt (Finished = False)" : rows.allSatisfy { $0.reason == .notSubmitted } ? "niet verstuurd (submitdate leeg)" : "niet afgemaakt of niet verstuurd"
        let places = rows.prefix(limit).map(\.place).joined(separator: ", ")
        return ["  niet meegeteld, \(what): \(rows.count) (include_unfinished = ja neemt ze mee): \(places)\(rows.count > limit ? ", …" : "")"]
    }
}
