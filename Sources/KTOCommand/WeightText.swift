import KTOAnalysis
import KTOStats

/// The weights of a meting as Dutch text for `kto check`.
enum WeightText {
    static func render(meting: String, summaries: [WeightSummary], groups: [String]) -> String {
        var lines = ["Gewichten meting \(meting) (som, kleinste, grootste, grootste/kleinste, effectieve n volgens Kish):"]
        for summary in summaries {
            let name = summary.gemeente.map { groups[$0] } ?? "Totaal"
            lines.append("  \(name): som \(Rounding.formatDutch(summary.sum, decimals: 1)), \(Rounding.formatDutch(summary.min, decimals: 3)) – \(Rounding.formatDutch(summary.max, decimals: 3)), verhouding \(Rounding.formatDutch(summary.ratio, decimals: 2)), effectieve n \(Rounding.formatDutch(summary.effectiveN, decimals: 1)) van \(summary.respondents)")
        }
        return lines.joined(separator: "\n")
    }
}
