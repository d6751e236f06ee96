import KTOReport
import KTOStats

/// Writes a report as one self-contained HTML file: inline CSS and SVG, no scripts, no external
/// assets, A4 print styles. Every chart has its numbers in a table beside it.
public struct HTMLReportWriter: Sendable {
    public init() {}

    public func render(_ report: ReportModel) -> String {
        String(decoding: bytes(report), as: UTF8.self)
    }

    /// The document as UTF-8 bytes (what `render` returns, without making a String of it).
    public func bytes(_ report: ReportModel) -> [UInt8] {
        var h = HTMLBuilder()
        h.trusted("<!DOCTYPE html>\n")
        h.element("html", [("lang", "nl")]) { h in
            h.element("head") { h in
                h.void("meta", [("charset", "utf-8")])
                h.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                h.element("title", text: report.title)
                h.element("style") { $0.trusted(HTMLStyle.css) }
            }
            h.newline()
            h.element("body") { h in
                h.element("main") { h in
                    cover(report, &h)
                    toc(report, &h)
                    for (k, chapter) in report.chapters.enumerated() {
                        render(chapter, number: k + 1, report: report, &h)
                    }
                    if report.gemeente == nil { annexTable(report, number: report.chapters.count + 1, &h) }
                    h.element("h2", [("id", "toelichting")], text: "Toelichting bij de tabellen")
                    h.element("ul", [("class", "legend-list")]) { h in
                        for entry in report.legend { h.element("li", text: entry) }
                    }
                }
            }
        }
        h.newline()
        return h.bytes
    }

    func cover(_ report: ReportModel, _ h: inout HTMLBuilder) {
        h.element("header", [("class", "cover")]) { h in
            h.element("h1", text: report.title)
            if !report.subtitle.isEmpty { h.element("p", text: report.subtitle) }
            var meting = "Meting \(report.meting)"
            if let previous = report.previousMeting { meting += ", vergeleken met \(previous)" }
            h.element("p", text: meting)
        }
        if let gemeente = report.gemeente {
            h.element("p", [("class", "indicative-banner")],
                      text: "Indicatief: de resultaten van \(gemeente) berusten op kleinere aantallen dan die van de organisatie als geheel.")
        }
    }

    func toc(_ report: ReportModel, _ h: inout HTMLBuilder) {
        h.element("nav", [("class", "toc"), ("aria-label", "Inhoud")]) { h in
            h.element("h2", [("class", "first")], text: "Inhoud")
            h.element("ol") { h in
                for (k, chapter) in report.chapters.enumerated() {
                    h.element("li") { $0.element("a", [("href", "#h\(k + 1)")], text: chapter.title) }
                }
                if report.gemeente == nil {
                    h.element("li") { $0.element("a", [("href", "#h\(report.chapters.count + 1)")], text: "Bijlage: resultaten per gemeente") }
                }
            }
        }
    }

    func render(_ chapter: Chapter, number: Int, report: ReportModel, _ h: inout HTMLBuilder) {
        h.newline()
        h.element("section", [("class", "chapter")]) { h in
            h.element("h2", [("id", "h\(number)")], text: "\(number). \(chapter.title)")
            var spreadShown = false
            for section in chapter.sections {
                if !section.title.isEmpty { h.element("h3", text: section.title) }
                var run: [ItemTable] = []
                func flush(_ h: inout HTMLBuilder) {
                    guard !run.isEmpty else { return }
                    if run[0].kind == .grade {
                        grades(run, section: section.title, report: report, spread: !spreadShown, &h)
                        spreadShown = true
                    } else {
                        statements(run, section: section.title, report: report, &h)
                    }
                    run = []
                }
                for block in section.blocks {
                    if case .item(let table) = block {
                        if let first = run.first, first.kind != table.kind { flush(&h) }
                        run.append(table)
                        continue
                    }
                    flush(&h)
                    render(block, report: report, &h)
                }
                flush(&h)
            }
        }
    }

    func render(_ block: Block, report: ReportModel, _ h: inout HTMLBuilder) {
        switch block {
        case .paragraph(let text):
            h.element("p", text: text)
        case .summary(let sentences):
            h.element("ul", [("class", "summary")]) { h in
                for sentence in sentences { h.element("li", text: sentence.text) }
            }
        case .item(let table):
            table.kind == .grade ? grades([table], section: "", report: report, spread: false, &h) : statements([table], section: "", report: report, &h)
        case .categories(let question, _, let tables):
            categories(question: question, tables: tables, report: report, &h)
        case .response(let table):
            response(table, &h)
        case .codedAnswers(let table):
            codedAnswers(table, &h)
        case .breakdown(let table):
            breakdown(table, report: report, &h)
        case .uncodedAnswers(let table):
            uncoded(table, &h)
        case .priorities(let table):
            priorities(table, &h)
        }
    }
}
