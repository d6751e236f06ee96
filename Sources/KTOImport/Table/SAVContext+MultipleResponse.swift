/// Multiple-response sets (extension subtypes 7 and 19), e.g.
/// `$a=C 10 my mcgroup a b c`, `$b=D2 55 0  g e f d`, `$e=E 11 6 choice 0  n o p`:
/// name, `=`, C / D / E, for E a label-source number, for D and E the counted value as
/// `length value`, a space, the label as `length label`, then the members' short names.
extension SAVContext {
    func multipleResponseSets(plans: [ColumnPlan], columns: [DataColumn]) throws(SAVError.Kind) -> [MultipleResponseSet] {
        var sets: [MultipleResponseSet] = []
        let index = ColumnIndex(plans)
        for record in dict.multipleResponseSets {
            var parser = MRSetParser(bytes: bytes, position: record.lowerBound, end: record.upperBound)
            while let raw = try parser.next() {
                let name = text(raw.name)
                guard name.hasPrefix("$"), name.count > 1 else {
                    throw .inconsistent("meervoudige-antwoordenset '\(name)' begint niet met $")
                }
                var members: [Int] = []
                for token in raw.variables {
                    // The record names members by short name (lowercased); a long name is accepted too.
                    let member = text(token)
                    guard let column = index.short(member) ?? index.long(member) else {
                        throw .inconsistent("meervoudige-antwoordenset \(name) noemt variabele \(member), die niet bestaat")
                    }
                    members.append(column)
                }
                var label = text(raw.label)
                if label.isEmpty && raw.labelFromVariables, let first = members.first {
                    // LABELSOURCE=VARLABEL: the first member with a variable label, else its name.
                    label = members.lazy.compactMap { columns[$0].label }.first ?? columns[first].name
                }
                let kind: MultipleResponseSet.Kind =
                    raw.counted.map { .dichotomy(countedValue: trimmedText($0)) } ?? .category
                sets.append(
                    MultipleResponseSet(
                        name: String(name.dropFirst()), label: label, kind: kind, variables: members.map { columns[$0].name }))
            }
        }
        return sets
    }
}

/// Splits the text of one multiple-response record into sets (byte ranges, decoded later).
struct MRSetParser {
    struct RawSet {
        var name: Range<Int>
        /// The counted value of a dichotomy set; nil for a category set.
        var counted: Range<Int>?
        var label: Range<Int>
        /// `E 11`: the label is to come from the members' variable labels.
        var labelFromVariables: Bool
        var variables: [Range<Int>]
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    private func fail(_ what: String) -> SAVError.Kind {
        .inconsistent("onleesbare meervoudige-antwoordenset bij byte \(position): \(what)")
    }

    mutating func next() throws(SAVError.Kind) -> RawSet? {
        while position < end && (bytes[position] == Self.newline || bytes[position] == UInt8(ascii: "\r")) { position += 1 }
        guard position < end else { return nil }
        let nameStart = position
        while position < end && bytes[position] != UInt8(ascii: "=") && bytes[position] != Self.newline { position += 1 }
        guard position < end, bytes[position] == UInt8(ascii: "=") else { throw fail("'=' ontbreekt na de naam") }
        let name = nameStart..<position
        position += 1
        guard position < end else { throw fail("het type (C, D of E) ontbreekt") }
        let type = bytes[position]
        position += 1
        var counted: Range<Int>?
        var labelFromVariables = false
        switch type {
        case UInt8(ascii: "C"): break
        case UInt8(ascii: "D"): counted = try countedString()
        case UInt8(ascii: "E"):
            try expect(Self.space)
            labelFromVariables = try decimal() == 11
            try expect(Self.space)
            counted = try countedString()
        default: throw fail("onbekend type '\(Character(Unicode.Scalar(type)))'")
        }
        try expect(Self.space)
        let label = try countedString()
        var variables: [Range<Int>] = []
        var start = position
        while position < end && bytes[position] != Self.newline {
            if bytes[position] == Self.space {
                if position > start { variables.append(start..<position) }
                start = position + 1
            }
            position += 1
        }
        if position > start { variables.append(start..<position) }
        return RawSet(name: name, counted: counted, label: label, labelFromVariables: labelFromVariables, variables: variables)
    }

    private mutating func expect(_ byte: UInt8) throws(SAVError.Kind) {
        guard position < end, bytes[position] == byte else { throw fail("een spatie ontbreekt") }
        position += 1
    }

    private mutating func decimal() throws(SAVError.Kind) -> Int {
        var value = 0
        let start = position
        while position < end, bytes[position] >= 0x30, bytes[position] <= 0x39, position - start < 9 {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        guard position > start else { throw fail("een getal ontbreekt") }
        return value
    }

    /// `length SPACE bytes`.
    private mutating func countedString() throws(SAVError.Kind) -> Range<Int> {
        let length = try decimal()
        try expect(Self.space)
        guard length <= end - position else { throw fail("de tekst loopt over het einde van het record") }
        defer { position += length }
        return position..<(position + length)
    }
}
