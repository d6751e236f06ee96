import Foundation
import Testing
import KTOModel
import KTOStats
@testable import KTOCommand

/// A cell below the suppression threshold leaks nowhere: not in results.csv (tested with the
/// sample study's tests), not in report.txt, not in the HTML, not in the tables book.
@Suite("Suppressed cells")
struct SuppressionLeakTests {
    static let files: [String: String] = {
        var loaded = try! LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        // The CSV tables too (the workbook is checked in TablesWorkbookTests).
        loaded.study.tables = .both
        var files: [String: String] = [:]
        for file in try! ReportPipeline().files(for: loaded).files { files[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return files
    }()

    /// The suppressed cells of the sample study, with the value they would have shown.
    static var suppressed: [(variable: String, group: String, shown: String)] {
        var loaded = try! LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        loaded.study.thresholds.suppress = 0
        let text = String(decoding: try! ReportPipeline().files(for: loaded).files.first { $0.path == "results.csv" }!.bytes, as: UTF8.self)
        let defaults = files["results.csv"]!.split(separator: "\n").map { SampleStudyTests.splitCSV(String($0)) }
        let hidden = Set(defaults.filter { $0.count == 11 && $0[10].split(separator: "|").contains("suppressed") && $0[3] == "mean" && $0[0] == "2015" }
            .map { "\($0[1])|\($0[2])" })
        return text.split(separator: "\n").map { SampleStudyTests.splitCSV(String($0)) }.compactMap { f in
            guard f[3] == "mean", f[0] == "2015", hidden.contains("\(f[1])|\(f[2])"), let v = Double(f[5]) else { return nil }
            return (f[2], f[1], Rounding.formatDutch(v, decimals: 1))
        }
    }

    @Test func notInTheTextReport() throws {
        let cells = Self.suppressed
        #expect(!cells.isEmpty)
        let report = try #require(Self.files["report.txt"])
        let codebook = try Codebook.load(path: Paths.packageRoot + "/SampleData/codebook.csv")
        for cell in cells {
            // The row of that gemeente in the item's table shows "–" in the 2015 column.
            let title = try #require(codebook.variable(cell.variable)?.text)
            let block = try #require(report.components(separatedBy: title + "\n").dropFirst().first)
            let row = try #require(block.split(separator: "\n").first { $0.hasPrefix("    \(cell.group)") })
            // Columns after the name: 2015 value, n, 2013 value, n, ...; the 2015 value is hidden.
            let columns = row.dropFirst(26).split(separator: " ")
            #expect(columns.first == "–", "\(cell.variable) \(cell.group): \(row)")
        }
    }

    @Test func notInTheAnnexHTMLNorTheTablesBook() throws {
        let codebook = try Codebook.load(path: Paths.packageRoot + "/SampleData/codebook.csv")
        for cell in Self.suppressed {
            let annex = try #require(Self.files.first { $0.key.hasPrefix("annex-") && $0.key.contains(cell.group.lowercased().prefix(5)) }?.value)
            let title = try #require(codebook.variable(cell.variable)?.text)
            // The table row of the item: its first data cell is the gemeente's 2015 figure.
            let row = try #require(annex.components(separatedBy: ">\(title)</th>").dropFirst().first?.components(separatedBy: "</tr>").first)
            let firstCell = try #require(row.components(separatedBy: "<td>").dropFirst().first?.components(separatedBy: "</td>").first)
            #expect(firstCell == "–", "\(cell.variable) \(cell.group) in the annex: \(firstCell)")
            let book = try #require(Self.files["tables/00-bijlage-per-gemeente.csv"])
            let lines = book.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            let column = try #require(lines.first?.firstIndex(of: "\(cell.group) 2015"))
            let line = try #require(lines.first { $0.count > 2 && $0[2] == title })
            #expect(line[column] == "–", "\(cell.variable) \(cell.group) in the tables book: \(line[column])")
        }
    }
}
