import Foundation
import Testing
import KTOModel
import KTOAnalysis
import KTOStats
@testable import KTOReport
@testable import KTOWriters

/// The report of the sample study, built once.
enum SampleReport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let results: StudyResults = {
        let loaded = try! LoadedStudy.load(studyPath: root + "/SampleData/kto-2015.study")
        return try! Analyzer().analyze(loaded)
    }()
    static let model = ReportBuilder().build(results)
    static let html = HTMLReportWriter().render(model)
    static let annex = HTMLReportWriter().render(ReportBuilder().build(results, scope: .gemeente(2)))
}

/// A strict check of our own HTML: every element closed in order, attributes quoted, no raw `<`
/// or `&` in text. Void elements are the HTML ones we use.
func wellFormednessProblems(_ html: String) -> [String] {
    let voids: Set<String> = ["meta", "br", "hr", "img", "link"]
    var stack: [String] = []
    var problems: [String] = []
    var i = html.startIndex
    while i < html.endIndex {
        let c = html[i]
        if c == "<" {
            guard let close = html[i...].firstIndex(of: ">") else { problems.append("unclosed tag"); break }
            let tag = String(html[html.index(after: i)..<close])
            if tag.hasPrefix("!") {
                // <!DOCTYPE html>
            } else if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
            } else {
                let selfClosing = tag.hasSuffix("/")
                let body = selfClosing ? String(tag.dropLast()) : tag
                let name = String(body.prefix { $0 != " " })
                // Attributes: name="value" with no raw quote or < inside.
                var rest = body.dropFirst(name.count)
                while let eq = rest.firstIndex(of: "=") {
                    let afterEq = rest.index(after: eq)
                    guard afterEq < rest.endIndex, rest[afterEq] == "\"" else { problems.append("unquoted attribute in <\(name)>"); break }
                    let valueStart = rest.index(after: afterEq)
                    guard let valueEnd = rest[valueStart...].firstIndex(of: "\"") else { problems.append("open attribute in <\(name)>"); break }
                    if rest[valueStart..<valueEnd].contains("<") { problems.append("< inside attribute of <\(name)>") }
                    rest = rest[rest.index(after: valueEnd)...]
                }
                if !selfClosing && !voids.contains(name) { stack.append(name) }
            }
            i = html.index(after: close)
        } else {
            if c == "&" {
                let entity = html[i...].prefix(8)
                if !(entity.hasPrefix("&amp;") || entity.hasPrefix("&lt;") || entity.hasPrefix("&gt;") || entity.hasPrefix("&quot;") || entity.hasPrefix("&#39;") || entity.hasPrefix("&#x27;")) {
                    problems.append("raw & in text: \(entity)")
                }
            }
            i = html.index(after: i)
        }
    }
    if !stack.isEmpty { problems.append("unclosed: \(stack)") }
    return problems
}

@Suite("HTML report")
struct HTMLWriterTests {
    @Test func mainReportIsWellFormed() {
        #expect(wellFormednessProblems(SampleReport.html) == [])
        #expect(wellFormednessProblems(SampleReport.annex) == [])
    }

