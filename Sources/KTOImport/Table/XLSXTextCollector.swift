/// Gathers the text of a string item (`<si>` or an inline `<is>`): the content of `<t>` elements
/// outside phonetic runs (`<rPh>`), with OOXML `_xHHHH_` escapes decoded.
struct XLSXTextCollector {
    private var bytes: [UInt8] = []
    private var inText = false
    private var phoneticDepth = 0

    mutating func begin() {
        bytes.removeAll(keepingCapacity: true)
        inText = false
        phoneticDepth = 0
    }

    mutating func start(_ element: XMLScanner.Name, selfClosing: Bool, scanner: XMLScanner) {
        if scanner.isLocal(element, "rPh") {
            if !selfClosing { phoneticDepth += 1 }
        } else if scanner.isLocal(element, "t"), phoneticDepth == 0 {
            inText = !selfClosing
        }
    }

    mutating func end(_ element: XMLScanner.Name, scanner: XMLScanner) {
        if scanner.isLocal(element, "rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        } else if scanner.isLocal(element, "t") {
            inText = false
        }
    }

    mutating func text(_ range: Range<Int>, scanner: XMLScanner) throws(XMLScanner.Failure) {
        if inText { try scanner.appendDecoded(range, to: &bytes) }
    }

    mutating func cdata(_ range: Range<Int>, scanner: XMLScanner) {
        if inText { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.bytes[range])) }
    }

    mutating func finish() -> String {
        OOXMLEscapes.unescape(&bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        begin()
        return text
    }
}
