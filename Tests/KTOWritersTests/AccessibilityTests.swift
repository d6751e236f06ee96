import Foundation
import Testing
@testable import KTOWriters

/// WCAG 2.1 AA of the HTML reports, checked on what kto renders: every colour pair the stylesheet
/// and the charts use (text 4.5:1, chart elements 3:1 against the page), and the structure rules
/// (language, heading order, header cells with scope, a text alternative and a table for every
/// chart). CI also runs axe-core on the rendered report (.ci/axe_check.py) where a browser is at hand.
@Suite("Accessibility (WCAG 2.1 AA)")
struct AccessibilityTests {
    /// Relative luminance of `#rrggbb` (WCAG 2.1 definition).
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ k: Int) -> Double {
            let c = Double(Int(String(digits[k..<k + 2]), radix: 16) ?? 0) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The stylesheet's custom properties (`--ink: #1b1b1b`).
    static let variables: [String: String] = {
        var table: [String: String] = [:]
        for part in HTMLStyle.css.components(separatedBy: "--").dropFirst() {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2 else { continue }
            let value = pieces[1].trimmingCharacters(in: .whitespaces).prefix(7)
            if value.hasPrefix("#") { table[String(pieces[0])] = String(value) }
        }
        return table
    }()

    @Test func theContrastCheckIsRight() {
        // Known values: black on white 21:1, #767676 on white is the classic 4.54:1.
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)
    }

    /// Text: ink and muted on every background the stylesheet uses.
    @Test func textHasContrast() throws {
        let ink = try #require(Self.variables["ink"])
        let muted = try #require(Self.variables["muted"])
        let accent = try #require(Self.variables["accent"])
        let band = try #require(Self.variables["band"])
        let backgrounds = ["#ffffff", band, "#e8eef4", "#fff4e0"]
        for background in backgrounds {
            for text in [ink, muted] {
                #expect(Self.contrast(text, background) >= 4.5, "\(text) on \(background)")
            }
        }
        // Headings in the accent colour, quotes in #333.
        #expect(Self.contrast(accent, "#ffffff") >= 4.5)
        #expect(Self.contrast("#333333", "#ffffff") >= 4.5)
        // Text inside bars: white on the dark fills, ink on the neutral grey.
        for fill in SVGCharts.palette + [SVGCharts.agreeColour, SVGCharts.disagreeColour] {
            #expect(Self.contrast("#ffffff", fill) >= 4.5, "white on \(fill)")
        }
        #expect(Self.contrast(ink, SVGCharts.neutralColour) >= 4.5)
    }

    /// Chart elements against the page: every series colour, the answer colours, the axes.
    @Test func chartElementsHaveContrast() {
        let colours = SVGCharts.palette + [SVGCharts.agreeColour, SVGCharts.neutralColour, SVGCharts.disagreeColour, SVGCharts.onvoldoendeColour, "#888888"]
        for colour in colours {
            #expect(Self.contrast(colour, "#ffffff") >= 3, "\(colour) on the page")
        }
        // Series stay apart without colour too: a marker shape per series in line charts.
        let shapes = Set((0..<4).map { k -> Substring in
            var svg = SVGText()
            svg += SVGCharts.marker(k, x: 0, y: 0, colour: "#000000", tip: "")
            return svg.string.prefix(6)
        })
        #expect(shapes.count >= 3)
    }

    @Test(arguments: ["main", "annex"])
    func structure(_ which: String) throws {
        let html = which == "main" ? SampleReport.html : SampleReport.annex
        #expect(html.contains("<html lang=\"nl\">"))
        // Headings in order: never a level skipped.
        var level = 0
        var scanner = html[...]
        while let range = scanner.range(of: "<h") {
            let next = scanner[range.upperBound...]
            if let digit = next.first, let value = Int(String(digit)) {
                #expect(value <= level + 1, "h\(value) after h\(level)")
                level = value
            }
            scanner = next
        }
        #expect(level >= 2)
        // Every header cell says what it heads.
        let headerCells = html.components(separatedBy: "<th").dropFirst().filter { $0.hasPrefix(" ") || $0.hasPrefix(">") }
        #expect(headerCells.count > 50)
        for cell in headerCells {
            let attributes = cell.prefix { $0 != ">" }
            #expect(["col", "row", "rowgroup", "colgroup"].contains { attributes.contains("scope=\"\($0)\"") }, "th without scope: \(cell.prefix(60))")
        }
        // Every chart is an image with a name and a title, in a figure with a caption and its table.
        for svg in html.components(separatedBy: "<svg").dropFirst() {
            #expect(svg.contains("role=\"img\"") && svg.contains("aria-label=\"") && svg.contains("<title>"))
        }
        for figure in html.components(separatedBy: "<figure").dropFirst() {
            let body = figure.components(separatedBy: "</figure>")[0]
            #expect(body.contains("<figcaption>") && body.contains("<table"))
        }
        #expect(!html.contains("<img"))
    }
}