    @Test func selfContainedAndScriptFree() {
        for html in [SampleReport.html, SampleReport.annex] {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("src=\""))
            // No external assets or links: the only "http" is the SVG namespace.
            #expect(!html.contains("href=\"http") && !html.contains("url(") && !html.contains("<link"))
            #expect(html.contains("<style>"))
            #expect(html.contains("<svg"))
        }
    }

    @Test func chartsHaveBarsAndTables() {
        let html = SampleReport.html
        let figures = html.components(separatedBy: "<figure").count - 1
        #expect(figures > 20)
        // Every figure carries its numbers in a table.
        for figure in html.components(separatedBy: "<figure").dropFirst() {
            let body = figure.components(separatedBy: "</figure>")[0]
            #expect(body.contains("<table"), "a chart without its table")
            // Bars, or the prioriteitenmatrix's numbered points.
            #expect(body.contains("class=\"bar\"") || body.hasPrefix(" class=\"priorities\""), "a chart without bars")
        }
    }

    @Test func chaptersInTheReportsOrder() {
        let titles = SampleReport.model.chapters.map(\.title)
        // The chapters of the published report, in its order (the open answers' chapter when coded).
        let expected = [
            "Samenvatting", "Inleiding en onderzoeksverantwoording", "Algemene waardering", "Eerstelijnsdienstverlening",
            "Consulenten", "Trajecten", "Afstand tot de arbeidsmarkt", "Succes- en verbeterpunten", "Kenmerken respondenten",
            "Prioriteitenmatrix",
        ]
        #expect(titles == expected.filter { $0 != "Succes- en verbeterpunten" || titles.contains($0) })
        #expect(SampleReport.html.contains("Bijlage: resultaten per gemeente"))
    }

    @Test func annexIsIndicativeAndShowsGemeenteBesideTotal() {
        #expect(SampleReport.annex.contains("indicative-banner"))
        #expect(SampleReport.annex.contains("Wassenaar 2015"))
        #expect(SampleReport.annex.contains("Totaal 2015"))
        #expect(!SampleReport.annex.contains("RPA ZHC"))
    }

    /// Every number in the summary equals the number shown in its table.
    @Test func summaryNumbersEqualTableNumbers() throws {
        let tables = SampleReport.model.chapters.flatMap(\.sections).flatMap(\.blocks).compactMap { block -> ItemTable? in
            if case .item(let table) = block { return table }
            return nil
        }
        guard case .summary(let sentences)? = SampleReport.model.chapters.first?.sections.first?.blocks.first else {
            Issue.record("no summary")
            return
        }
        let coded = SampleReport.model.chapters.flatMap(\.sections).flatMap(\.blocks).compactMap { block -> CodedAnswersTable? in
            if case .codedAnswers(let table) = block { return table }
            return nil
        }
        var checked = 0
        for sentence in sentences {
            for figure in sentence.figures {
                if let table = coded.first(where: { $0.variable == figure.variable }) {
                    // Open answers: row = the code's label, column = "Totaal <meting>".
                    let row = try #require(table.rows.first { $0.label == figure.row }, "\(figure.row)")
                    let column = try #require(table.columns.firstIndex(of: figure.column))
                    let shown = CellFormatter.value(try #require(row.cells[column].value), kind: .percent)
                    #expect(shown == CellFormatter.value(figure.value, kind: .percent))
                    #expect(sentence.text.contains(shown))
                    checked += 1
                    continue
                }
                let table = try #require(tables.first { $0.variable == figure.variable }, "\(figure.variable)")
                let row = try #require(table.rows.first { $0.group == figure.row })
                let column = try #require(table.columns.firstIndex(of: figure.column), "\(figure.column)")
                let shown = CellFormatter.value(try #require(row.cells[column].value), kind: table.kind)
                let stated = CellFormatter.value(figure.value, kind: figure.kind)
                #expect(shown == stated, "\(figure.variable) \(figure.column): table \(shown), summary \(stated)")
                #expect(sentence.text.contains(stated), "'\(stated)' not in: \(sentence.text)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// No sentence claims a difference the tests did not find.
    @Test func summaryStatesOnlyTestedDifferences() throws {
        guard case .summary(let sentences)? = SampleReport.model.chapters.first?.sections.first?.blocks.first else { return }
        let overall = try #require(sentences.first { $0.text.contains("als geheel") })
        // 7,0 vs 7,0 in the sample study: not significant, so "gelijk aan".
        #expect(overall.text.contains("gelijk aan 2013 (7,0)"))
        for sentence in sentences where sentence.text.contains("significant hoger dan in") {
            let code = try #require(sentence.figures.first?.variable)
            let test = SampleReport.results.result(code)?.current?.domain(.total)?.contrasts(of: .mean).first { $0.contrast == .previous("2013") }
            #expect(test?.direction == .higher, "\(code)")
        }
    }

    @Test func untrustedTextIsEscapedInHTML() {
        var builder = HTMLBuilder()
        builder.element("p", [("title", "\"><img src=x onerror=alert(1)>")], text: "<script>alert(1)</script> & =HYPERLINK(\"x\")\u{0}")
        #expect(builder.html.hasPrefix("<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; =HYPERLINK("))
        #expect(!builder.html.contains("<script") && !builder.html.contains("<img") && !builder.html.contains("\u{0}"))
        let svg = SVGCharts.groupedBars(title: "<b>", items: ["</text><script>x</script>"], series: [.init(name: "\"a\"", colour: "#000")],
                                        bars: [[.init(value: 5, suffix: "")]], scale: 10, format: { "\($0)" })
        #expect(!svg.contains("<script") && !svg.contains("<b>"))
    }

    @Test func slugsAreSafe() {
        #expect(Slug.make("Leidschendam-Voorburg") == "leidschendam-voorburg")
        #expect(Slug.make("Súdwest-Fryslân") == "sudwest-fryslan")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("'s-Hertogenbosch") == "s-hertogenbosch")
        #expect(Slug.make("<>") == "groep")
    }
}

@Suite("Tables book")
struct TablesBookTests {
    @Test func dutchExcelFormat() throws {
        let files = TablesBookWriter().render(SampleReport.model)
        #expect(files.first?.path == "tables/00-bijlage-per-gemeente.csv")
        for file in files {
            #expect(Array(file.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file.path): BOM")
            let text = String(decoding: file.bytes.dropFirst(3), as: UTF8.self)
            #expect(text.contains(";") && text.hasSuffix("\r\n"), "\(file.path)")
        }
        let annex = String(decoding: files[0].bytes.dropFirst(3), as: UTF8.self)
        // Decimal comma, the published total of 7,0 for the overall grade.
        // The published annex row: total 7,0 / 7,0, Leidschendam-Voorburg 7,1 / 7,1, Voorschoten 6,8 / 6,3, Wassenaar 6,8 / 7,2.
        #expect(annex.contains("De dienstverlening van de sociale dienst als geheel;rapportcijfer;7,0;7,0;7,1;7,1;6,8;6,3;6,8;7,2\r\n"))
        #expect(!annex.contains("7.0"))
    }
}
