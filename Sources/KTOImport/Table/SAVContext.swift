/// A parsed dictionary together with the file bytes and the text encoding: resolves the raw
/// records into columns (names, very long strings, labels, missing values, formats).
struct SAVContext {
    let bytes: UnsafeBufferPointer<UInt8>
    let dict: SAVDictionary
    let encoding: SAVTextEncoding
    /// The encoding's name as the file gave it (or as its code page means it).
    let encodingName: String

    /// One output column: a numeric variable, a string variable, or a very long string made of
    /// several string variables (segments).
    struct ColumnPlan {
        /// The variable (first segment) whose dictionary entry describes the column.
        var variable: Int
        var name: String
        /// The short (8-byte) name of the first segment, uppercase-insensitive key for records
        /// that refer to variables by short name.
        var shortName: String
        /// 0 for numeric, else the string width in bytes.
        var width: Int
        /// For numbers: the 8-byte element in a case.
        var element: Int
        /// For strings: the byte ranges within a case whose concatenation is the value.
        var spans: [Range<Int>]
    }

    init(bytes: UnsafeBufferPointer<UInt8>, dict: SAVDictionary) throws(SAVError.Kind) {
        self.bytes = bytes
        self.dict = dict
        if let range = dict.encodingName {
            let name = savTrimmed(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), [" ", "\0"])
            guard let encoding = SAVTextEncoding(name: name) else { throw .unsupportedEncoding(name) }
            self.encoding = encoding
            self.encodingName = name
        } else {
            switch SAVTextEncoding.forCodePage(dict.characterCode ?? 0) {
            case .success(let (encoding, name)):
                self.encoding = encoding
                self.encodingName = name
            case .failure(let unsupported):
                throw .unsupportedEncoding(unsupported.name)
            }
        }
    }

    func text(_ range: Range<Int>) -> String {
        encoding.decode(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Text with trailing blanks (spaces, NULs) removed, as SPSS pads fields.
    func trimmedText(_ range: Range<Int>) -> String {
        text(Self.trimmed(range, in: bytes))
    }

    /// `range` without trailing spaces and NUL bytes.
    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0) { end -= 1 }
        return range.lowerBound..<end
    }

    /// The columns in file order, very long strings joined, long names applied.
    func columnPlans() throws(SAVError.Kind) -> [ColumnPlan] {
        let variables = dict.variables
        let longWidths = try veryLongStringWidths()
        let longNames = longVariableNames()
        var plans: [ColumnPlan] = []
        plans.reserveCapacity(variables.count)
        var i = 0
        while i < variables.count {
            let v = variables[i]
            let short = trimmedText(v.shortName)
            let key = short.uppercased()
            var plan = ColumnPlan(
                variable: i, name: longNames[key] ?? short, shortName: short, width: v.width,
                element: v.element, spans: [])
            if v.width > 0, let width = longWidths[key], width > 255 {
                // A very long string: one segment of 255 bytes per 252 of width, packed tightly.
                let segments = (width + 251) / 252
                guard i + segments <= variables.count else {
                    throw .inconsistent("de lange tekstvariabele \(short) (\(width) tekens) heeft te weinig segmenten")
                }
                var taken = 0
                for k in 0..<segments {
                    let segment = variables[i + k]
                    guard segment.width > 0 else {
                        throw .inconsistent("segment \(k + 1) van de lange tekstvariabele \(short) is numeriek")
                    }
                    let use = min(segment.width, 255, width - taken)
                    if use > 0 { plan.spans.append((segment.element * 8)..<(segment.element * 8 + use)) }
                    taken += use
                }
                guard taken == width else {
                    throw .inconsistent("de segmenten van de lange tekstvariabele \(short) bevatten samen geen \(width) tekens")
                }
                plan.width = width
                plans.append(plan)
                i += segments
                continue
            }
            if v.width > 0 { plan.spans = [(v.element * 8)..<(v.element * 8 + v.width)] }
            plans.append(plan)
            i += 1
        }
        return plans
    }

    /// Extension 14: `SHORT=00300` tuples separated by NUL TAB; width per uppercase short name.
    private func veryLongStringWidths() throws(SAVError.Kind) -> [String: Int] {
        guard let range = dict.veryLongStrings else { return [:] }
        var widths: [String: Int] = [:]
        for tuple in split(range, separator: 0x09) {
            let body = Self.trimmed(tuple, in: bytes)  // drops the NUL before the TAB
            guard !body.isEmpty else { continue }
            guard let eq = body.firstIndex(where: { bytes[$0] == UInt8(ascii: "=") }) else {
                throw .inconsistent("onleesbaar record met lange tekstvariabelen (7/14)")
            }
            let name = trimmedText(body.lowerBound..<eq).uppercased()
            let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[(eq + 1)..<body.upperBound]), as: UTF8.self)
            guard let width = Int(savTrimmed(digits, [" ", "\0"])), width > 0, width <= 32767 else {
                throw .inconsistent("ongeldige breedte '\(digits)' voor \(name) in het record met lange tekstvariabelen (7/14)")
            }
            widths[name] = width
        }
        return widths
    }

    /// Extension 13: `SHORT=LongName` pairs separated by TAB; long name per uppercase short name.
    private func longVariableNames() -> [String: String] {
        guard let range = dict.longNames else { return [:] }
        var names: [String: String] = [:]
        for pair in split(range, separator: 0x09) {
            guard let eq = pair.firstIndex(where: { bytes[$0] == UInt8(ascii: "=") }) else { continue }
            let short = trimmedText(pair.lowerBound..<eq).uppercased()
            let long = trimmedText((eq + 1)..<pair.upperBound)
            if !short.isEmpty && !long.isEmpty { names[short] = long }
        }
        return names
    }

    /// Finds columns by the names records use for them: long name first, then short name
    /// (both without regard to case), in constant time per lookup.
    struct ColumnIndex {
        private var byName: [String: Int] = [:]
        private var byShortName: [String: Int] = [:]

        init(_ plans: [ColumnPlan]) {
            for (i, plan) in plans.enumerated().reversed() {
                byName[plan.name.uppercased()] = i
                byShortName[plan.shortName.uppercased()] = i
            }
        }

        func long(_ name: String) -> Int? { byName[name.uppercased()] }
        func short(_ name: String) -> Int? { byShortName[name.uppercased()] }
    }

    /// The sub-ranges of `range` between `separator` bytes.
    func split(_ range: Range<Int>, separator: UInt8) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == separator {
            parts.append(start..<i)
            start = i + 1
        }
        parts.append(start..<range.upperBound)
        return parts
    }
}

/// `text` without leading and trailing characters in `characters`.
private func savTrimmed(_ text: String, _ characters: Set<Character>) -> String {
    var s = Substring(text)
    while let f = s.first, characters.contains(f) { s.removeFirst() }
    while let l = s.last, characters.contains(l) { s.removeLast() }
    return String(s)
}
