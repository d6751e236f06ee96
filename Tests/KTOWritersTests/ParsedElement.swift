import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element, for reading the writer's parts back in tests. Parsing uses the
/// toolchain's XMLParser (libxml2), so a part that is not well-formed XML fails to parse.
final class ParsedElement {
    let name: String
    let attributes: [String: String]
    var children: [ParsedElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Direct children named `name`.
    func all(_ name: String) -> [ParsedElement] { children.filter { $0.name == name } }
    func first(_ name: String) -> ParsedElement? { children.first { $0.name == name } }
    /// Every element below (and including) this one named `name`, in document order.
    func descendants(_ name: String) -> [ParsedElement] {
        (self.name == name ? [self] : []) + children.flatMap { $0.descendants(name) }
    }
    subscript(_ attribute: String) -> String? { attributes[attribute] }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// The root element of `bytes`.
    static func parse(_ bytes: [UInt8]) throws -> ParsedElement {
        let parser = XMLParser(data: Data(bytes))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [ParsedElement] = []
        var root: ParsedElement?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = ParsedElement(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
