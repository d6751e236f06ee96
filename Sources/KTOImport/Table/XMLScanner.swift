/// A small pull scanner for the XML of Office Open XML parts, on bytes: start and end tags with
/// their attributes, text, CDATA. Comments, processing instructions and a DOCTYPE are skipped.
/// Names keep their prefix (`x:c`); callers match the local name. Entities are decoded on demand
/// (`text(_:)`), so text nobody asks for costs nothing. Entities other than the five predefined
/// ones and character references are refused, so no entity can expand.
///
/// It checks what it needs to find tokens, not full well-formedness (end tags are not matched
/// against start tags).
struct XMLScanner {
    /// A name in the input: `start..<end`, the local part from `localStart` (after a prefix).
    struct Name: Equatable {
        var start: Int
        var localStart: Int
        var end: Int
    }

    struct Attribute: Equatable {
        var name: Name
        /// The raw value between the quotes (entities not decoded).
        var value: Range<Int>
    }

    enum Event: Equatable {
        /// A start tag; its attributes are in `attributes` until the next call.
        case start(Name, selfClosing: Bool)
        case end(Name)
        /// Character data, raw (decode it with `text(_:)`).
        case text(Range<Int>)
        /// The content of a CDATA section, literal.
        case cdata(Range<Int>)
    }

    /// A place where the XML is broken: byte offset and a Dutch description.
    struct Failure: Error, Equatable {
        var offset: Int
        var detail: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    /// Attributes of the last start tag (slots reused from tag to tag: no allocation per tag).
    var attributes: ArraySlice<Attribute> { attributeSlots[0..<attributeCount] }
    private var attributeSlots: [Attribute] = []
    private var attributeCount = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte order mark is allowed before the declaration.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        attributeSlots.reserveCapacity(16)
    }

