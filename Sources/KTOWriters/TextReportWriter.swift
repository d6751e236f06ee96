import KTOReport
import KTOStats
import KTOText

/// Writes `report.txt`: the report as Dutch plain text, readable in an 80-column terminal.
public struct TextReportWriter: Sendable {
    public var width = 80

    public init() {}

    public func render(_ report: ReportModel) -> String {
        var lines: [String] = []
        lines += boxed(report.title)
        if !report.subtitle.isEmpty { lines += wrap(clean(report.subtitle), indent: "") }
        var meting = "Meting \(report.meting)"
        if let previous = report.previousMeting { meting += ", vergeleken met \(previous)" }
        lines.append(meting)
        lines.append("")
        for (c, chapter) in report.chapters.enumerated() {
            lines.append("")
            let heading = "\(c + 1). \(clean(chapter.title))"
            lines.append(heading)
            lines.append(String(repeating: "=", count: min(width, heading.count)))
            for section in chapter.sections {
                if !section.title.isEmpty {
                    lines.append("")
                    lines.append(clean(section.title))
                    lines.append(String(repeating: "-", count: min(width, clean(section.title).count)))
                }
                for block in section.blocks { lines += render(block) }
            }
        }
        lines.append("")
        lines.append("Toelichting")
        for entry in report.legend { lines += wrap(entry, indent: "  ", first: "- ") }
        return lines.map(Self.trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    func render(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let text):
            return [""] + wrap(clean(text), indent: "")
        case .summary(let sentences):
            return sentences.flatMap { [""] + wrap(clean($0.text), indent: "  ", first: "- ") }
        case .item(let table):
            return [""] + wrap(clean(table.title), indent: "") + render(table)
        case .categories(let question, _, let tables):
            var lines = [""] + wrap(clean(question), indent: "")
            for table in tables {
                lines.append("")
                lines += wrap(clean(table.title), indent: "  ")
                lines += render(table)
            }
            return lines
        case .codedAnswers(let table):
            return renderCodedAnswers(table)
        case .priorities(let table):
            // Per quadrant, the aspects with their grade and importance.
            var lines = [""]
            for quadrant in PriorityTable.Quadrant.allCases {
                let rows = table.rows.filter { $0.quadrant == quadrant }
                guard !rows.isEmpty else { continue }
                lines.append("")
                let labelWidth = width - 26
                lines.append("  " + pad(quadrant.label, labelWidth + 2) + lpad("cijfer", 8) + lpad("belang", 8) + lpad("n", 6))
                for row in rows.sorted(by: { $0.importance > $1.importance }) {
                    let labelLines = wrap(clean(row.item), indent: "", width: labelWidth - 1)
                    for extra in labelLines.dropLast() { lines.append("    " + extra) }
                    lines.append("    " + pad(labelLines.last ?? "", labelWidth) + lpad(Rounding.formatDutch(row.mean, decimals: 1), 8)
                        + lpad(Rounding.formatDutch(row.importance, decimals: 2), 8) + lpad(String(row.n), 6))
                }
            }
            lines += [""] + wrap("Mediaan cijfer \(Rounding.formatDutch(table.medianMean, decimals: 1)), mediaan belang \(Rounding.formatDutch(table.medianImportance, decimals: 2)); belang = \(table.importanceLabel).", indent: "  ")
            return lines
        case .breakdown(let table):
            return renderBreakdown(table)
        case .uncodedAnswers(let table):
            var lines = [""] + wrap(clean(table.question), indent: "")
            lines.append(pad("", 26) + lpad("schreef iets", 14) + lpad("respondenten", 14) + lpad("%", 6))
            for row in table.rows {
                lines.append("  " + pad(clean(row.group), 24) + lpad(Rounding.formatInteger(row.written), 14)
                    + lpad(Rounding.formatInteger(row.respondents), 14) + lpad(row.percent.map { Rounding.formatPercent($0) } ?? "–", 6))
            }
            for quote in table.quotes { lines += [""] + wrap("‘" + clean(quote) + "’", indent: "      ", first: "    - ") }
            return lines
        case .response(let table):
            var lines = [""]
            lines.append(pad("", 24) + lpad("aangeschreven", 14) + lpad("respondenten", 14) + lpad("respons", 9) + lpad("foutmarge", 11))
            for row in table.rows {
                lines.append(
                    "  " + pad(clean(row.group), 22) + lpad(Rounding.formatInteger(row.invited), 14)
                        + lpad(Rounding.formatInteger(row.respondents), 14)
                        + lpad(row.rate.map { Rounding.formatPercent($0) } ?? "–", 9)
                        + lpad(row.marginOfError.map { "± " + Rounding.formatDutch($0, decimals: 1) + "%" } ?? "–", 11))
            }
            return lines
        }
    }

