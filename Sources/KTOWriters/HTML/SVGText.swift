/// A chart's SVG markup as UTF-8 bytes. Each `svg += "…"` appends its literal text and its
/// interpolations straight as bytes, without a String per element or per number: `\(n: x)` a
/// coordinate to 0.1 px, `\(esc: text)` escaped content (`InertText.content`), `\(attr: text)`
/// an escaped attribute value; a String, an Int or another piece as it is (our own markup:
/// colours, counts, literals, markers).
struct SVGText {
    private(set) var bytes: [UInt8] = []

    /// The markup as text, for the page.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    static func += (svg: inout SVGText, piece: Piece) {
        svg.bytes.append(contentsOf: piece.bytes)
    }

    /// One `+=`'s literal with its interpolations.
    struct Piece: ExpressibleByStringInterpolation {
        fileprivate var bytes: [UInt8]

        init(stringLiteral text: String) { bytes = Array(text.utf8) }

        init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

        struct Interpolation: StringInterpolationProtocol {
            fileprivate var bytes: [UInt8] = []

            init(literalCapacity: Int, interpolationCount: Int) {
                bytes.reserveCapacity(literalCapacity + 8 * interpolationCount)
            }

            mutating func appendLiteral(_ literal: String) { bytes.appendUTF8(literal) }

            mutating func appendInterpolation(n x: Double) { SVGText.appendCoordinate(x, to: &bytes) }

            mutating func appendInterpolation(esc text: String) { bytes.appendUTF8(InertText.content(text)) }

            mutating func appendInterpolation(attr text: String) { bytes.appendUTF8(InertText.attribute(text)) }

            mutating func appendInterpolation(_ text: String) { bytes.appendUTF8(text) }

            mutating func appendInterpolation(_ value: Int) { bytes.appendDecimal(Int64(value)) }

            mutating func appendInterpolation(_ piece: Piece) { bytes.append(contentsOf: piece.bytes) }
        }
    }

    /// A coordinate to 0.1 px, "12" or "12.5": what `SVGCharts.plainN` writes, without its
    /// digit search.
    static func appendCoordinate(_ x: Double, to out: inout [UInt8]) {
        let tenths = (x * 10).rounded()
        let r = tenths / 10
        if r == r.rounded() { return out.appendDecimal(Int64(Int(r))) }
        // Below 1e13 the one decimal of `tenths` is the shortest text of r (the doubles around r
        // are far closer together than 0.1), so it is `String(r)` without the digit search.
        guard abs(tenths) < 1e14 else { return out.appendUTF8(String(r)) }
        let t = Int(tenths)
        if t < 0 { out.append(0x2D) }
        out.appendDecimal(Int64(abs(t) / 10))
        out.append(0x2E)
        out.append(UInt8(0x30 + abs(t) % 10))
    }
}
