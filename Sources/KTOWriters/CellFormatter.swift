import KTOReport
import KTOStats

/// How every writer shows a cell: one decimal with a comma for grades, whole percentages, `*` for
/// indicatief, ▲/▼ against the previous meting or a benchmark, +/− against the rest.
enum CellFormatter {
    static func value(_ v: Double, kind: ValueKind) -> String {
        kind == .grade ? Rounding.formatDutch(v, decimals: 1) : Rounding.formatPercent(v)
    }

    static func suffix(_ cell: Cell) -> String {
        var text = cell.indicative ? "*" : ""
        for mark in cell.marks {
            switch mark.against {
            case .previous, .benchmark: text += mark.higher ? "▲" : "▼"
            case .rest: text += mark.higher ? "+" : "−"
            }
        }
        if !cell.letters.isEmpty { text += " " + cell.letters }
        return text
    }

    static func format(_ cell: Cell, kind: ValueKind) -> String {
        switch cell.state {
        case .value(let v): return value(v, kind: kind) + suffix(cell)
        case .noObservations, .suppressed: return "–"
        case .notAsked: return "n.g."
        case .notAvailable: return "n.b."
        case .blank: return ""
        }
    }
}
