import Foundation
import Testing
@testable import KTOImport

/// Every fixture read by SAVReader equals what pyreadstat (ReadStat, an independent reader) read
/// from the same file: values, labels, value labels, user-missing values, date formats and
/// multiple-response sets.
@Suite("SAV reader: fixtures against pyreadstat")
struct SAVReaderTests {
    static let files = [
        "pspp-uncompressed.sav", "pspp-bytecode.sav", "pspp-zlib.zsav", "pspp-1252.sav",
        "pyreadstat-plain.sav", "pyreadstat-bytecode.sav", "pyreadstat-zlib.zsav", "handmade-bigendian.sav",
        "handmade-bigendian-bytecode.sav",
    ]

    static func number(_ any: Any) -> Double? {
        if let s = any as? String { return s == "inf" ? .infinity : s == "-inf" ? -.infinity : nil }
        return (any as? NSNumber)?.doubleValue
    }

    /// The cell pyreadstat's value stands for: null is system-missing (numbers) or the empty
    /// string, which pyreadstat reports as "" and the reader as `.empty`.
    static func cell(_ any: Any) -> TableCell {
        if any is NSNull { return .empty }
        if let s = any as? String { return s.isEmpty ? .empty : .text(s) }
        return number(any).map { .number($0) } ?? .empty
    }

    static func labelValue(_ any: Any) -> ValueLabelEntry.Value {
        if let s = any as? String { return .text(s) }
        return .number(number(any) ?? .nan)
    }

    /// The user-missing declaration as pyreadstat lists it: (lo, hi) pairs, discrete values as lo == hi.
    static func ranges(_ missing: MissingValues) -> [String] {
        switch missing {
        case .none: return []
        case .discrete(let values):
            return values.map {
                switch $0 {
                case .number(let d): return "\(d)...\(d)"
                case .text(let s): return "\(s)...\(s)"
                }
            }
        case .range(let low, let high, let discrete):
            return ["\(low)...\(high)"] + (discrete.map { ["\($0)...\($0)"] } ?? [])
        }
    }

    static func expectedRanges(_ pairs: [(lo: Any, hi: Any)]) -> [String] {
        pairs.map { pair in
            if let lo = number(pair.lo), let hi = number(pair.hi) { return "\(lo)...\(hi)" }
            return "\(pair.lo)...\(pair.hi)"
        }
    }

    static let dateFormats = ["DATE", "ADATE", "EDATE", "SDATE", "JDATE", "DATETIME", "YMDHMS", "MOYR", "QYR", "WKYR"]

