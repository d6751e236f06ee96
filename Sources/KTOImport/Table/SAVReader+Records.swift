/// The dictionary records: file header, variables, value labels, documents, extension records,
/// up to the dictionary termination record (PSPP developers' guide, "System File Format").
extension SAVReader {
    static let headerSize = 176
    /// The most value labels (summed over variables) a file may declare.
    static let maxValueLabels = 5_000_000

    static func readHeader(_ bytes: UnsafeBufferPointer<UInt8>) throws(SAVError.Kind) -> SAVDictionary.Header {
        let fl2: [UInt8] = Array("$FL2".utf8)
        let fl3: [UInt8] = Array("$FL3".utf8)
        let magic = Array(bytes.prefix(4))
        guard magic.count == 4 else {
            // A file cut off inside the magic is truncated; anything else is not SPSS.
            if magic == Array(fl2.prefix(magic.count)) { throw .truncated(offset: bytes.count) }
            throw .notASystemFile(magic: magic)
        }
        if magic == [0x5B, 0xC6, 0xD3, 0xF2] { throw .unsupportedEncoding("EBCDIC") }
        guard magic == fl2 || magic == fl3 else { throw .notASystemFile(magic: magic) }
        var c = SAVCursor(bytes, offset: 64)
        try c.require(headerSize - 64)
        // layout_code is 2 or 3; read in the wrong byte order it is a huge number instead.
        let little = try c.int32()
        c.offset = 64
        c.bigEndian = true
        let big = try c.int32()
        let bigEndian: Bool
        if little == 2 || little == 3 {
            bigEndian = false
        } else if big == 2 || big == 3 {
            bigEndian = true
        } else {
            throw .inconsistent("onbekende indelingscode (layout_code) \(little) in de kop")
        }
        c.bigEndian = bigEndian
        _ = try c.int32()  // nominal_case_size: unreliable, the variable records decide
        let compression = try c.int32()
        _ = try c.int32()  // weight_index
        let caseCount = try c.int32()
        let bias = try c.double()
        let zlibMagic = magic == fl3
        switch compression {
        case 0, 1:
            if zlibMagic { throw .inconsistent("de kop zegt $FL3 (zlib) maar compressiemethode \(compression)") }
        case 2:
            if !zlibMagic { throw .inconsistent("compressiemethode 2 (zlib) hoort bij $FL3, niet bij $FL2") }
        default:
            throw .unsupportedCompression(compression)
        }
        if compression != 0 && !(bias.isFinite && abs(bias) < 1e15) {
            throw .inconsistent("ongeldige compressiebias \(bias) in de kop")
        }
        return SAVDictionary.Header(
            zlibMagic: zlibMagic, bigEndian: bigEndian, compression: compression,
            caseCount: caseCount < 0 ? -1 : caseCount, bias: bias)
    }

    /// Reads every record after the header up to and including the termination record.
    static func readDictionary(_ bytes: UnsafeBufferPointer<UInt8>) throws(SAVError.Kind) -> SAVDictionary {
        let header = try readHeader(bytes)
        var dict = SAVDictionary(header: header)
        var c = SAVCursor(bytes, offset: headerSize, bigEndian: header.bigEndian)
        // Continuation records still owed by the last long string variable.
        var owed = 0
        while true {
            let recordStart = c.offset
            let type = try c.int32()
            if type != 2 && owed > 0 {
                throw .inconsistent("de lange tekstvariabele vóór byte \(recordStart) mist \(owed) vervolgrecord(s)")
            }
            switch type {
            case 2:
                try readVariable(&c, into: &dict, owed: &owed, at: recordStart)
            case 3:
                try readValueLabels(&c, into: &dict, at: recordStart)
            case 4:
                throw .inconsistent("record met waardelabelvariabelen (type 4) zonder waardelabels ervoor, bij byte \(recordStart)")
            case 6:
                let lines = try c.int32()
                let (size, overflow) = lines.multipliedReportingOverflow(by: 80)
                guard lines >= 0, !overflow else { throw .truncated(offset: bytes.count) }
                try c.skip(size)
            case 7:
                try readExtension(&c, into: &dict)
            case 999:
                _ = try c.int32()  // filler
                dict.dataOffset = c.offset
                return dict
            default:
                throw .badRecordType(type, offset: recordStart)
            }
        }
    }

