import Foundation
import Testing
import KTOModel
import KTOStats
@testable import KTOCommand

/// Finding 10 of the trust issue: in the sample study, total minus the other two gemeenten gave
/// Wassenaar's exact distribution for five traject items with n < 10.
@Suite("Secondary suppression")
struct ComplementSuppressionTests {
    /// The rule on its own, by hand.
    @Test func complementsByHand() {
        // One part below 10: the smallest shown part joins it (ties: the later one).
        #expect(ComplementarySuppression.complements(sizes: [40, 7, 12, 12], hidden: [false, true, false, false], threshold: 10)
                == [false, false, false, true])
        // Two hidden parts of 3 and 4: together 7 < 10, so one more.
        #expect(ComplementarySuppression.complements(sizes: [40, 3, 4, 20], hidden: [false, true, true, false], threshold: 10)
                == [false, false, false, true])
        // Two hidden parts of 6 and 5 already cover 11: nothing more.
        #expect(ComplementarySuppression.complements(sizes: [40, 6, 5], hidden: [false, true, true], threshold: 10)
                == [false, false, false])
        // A part without respondents reveals nothing and protects nothing.
        #expect(ComplementarySuppression.complements(sizes: [40, 7, 0], hidden: [false, true, false], threshold: 10)
                == [true, false, false])
        #expect(ComplementarySuppression.complements(sizes: [40, 30], hidden: [false, false], threshold: 10) == [false, false])
    }

    /// For every variable, measure and meting of the sample study: wherever a gemeente is hidden,
    /// at least two gemeenten with respondents are hidden and they cover at least 10 together, so
    /// total − shown gemeenten never isolates one. Checked on results.csv, the published output.
    @Test func noSuppressedCellIsTheTotalMinusTheOthers() throws {
        let loaded = try LoadedStudy.load(studyPath: Paths.packageRoot + "/SampleData/kto-2015.study")
        let text = String(decoding: try #require(try ReportPipeline().files(for: loaded).files.first { $0.path == "results.csv" }).bytes, as: UTF8.self)
        let gemeenten = Set(loaded.study.groups.map(\.name))
        var hidden: [String: [(n: Int, secondary: Bool)]] = [:]
        var partitions = Set<String>()
        for line in text.split(separator: "\n").dropFirst() {
            let f = SampleStudyTests.splitCSV(String(line))
            guard gemeenten.contains(f[1]), ["mean", "pct_agree", "pct_category", "pct_mentioned"].contains(f[3]) else { continue }
            let key = "\(f[0])|\(f[2])|\(f[3])|\(f[4])"
            partitions.insert(key)
            let flags = f[10].split(separator: "|")
            if flags.contains("suppressed"), let n = Int(f[6]), n > 0 {
                hidden[key, default: []].append((n, flags.contains("secondary")))
            }
        }
        #expect(partitions.count > 100)
        #expect(!hidden.isEmpty, "the sample study has suppressed cells")
        for (key, cells) in hidden {
            #expect(cells.count >= 2, "\(key): a single hidden gemeente is the total minus the others")
            #expect(cells.reduce(0) { $0 + $1.n } >= 10, "\(key): the hidden gemeenten together rest on fewer than 10")
            #expect(cells.contains { !$0.secondary }, "\(key): complements only where something was suppressed")
        }
    }
}