    @Test(arguments: files)
    func matchesPyreadstat(file: String) throws {
        let expected = try #require(SAVFixtures.expected(file), "missing \(file).json")
        let table = try SAVFixtures.read(file)
        #expect(table.format == (file.hasSuffix(".zsav") ? .zsav : .sav))
        #expect(table.rowCount == expected.rows)
        #expect(table.encoding?.lowercased() == expected.encoding.lowercased())
        #expect(table.columns.map(\.name) == expected.columns.map(\.name))
        for (column, want) in zip(table.columns, expected.columns) {
            #expect(column.label == want.label, "\(column.name)")
            #expect(column.cells == want.values.map(Self.cell), "\(column.name)")
            #expect(column.cells.count == table.rowCount)
            if want.format.hasPrefix("A"), let width = Int(want.format.dropFirst()) {
                #expect(column.storage == .string(width: width), "\(column.name)")
            } else {
                #expect(column.storage == .numeric, "\(column.name)")
            }
            let letters = String(want.format.prefix { $0.isLetter })
            #expect((column.dateEpoch == .spssSeconds) == Self.dateFormats.contains(letters), "\(column.name) \(want.format)")
            #expect(column.valueLabels.map(\.value) == want.valueLabels.map { Self.labelValue($0.0) }, "\(column.name)")
            #expect(column.valueLabels.map(\.label) == want.valueLabels.map(\.1), "\(column.name)")
            #expect(Self.ranges(column.missing).sorted() == Self.expectedRanges(want.missingRanges).sorted(), "\(column.name)")
        }
        #expect(table.multipleResponseSets.count == expected.sets.count)
        for set in table.multipleResponseSets {
            let want = try #require(expected.sets[set.name], "set \(set.name)")
            #expect(set.variables == want.variables)
            switch set.kind {
            case .category: #expect(want.type == "C")
            case .dichotomy(let counted):
                #expect(want.type == "D" || want.type == "E")
                // pyreadstat reads only numeric counted values (a string one is null; checked below).
                if !(want.counted is NSNull) { #expect(counted == "\(want.counted)") }
            }
            // pyreadstat leaves the label of a LABELSOURCE=VARLABEL set empty; the reader takes
            // the first member's variable label, as SPSS documents it (checked below).
            if !want.label.isEmpty { #expect(set.label == want.label) }
        }
    }

    @Test func compressionDoesNotChangeTheTable() throws {
        let plain = try SAVFixtures.read("pspp-uncompressed.sav")
        for other in ["pspp-bytecode.sav", "pspp-zlib.zsav", "pspp-1252.sav"] {
            let table = try SAVFixtures.read(other)
            #expect(table.columns == plain.columns, "\(other)")
            #expect(table.multipleResponseSets == plain.multipleResponseSets, "\(other)")
        }
    }

    @Test func userMissingValuesStayNumbersAndAreDeclared() throws {
        let table = try SAVFixtures.read("pspp-bytecode.sav")
        let q = try #require(table.columns.first { $0.name == "tevredenheid_algemeen" })
        // Case 2 answered 9 (weet niet), case 3 answered 99: codes kept, declared missing.
        #expect(q.cells[1] == .number(9) && q.cells[2] == .number(99))
        #expect(q.missing == .discrete([.number(9), .number(99)]))
        #expect(q.missing.contains(9) && q.missing.contains(99) && !q.missing.contains(4))
        #expect(q.cells[4] == .empty)  // system-missing
        let q3 = try #require(table.columns.first { $0.name == "q3" })
        #expect(q3.missing == .range(low: -.infinity, high: -1, discrete: 999))
        let bedrag = try #require(table.columns.first { $0.name == "bedrag" })
        #expect(bedrag.missing == .range(low: 1000, high: .infinity, discrete: nil))
        #expect(bedrag.cells[1] == .number(1e10))  // not compressible: a raw 8-byte value
    }

    @Test func multipleResponseSetsOfAllForms() throws {
        let sets = try SAVFixtures.read("pspp-zlib.zsav").multipleResponseSets
        #expect(sets == [
            MultipleResponseSet(name: "kanaal", label: "Contactkanalen", kind: .dichotomy(countedValue: "1"), variables: ["k1", "k2", "k3"]),
            MultipleResponseSet(name: "reden", label: "Redenen voor contact", kind: .category, variables: ["r1", "r2"]),
            // A string counted value: `$tekst=D2 ja 8 Tekstset s1 s2` in the record.
            MultipleResponseSet(name: "tekst", label: "Tekstset", kind: .dichotomy(countedValue: "ja"), variables: ["s1", "s2"]),
            // The E sets come in their own record (subtype 19), after those of subtype 7.
            MultipleResponseSet(
                name: "kanaal_cv", label: "Kanalen (getelde waarden)", kind: .dichotomy(countedValue: "1"), variables: ["k1", "k2", "k3"]),
            // E 11 (LABELSOURCE=VARLABEL): the first member's variable label, k2 'Balie'.
            MultipleResponseSet(name: "kanaal_vl", label: "Balie", kind: .dichotomy(countedValue: "1"), variables: ["k2", "k3"]),
        ])
    }

    @Test func veryLongStringIsOneColumn() throws {
        let table = try SAVFixtures.read("pspp-uncompressed.sav")
        let lang = try #require(table.columns.first { $0.name == "lang" })
        #expect(lang.storage == .string(width: 300))
        guard case .text(let text) = lang.cells[0] else {
            Issue.record("no text")
            return
        }
        // 290 ASCII characters, "€ einde": 297 characters in 299 UTF-8 bytes, across two segments.
        #expect(text.count == 297 && text.hasSuffix("€ einde"))
        #expect(table.columns.count == 18)
    }

    @Test func windows1252IsDecoded() throws {
        let table = try SAVFixtures.read("pspp-1252.sav")
        #expect(table.encoding == "WINDOWS-1252")
        #expect(table.columns.first { $0.name == "bedrag" }?.label == "Bedrag in €")
        #expect(table.columns.first { $0.name == "toelichting" }?.cells[4] == .text("Café “De Kroon” €5"))
    }

    @Test func placesNameCaseAndVariable() throws {
        let table = try SAVFixtures.read("pyreadstat-bytecode.sav")
        #expect(table.place(row: 16, column: 1).description == "pyreadstat-bytecode.sav: case 17, variabele oordeel")
        #expect(table.rowNumbers == [1, 2, 3, 4, 5, 6])
    }

    @Test(arguments: ["handmade-bigendian.sav", "handmade-bigendian-bytecode.sav"])
    func bigEndianFileWithUnknownExtensionRecord(file: String) throws {
        let table = try SAVFixtures.read(file)
        #expect(table.columns.map(\.name) == ["A", "B", "S"])
        #expect(table.columns[0].cells == [.number(1), .number(7), .number(-4)])
        #expect(table.columns[1].cells == [.number(2.5), .empty, .number(1e300)])
        #expect(table.columns[2].cells == [.text("abc"), .empty, .text("12345678")])
        #expect(table.columns[0].missing == .discrete([.number(7)]))
        #expect(table.columns[0].valueLabels == [
            ValueLabelEntry(value: .number(1), label: "een"), ValueLabelEntry(value: .number(7), label: "zeven"),
        ])
    }
}
