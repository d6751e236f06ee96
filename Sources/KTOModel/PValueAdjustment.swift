/// How the p-values of one family of tests are adjusted for multiple testing (`adjust =` in
/// `[thresholds]`); the names are R's `p.adjust` methods.
public enum PValueAdjustment: String, Sendable, Equatable, CaseIterable {
    /// Benjamini-Hochberg, false discovery rate (default; SPSS CTABLES ADJUST=BH).
    case benjaminiHochberg = "bh"
    case holm
    case bonferroni
    case none

    /// From the study file's word (`bh`, `fdr`, `holm`, `bonferroni`, `none`/`geen`).
    public init?(userName: String) {
        switch userName.trimmingCharacters(in: [" ", "\t"]).lowercased() {
        case "bh", "fdr", "benjamini-hochberg", "benjamini hochberg": self = .benjaminiHochberg
        case "holm": self = .holm
        case "bonferroni": self = .bonferroni
        case "none", "geen": self = .none
        default: return nil
        }
    }
}
