import KTOStats

extension SVGCharts {
    /// One numbered point of a quadrant chart.
    struct QuadrantPoint {
        var number: Int
        var x: Double
        var y: Double
        var tip: String
    }

    /// The prioriteitenmatrix: score (x) against importance (y), split at the medians, each point
    /// numbered (the table beside it names them), the quadrants named in their corners.
    static func quadrant(
        title: String, points: [QuadrantPoint], medianX: Double, medianY: Double, xLabel: String, yLabel: String,
        corners: (topLeft: String, topRight: String, bottomLeft: String, bottomRight: String)
    ) -> String {
        let width = 680.0
        let height = 440.0
        let left = 64.0, right = 20.0, top = 20.0, bottom = 56.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let xs = points.map(\.x) + [medianX]
        let ys = points.map(\.y) + [medianY]
        // Whole grades around the scores; importance in steps of 0.1 around its values (a
        // scatter of positions, not bars: the axis need not start at 0).
        let xLow = ((xs.min() ?? 5) - 0.25).rounded(.down)
        let xHigh = max(xLow + 1, ((xs.max() ?? 8) + 0.25).rounded(.up))
        let yLow = (((ys.min() ?? 0) - 0.05) * 10).rounded(.down) / 10
        let yHigh = max(yLow + 0.1, (((ys.max() ?? 1) + 0.05) * 10).rounded(.up) / 10)
        func px(_ v: Double) -> Double { left + plotWidth * (v - xLow) / (xHigh - xLow) }
        func py(_ v: Double) -> Double { top + plotHeight * (1 - (v - yLow) / (yHigh - yLow)) }
        var svg = header(width: width, height: height, title: title)
        var x = xLow
        let xStep = (xHigh - xLow) > 4 ? 1.0 : 0.5
        while x <= xHigh + 1e-9 {
            svg += "<line x1=\"\(n: px(x))\" y1=\"\(n: top)\" x2=\"\(n: px(x))\" y2=\"\(n: top + plotHeight)\" class=\"grid\"/>"
            svg += "<text x=\"\(n: px(x))\" y=\"\(n: top + plotHeight + 16)\" class=\"tick\" text-anchor=\"middle\">\(esc: Rounding.formatDutch(x, decimals: xStep < 1 ? 1 : 0))</text>"
            x += xStep
        }
        var y = yLow
        let yStep = (yHigh - yLow) > 0.6 ? 0.2 : 0.1
        while y <= yHigh + 1e-9 {
            svg += "<line x1=\"\(n: left)\" y1=\"\(n: py(y))\" x2=\"\(n: left + plotWidth)\" y2=\"\(n: py(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(n: left - 6)\" y=\"\(n: py(y) + 4)\" class=\"tick\" text-anchor=\"end\">\(esc: Rounding.formatDutch(y, decimals: 1))</text>"
            y += yStep
        }
        // The medians split the plane; dashed so they differ from the grid without colour.
        svg += "<line x1=\"\(n: px(medianX))\" y1=\"\(n: top)\" x2=\"\(n: px(medianX))\" y2=\"\(n: top + plotHeight)\" class=\"axis\" stroke-dasharray=\"5 3\"/>"
        svg += "<line x1=\"\(n: left)\" y1=\"\(n: py(medianY))\" x2=\"\(n: left + plotWidth)\" y2=\"\(n: py(medianY))\" class=\"axis\" stroke-dasharray=\"5 3\"/>"
        svg += "<text x=\"\(n: left + 6)\" y=\"\(n: top + 14)\" class=\"legend\">\(esc: corners.topLeft)</text>"
        svg += "<text x=\"\(n: left + plotWidth - 6)\" y=\"\(n: top + 14)\" class=\"legend\" text-anchor=\"end\">\(esc: corners.topRight)</text>"
        svg += "<text x=\"\(n: left + 6)\" y=\"\(n: top + plotHeight - 8)\" class=\"legend\">\(esc: corners.bottomLeft)</text>"
        svg += "<text x=\"\(n: left + plotWidth - 6)\" y=\"\(n: top + plotHeight - 8)\" class=\"legend\" text-anchor=\"end\">\(esc: corners.bottomRight)</text>"
        // A marker that would cover an earlier one moves aside, with a line to its true place.
        var placed: [(x: Double, y: Double)] = []
        for point in points {
            let cx = px(point.x), cy = py(point.y)
            var mx = cx
            var shift = 0
            while placed.contains(where: { abs($0.x - mx) < 17 && abs($0.y - cy) < 17 }), shift < 12 {
                shift += 1
                mx = cx + Double((shift + 1) / 2) * 18 * (shift % 2 == 1 ? 1 : -1)
            }
            if mx != cx {
                svg += "<line x1=\"\(n: cx)\" y1=\"\(n: cy)\" x2=\"\(n: mx)\" y2=\"\(n: cy)\" class=\"axis\"/>"
                svg += "<circle cx=\"\(n: cx)\" cy=\"\(n: cy)\" r=\"2\" fill=\"\(palette[0])\"/>"
            }
            placed.append((mx, cy))
            svg += "<circle cx=\"\(n: mx)\" cy=\"\(n: cy)\" r=\"9\" fill=\"\(palette[0])\"><title>\(esc: point.tip)</title></circle>"
            svg += "<text x=\"\(n: mx)\" y=\"\(n: cy + 3.5)\" class=\"inside\" text-anchor=\"middle\">\(point.number)</text>"
        }
        svg += "<line x1=\"\(n: left)\" y1=\"\(n: top + plotHeight)\" x2=\"\(n: left + plotWidth)\" y2=\"\(n: top + plotHeight)\" class=\"axis\"/>"
        svg += "<line x1=\"\(n: left)\" y1=\"\(n: top)\" x2=\"\(n: left)\" y2=\"\(n: top + plotHeight)\" class=\"axis\"/>"
        svg += "<text x=\"\(n: left + plotWidth / 2)\" y=\"\(n: height - 10)\" class=\"label\" text-anchor=\"middle\">\(esc: xLabel)</text>"
        svg += "<text x=\"14\" y=\"\(n: top + plotHeight / 2)\" class=\"label\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(n: top + plotHeight / 2))\">\(esc: yLabel)</text>"
        svg += "</svg>"
        return svg.string
    }
}
