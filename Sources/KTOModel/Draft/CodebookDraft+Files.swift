import Foundation
import KTOImport

/// The draft as files: `codebook.csv` (README "Codebook") and a study file (README "Study file").
extension CodebookDraft {
    /// The codebook's columns, in the order `kto init` writes them.
    public static let codebookHeader = [
        "variable", "type", "chapter", "section", "text", "values", "labels", "missing", "polarity", "scale", "columns", "check",
    ]

    /// `codebook.csv`: `;`-separated, CRLF, cells quoted where they hold `;`, `"` or a line end.
    /// (Written with a UTF-8 BOM by `codebookBytes()`, so Excel shows accents right.)
    public func codebookText() -> String {
        var lines = [Self.codebookHeader.joined(separator: ";")]
        for entry in entries {
            let cells = [
                entry.variable, entry.type.rawValue, entry.chapter, entry.section, entry.text, entry.values,
                entry.labels.map { "\($0.code)=\($0.label)" }.joined(separator: "|"),
                entry.missing.map { $0.label.isEmpty ? String($0.code) : "\($0.code)=\($0.label)" }.joined(separator: "|"),
                entry.polarity, entry.scale,
                entry.columns.map { "\($0.code)=\($0.column)" }.joined(separator: "|"),
                entry.checks.joined(separator: "; "),
            ]
            lines.append(cells.map { Self.cell(Self.visible($0)) }.joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The codebook as UTF-8 with a BOM.
    public func codebookBytes() -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(codebookText().utf8) }

    /// Text without control characters (a NUL would make the file look like UTF-16). Names
    /// with them never get here: such columns are left out.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: DraftBuilder.isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !DraftBuilder.isControl(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// One CSV cell: quoted when it holds the separator, a quote or a line end.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The study file.
    /// - Parameters:
    ///   - data: the data file as the study names it (relative to the study file).
    ///   - sheet: the workbook's sheet, when one was chosen.
    ///   - meting: the meting's label (a year).
    public func studyText(data: String, codebook: String = "codebook.csv", sheet: String? = nil, meting: String) -> String {
        var lines: [String] = []
        let shape = format == .plain ? "CSV" : format.displayName
        lines.append("# Concept van 'kto init' uit \(source) (\(shape)): \(respondents) respondenten, \(entries.count) variabelen.")
        lines.append("# Loop alles na wat CONTROLEREN heet (hier en in de kolom check van \(codebook)), vul onder")
        lines.append("# [population] per gemeente het aantal aangeschreven klanten in, en draai dan:")
        lines.append("#   kto check <dit bestand>")
        lines.append("#   kto report <dit bestand>")
        lines.append("")
        lines.append("# CONTROLEREN: de titel van het rapport en het label van de meting (uit de bestandsnaam of dit jaar).")
        lines.append("title    = Klanttevredenheidsonderzoek \(meting)")
        lines.append("meting   = \(meting)")
        lines.append("data     = \(data)")
        if let sheet { lines.append("sheet    = \(sheet)") }
        if format != .plain && format.isCSV {
            lines.append("# Herkend als \(format.displayName) (uit de kopregel); zo nodig: format = \(format.rawValue)")
        }
        lines.append("codebook = \(codebook)")
        lines.append("group    = \(groupVariable)")
        lines.append("output   = rapport-\(meting)")
        if !studyChecks.isEmpty {
            lines.append("")
            lines.append("# CONTROLEREN:")
            for check in studyChecks { lines.append("#   - \(Self.comment(check))") }
        }
        if !omitted.isEmpty {
            lines.append("")
            lines.append("# Niet in het codeboek (kto meldt ze bij kto check als onbekende kolommen):")
            for omission in omitted { lines.append("#   - \(Self.comment(omission.column)): \(Self.comment(omission.reason))") }
        }
        lines.append("")
        lines.append("# Aangeschreven klanten per gemeente (de populatie), in de volgorde van het rapport.")
        lines.append("# TODO vul per gemeente het aantal aangeschreven klanten in (0 is geen geldig aantal).")
        lines.append("[population]")
        let width = min(40, groups.map(\.count).max() ?? 0)
        for name in groups {
            let shown = Self.comment(name)
            lines.append(shown.padding(toLength: max(width, shown.count), withPad: " ", startingAt: 0) + " = 0")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text in a `#` comment: one line.
    static func comment(_ text: String) -> String { visible(PlatformText.oneLine(text)) }
}