    /// Codes as rows, the columns of the table; then the quotes per code. Column headings that do
    /// not fit are abbreviated, with a key line below the table.
    func renderCodedAnswers(_ table: CodedAnswersTable) -> [String] {
        let columnWidth = 9
        let labelWidth = max(20, width - 4 - columnWidth * table.columns.count)
        var lines = [""] + wrap(clean(table.question), indent: "")
        let headings = table.columns.map { abbreviate(clean($0), to: columnWidth - 1) }
        var header = "    " + pad(table.closed ? "% per antwoord" : "% van wie iets noemde", labelWidth)
        for heading in headings { header += lpad(heading, columnWidth) }
        lines.append(header)
        for row in table.rows {
            // A long label wraps; its last line carries the figures.
            let labelLines = wrap(clean(row.label), indent: "", width: labelWidth - 1)
            for extra in labelLines.dropLast() { lines.append("    " + extra) }
            var line = "    " + pad(labelLines.last ?? "", labelWidth)
            for cell in row.cells { line += lpad(format(cell, kind: .percent), columnWidth) }
            lines.append(line)
        }
        var base = "    " + pad("n (basis)", labelWidth)
        for n in table.bases { base += lpad(n.map(String.init) ?? "", columnWidth) }
        lines.append(base)
        let key = zip(headings, table.columns).filter { $0.0 != clean($0.1) }.map { "\($0.0) = \(clean($0.1))" }
        if !key.isEmpty { lines += wrap(key.joined(separator: "; "), indent: "    ") }
        for group in table.quotes where !group.quotes.isEmpty {
            lines.append("")
            lines.append("  " + clean(group.label))
            for quote in group.quotes { lines += wrap("‘" + clean(quote) + "’", indent: "      ", first: "    - ") }
        }
        return lines
    }

    /// Items as rows (wrapped labels), the total and each category as columns with n below; a key
    /// line for abbreviated headings.
    func renderBreakdown(_ table: BreakdownTable) -> [String] {
        // Narrower columns when there are many categories, so that the table fits the width.
        let columnWidth = max(6, min(9, (width - 4 - 18) / max(1, table.columns.count)))
        let labelWidth = max(20, width - 4 - columnWidth * table.columns.count)
        var lines = [""] + wrap(clean(table.title), indent: "")
        let headings = table.columns.map { abbreviate(clean($0), to: columnWidth - 1) }
        var header = "    " + pad("", labelWidth)
        for heading in headings { header += lpad(heading, columnWidth) }
        lines.append(header)
        if table.letters.contains(where: { !$0.isEmpty }) {
            var letters = "    " + pad("", labelWidth)
            for letter in table.letters { letters += lpad(letter.isEmpty ? "" : "(\(letter))", columnWidth) }
            lines.append(letters)
        }
        for row in table.rows {
            let label = clean(row.item) + (row.kind == .grade ? " (cijfer)" : row.negative ? " (% eens, lager=beter)" : " (% eens)")
            let labelLines = wrap(label, indent: "", width: labelWidth - 1)
            for extra in labelLines.dropLast() { lines.append("    " + extra) }
            var line = "    " + pad(labelLines.last ?? "", labelWidth)
            // Letters close up to the figure ("7,2BC") to fit the column.
            for cell in row.cells { line += lpad(format(cell, kind: row.kind).replacingOccurrences(of: " ", with: ""), columnWidth) }
            lines.append(line)
            var counts = "    " + pad("  n", labelWidth)
            for cell in row.cells { counts += lpad(cell.n.map(String.init) ?? "", columnWidth) }
            lines.append(counts)
        }
        let key = zip(headings, table.columns).filter { $0.0 != clean($0.1) }.map { "\($0.0) = \(clean($0.1))" }
        if !key.isEmpty { lines += wrap(key.joined(separator: "; "), indent: "    ") }
        if table.letters.contains(where: { !$0.isEmpty }) { lines += wrap(BreakdownTable.lettersKey, indent: "    ") }
        return lines
    }

