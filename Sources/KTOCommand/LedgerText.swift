import KTOModel

/// The row ledger as Dutch text for the terminal.
enum LedgerText {
    /// Renders one ledger; `limit` caps the listed rejections and cell examples.
    static func render(_ ledger: RowLedger, limit: Int = 20) -> String {
        var lines: [String] = []
        let how = ledger.encodingDetected ? "herkend" : "opgegeven"
        let sep = ledger.dialectSniffed ? "herkend" : "opgegeven"
        lines.append("\(ledger.file): codering \(ledger.encoding.rawValue) (\(how)), scheidingsteken \(ledger.dialect.name) (\(sep))")
        lines.append("  rijen gelezen: \(ledger.rowsRead), gebruikt: \(ledger.rowsUsed), afgewezen: \(ledger.rowsRejected)")
        if ledger.blankLines > 0 { lines.append("  lege regels overgeslagen: \(ledger.blankLines)") }
        if ledger.labelsMatched > 0 {
            lines.append("  cellen met tekst herkend als code (bijv. 'weet niet'): \(ledger.labelsMatched)")
        }
        if !ledger.rejections.isEmpty {
            let counts = ledger.rejectionCounts.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
            lines.append("  afgewezen rijen per reden: \(counts)")
            for r in ledger.rejections.prefix(limit) {
                lines.append("    \(ledger.file):\(r.line): \(r.reason.message)")
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
                    lines.append("      \(ledger.file):\(example.line):\(example.column): '\(example.value)'")
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
}