    /// A scanner of the bytes before `end` that starts at `start`, which must be where a token
    /// begins (offsets stay those of the whole buffer).
    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        self.init(UnsafeBufferPointer(rebasing: bytes[0..<end]))
        position = max(position, start)
    }

    /// The next event, or nil at the end of the input.
    mutating func next() throws(Failure) -> Event? {
        let count = bytes.count
        while position < count {
            if bytes[position] != 0x3C {  // text up to the next '<'
                let start = position
                var i = position
                while i < count, bytes[i] != 0x3C { i += 1 }
                position = i
                return .text(start..<i)
            }
            guard position + 1 < count else { throw fail(position, "onverwacht einde na '<'") }
            switch bytes[position + 1] {
            case 0x2F: return try endTag()  // '/'
            case 0x3F: try skip(past: "?>")  // '?': processing instruction, XML declaration
            case 0x21:  // '!'
                if matches("<!--", at: position) {
                    try skip(past: "-->")
                } else if matches("<![CDATA[", at: position) {
                    let start = position + 9
                    position = start
                    try skip(past: "]]>")
                    return .cdata(start..<(position - 3))
                } else {
                    try skipDeclaration()
                }
            default: return try startTag()
            }
        }
        return nil
    }

    // MARK: Tags

    private mutating func startTag() throws(Failure) -> Event {
        let tagStart = position
        position += 1
        let name = try readName()
        attributeCount = 0
        let count = bytes.count
        while true {
            skipSpace()
            guard position < count else { throw fail(tagStart, "element wordt niet afgesloten") }
            let c = bytes[position]
            if c == 0x3E {  // '>'
                position += 1
                return .start(name, selfClosing: false)
            }
            if c == 0x2F {  // '/>'
                guard position + 1 < count, bytes[position + 1] == 0x3E else { throw fail(position, "verwacht '>' na '/'") }
                position += 2
                return .start(name, selfClosing: true)
            }
            let attributeName = try readName()
            skipSpace()
            guard position < count, bytes[position] == 0x3D else { throw fail(position, "verwacht '=' na attribuutnaam") }
            position += 1
            skipSpace()
            guard position < count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
                throw fail(position, "attribuutwaarde staat niet tussen aanhalingstekens")
            }
            let quote = bytes[position]
            let valueStart = position + 1
            var i = valueStart
            while i < count, bytes[i] != quote {
                if bytes[i] == 0x3C { throw fail(i, "'<' in een attribuutwaarde") }
                i += 1
            }
            guard i < count else { throw fail(valueStart, "attribuutwaarde wordt niet afgesloten") }
            let attribute = Attribute(name: attributeName, value: valueStart..<i)
            if attributeCount < attributeSlots.count {
                attributeSlots[attributeCount] = attribute
            } else {
                attributeSlots.append(attribute)
            }
            attributeCount += 1
            position = i + 1
        }
    }

    private mutating func endTag() throws(Failure) -> Event {
        position += 2
        let name = try readName()
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x3E else { throw fail(position, "verwacht '>' in sluittag") }
        position += 1
        return .end(name)
    }

    private mutating func readName() throws(Failure) -> Name {
        let start = position
        var localStart = position
        let count = bytes.count
        var i = position
        while i < count {
            let c = bytes[i]
            // Names end at space, '/', '>', '=' (the XML name rules are wider than Office needs).
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x2F || c == 0x3E || c == 0x3D { break }
            if c == 0x3C || c == 0x22 || c == 0x27 { throw fail(i, "ongeldig teken in een naam") }
            if c == 0x3A { localStart = i + 1 }  // ':' ends the prefix
            i += 1
        }
        guard i > start else { throw fail(start, "naam verwacht") }
        position = i
        return Name(start: start, localStart: localStart, end: i)
    }

    private mutating func skipSpace() {
        let count = bytes.count
        while position < count {
            let c = bytes[position]
            guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { return }
            position += 1
        }
    }

    /// Moves past the next occurrence of `terminator`.
    private mutating func skip(past terminator: StaticString) throws(Failure) {
        let start = position
        let length = terminator.utf8CodeUnitCount
        let first = terminator.utf8Start.pointee
        var i = position + 2
        let last = bytes.count - length
        while i <= last {
            if bytes[i] == first, matches(terminator, at: i) {
                position = i + length
                return
            }
            i += 1
        }
        throw fail(start, "'\(terminator)' ontbreekt")
    }

    /// `<!DOCTYPE ...>` with an optional internal subset in brackets.
    private mutating func skipDeclaration() throws(Failure) {
        let start = position
        var depth = 0
        var i = position + 2
        while i < bytes.count {
            switch bytes[i] {
            case 0x5B: depth += 1
            case 0x5D: depth -= 1
            case 0x3E where depth <= 0:
                position = i + 1
                return
            default: break
            }
            i += 1
        }
        throw fail(start, "declaratie wordt niet afgesloten")
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset >= 0, offset + length <= bytes.count else { return false }
        let p = literal.utf8Start
        for k in 0..<length where bytes[offset + k] != p[k] { return false }
        return true
    }

    private func fail(_ offset: Int, _ detail: String) -> Failure { Failure(offset: offset, detail: detail) }

    // MARK: Queries

    /// Whether the local part of `name` is `literal` (ASCII).
    func isLocal(_ name: Name, _ literal: StaticString) -> Bool {
        guard name.end - name.localStart == literal.utf8CodeUnitCount else { return false }
        return matches(literal, at: name.localStart)
    }

    /// Whether the whole name, prefix included, is `literal`.
    func isQualified(_ name: Name, _ literal: StaticString) -> Bool {
        guard name.end - name.start == literal.utf8CodeUnitCount else { return false }
        return matches(literal, at: name.start)
    }

    /// The raw value of the attribute whose local name is `local` (`r:id` and `id` both match
    /// "id"; a prefixed match wins over none only by order).
    func attribute(_ local: StaticString) -> Range<Int>? {
        for a in attributes where isLocal(a.name, local) { return a.value }
        return nil
    }

    /// The raw value of the attribute named exactly `qualified` (prefix included).
    func attribute(qualified: StaticString) -> Range<Int>? {
        for a in attributes where isQualified(a.name, qualified) { return a.value }
        return nil
    }

    /// Whether the raw bytes in `range` equal `literal`.
    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && matches(literal, at: range.lowerBound)
    }
}