    /// "Leidschendam-Voorburg" → "L-V", "Voorschoten" → "Voorsch.", "Totaal 2015" → "Tot.2015".
    func abbreviate(_ name: String, to limit: Int) -> String {
        guard name.count > limit else { return name }
        let shorter = name.replacingOccurrences(of: "Totaal ", with: "Tot.")
        if shorter.count <= limit { return shorter }
        let parts = shorter.split(separator: "-")
        if parts.count > 1 {
            let initials = parts.compactMap(\.first).map(String.init).joined(separator: "-")
            if initials.count <= limit { return initials }
        }
        return String(shorter.prefix(limit - 1)) + "."
    }

    /// Groups as rows; each meting a value column and an n column (the current one followed by
    /// "g.o.", the percent without a valid answer), then the benchmarks' values.
    func render(_ table: ItemTable) -> [String] {
        let nonresponse = table.rows.contains { $0.withoutAnswer != nil }
        var header = "    " + pad(table.measureLabel, 22)
        for (k, column) in table.columns.enumerated() {
            header += k < table.metingColumns ? lpad(column, 8) + lpad("n", 5) : lpad(String(clean(column).prefix(9)), 10)
            if k == 0 && nonresponse { header += lpad("g.o.", 5) }
        }
        var lines = [header]
        for row in table.rows {
            var line = "    " + pad(clean(row.group), 22)
            for (k, cell) in row.cells.enumerated() {
                if k < table.metingColumns {
                    line += lpad(format(cell, kind: table.kind), 8)
                    line += lpad(cell.n.map(String.init) ?? "", 5)
                } else {
                    line += lpad(format(cell, kind: table.kind), 10)
                }
                if k == 0 && nonresponse { line += lpad(row.withoutAnswer.map { Rounding.formatPercent($0) } ?? "", 5) }
            }
            lines.append(line)
        }
        return lines
    }

    /// The line without the spaces at its end. Spaces after an ASCII character are cut as bytes;
    /// after anything else by characters (a space can belong to the character before it).
    static func trimmingTrailingSpaces(_ line: String) -> String {
        let utf8 = line.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        if end == utf8.endIndex { return line }
        if end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 { return String(line[..<end]) }
        var trimmed = Substring(line)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    func format(_ cell: Cell, kind: ValueKind) -> String { CellFormatter.format(cell, kind: kind) }

    func boxed(_ title: String) -> [String] {
        let text = clean(title)
        let rule = String(repeating: "*", count: min(width, text.count))
        return [rule, text, rule]
    }

    /// Open text from a study never carries control characters into a terminal.
    func clean(_ text: String) -> String { PlainText.singleLine(text) }

    /// Word-wraps to `width` (or `limit`); the first line gets `first` (default: `indent`).
    func wrap(_ text: String, indent: String, first: String? = nil, width limit: Int? = nil) -> [String] {
        let width = limit ?? self.width
        var lines: [String] = []
        var line = first ?? indent
        var lineHasWord = false
        // The line's length in characters, kept as it grows while line and words are plain ASCII
        // (no CR): then characters are bytes and nothing joins across the space. Otherwise the
        // line is counted again, as before.
        func isPlainASCII<S: StringProtocol>(_ s: S) -> Bool { s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        var ascii = isPlainASCII(line)
        var length = line.count
        for word in text.split(separator: " ") {
            let wordLength = word.count
            if lineHasWord && length + 1 + wordLength > width {
                lines.append(line)
                line = indent
                ascii = isPlainASCII(line)
                length = line.count
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            if ascii, isPlainASCII(word) {
                length += (lineHasWord ? 1 : 0) + word.utf8.count
            } else {
                ascii = isPlainASCII(line)
                length = line.count
            }
            lineHasWord = true
        }
        if lineHasWord { lines.append(line) }
        return lines
    }

    func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n - 1)) + " " : s + String(repeating: " ", count: n - s.count)
    }

    func lpad(_ s: String, _ n: Int) -> String {
        s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
    }
}
