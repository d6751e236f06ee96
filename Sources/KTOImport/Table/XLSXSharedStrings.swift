/// The shared string table (`xl/sharedStrings.xml`): one string per `<si>`, the text of its
/// `<t>` elements joined (rich text runs `<r><t>`), phonetic runs `<rPh>` left out.
enum XLSXSharedStrings {
    static func read(_ bytes: [UInt8], part: String, package: XLSXPackage) throws(XLSXError) -> [String] {
        try package.scan(bytes, part: part) { scanner throws(XMLScanner.Failure) in
            var strings: [String] = []
            var collector = XLSXTextCollector()
            while let event = try scanner.next() {
                switch event {
                case .start(let element, let selfClosing):
                    if scanner.isLocal(element, "si") {
                        collector.begin()
                        if selfClosing { strings.append(collector.finish()) }
                    } else {
                        collector.start(element, selfClosing: selfClosing, scanner: scanner)
                    }
                case .end(let element):
                    if scanner.isLocal(element, "si") {
                        strings.append(collector.finish())
                    } else {
                        collector.end(element, scanner: scanner)
                    }
                case .text(let range): try collector.text(range, scanner: scanner)
                case .cdata(let range): collector.cdata(range, scanner: scanner)
                }
            }
            return strings
        }
    }
}

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
