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
