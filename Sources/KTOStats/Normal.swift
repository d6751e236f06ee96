import Foundation

/// The standard normal distribution.
///
/// The CDF uses the platform's `erfc` (part of libm) with a first-order correction for the
/// rounding of x/√2, so tails keep about 1e-15 relative accuracy down to the underflow limit.
/// The quantile is Wichura's algorithm AS 241 (PPND16), accurate to about 1e-16.
public enum Normal {
    /// 1/√2 split into a double and its rounding error (hi + lo = 1/√2 to ~1e-33).
    private static let invSqrt2Hi = 0.707_106_781_186_547_57
    private static let invSqrt2Lo = -4.833_646_656_726_456_5e-17
    /// 2/√π.
    private static let twoOverSqrtPi = 1.128_379_167_095_512_573_9

    /// erfc(x/√2) with the rounding of x/√2 corrected to first order.
    private static func erfcScaled(_ x: Double) -> Double {
        let u = x * invSqrt2Hi
        // Exact error of the product, plus the error of the constant.
        let e = fma(x, invSqrt2Hi, -u) + x * invSqrt2Lo
        let value = erfc(u)
        if value == 0 || value == 2 { return value }
        // d/du erfc(u) = −2/√π · exp(−u²).
        return value - twoOverSqrtPi * exp(-u * u) * e
    }

    /// P(Z ≤ x) for a standard normal Z.
    ///
    /// - Parameter x: the point.
    /// - Returns: the lower-tail probability; computed directly (not as 1 − upper), so it is
    ///   accurate for very negative x. NaN input gives NaN.
    /// - Complexity: O(1).
    public static func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return 0.5 * erfcScaled(-x)
    }

    /// P(Z > x) for a standard normal Z, computed directly (accurate for large x).
    ///
    /// - Parameter x: the point.
    /// - Returns: the upper-tail probability.
    /// - Complexity: O(1).
    public static func upperTail(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return 0.5 * erfcScaled(x)
    }

    /// Two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2), accurate down to the underflow limit.
    ///
    /// - Parameter z: the test statistic.
    /// - Returns: a probability in 0...1; NaN for NaN input.
    /// - Complexity: O(1).
    public static func twoSidedPValue(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return min(1, erfcScaled(abs(z)))
    }

    /// The standard normal density φ(x).
    /// - Complexity: O(1).
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x - Gamma.logSqrt2Pi)
    }

    /// The quantile z with P(Z ≤ z) = p.
    ///
    /// - Parameter p: lower-tail probability in 0...1.
    /// - Returns: the quantile; −∞ for p == 0, +∞ for p == 1, NaN outside 0...1.
    /// - Complexity: O(1).
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        return ppnd16(q: p - 0.5, tail: p <= 0.5 ? p : 1 - p)
    }

    /// The quantile z with P(Z > z) = q; use this for small upper-tail probabilities
    /// (1 − q would lose precision).
    ///
    /// - Parameter q: upper-tail probability in 0...1.
    /// - Returns: the quantile; +∞ for q == 0, −∞ for q == 1, NaN outside 0...1.
    /// - Complexity: O(1).
    public static func upperQuantile(_ q: Double) -> Double {
        if q.isNaN || q < 0 || q > 1 { return .nan }
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        return -ppnd16(q: q - 0.5, tail: q <= 0.5 ? q : 1 - q)
    }

    /// Wichura (1988), Algorithm AS 241, PPND16.
    /// - Parameters:
    ///   - q: p − 0.5 for the lower-tail probability p whose quantile is wanted.
    ///   - tail: min(p, 1 − p), supplied by the caller without cancellation.
    private static func ppnd16(q: Double, tail: Double) -> Double {
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2.509_080_928_730_122_672_7e3 * r + 3.343_057_558_358_812_810_5e4) * r
                + 6.726_577_092_700_870_085_3e4) * r + 4.592_195_393_154_987_145_7e4) * r
                + 1.373_169_376_550_946_112_5e4) * r + 1.971_590_950_306_551_442_7e3) * r
                + 1.331_416_678_917_843_774_5e2) * r + 3.387_132_872_796_366_608_0)
            let den = (((((((5.226_495_278_852_854_561_0e3 * r + 2.872_908_573_572_194_267_4e4) * r
                + 3.930_789_580_009_271_061_0e4) * r + 2.121_379_430_158_659_586_7e4) * r
                + 5.394_196_021_424_751_107_7e3) * r + 6.871_870_074_920_579_083_0e2) * r
                + 4.231_333_070_160_091_125_2e1) * r + 1)
            return q * num / den
        }
        var r = (-log(tail)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((7.745_450_142_783_414_076_40e-4 * r + 2.272_384_498_926_918_458_33e-2) * r
                + 2.417_807_251_774_506_117_70e-1) * r + 1.270_458_252_452_368_382_58) * r
                + 3.647_848_324_763_204_605_04) * r + 5.769_497_221_460_691_405_50) * r
                + 4.630_337_846_156_545_295_90) * r + 1.423_437_110_749_683_577_34)
            let den = (((((((1.050_750_071_644_416_843_24e-9 * r + 5.475_938_084_995_344_946_00e-4) * r
                + 1.519_866_656_361_645_719_66e-2) * r + 1.481_039_764_274_800_745_90e-1) * r
                + 6.897_673_349_851_000_045_50e-1) * r + 1.676_384_830_183_803_849_40) * r
                + 2.053_191_626_637_758_821_87) * r + 1)
            value = num / den
        } else {
            r -= 5
            let num = (((((((2.010_334_399_292_288_132_65e-7 * r + 2.711_555_568_743_487_578_15e-5) * r
                + 1.242_660_947_388_078_438_60e-3) * r + 2.653_218_952_657_612_309_30e-2) * r
                + 2.965_605_718_285_048_912_30e-1) * r + 1.784_826_539_917_291_335_80) * r
                + 5.463_784_911_164_114_369_90) * r + 6.657_904_643_501_103_777_20)
            let den = (((((((2.044_263_103_389_939_785_64e-15 * r + 1.421_511_758_316_445_888_70e-7) * r
                + 1.846_318_317_510_054_681_80e-5) * r + 7.868_691_311_456_132_591_00e-4) * r
                + 1.487_536_129_085_061_485_25e-2) * r + 1.369_298_809_227_358_053_10e-1) * r
                + 5.998_322_065_558_879_376_90e-1) * r + 1)
            value = num / den
        }
        return q < 0 ? -value : value
    }
}
