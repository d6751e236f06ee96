import Foundation
import Testing
import KTOImport
import KTOModel
@testable import KTOCommand

/// The sample study's tables book (tabellenboek.xlsx) as the pipeline writes it, read back with
/// KTOImport's zip reader. The figures named here were read by hand from the sample's results.csv
/// (Reports/kto-2015/results.csv); the whole workbook is compared with results.csv by
/// Tests/Fixtures/workbook/check_workbook.py (openpyxl and LibreOffice) in CI.
@Suite("Tables book workbook of the sample study")
struct TablesWorkbookTests {
    static let sample: (files: [String: [UInt8]], loaded: LoadedStudy?) = {
        guard let loaded = try? LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study"),
              let made = try? ReportPipeline().files(for: loaded).files
        else { return ([:], nil) }
        return (Dictionary(made.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }), loaded)
    }()

    func workbook() throws -> WorkbookParts {
        try WorkbookParts(try #require(Self.sample.files["tabellenboek.xlsx"]))
    }

    static let sheets = [
        "Inhoud", "Respons", "Werkwijze", "Algemene waardering", "Eerstelijnsdienstverlening", "Consulenten", "Trajecten",
        "Afstand tot de arbeidsmarkt", "Kenmerken respondenten", "Open vragen", "Citaten", "Prioriteitenmatrix", "Bijlage Leidschendam-Voorburg",
        "Bijlage Voorschoten", "Bijlage Wassenaar",
    ]

    @Test func sheetsFrozenHeadersAndPrintSetup() throws {
        let book = try workbook()
        #expect(book.sheetNames == Self.sheets)
        for name in Self.sheets.dropFirst() where name != "Werkwijze" {
            let part = try book.part(book.sheetPart(name))
            let rows = ["Respons", "Citaten", "Prioriteitenmatrix"].contains(name) ? 3 : 4
            #expect(part.contains("<pane ySplit=\"\(rows)\" topLeftCell=\"A\(rows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"), "\(name)")
            #expect(part.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"), "\(name)")
            #expect(!part.contains("<f>") && !part.contains("<f "), "\(name)")
        }
        let titles = try book.elements("xl/workbook.xml").filter { $0.name == "definedName" }
        #expect(titles.count == Self.sheets.count - 2)
        #expect(titles.contains { $0.attributes["name"] == "_xlnm.Print_Titles" && $0.text == "'Algemene waardering'!$3:$4" })
        #expect(titles.contains { $0.text == "'Respons'!$3:$3" })
        // The contents sheet links to each sheet.
        let links = try book.elements(book.sheetPart("Inhoud")).filter { $0.name == "hyperlink" }.compactMap { $0.attributes["location"] }
        #expect(links == Self.sheets.dropFirst().map { "'\($0)'!A1" })
    }

    @Test func handCheckedFiguresOfTheSample() throws {
        let book = try workbook()
        func number(_ sheet: String, _ reference: String) throws -> (Double, String)? {
            guard let cell = try book.cells(sheet)[reference], cell.type == nil, let value = cell.value.flatMap(Double.init) else { return nil }
            return (value, try book.format(style: cell.style) ?? "?")
        }
        func text(_ sheet: String, _ reference: String) throws -> String? {
            guard let cell = try book.cells(sheet)[reference], cell.type == "s" else { return nil }
            return cell.value
        }
        // results.csv: 2015,total,algemeen,mean,,7,622 and 2013,total,algemeen,mean,,7,560.
        #expect(try text("Algemene waardering", "A5") == "algemeen")
        #expect(try number("Algemene waardering", "F5")! == (7, "0.0"))
        #expect(try number("Algemene waardering", "H5")! == (622, "0"))
        #expect(try number("Algemene waardering", "I5")! == (7, "0.0"))
        #expect(try number("Algemene waardering", "K5")! == (560, "0"))
        // 2015,total,bereik_telefoon,mean,,7.500884955752213,565,…,sig_higher:previous
        #expect(try text("Eerstelijnsdienstverlening", "A8") == "bereik_telefoon")
        #expect(try number("Eerstelijnsdienstverlening", "F8")! == (7.500884955752213, "0.0"))
        #expect(try text("Eerstelijnsdienstverlening", "G8") == "▲")
        #expect(try number("Eerstelijnsdienstverlening", "H8")! == (565, "0"))
        // 2015,total,goed_codes,pct_mentioned,Stiptheid uitbetaling uitkering,36.069651741293534,402
        #expect(try text("Open vragen", "D5") == "Stiptheid uitbetaling uitkering")
        #expect(try number("Open vragen", "E5")! == (36.069651741293534, "0\"%\""))
        #expect(try number("Open vragen", "G5")! == (402, "0"))
        // 2015,total,respons: invited 2548, respondents 649, response_rate 25.470957613814754.
        #expect(try text("Respons", "A4") == "Totaal")
        #expect(try number("Respons", "B4")! == (2548, "#,##0"))
        #expect(try number("Respons", "C4")! == (649, "#,##0"))
        #expect(try number("Respons", "D4")! == (25.470957613814754, "0\"%\""))
        // 2015,Wassenaar,algemeen,mean,,6.761904761904762,84, beside the total 7 (622).
        #expect(try text("Bijlage Wassenaar", "A5") == "algemeen")
        #expect(try number("Bijlage Wassenaar", "G5")! == (6.761904761904762, "0.0"))
        #expect(try number("Bijlage Wassenaar", "I5")! == (84, "0"))
        #expect(try number("Bijlage Wassenaar", "M5")! == (7, "0.0"))
    }

    /// Every figure results.csv hides (suppressed, or hidden as a complement) is empty in its
    /// gemeente's sheet, with – and the count, as in the annex report.
    @Test func hiddenFiguresAreEmptyWithANote() throws {
        let book = try workbook()
        let results = String(decoding: try #require(Self.sample.files["results.csv"]), as: UTF8.self)
        let hidden = results.split(separator: "\n").map { SampleStudyTests.splitCSV(String($0)) }.filter {
            $0.count == 11 && $0[0] == "2015" && $0[1] != "total" && $0[3] == "mean" && $0[10].split(separator: "|").contains("suppressed")
        }
        // Two in Wassenaar (n 8 and 9), two in Voorschoten as their complement (n 19).
        #expect(hidden.map { "\($0[1]) \($0[2]) \($0[6])" } == [
            "Voorschoten traject_afstemming 19", "Wassenaar traject_afstemming 8", "Voorschoten traject_resultaat 19", "Wassenaar traject_resultaat 9",
        ])
        for row in hidden {
            let cells = try book.cells("Bijlage \(row[1])")
            let line = try #require(cells.first { $0.key.hasPrefix("A") && $0.value.value == row[2] }?.key.dropFirst(), "\(row[2]) in \(row[1])")
            #expect(cells["G\(line)"] == nil, "\(row[1]) \(row[2])")
            #expect(cells["H\(line)"]?.value == "–", "\(row[1]) \(row[2])")
            #expect(cells["I\(line)"]?.value == row[6], "\(row[1]) \(row[2])")
        }
    }

    @Test func tablesKeyChoosesWorkbookCSVOrBoth() throws {
        var loaded = try #require(Self.sample.loaded)
        #expect(loaded.study.tables == .xlsx)
        #expect(Self.sample.files.keys.contains("tabellenboek.xlsx"))
        #expect(!Self.sample.files.keys.contains { $0.hasPrefix("tables/") })
        loaded.study.tables = .csv
        let csv = try ReportPipeline().files(for: loaded).files.map(\.path)
        #expect(csv.contains("tables/00-bijlage-per-gemeente.csv") && !csv.contains("tabellenboek.xlsx"))
        loaded.study.tables = .both
        let both = try ReportPipeline().files(for: loaded).files.map(\.path)
        #expect(both.contains("tables/00-bijlage-per-gemeente.csv") && both.contains("tabellenboek.xlsx"))
    }

    @Test func tablesKeyInTheStudyFile() throws {
        let folder = Paths.packageRoot + "/SampleData"
        let text = try String(contentsOfFile: folder + "/kto-2015.study", encoding: .utf8)
        func parse(_ line: String) throws -> Study {
            let changed = text.replacingOccurrences(of: "group    = gemeente\n", with: "group    = gemeente\n\(line)\n")
            return try Study.parse(SourceText(bytes: Array(changed.utf8), file: "kto.study"), folder: folder)
        }
        #expect(try parse("tables = CSV").tables == .csv)
        #expect(try parse("tables = beide").tables == .both)
        #expect(try parse("tables = xlsx").tables == .xlsx)
        #expect(throws: StudyError.self) { try parse("tables = pdf") }
        do {
            _ = try parse("tables = pdf")
        } catch let error as StudyError {
            #expect(error.description.contains("tables (tabellenboek) moet xlsx, csv of both zijn, niet 'pdf'"))
        }
    }
}
