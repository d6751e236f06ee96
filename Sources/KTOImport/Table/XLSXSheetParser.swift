import Foundation

/// Reads the cells of a worksheet part (`<sheetData><row><c>`) into an `XLSXTableBuilder`.
///
/// Cell types (ECMA-376 Part 1, 18.18.11): `s` shared string, `inlineStr` (`<is>`), `str`
/// formula text (the cached `<v>`; formulas are never evaluated), `b` boolean, `n` or none a
/// number, `e` error (`#N/A` as text), `d` ISO 8601 date. Rows and cells without an `r`
/// reference follow the previous one.
///
/// A large sheet is read in two halves on two cores (`halves`, `readInHalves`) when that gives
/// exactly what one pass gives; otherwise in one pass.
struct XLSXSheetParser: Sendable {
    /// The workbook's name, for messages.
    let file: String
    let part: String
    let sheet: String
    let sharedStrings: [String]
    let styles: XLSXStyles
    let date1904: Bool

    private enum CellType {
        case number, shared, inline, formulaText, boolean, error, isoDate
    }

    /// Days from 1899-12-30 to 1904-01-01: added to 1904-system dates.
    static let days1904 = 1462.0

    /// - Parameter halvesFrom: the size from which a sheet is read in halves when it can be
    ///   (tests make it small).
    func read(_ bytes: [UInt8], into builder: inout XLSXTableBuilder, halvesFrom: Int = minimumBytesForHalves) throws(XLSXError) {
        try bytes.withUnsafeBufferPointer { buffer throws(XLSXError) in
            if ProcessInfo.processInfo.activeProcessorCount > 1, buffer.count >= halvesFrom, let halves = Self.halves(buffer),
               let read = readInHalves(buffer, halves, builder: builder)
            {
                builder = read
                return
            }
            var scanner = XMLScanner(buffer)
            _ = try parse(&scanner, buffer, into: &builder)
        }
    }

    /// Sheets below this are read in one pass.
    static let minimumBytesForHalves = 1 << 20

    /// Where a large sheet can be read in two halves.
    struct Halves: Equatable {
        /// Just after the first row's `</row>` (the header, which the second half needs).
        var header: Int
        /// The row tag near the middle of the rows where the second half begins.
        var split: Int
        /// Where `</sheetData>` begins.
        var end: Int
    }

