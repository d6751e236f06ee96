import KTOStats
import KTOText

/// Inline SVG charts drawn by our own small writer. Every label is escaped; geometry is rounded to
/// 0.1 px so the same input gives the same bytes. Colours: hues of the Okabe–Ito palette
/// (colour-blind safe), darkened so that every one has at least 3:1 contrast against the white
/// page (WCAG 2.1, 1.4.11) and white text on it at least 4.5:1 (AccessibilityTests checks both).
enum SVGCharts {
    static let palette = ["#0072B2", "#B85000", "#00785A", "#A3487E", "#8C6D00", "#666666"]
    static let agreeColour = "#0072B2"
    /// Neutral segments carry dark text (white on this grey would be below 4.5:1).
    static let neutralColour = "#8C8C8C"
    static let disagreeColour = "#B85000"
    static let onvoldoendeColour = "#B85000"

    struct Series {
        var name: String
        var colour: String
    }

    struct Bar {
        var value: Double?
        /// Text after the value ("▲", "*").
        var suffix: String
    }

    /// A coordinate to 0.1 px the plain way, kept to check `SVGText.appendCoordinate` against.
    static func plainN(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Splits a label into lines of at most `width` characters.
    static func lines(_ text: String, width: Int, max: Int = 3) -> [String] {
        var result = simpleLines(text, width: width) ?? characterLines(text, width: width)
        if result.count > max {
            result = Array(result.prefix(max))
            result[max - 1] += " …"
        }
        return result
    }

    /// The lines of a text whose characters are all single scalars below U+0300 without CR
    /// (`CharacterCount.simpleCount`), from one pass over its bytes: then a space character is
    /// the byte 0x20 and a word's characters are its scalars. Nil for other texts.
    private static func simpleLines(_ text: String, width: Int) -> [String]? {
        CharacterCount.withSimpleBytes(text) { bytes -> [String] in
            var result: [String] = []
            var line: [UInt8] = []
            var length = 0
            var k = 0
            while k < bytes.count {
                guard bytes[k] != 0x20 else { k += 1; continue }
                var end = k
                var wordLength = 0
                while end < bytes.count && bytes[end] != 0x20 {
                    if bytes[end] & 0xC0 != 0x80 { wordLength += 1 }
                    end += 1
                }
                if !line.isEmpty && length + 1 + wordLength > width {
                    result.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    length = 0
                }
                if !line.isEmpty {
                    line.append(0x20)
                    length += 1
                }
                line += UnsafeBufferPointer(rebasing: bytes[k..<end])
                length += wordLength
                k = end
            }
            if !line.isEmpty { result.append(String(decoding: line, as: UTF8.self)) }
            return result
        }
    }

    /// The lines by characters (any text).
    private static func characterLines(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        var line = ""
        var length = 0
        for word in text.split(separator: " ") {
            let wordLength = word.count
            if !line.isEmpty && length + 1 + wordLength > width {
                result.append(line)
                line = ""
                length = 0
            }
            line += (line.isEmpty ? "" : " ") + word
            length = line.count
        }
        if !line.isEmpty { result.append(line) }
        return result
    }

    /// Grouped horizontal bars: one group of bars per item, one bar per series.
    /// - Parameters:
    ///   - scale: the axis maximum (10 for grades, 100 for percentages).
    ///   - format: how a value is written at the end of its bar.
    static func groupedBars(title: String, items: [String], series: [Series], bars: [[Bar]], scale: Double, format: (Double) -> String) -> String {
        let width = 680.0
        let labelWidth = 250.0
        let plotWidth = width - labelWidth - 60
        let barHeight = 13.0
        let gap = 10.0
        // Legend entries flow onto as many lines as they need within the chart's width.
        var legend: [(x: Double, line: Int)] = []
        var x = labelWidth
        var line = 0
        for s in series {
            let entry = 24 + Double(s.name.count) * 6.5
            if x + entry > width, x > labelWidth { x = labelWidth; line += 1 }
            legend.append((x, line))
            x += entry
        }
        let legendHeight = 26.0 + 18 * Double(line)
        let axisHeight = 24.0
        let groupHeights = items.map { item in max(Double(series.count) * barHeight, Double(lines(item, width: 38).count) * 13) }
        let height = legendHeight + groupHeights.reduce(0, +) + gap * Double(items.count) + axisHeight
        var svg = header(width: width, height: height, title: title)
        for (s, place) in zip(series, legend) {
            let top = 6 + 18 * Double(place.line)
            svg += "<rect x=\"\(n: place.x)\" y=\"\(n: top)\" width=\"12\" height=\"12\" fill=\"\(s.colour)\"/>"
            svg += "<text x=\"\(n: place.x + 16)\" y=\"\(n: top + 10)\" class=\"legend\">\(esc: s.name)</text>"
        }
        // Grid and axis.
        let top = legendHeight
        let bottom = height - axisHeight
        let ticks = scale == 10 ? stride(from: 0.0, through: 10, by: 1).map { $0 } : stride(from: 0.0, through: 100, by: 20).map { $0 }
        for t in ticks {
            let tx = labelWidth + plotWidth * t / scale
            svg += "<line x1=\"\(n: tx)\" y1=\"\(n: top)\" x2=\"\(n: tx)\" y2=\"\(n: bottom)\" class=\"grid\"/>"
            svg += "<text x=\"\(n: tx)\" y=\"\(n: bottom + 14)\" class=\"tick\" text-anchor=\"middle\">\(scale == 10 ? String(Int(t)) : String(Int(t)) + "%")</text>"
        }
        var y = top + gap / 2
        for (k, item) in items.enumerated() {
            let labelLines = lines(item, width: 38)
            for (l, line) in labelLines.enumerated() {
                svg += "<text x=\"\(n: labelWidth - 8)\" y=\"\(n: y + 10 + Double(l) * 13)\" class=\"label\" text-anchor=\"end\">\(esc: line)</text>"
            }
            for (s, bar) in bars[k].enumerated() where s < series.count {
                let by = y + Double(s) * barHeight
                guard let value = bar.value else {
                    svg += "<text x=\"\(n: labelWidth + 4)\" y=\"\(n: by + 10)\" class=\"value\">–</text>"
                    continue
                }
                let w = max(0.5, plotWidth * min(value, scale) / scale)
                svg += "<rect class=\"bar\" x=\"\(n: labelWidth)\" y=\"\(n: by + 1)\" width=\"\(n: w)\" height=\"\(n: barHeight - 2)\" fill=\"\(series[s].colour)\"><title>\(esc: series[s].name + ": " + format(value) + bar.suffix)</title></rect>"
                svg += "<text x=\"\(n: labelWidth + w + 4)\" y=\"\(n: by + 10)\" class=\"value\">\(esc: format(value) + bar.suffix)</text>"
            }
            y += groupHeights[k] + gap
        }
        svg += "<line x1=\"\(n: labelWidth)\" y1=\"\(n: top)\" x2=\"\(n: labelWidth)\" y2=\"\(n: bottom)\" class=\"axis\"/>"
        svg += "</svg>"
        return svg.string
    }

    /// The spread of a grade over 1-10: vertical bars, the onvoldoende grades (1-5) in another colour.
    static func spread(title: String, grades: [Int], percents: [Double], onvoldoende: Double, n count: Int) -> String {
        let width = 520.0
        let height = 230.0
        let left = 40.0
        let bottom = height - 40
        let top = 30.0
        let maxPercent = max(10, ((percents.max() ?? 0) / 10).rounded(.up) * 10)
        let slot = (width - left - 10) / Double(max(grades.count, 1))
        var svg = header(width: width, height: height, title: title)
        svg += "<text x=\"\(n: left)\" y=\"16\" class=\"legend\">\(esc: "Onvoldoende (1-5): " + Rounding.formatPercent(onvoldoende) + " — n = \(count)")</text>"
        svg += "<rect x=\"\(n: width - 190)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(onvoldoendeColour)\"/><text x=\"\(n: width - 174)\" y=\"16\" class=\"legend\">onvoldoende</text>"
        svg += "<rect x=\"\(n: width - 95)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(palette[0])\"/><text x=\"\(n: width - 79)\" y=\"16\" class=\"legend\">voldoende</text>"
        for t in stride(from: 0.0, through: maxPercent, by: maxPercent > 40 ? 20 : 10) {
            let ty = bottom - (bottom - top) * t / maxPercent
            svg += "<line x1=\"\(n: left)\" y1=\"\(n: ty)\" x2=\"\(n: width - 10)\" y2=\"\(n: ty)\" class=\"grid\"/>"
            svg += "<text x=\"\(n: left - 6)\" y=\"\(n: ty + 4)\" class=\"tick\" text-anchor=\"end\">\(Int(t))%</text>"
        }
        for (k, grade) in grades.enumerated() {
            let p = percents[k]
            let h = (bottom - top) * p / maxPercent
            let x = left + Double(k) * slot + slot * 0.15
            let colour = Double(grade) < 5.5 ? onvoldoendeColour : palette[0]
            svg += "<rect class=\"bar\" x=\"\(n: x)\" y=\"\(n: bottom - h)\" width=\"\(n: slot * 0.7)\" height=\"\(n: max(h, 0.5))\" fill=\"\(colour)\"><title>\(esc: "cijfer \(grade): " + Rounding.formatPercent(p))</title></rect>"
            svg += "<text x=\"\(n: x + slot * 0.35)\" y=\"\(n: bottom - h - 4)\" class=\"value\" text-anchor=\"middle\">\(esc: Rounding.formatPercent(p))</text>"
            svg += "<text x=\"\(n: x + slot * 0.35)\" y=\"\(n: bottom + 16)\" class=\"tick\" text-anchor=\"middle\">\(grade)</text>"
        }
        svg += "<text x=\"\(n: (width + left) / 2)\" y=\"\(n: height - 4)\" class=\"tick\" text-anchor=\"middle\">rapportcijfer</text>"
        svg += "<line x1=\"\(n: left)\" y1=\"\(n: bottom)\" x2=\"\(n: width - 10)\" y2=\"\(n: bottom)\" class=\"axis\"/>"
        svg += "</svg>"
        return svg.string
    }

    /// 100% stacked bars for statements: eens, neutraal, oneens.
    static func stacked(title: String, items: [String], shares: [(agree: Double, neutral: Double, disagree: Double)?]) -> String {
        let width = 680.0
        let labelWidth = 250.0
        let plotWidth = width - labelWidth - 20
        let rowHeights = items.map { max(20, Double(lines($0, width: 38).count) * 13 + 4) }
        let top = 28.0
        let height = top + rowHeights.reduce(0, +) + Double(items.count) * 6 + 24
        var svg = header(width: width, height: height, title: title)
        var x = labelWidth
        for (name, colour) in [("(helemaal) eens", agreeColour), ("neutraal", neutralColour), ("(helemaal) oneens", disagreeColour)] {
            svg += "<rect x=\"\(n: x)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(colour)\"/><text x=\"\(n: x + 16)\" y=\"16\" class=\"legend\">\(esc: name)</text>"
            x += 30 + Double(name.count) * 6.5
        }
        var y = top
        for (k, item) in items.enumerated() {
            let labelLines = lines(item, width: 38)
            for (l, line) in labelLines.enumerated() {
                svg += "<text x=\"\(n: labelWidth - 8)\" y=\"\(n: y + 12 + Double(l) * 13)\" class=\"label\" text-anchor=\"end\">\(esc: line)</text>"
            }
            guard let share = shares[k] else {
                svg += "<text x=\"\(n: labelWidth + 4)\" y=\"\(n: y + 13)\" class=\"value\">–</text>"
                y += rowHeights[k] + 6
                continue
            }
            var sx = labelWidth
            for (value, colour, name) in [(share.agree, agreeColour, "eens"), (share.neutral, neutralColour, "neutraal"), (share.disagree, disagreeColour, "oneens")] {
                let w = plotWidth * value / 100
                guard w > 0 else { continue }
                svg += "<rect class=\"bar\" x=\"\(n: sx)\" y=\"\(n: y + 2)\" width=\"\(n: w)\" height=\"16\" fill=\"\(colour)\"><title>\(esc: name + ": " + Rounding.formatPercent(value))</title></rect>"
                if w > 26 {
                    let textClass = colour == neutralColour ? "inside dark" : "inside"
                    svg += "<text x=\"\(n: sx + w / 2)\" y=\"\(n: y + 14)\" class=\"\(textClass)\" text-anchor=\"middle\">\(esc: Rounding.formatPercent(value))</text>"
                }
                sx += w
            }
            y += rowHeights[k] + 6
        }
        svg += "</svg>"
        return svg.string
    }

    /// A marker shape per series, so lines stay apart without colour (and beyond the palette).
    static func marker(_ k: Int, x: Double, y: Double, colour: String, tip: String) -> SVGText.Piece {
        let tipText: SVGText.Piece = tip.isEmpty ? "" : "<title>\(esc: tip)</title>"
        switch k % 4 {
        case 0: return "<circle cx=\"\(n: x)\" cy=\"\(n: y)\" r=\"4\" fill=\"\(colour)\">\(tipText)</circle>"
        case 1: return "<rect x=\"\(n: x - 3.5)\" y=\"\(n: y - 3.5)\" width=\"7\" height=\"7\" fill=\"\(colour)\">\(tipText)</rect>"
        case 2: return "<path d=\"M\(n: x) \(n: y - 5)L\(n: x + 5) \(n: y)L\(n: x) \(n: y + 5)L\(n: x - 5) \(n: y)Z\" fill=\"\(colour)\">\(tipText)</path>"
        default: return "<path d=\"M\(n: x) \(n: y - 5)L\(n: x + 5) \(n: y + 4)L\(n: x - 5) \(n: y + 4)Z\" fill=\"\(colour)\">\(tipText)</path>"
        }
    }

    /// A line per series across the metingen, oldest on the left; a missing figure breaks the
    /// line. The value axis runs 0-100% for percentages; for grades from 5 (lower when a figure is)
    /// to 10, since a line, unlike a bar, need not start at zero.
    /// - Parameters:
    ///   - metingen: the x-axis labels, oldest first.
    ///   - values: per series, one value per meting (same order as `metingen`).
    ///   - changed: per series, the metingen whose figure differs significantly from the meting
    ///     before (ringed, and named in the legend).
    static func trend(
        title: String, metingen: [String], series: [Series], values: [[Double?]], changed: [Set<Int>] = [], percent: Bool,
        format: (Double) -> String
    ) -> String {
        let width = 680.0
        let left = 46.0
        let right = 24.0
        let top = 14.0
        let plotHeight = 190.0
        let bottom = top + plotHeight
        let lowest = values.joined().compactMap { $0 }.min() ?? 5
        let (low, high, step) = percent ? (0.0, 100.0, 20.0) : (min(5, lowest.rounded(.down)), 10.0, 1.0)
        let legendLines = series.map { lines($0.name, width: 100, max: 2) }
        let anyChange = changed.contains { !$0.isEmpty }
        let legendTop = bottom + 34
        let height = legendTop + Double(legendLines.joined().count) * 14 + Double(series.count) * 4 + 6 + (anyChange ? 18 : 0)
        var svg = header(width: width, height: height, title: title)
        func y(_ v: Double) -> Double { bottom - plotHeight * (v - low) / (high - low) }
        let slot = (width - left - right) / Double(max(metingen.count, 1))
        func x(_ k: Int) -> Double { left + slot * (Double(k) + 0.5) }
        for t in stride(from: low, through: high, by: step) {
            svg += "<line x1=\"\(n: left)\" y1=\"\(n: y(t))\" x2=\"\(n: width - right)\" y2=\"\(n: y(t))\" class=\"grid\"/>"
            svg += "<text x=\"\(n: left - 6)\" y=\"\(n: y(t) + 4)\" class=\"tick\" text-anchor=\"end\">\(Int(t))\(percent ? "%" : "")</text>"
        }
        for (k, meting) in metingen.enumerated() {
            svg += "<text x=\"\(n: x(k))\" y=\"\(n: bottom + 18)\" class=\"label\" text-anchor=\"middle\">\(esc: meting)</text>"
        }
        svg += "<line x1=\"\(n: left)\" y1=\"\(n: bottom)\" x2=\"\(n: width - right)\" y2=\"\(n: bottom)\" class=\"axis\"/>"
        for (s, line) in values.enumerated() where s < series.count {
            let colour = series[s].colour
            // Segments between neighbouring metingen that both have a figure.
            for k in line.indices.dropLast() {
                guard let a = line[k], let b = line[k + 1] else { continue }
                svg += "<line x1=\"\(n: x(k))\" y1=\"\(n: y(a))\" x2=\"\(n: x(k + 1))\" y2=\"\(n: y(b))\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            }
            for (k, value) in line.enumerated() {
                guard let value else { continue }
                let ringed = s < changed.count && changed[s].contains(k)
                if ringed {
                    svg += "<circle cx=\"\(n: x(k))\" cy=\"\(n: y(value))\" r=\"8\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>"
                }
                let note = ringed ? " (significant veranderd)" : ""
                svg += marker(s, x: x(k), y: y(value), colour: colour, tip: "\(series[s].name), \(metingen[k]): \(format(value))\(note)")
                // With few lines the values fit beside their points.
                if values.count <= 3 {
                    svg += "<text x=\"\(n: x(k) + 8)\" y=\"\(n: y(value) - 7)\" class=\"value\">\(esc: format(value))</text>"
                }
            }
        }
        var ly = legendTop
        for (s, labelLines) in legendLines.enumerated() {
            let colour = series[s].colour
            svg += "<line x1=\"\(n: left)\" y1=\"\(n: ly - 4)\" x2=\"\(n: left + 22)\" y2=\"\(n: ly - 4)\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            svg += marker(s, x: left + 11, y: ly - 4, colour: colour, tip: "")
            for (l, text) in labelLines.enumerated() {
                svg += "<text x=\"\(n: left + 30)\" y=\"\(n: ly + Double(l) * 14)\" class=\"legend\">\(esc: text)</text>"
            }
            ly += Double(labelLines.count) * 14 + 4
        }
        if anyChange {
            svg += "<circle cx=\"\(n: left + 11)\" cy=\"\(n: ly - 4)\" r=\"8\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>"
            svg += "<text x=\"\(n: left + 30)\" y=\"\(n: ly)\" class=\"legend\">omcirkeld: significant verschil met de meting ervoor</text>"
        }
        svg += "</svg>"
        return svg.string
    }

    static func header(width: Double, height: Double, title: String) -> SVGText {
        var svg = SVGText()
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(n: width) \(n: height)\" width=\"\(n: width)\" height=\"\(n: height)\" aria-label=\"\(attr: title)\"><title>\(esc: title)</title>"
        return svg
    }
}
