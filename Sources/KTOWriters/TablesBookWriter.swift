import KTOReport
import KTOStats
import KTOText

/// The tables book: CSV files for Dutch Excel (`;`, decimal comma, UTF-8 with BOM, CRLF), every
/// cell made safe against formula injection. One annex table (items × gemeente × meting, as the
/// published annex) and one table per chapter with the comparison groups.
public struct TablesBookWriter: Sendable {
    public init() {}

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Relative path → bytes.
    public func render(_ report: ReportModel) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = [("tables/00-bijlage-per-gemeente.csv", encode(annex(report)))]
        for (k, chapter) in report.chapters.enumerated() {
            let rows = chapterRows(chapter)
            guard rows.count > 1 else { continue }
            let name = String(format: "tables/%02d-%@.csv", k + 1, Slug.make(chapter.title))
            files.append((name, encode(rows)))
        }
        let breakdowns = breakdownRows(report)
        if breakdowns.count > 1 { files.append(("tables/90-uitsplitsingen.csv", encode(breakdowns))) }
        let answers = answerRows(report)
        if answers.count > 1 { files.append(("tables/80-open-en-meerkeuzevragen.csv", encode(answers))) }
        let written = uncodedRows(report)
        if written.count > 1 { files.append(("tables/81-open-vragen-niet-gecodeerd.csv", encode(written))) }
        let priorities = priorityRows(report)
        if priorities.count > 1 { files.append(("tables/85-prioriteitenmatrix.csv", encode(priorities))) }
        return files
    }

    /// Coded open questions and closed multi-select questions: per answer and column the % of the
    /// base (a respondent can give several answers), the base and the mark.
    func answerRows(_ report: ReportModel) -> [[String]] {
        var rows: [[String]] = [["Hoofdstuk", "Onderdeel", "Vraag", "Soort", "Antwoord", "Kolom", "%", "Basis", "Significant"]]
        for (chapter, section, block) in report.placedBlocks {
            guard case .codedAnswers(let table) = block else { continue }
            let kind = table.closed ? "meerkeuzevraag" : "open vraag, gecodeerd"
            for row in table.rows {
                for (k, cell) in row.cells.enumerated() where k < table.columns.count {
                    let base = k < table.bases.count ? table.bases[k].map(String.init) ?? "" : ""
                    rows.append([chapter, section, table.question, kind, row.label, table.columns[k],
                                 number(cell, kind: .percent), base, CellFormatter.suffix(cell)])
                }
            }
        }
        return rows
    }

    /// The prioriteitenmatrix: per aspect its grade, importance, n and quadrant.
    func priorityRows(_ report: ReportModel) -> [[String]] {
        var rows: [[String]] = [["Aspect", "Cijfer", "Belang", "Maat belang", "n", "Kwadrant"]]
        for (_, _, block) in report.placedBlocks {
            guard case .priorities(let table) = block else { continue }
            for row in table.rows {
                rows.append([row.item, Rounding.formatDutch(row.mean, decimals: 1), Rounding.formatDutch(row.importance, decimals: 2),
                             table.importanceLabel, String(row.n), row.quadrant.label])
            }
        }
        return rows
    }

    /// Open questions without codes: how many respondents wrote something, per group.
    func uncodedRows(_ report: ReportModel) -> [[String]] {
        var rows: [[String]] = [["Hoofdstuk", "Onderdeel", "Vraag", "Groep", "Met antwoord", "Respondenten", "%"]]
        for (chapter, section, block) in report.placedBlocks {
            guard case .uncodedAnswers(let table) = block else { continue }
            for row in table.rows {
                let percent = row.percent.map { Rounding.formatDutch(Rounding.roundHalfAwayFromZero($0, decimals: 0), decimals: 0) } ?? "–"
                rows.append([chapter, section, table.question, row.group, String(row.written), String(row.respondents), percent])
            }
        }
        return rows
    }

    /// Every breakdown table: per item and category the figure, n and mark against the rest.
    func breakdownRows(_ report: ReportModel) -> [[String]] {
        var rows: [[String]] = [["Hoofdstuk", "Onderdeel", "Uitsplitsing", "Vraag", "Maat", "Categorie", "Waarde", "n", "Significant"]]
        for (chapter, section, block) in report.placedBlocks {
            guard case .breakdown(let table) = block else { continue }
            for row in table.rows {
                for (column, cell) in zip(table.columns, row.cells) {
                    rows.append([chapter, section, table.title, row.item, row.measureLabel, column,
                                 number(cell, kind: row.kind), cell.n.map(String.init) ?? "", CellFormatter.suffix(cell)])
                }
            }
        }
        return rows
    }

    func encode(_ rows: [[String]]) -> [UInt8] {
        var bytes = Self.bom
        for row in rows {
            bytes.appendUTF8(SpreadsheetCell.row(row))
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        return bytes
    }

    func number(_ cell: Cell, kind: ValueKind) -> String {
        switch cell.state {
        case .value(let v):
            // Excel reads the rounded figure as a number; marks go in their own column elsewhere.
            return kind == .grade ? Rounding.formatDutch(v, decimals: 1) : Rounding.formatDutch(Rounding.roundHalfAwayFromZero(v, decimals: 0), decimals: 0)
        case .noObservations, .suppressed: return "–"
        case .notAsked: return "n.g."
        case .notAvailable: return "n.b."
        case .blank: return ""
        }
    }

    func tables(_ section: Section) -> [(label: String, table: ItemTable)] {
        section.blocks.flatMap { block -> [(String, ItemTable)] in
            switch block {
            case .item(let table): return [(table.title, table)]
            case .categories(let question, _, let tables): return tables.map { ("\(question): \($0.title)", $0) }
            default: return []
            }
        }
    }

    /// Items × (group, meting), values only, like the published annex.
    func annex(_ report: ReportModel) -> [[String]] {
        var rows: [[String]] = []
        for chapter in report.chapters {
            for section in chapter.sections {
                for (label, table) in tables(section) {
                    if rows.isEmpty {
                        var header = ["Hoofdstuk", "Onderdeel", "Vraag", "Maat"]
                        for row in table.rows { for k in 0..<table.metingColumns { header.append("\(row.group) \(table.columns[k])") } }
                        rows.append(header)
                    }
                    var line = [chapter.title, section.title, label, table.measureLabel]
                    for row in table.rows { for k in 0..<table.metingColumns { line.append(number(row.cells[k], kind: table.kind)) } }
                    rows.append(line)
                }
            }
        }
        return rows
    }

    /// Per chapter: every item with every column of its table for the total (and n), plus marks.
    func chapterRows(_ chapter: Chapter) -> [[String]] {
        var rows: [[String]] = []
        for section in chapter.sections {
            for (label, table) in tables(section) {
                guard let total = table.rows.first(where: \.isTotal) else { continue }
                if rows.isEmpty {
                    var header = ["Onderdeel", "Vraag", "Maat"]
                    for (k, column) in table.columns.enumerated() {
                        header.append(k < table.metingColumns ? "Totaal \(column)" : column)
                        if k < table.metingColumns { header.append("n \(column)") }
                    }
                    header.append("Significant")
                    header.append("% zonder oordeel")
                    rows.append(header)
                }
                var line = [section.title, label, table.measureLabel]
                var marks: [String] = []
                for (k, cell) in total.cells.enumerated() {
                    line.append(number(cell, kind: table.kind))
                    if k < table.metingColumns { line.append(cell.n.map(String.init) ?? "") }
                    let suffix = CellFormatter.suffix(cell)
                    if !suffix.isEmpty { marks.append("\(table.columns[k]) \(suffix)") }
                }
                line.append(marks.joined(separator: ", "))
                line.append(total.withoutAnswer.map { Rounding.formatDutch(Rounding.roundHalfAwayFromZero($0, decimals: 0), decimals: 0) } ?? "")
                rows.append(line)
            }
        }
        return rows
    }
}

/// File-name-safe slugs: lower case ASCII letters and digits joined by '-', whatever the name.
public enum Slug {
    public static func make(_ name: String) -> String {
        var out = ""
        var dash = false
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let c = Character(scalar)
            if c.isASCII && (c.isLetter || c.isNumber) {
                if dash && !out.isEmpty { out.append("-") }
                out.append(Character(c.lowercased()))
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "groep" : String(out.prefix(60))
    }
}