    private static func readVariable(
        _ c: inout SAVCursor, into dict: inout SAVDictionary, owed: inout Int, at start: Int
    ) throws(SAVError.Kind) {
        let type = try c.int32()
        let hasLabel = try c.int32()
        let missingCode = try c.int32()
        let print = try c.int32()
        let write = try c.int32()
        let name = try c.span(8)
        var label: Range<Int>?
        switch hasLabel {
        case 0: break
        case 1:
            let length = try c.int32()
            guard length >= 0 else { throw .inconsistent("negatieve labellengte bij byte \(start)") }
            try c.require(length)
            label = c.offset..<(c.offset + length)
            // The label is padded to a multiple of four bytes.
            try c.skip((length + 3) / 4 * 4)
        default:
            throw .inconsistent("ongeldige labelaanduiding \(hasLabel) in het variabelerecord bij byte \(start)")
        }
        guard [0, 1, 2, 3, -2, -3].contains(missingCode) else {
            throw .inconsistent("ongeldig aantal ontbrekende waarden \(missingCode) in het variabelerecord bij byte \(start)")
        }
        let missing = missingCode == 0 ? nil : try c.span(abs(missingCode) * 8)
        if type == -1 {
            // A continuation of the long string before it: one more 8-byte element.
            guard owed > 0 else {
                throw .inconsistent("vervolgrecord zonder lange tekstvariabele ervoor, bij byte \(start)")
            }
            owed -= 1
            dict.recordVariable.append(nil)
            dict.elementCount += 1
            return
        }
        guard owed == 0 else {
            throw .inconsistent("de lange tekstvariabele vóór byte \(start) mist \(owed) vervolgrecord(s)")
        }
        guard (0...255).contains(type) else {
            throw .inconsistent("ongeldig variabeletype \(type) bij byte \(start)")
        }
        let elements = type == 0 ? 1 : (type + 7) / 8
        dict.recordVariable.append(dict.variables.count)
        dict.variables.append(
            SAVDictionary.Variable(
                dictionaryIndex: dict.recordVariable.count, width: type, element: dict.elementCount,
                elementCount: elements, shortName: name, label: label, missingCode: missingCode,
                missing: missing, printFormat: print, writeFormat: write))
        dict.elementCount += 1
        owed = elements - 1
    }

    private static func readValueLabels(_ c: inout SAVCursor, into dict: inout SAVDictionary, at start: Int) throws(SAVError.Kind) {
        let count = try c.int32()
        guard count >= 0 else { throw .inconsistent("negatief aantal waardelabels bij byte \(start)") }
        var labels: [(value: Range<Int>, label: Range<Int>)] = []
        // Each label takes at least 16 bytes, so the file size bounds the reservation.
        labels.reserveCapacity(min(count, c.remaining / 16))
        for _ in 0..<count {
            let value = try c.span(8)
            let length = Int(try c.byte())
            let label = try c.span(length)
            // label_len and label together are padded to a multiple of 8 bytes.
            try c.skip((1 + length + 7) / 8 * 8 - 1 - length)
            labels.append((value, label))
        }
        let varStart = c.offset
        guard try c.int32() == 4 else {
            throw .inconsistent("na het waardelabelrecord bij byte \(start) ontbreekt het record met variabelen (type 4)")
        }
        let varCount = try c.int32()
        guard varCount >= 0 else { throw .inconsistent("negatief aantal variabelen bij byte \(varStart)") }
        for _ in 0..<varCount {
            let index = try c.int32()
            guard index >= 1, index <= dict.recordVariable.count, let v = dict.recordVariable[index - 1] else {
                throw .inconsistent("waardelabels voor variabele nummer \(index), die niet bestaat (bij byte \(varStart))")
            }
            guard dict.variables[v].width <= 8 else {
                throw .inconsistent(
                    "waardelabels in een type 3-record voor een tekstvariabele van meer dan 8 tekens (bij byte \(varStart))")
            }
            // One record's labels may go to many variables: cap the total, not just the bytes.
            dict.valueLabelCount += labels.count
            guard dict.valueLabelCount <= maxValueLabels else {
                throw .tooLarge("meer dan \(maxValueLabels) waardelabels")
            }
            dict.variables[v].valueLabels.append(contentsOf: labels)
        }
    }

    /// Type 7 records: the known subtypes are kept (as ranges), the rest skipped by size × count.
    private static func readExtension(_ c: inout SAVCursor, into dict: inout SAVDictionary) throws(SAVError.Kind) {
        let subtype = try c.int32()
        let size = try c.int32()
        let count = try c.int32()
        let (total, overflow) = size.multipliedReportingOverflow(by: count)
        guard size >= 0, count >= 0, !overflow else { throw .truncated(offset: c.bytes.count) }
        let data = try c.span(total)
        var r = SAVCursor(c.bytes, offset: data.lowerBound, bigEndian: c.bigEndian)
        switch subtype {
        case 3 where size == 4 && count >= 8:
            try r.skip(7 * 4)
            dict.characterCode = try r.int32()
        case 4 where size == 8 && count >= 3:
            dict.sysmis = try r.double()
            dict.highest = try r.double()
            dict.lowest = try r.double()
        case 7 where size == 1, 19 where size == 1: dict.multipleResponseSets.append(data)
        case 13 where size == 1: dict.longNames = data
        case 14 where size == 1: dict.veryLongStrings = data
        case 20 where size == 1: dict.encodingName = data
        case 21 where size == 1: dict.longStringLabels.append(data)
        case 22 where size == 1: dict.longStringMissing.append(data)
        default: break  // display parameters, attributes, unknown subtypes: not needed
        }
    }
}
