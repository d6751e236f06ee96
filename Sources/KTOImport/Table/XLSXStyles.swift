/// Which cell styles (`s` attribute, an index into `cellXfs`) show their numbers as dates or
/// times, from `xl/styles.xml`.
struct XLSXStyles {
    /// Per cell style: whether its number format is a date or time format.
    var isDate: [Bool] = []

    init() {}

    init(_ bytes: [UInt8], part: String, package: XLSXPackage) throws(XLSXError) {
        isDate = try package.scan(bytes, part: part) { scanner throws(XMLScanner.Failure) in
            var custom: [Int: Bool] = [:]
            var formats: [Int] = []
            var inCellXfs = false
            while let event = try scanner.next() {
                switch event {
                case .start(let element, let selfClosing):
                    if scanner.isLocal(element, "numFmt") {
                        if let id = scanner.attribute("numFmtId").flatMap({ XLSXValues.index(scanner.bytes, $0) }),
                            let code = scanner.attribute("formatCode")
                        {
                            custom[id] = Self.isDateFormat(try scanner.text(code))
                        }
                    } else if scanner.isLocal(element, "cellXfs") {
                        inCellXfs = !selfClosing
                    } else if inCellXfs, scanner.isLocal(element, "xf") {
                        formats.append(scanner.attribute("numFmtId").flatMap { XLSXValues.index(scanner.bytes, $0) } ?? 0)
                    }
                case .end(let element):
                    if scanner.isLocal(element, "cellXfs") { inCellXfs = false }
                default: break
                }
            }
            return formats.map { id in custom[id] ?? Self.builtInDateFormats.contains(id) }
        }
    }

    /// Whether style `index` is a date style; false for styles that do not exist.
    func date(_ index: Int) -> Bool { index >= 0 && index < isDate.count && isDate[index] }

    /// Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30): 14-22, 45-47.
    static let builtInDateFormats: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]

    /// Whether a format code shows a date or time: it has d, m, y, h or s outside quoted text,
    /// brackets (`[Red]`, `[$-413]`; elapsed time `[h]` does count), escaped characters (`\d`) and padding/fill (`_x`, `*x`).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var bracketIsElapsedTime = false
        var bracketLength = 0
        var skipNext = false
        for c in code.unicodeScalars {
            if skipNext {
                skipNext = false
                continue
            }
            if inQuotes {
                if c == "\"" { inQuotes = false }
                continue
            }
            if inBrackets {
                // [h], [mm], [ss]: elapsed time; anything else in brackets is a colour or locale.
                if c == "]" {
                    if bracketIsElapsedTime, bracketLength > 0 { return true }
                    inBrackets = false
                } else {
                    bracketLength += 1
                    if !"hHmMsS".unicodeScalars.contains(c) { bracketIsElapsedTime = false }
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case "[":
                inBrackets = true
                bracketIsElapsedTime = true
                bracketLength = 0
            case "\\", "_", "*": skipNext = true
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S": return true
            default: break
            }
        }
        return false
    }
}
