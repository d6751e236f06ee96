import Foundation

/// Test-local readers, independent of the library: Windows-1252 decoding, a quote-aware CSV
/// splitter, the sample codebook and the published annex.
enum TestFiles {
    /// The package root (two levels above this file's folder).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func text(_ relativePath: String) throws -> String {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent(relativePath))
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}

enum Windows1252 {
    /// 0x80…0x9F; nil = byte undefined in Windows-1252.
    static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, nil, 0x017E, 0x0178,
    ]

    struct Undefined: Error { let offset: Int }

    static func decode(_ bytes: [UInt8]) throws -> String {
        var scalars = String.UnicodeScalarView()
        for (offset, b) in bytes.enumerated() {
            if b >= 0x80 && b < 0xA0 {
                guard let v = high[Int(b) - 0x80], let s = Unicode.Scalar(v) else { throw Undefined(offset: offset) }
                scalars.append(s)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }
}

/// Splits CSV text into records and fields, respecting double quotes (a doubled quote inside a
/// quoted field is one quote).
enum CSVSplitter {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// - Parameter requireCRLF: every record must end in CR LF (a bare CR or LF outside quotes fails).
    static func records(_ text: String, separator: Unicode.Scalar, requireCRLF: Bool) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var fieldStarted = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldStarted = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && !fieldStarted {
                inQuotes = true
                fieldStarted = true
            } else if c == separator {
                endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                    i += 1
                } else if requireCRLF {
                    throw Malformed(description: "record \(records.count + 1) does not end in CRLF")
                }
                endField()
                records.append(fields)
                fields = []
            } else {
                if c == "\"" { throw Malformed(description: "stray quote in record \(records.count + 1)") }
                field.append(c)
                fieldStarted = true
            }
            i += 1
        }
        if inQuotes { throw Malformed(description: "unterminated quote") }
        if !field.isEmpty || !fields.isEmpty {
            if requireCRLF { throw Malformed(description: "last record does not end in CRLF") }
            endField()
            records.append(fields)
        }
        return records
    }
}

/// One export, parsed: header and rows as text.
struct Export {
    let header: [String]
    let rows: [[String]]

    init(bytes: [UInt8]) throws {
        let text = try Windows1252.decode(bytes)
        let records = try CSVSplitter.records(text, separator: ";", requireCRLF: true)
        guard let first = records.first else { throw CSVSplitter.Malformed(description: "empty export") }
        header = first
        rows = Array(records.dropFirst())
        for (k, row) in rows.enumerated() where row.count != header.count {
            throw CSVSplitter.Malformed(description: "row \(k + 2) has \(row.count) fields, header \(header.count)")
        }
    }

    func column(_ code: String) -> Int? { header.firstIndex(of: code) }

    func values(_ code: String) -> [String] {
        guard let c = column(code) else { return [] }
        return rows.map { $0[c] }
    }
}

/// The sample codebook (`SampleData/codebook.csv`).
struct SampleCodebook {
    struct Entry {
        let code: String
        let type: String
        let text: String
        /// label → code
        let labels: [String: Int]
        let askedIn2013: Bool
    }

    let entries: [Entry]

    init() throws {
        let records = try CSVSplitter.records(
            try TestFiles.text("SampleData/codebook.csv"), separator: ";", requireCRLF: false)
        var entries: [Entry] = []
        for record in records.dropFirst() where record.count >= 10 {
            var labels: [String: Int] = [:]
            for pair in record[6].split(separator: "|") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, let code = Int(parts[0]) { labels[String(parts[1])] = code }
            }
            entries.append(Entry(code: record[0], type: record[1], text: record[4], labels: labels,
                                 askedIn2013: record[9] != "-"))
        }
        self.entries = entries
    }

    func entry(_ code: String) -> Entry? { entries.first { $0.code == code } }
}

/// One row of the published annex (`Tests/Fixtures/annex-per-gemeente.csv`).
struct AnnexRow {
    let section: String
    let item: String
    let measure: String
    /// column name → published text ("6.8", "74", "" = not asked)
    let values: [String: String]

    static func load() throws -> [AnnexRow] {
        let records = try CSVSplitter.records(
            try TestFiles.text("Tests/Fixtures/annex-per-gemeente.csv"), separator: ",", requireCRLF: false)
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { $0.count == header.count }.map { record in
            var values: [String: String] = [:]
            for (k, name) in header.enumerated() { values[name] = record[k] }
            return AnnexRow(section: record[0], item: record[1], measure: record[2], values: values)
        }
    }

    var name: String { "\(section) / \(item) [\(measure)]" }
}

/// Rounds half away from zero, as the published figures are.
func roundedHalfAway(_ x: Double) -> Int { Int(x.rounded(.toNearestOrAwayFromZero)) }
