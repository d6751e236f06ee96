import Foundation
import Testing

@testable import KTOSample

@Suite("Exports look like a scanning office's delivery")
struct SampleFormatTests {
    @Test("header: the codebook's codes in codebook order; 2013 without the variables not asked then")
    func headers() throws {
        let codebook = try SampleCodebook()
        #expect(try Generated.export(2015).header == codebook.entries.map(\.code))
        #expect(try Generated.export(2013).header == codebook.entries.filter(\.askedIn2013).map(\.code))
        #expect(Questionnaire.variables.map(\.code) == codebook.entries.map(\.code))
        #expect(Questionnaire.variables.map(\.askedIn2013) == codebook.entries.map(\.askedIn2013))
    }

    @Test("CRLF after every record, no bare LF or CR outside quotes", arguments: [2015, 2013])
    func lineEnds(year: Int) throws {
        let bytes = try #require(Generated.generation.files["kto-\(year).csv"])
        #expect(Array(bytes.suffix(2)) == [0x0D, 0x0A])
        var inQuotes = false
        for (k, b) in bytes.enumerated() {
            if b == 0x22 { inQuotes.toggle() }
            guard !inQuotes else { continue }
            if b == 0x0A { #expect(k > 0 && bytes[k - 1] == 0x0D, "bare LF at byte \(k)") }
            if b == 0x0D { #expect(k + 1 < bytes.count && bytes[k + 1] == 0x0A, "bare CR at byte \(k)") }
        }
    }

    @Test("Windows-1252: no UTF-8 sequences, accented letters and 0x80–0x9F punctuation as single bytes")
    func encoding() throws {
        let bytes = try #require(Generated.generation.files["kto-2015.csv"])
        let text = try Windows1252.decode(bytes)
        #expect(!text.contains("Ã") && !text.contains("â€"), "looks like UTF-8 read as Windows-1252")
        #expect(!text.contains("?"), "a character was not encodable")
        for (byte, character) in [(0x80, "€"), (0x92, "’"), (0x93, "“"), (0x94, "”"), (0x96, "–")] {
            #expect(bytes.contains(UInt8(byte)), "no \(character)")
            #expect(text.contains(character))
        }
        #expect(bytes.contains(0xE9) || bytes.contains(0xEB) || bytes.contains(0xEF), "no é, ë or ï")
        #expect(Windows1252Encoder.encode("één € – “x” ’s") != nil)
        #expect(Windows1252Encoder.encode("\u{4E2D}") == nil)
        #expect(Windows1252Encoder.encodeLossy("a\u{4E2D}") == [0x61, 0x3F])
    }

    @Test("respondent numbers unique, 15xxxx in 2015 and 13xxxx in 2013, in order")
    func respondentNumbers() throws {
        for (year, prefix) in [(2015, "15"), (2013, "13")] {
            let numbers = try Generated.export(year).values("respnr")
            #expect(Set(numbers).count == numbers.count)
            #expect(numbers.allSatisfy { $0.count == 6 && $0.hasPrefix(prefix) && Int($0) != nil })
            #expect(numbers.compactMap { Int($0) } == numbers.compactMap { Int($0) }.sorted())
        }
    }

    @Test("cells: codes in range, missing answers as label text, multi-codes with |", arguments: [2015, 2013])
    func cells(year: Int) throws {
        let export = try Generated.export(year)
        let codebook = try SampleCodebook()
        var labelCells = 0
        var emptyCells = 0
        for entry in codebook.entries {
            guard let c = export.column(entry.code) else { continue }
            for row in export.rows {
                let cell = row[c]
                switch entry.type {
                case "grade", "likert":
                    let range = entry.type == "grade" ? 1...10 : 1...5
                    if cell == "weet niet" || cell == "n.v.t." {
                        labelCells += 1
                    } else if cell.isEmpty {
                        emptyCells += 1
                    } else {
                        #expect(Int(cell).map(range.contains) == true, "\(entry.code): '\(cell)'")
                    }
                case "category", "group":
                    #expect(cell.isEmpty || Int(cell).map { entry.labels.values.contains($0) } == true,
                            "\(entry.code): '\(cell)'")
                case "multi":
                    let parts = cell.split(separator: "|", omittingEmptySubsequences: false)
                    #expect(cell.isEmpty || parts.allSatisfy { Int($0).map((1...9).contains) == true },
                            "\(entry.code): '\(cell)'")
                    #expect(Set(parts).count == parts.count, "\(entry.code): '\(cell)' repeats a code")
                default:
                    break
                }
            }
        }
        #expect(labelCells > 100, "few 'weet niet'/'n.v.t.' cells")
        #expect(emptyCells > 100, "few empty cells")
    }

    @Test("routing: only respondents with traject 2 or 3 answer the traject questions", arguments: [2015, 2013])
    func routing(year: Int) throws {
        let export = try Generated.export(year)
        let traject = try #require(export.column("traject"))
        let routed = export.header.indices.filter {
            export.header[$0].hasPrefix("traject_") || export.header[$0].hasPrefix("ts_")
        }
        #expect(routed.count == (year == 2015 ? 12 : 9))
        var answered = 0
        for row in export.rows {
            let inTraject = row[traject] == "2" || row[traject] == "3"
            for c in routed {
                if inTraject {
                    if !row[c].isEmpty { answered += 1 }
                } else {
                    #expect(row[c].isEmpty, "respnr \(row[0]) traject '\(row[traject])' answers \(export.header[c])")
                }
            }
        }
        #expect(answered > 100)
    }

    @Test("write(to:) writes both exports")
    func writes() throws {
        let folder = NSTemporaryDirectory() + "kto-sample-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try SampleStudyGenerator().write(to: folder)
        #expect(paths.count == 2)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/kto-2015.csv"))
        #expect([UInt8](data) == Generated.generation.files["kto-2015.csv"])
    }

    @Test("the committed SampleData exports are the generator's current output", arguments: [2015, 2013])
    func committedFilesCurrent(year: Int) throws {
        let url = TestFiles.packageRoot.appendingPathComponent("SampleData/kto-\(year).csv")
        let committed = try [UInt8](Data(contentsOf: url))
        #expect(committed == Generated.generation.files["kto-\(year).csv"],
                "regenerate: KTO_WRITE_SAMPLE=1 swift test --filter writeSampleData")
    }

    @Test("generation is fast")
    func fast() {
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = SampleStudyGenerator(seed: 3).makeExports() }
        // Well under a second in a release build; a debug build gets more room.
        #expect(elapsed < .seconds(5))
    }

    /// Regenerates `SampleData/kto-2015.csv` and `kto-2013.csv`: `KTO_WRITE_SAMPLE=1 swift test --filter writeSampleData`.
    @Test("write SampleData (only with KTO_WRITE_SAMPLE=1)",
          .enabled(if: ProcessInfo.processInfo.environment["KTO_WRITE_SAMPLE"] == "1"))
    func writeSampleData() throws {
        let folder = TestFiles.packageRoot.appendingPathComponent("SampleData").path
        try SampleStudyGenerator().write(to: folder)
    }
}
