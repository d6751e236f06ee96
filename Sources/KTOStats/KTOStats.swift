// KTOStats: pure numerics for survey processing.
//
// Contents, one concept per file:
// - Gamma.swift        log-gamma and the Stirling correction
// - Beta.swift         log-beta and the regularized incomplete beta function
// - Normal.swift       standard normal CDF, tails and quantiles (AS 241)
// - StudentT.swift     Student t CDF, tails, two-sided p-values and quantiles
// - Descriptive.swift  mean, SD, SE, median and t-based confidence interval
// - Moments.swift      streaming/mergeable moment accumulator (Welford/Chan)
// - CodeHistogram.swift  counts per integer code 0...255 (frequency-table path)
// - Weighted.swift     weighted (single-stage, with replacement) mean estimate
// - Proportion.swift   proportion, Wilson interval, finite-population margin of error
// - HypothesisTests.swift  Welch t, two-proportion z, one-sample t/z tests
// - HypothesisTests+ScoreTest.swift  one-sample score test of a proportion (prop.test form)
// - FisherExact.swift  Fisher's exact test for a 2 × 2 table, smallest expected count
// - ProportionComparison.swift  two proportions: Fisher when an expected count < 5, else pooled z
// - EffectSize.swift   Cohen's d, Hedges' g (exact correction J) and Cohen's magnitude labels
// - Stratified.swift   stratified (post-stratified) mean and proportion
// - Linearization.swift, RakedProjection.swift  design-based variances (R survey), raked in batches
// - LogitInterval.swift, TQuantiles.swift  logit interval of a proportion; t quantiles kept per df
// - Rounding.swift     half-away-from-zero rounding and Dutch number formatting
//
// No type in this module holds global mutable state; all public types are `Sendable` values.

/// Shared argument checks used by the public API.
enum StatsPrecondition {
    /// `true` when `level` is a usable confidence level: finite and strictly between 0 and 1.
    static func isValidLevel(_ level: Double) -> Bool {
        level.isFinite && level > 0 && level < 1
    }
}