    /// Where a large sheet can be read in two halves (`Halves`). Nil when there is no such place
    /// for sure: no plain `<sheetData>`, a comment, CDATA section or processing instruction
    /// among the rows (where `<row ` could be text), or a cell or row after the rows.
    static func halves(_ b: UnsafeBufferPointer<UInt8>) -> Halves? {
        guard let base = b.baseAddress else { return nil }
        // The first `needle` in from..<to, found by `memchr` on its byte at `key` (a rare one:
        // '<' starts every tag, '!' and '?' hardly occur).
        func find(_ needle: StaticString, key: Int = 0, from: Int, to: Int) -> Int? {
            let count = needle.utf8CodeUnitCount
            let byte = needle.utf8Start[key]
            var i = from + key
            while i < to - (count - 1 - key) {
                guard let hit = memchr(base + i, Int32(byte), to - (count - 1 - key) - i) else { return nil }
                let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base) - key
                if memcmp(base + at, needle.utf8Start, count) == 0 { return at }
                i = at + key + 1
            }
            return nil
        }
        guard let open = find("<sheetData>", from: 0, to: b.count) else { return nil }
        let start = open + 11
        // The last `</sheetData>`: near the end, so searched backwards.
        let closing = Array("</sheetData>".utf8)
        var end = b.count - closing.count
        while end >= start, !closing.indices.allSatisfy({ b[end + $0] == closing[$0] }) { end -= 1 }
        guard end > start, find("<!", key: 1, from: start, to: end) == nil, find("<?", key: 1, from: start, to: end) == nil,
              let split = find("<row ", from: start + (end - start) / 2, to: end),
              let header = find("</row>", from: start, to: split)
        else { return nil }
        // After the rows: no cell, row, value or inline text a one-pass read would still take.
        var tail = XMLScanner(b, from: end, to: b.count)
        while let event = try? tail.next() {
            guard case .start(let name, _) = event else { continue }
            if tail.isLocal(name, "c") || tail.isLocal(name, "row") || tail.isLocal(name, "v") || tail.isLocal(name, "is") { return nil }
        }
        return Halves(header: header + 6, split: split, end: end)
    }

    /// The sheet read as two halves on two cores: the first half into a copy of `builder`; the
    /// header row, then the second half into another copy, whose rows are then appended; then
    /// the part after the rows. The builder ends as after one pass. Nil, for a one-pass read to
    /// do it (and meet any error where it would), when a half fails, does not end between cells,
    /// the second half's first row has no number of its own, the first row is not the header,
    /// or the rows together pass the limit on cells.
    func readInHalves(_ b: UnsafeBufferPointer<UInt8>, _ halves: Halves, builder: XLSXTableBuilder) -> XLSXTableBuilder? {
        enum Half: Sendable {
            case read(XLSXTableBuilder, ParseEnd)
            case failed
        }
        let shared = SharedBytes(b)
        let parser = self
        let results = concurrentMap(2) { k -> Half in
            let b = shared.buffer
            do throws(XLSXError) {
                var half = builder
                if k == 1 {
                    // The header row first: the second half's cells are checked against its names.
                    var header = XMLScanner(b, from: 0, to: halves.header)
                    guard try parser.parse(&header, b, into: &half).clean, half.hasHeader else { return .failed }
                }
                var scanner = XMLScanner(b, from: k == 0 ? 0 : halves.split, to: k == 0 ? halves.split : halves.end)
                let end = try parser.parse(&scanner, b, into: &half)
                return .read(half, end)
            } catch {
                return .failed
            }
        }
        guard case .read(var read, let firstEnd) = results[0], firstEnd.clean,
              case .read(let second, let secondEnd) = results[1], secondEnd.clean, secondEnd.firstRowNumbered == true,
              read.appendRows(of: second)
        else { return nil }
        do throws(XLSXError) {
            var tail = XMLScanner(b, from: halves.end, to: b.count)
            _ = try parse(&tail, b, into: &read)
        } catch {
            return nil
        }
        return read
    }

    private func malformed(_ failure: XMLScanner.Failure) -> XLSXError {
        .malformedXML(file: file, part: part, offset: failure.offset, detail: failure.detail)
    }

    private func badCell(_ column: Int, _ row: Int, _ detail: String) -> XLSXError {
        .badCell(file: file, sheet: sheet, cell: XLSXTableBuilder.cell(column, row), detail: detail)
    }

    @inline(__always)
    private static func isLocal(_ b: UnsafeBufferPointer<UInt8>, _ name: XMLScanner.Name, _ c: UInt8) -> Bool {
        name.end - name.localStart == 1 && b[name.localStart] == c
    }

    /// How a pass over (part of) the sheet ended: between cells (no cell, value or inline text
    /// open), and whether its first row tag had an `r` number.
    struct ParseEnd: Sendable {
        var clean: Bool
        var firstRowNumbered: Bool?
    }

    private func parse(
        _ scanner: inout XMLScanner, _ b: UnsafeBufferPointer<UInt8>, into builder: inout XLSXTableBuilder
    ) throws(XLSXError) -> ParseEnd {
        var firstRowNumbered: Bool?
        var rowNumber = 0
        var rowNumberFromCells = false
        var column = -1
        var inCell = false
        var inValue = false
        var inInline = false
        var type = CellType.number
        var dateStyle = false
        // The value: one raw range in the common case, bytes when it came in several pieces.
        var valueRange: Range<Int>?
        var valueBytes: [UInt8] = []
        var valuePieces = 0
        var inline = XLSXTextCollector()

        while true {
            let event: XMLScanner.Event?
            do { event = try scanner.next() } catch { throw malformed(error) }
            guard let event else { break }
            switch event {
            case .start(let name, let selfClosing):
                if Self.isLocal(b, name, 0x63) {  // c
                    var reference: Range<Int>?
                    var typeRange: Range<Int>?
                    var styleRange: Range<Int>?
                    for a in scanner.attributes where a.name.end - a.name.localStart == 1 {
                        switch b[a.name.localStart] {
                        case 0x72: reference = a.value  // r
                        case 0x74: typeRange = a.value  // t
                        case 0x73: styleRange = a.value  // s
                        default: break
                        }
                    }
                    if let reference {
                        guard let parsed = XLSXValues.reference(b, reference) else {
                            throw badCell(column + 1, rowNumber, "ongeldige celverwijzing '\((try? scanner.text(reference)) ?? "")'")
                        }
                        column = parsed.column
                        if rowNumberFromCells, let row = parsed.row {
                            rowNumber = row
                            rowNumberFromCells = false
                        }
                    } else {
                        column += 1
                        guard column < XLSXValues.maxColumns else { throw badCell(column, rowNumber, "voorbij de laatste kolom") }
                    }
                    type = try cellType(typeRange, scanner: scanner, column: column, row: rowNumber)
                    dateStyle = styleRange.flatMap { XLSXValues.index(b, $0) }.map(styles.date) ?? false
                    valueRange = nil
                    valuePieces = 0
                    inCell = !selfClosing
                    inValue = false
                    inInline = false
                } else if inCell, Self.isLocal(b, name, 0x76) {  // v
                    inValue = !selfClosing
                } else if inCell, name.end - name.localStart == 2, scanner.isLocal(name, "is") {
                    inInline = !selfClosing
                    inline.begin()
                } else if inInline {
                    inline.start(name, selfClosing: selfClosing, scanner: scanner)
                } else if scanner.isLocal(name, "row") {
                    if firstRowNumbered == nil { firstRowNumbered = scanner.attribute("r") != nil }
                    if let r = scanner.attribute("r") {
                        guard let number = XLSXValues.index(b, r), number >= 1, number <= XLSXValues.maxRows else {
                            throw malformed(XMLScanner.Failure(offset: r.lowerBound, detail: "ongeldig rijnummer"))
                        }
                        rowNumber = number
                        rowNumberFromCells = false
                    } else {
                        rowNumber += 1
                        rowNumberFromCells = true
                    }
                    column = -1
                    if selfClosing { try builder.endRow(number: rowNumber) }
                }
            case .end(let name):
                if Self.isLocal(b, name, 0x63) {  // c
                    if inCell {
                        inCell = false
                        let value: TableCell
                        do {
                            value = try cellValue(
                                type, range: valuePieces == 1 ? valueRange : nil, bytes: valuePieces > 1 ? valueBytes : nil,
                                inline: &inline, dateStyle: dateStyle, scanner: scanner)
                        } catch {
                            throw badCell(column, rowNumber, error.detail)
                        }
                        try builder.set(column: column, rowNumber: rowNumber, value: value, isDate: dateStyle || type == .isoDate)
                    }
                } else if Self.isLocal(b, name, 0x76) {  // v
                    inValue = false
                } else if inInline {
                    if scanner.isLocal(name, "is") { inInline = false } else { inline.end(name, scanner: scanner) }
                } else if scanner.isLocal(name, "row") {
                    try builder.endRow(number: rowNumber)
                }
            case .text(let range):
                if inValue {
                    valuePieces += 1
                    if valuePieces == 1 {
                        valueRange = range
                    } else {
                        do {
                            if valuePieces == 2, let first = valueRange {
                                valueBytes.removeAll(keepingCapacity: true)
                                try scanner.appendDecoded(first, to: &valueBytes)
                            }
                            try scanner.appendDecoded(range, to: &valueBytes)
                        } catch {
                            throw malformed(error)
                        }
                    }
                } else if inInline {
                    do { try inline.text(range, scanner: scanner) } catch { throw malformed(error) }
                }
            case .cdata(let range):
                if inValue {
                    // CDATA is literal: keep it in bytes, decoding a first raw piece if there was one.
                    valuePieces += 1
                    if valuePieces == 2, let first = valueRange {
                        valueBytes.removeAll(keepingCapacity: true)
                        do { try scanner.appendDecoded(first, to: &valueBytes) } catch { throw malformed(error) }
                    } else if valuePieces == 1 {
                        valueBytes.removeAll(keepingCapacity: true)
                        valuePieces = 2
                    }
                    valueBytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[range]))
                } else if inInline {
                    inline.cdata(range, scanner: scanner)
                }
            }
        }
        return ParseEnd(clean: !inCell && !inValue && !inInline, firstRowNumbered: firstRowNumbered)
    }

    private func cellType(_ range: Range<Int>?, scanner: XMLScanner, column: Int, row: Int) throws(XLSXError) -> CellType {
        guard let range else { return .number }
        if scanner.equals(range, "s") { return .shared }
        if scanner.equals(range, "n") { return .number }
        if scanner.equals(range, "str") { return .formulaText }
        if scanner.equals(range, "inlineStr") { return .inline }
        if scanner.equals(range, "b") { return .boolean }
        if scanner.equals(range, "e") { return .error }
        if scanner.equals(range, "d") { return .isoDate }
        throw badCell(column, row, "onbekend celtype '\((try? scanner.text(range)) ?? "")'")
    }

    /// The value of a finished cell from its raw `<v>` range (one piece) or decoded bytes.
    private func cellValue(
        _ type: CellType, range: Range<Int>?, bytes: [UInt8]?, inline: inout XLSXTextCollector, dateStyle: Bool,
        scanner: XMLScanner
    ) throws(XMLScanner.Failure) -> TableCell {
        func text() throws(XMLScanner.Failure) -> String? {
            if let range { return try scanner.text(range) }
            if let bytes { return String(decoding: bytes, as: UTF8.self) }
            return nil
        }
        func number() -> Double? {
            if let range { return XLSXValues.double(scanner.bytes, range) }
            if let bytes { return bytes.withUnsafeBufferPointer { XLSXValues.double($0, 0..<$0.count) } }
            return nil
        }
        let offset = range?.lowerBound ?? 0
        switch type {
        case .number:
            if range == nil, bytes == nil { return .empty }
            guard let value = number() else { throw XMLScanner.Failure(offset: offset, detail: "geen geldig getal") }
            return .number(dateStyle && date1904 ? value + Self.days1904 : value)
        case .shared:
            if range == nil, bytes == nil { return .empty }
            guard let index = number().flatMap({ $0 >= 0 && $0 == $0.rounded() && $0 < 1e12 ? Int($0) : nil }),
                index < sharedStrings.count
            else {
                throw XMLScanner.Failure(offset: offset, detail: "verwijst naar een gedeelde tekst die niet bestaat")
            }
            let text = sharedStrings[index]
            return text.isEmpty ? .empty : .text(text)
        case .inline:
            let collected = inline.finish()
            if !collected.isEmpty { return .text(collected) }
            return try text().map { $0.isEmpty ? .empty : .text($0) } ?? .empty
        case .formulaText, .error:
            guard let text = try text(), !text.isEmpty else { return .empty }
            return .text(text)
        case .boolean:
            guard let text = try text() else { return .empty }
            switch text {
            case "1", "true": return .boolean(true)
            case "0", "false": return .boolean(false)
            default: throw XMLScanner.Failure(offset: offset, detail: "geen geldige booleaanse waarde")
            }
        case .isoDate:
            guard let text = try text(), !text.isEmpty else { return .empty }
            guard let serial = XLSXValues.isoDate(text) else {
                throw XMLScanner.Failure(offset: offset, detail: "geen geldige ISO 8601-datum")
            }
            return .number(serial)
        }
    }
}
