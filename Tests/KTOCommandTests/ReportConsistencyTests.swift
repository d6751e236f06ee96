import Foundation
import Testing
import KTOModel
import KTOAnalysis
import KTOReport
import KTOWriters
@testable import KTOCommand

/// Every number in the report's tables is the results.csv row it came from: the outputs are read
/// from one table of estimates and cannot disagree. Checked on the sample study as published and
/// with breakdowns and weighting switched on.
@Suite("Report cells equal results.csv")
struct ReportConsistencyTests {
    struct Key: Hashable {
        var meting: String, group: String, variable: String, measure: String, category: String
    }

    static func check(weighting: Study.Weighting, breakdowns: [String]) throws -> Int {
        var loaded = try LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        loaded.study.weighting = weighting
        loaded.study.breakdowns = breakdowns
        let results = try Analyzer().analyze(loaded)
        var values: [Key: (value: String, n: String)] = [:]
        let text = String(decoding: ResultsCSVWriter.bytes(results.rows), as: UTF8.self)
        // The file as `kto report` writes it (its blocks on all cores, each row encoded as it is
        // made) is the encoding of the rows.
        #expect(ResultsCSVWriter.bytes(results) == Array(text.utf8))
        for line in text.split(separator: "\n").dropFirst() {
            let f = SampleStudyTests.splitCSV(String(line))
            values[Key(meting: f[0], group: f[1], variable: f[2], measure: f[3], category: f[4])] = (f[5], f[6])
        }
        var checked = 0
        func compare(_ cell: Cell, _ key: Key, _ place: String) {
            guard let value = cell.value else { return }
            guard let row = values[key] else { Issue.record("\(place): no results.csv row \(key)"); return }
            #expect(row.value == ResultsCSVWriter.number(value), "\(place): cell \(value), results.csv \(row.value)")
            #expect(cell.n.map(String.init) == row.n, "\(place): n")
            checked += 1
        }
        let report = ReportBuilder().build(results)
        for chapter in report.chapters {
            for section in chapter.sections {
                for block in section.blocks {
                    let tables: [(ItemTable, String)]
                    switch block {
                    case .item(let table):
                        tables = [(table, "")]
                    case .categories(_, let variable, let list):
                        let v = try #require(loaded.codebook.variable(variable))
                        tables = list.map { table in (table, v.labels.first { $0.label == table.title }?.label ?? "") }
                    case .breakdown(let table):
                        let breakdown = try #require(results.breakdowns.first { $0.variable.code == table.variable })
                        for row in table.rows {
                            let measure = row.kind == .grade ? "mean" : "pct_agree"
                            for (k, cell) in row.cells.enumerated() {
                                let group = k == 0 ? "total" : "\(breakdown.variable.code)=\(breakdown.categories[k - 1].label)"
                                compare(cell, Key(meting: results.meting, group: group, variable: row.variable, measure: measure, category: ""), "\(table.title) \(row.item) \(table.columns[k])")
                            }
                        }
                        continue
                    default:
                        continue
                    }
                    for (table, category) in tables {
                        let measure = category.isEmpty ? (table.kind == .grade ? "mean" : "pct_agree") : "pct_category"
                        for row in table.rows {
                            let group = row.isTotal ? "total" : row.group
                            for k in 0..<table.metingColumns {
                                // The previous meting's column of an aggregates study is a published figure, not ours.
                                compare(row.cells[k], Key(meting: table.columns[k], group: group, variable: table.variable, measure: measure, category: category), "\(table.title) \(row.group) \(table.columns[k])")
                            }
                        }
                    }
                }
            }
        }
        return checked
    }

    @Test func asPublished() throws {
        let checked = try Self.check(weighting: .none, breakdowns: [])
        #expect(checked >= 470)
    }

    @Test func weightedWithBreakdowns() throws {
        let checked = try Self.check(weighting: .gemeente, breakdowns: ["leeftijd", "uitkeringsduur"])
        #expect(checked >= 900)
    }
}
