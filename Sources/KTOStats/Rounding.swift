/// Rounding and Dutch number formatting for display.
///
/// Rounding decides on the *shortest decimal representation* of the double — the digits of
/// Swift's `description`, which is the shortest string that round-trips to the same double —
/// rather than on the exact binary value. So 2.675 (stored as 2.67499999999999982…) rounds to
/// 2.68, as a person reading "2.675" expects, while 58.49999999 still rounds to 58. Ties go
/// away from zero: 6.45 → 6.5, −6.45 → −6.5, 0.125 → 0.13, 59.5 → 60.
public enum Rounding {
    /// A decimal number as digits: value = ±0.d₁d₂…dₖ × 10^integerCount.
    struct DecimalDigits: Equatable {
        var negative: Bool
        /// Significant digits without leading zeros (empty for zero).
        var digits: [UInt8]
        /// Number of digits before the decimal point (may be ≤ 0 or larger than digits.count).
        var integerCount: Int

        var isZero: Bool { digits.allSatisfy { $0 == 0 } }

        /// Parses the shortest round-trip representation of a finite double.
        init?(_ x: Double) {
            guard x.isFinite else { return nil }
            var text = Substring(x.description)
            negative = text.hasPrefix("-")
            if negative { text = text.dropFirst() }
            var exponent = 0
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                var exponentText = text[text.index(after: e)...]
                if exponentText.hasPrefix("+") { exponentText = exponentText.dropFirst() }
                guard let value = Int(exponentText) else { return nil }
                exponent = value
                text = text[..<e]
            }
            var all: [UInt8] = []
            var beforePoint = 0
            var seenPoint = false
            for ch in text {
                if ch == "." { seenPoint = true; continue }
                guard let d = ch.wholeNumberValue else { return nil }
                all.append(UInt8(d))
                if !seenPoint { beforePoint += 1 }
            }
            // Strip leading zeros (each one moves the point left relative to the digits).
            var start = 0
            while start < all.count && all[start] == 0 { start += 1; beforePoint -= 1 }
            var digits = Array(all[start...])
            while let last = digits.last, last == 0 { digits.removeLast() }
            self.digits = digits
            self.integerCount = digits.isEmpty ? 0 : beforePoint + exponent
        }

        /// Rounds half away from zero to `decimals` fraction digits.
        func rounded(decimals: Int) -> DecimalDigits {
            let keep = integerCount + decimals
            if keep >= digits.count { return self }
            var result = self
            if keep < 0 {
                result.digits = []
                result.integerCount = 0
                return result
            }
            let roundUp = digits[keep] >= 5
            var kept = Array(digits[..<keep])
            var newIntegerCount = integerCount
            if roundUp {
                var i = kept.count - 1
                var carry = true
                while carry && i >= 0 {
                    if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; carry = false }
                }
                if carry {
                    kept.insert(1, at: 0)
                    newIntegerCount += 1
                }
            }
            while let last = kept.last, last == 0 { kept.removeLast() }
            result.digits = kept
            result.integerCount = kept.isEmpty ? 0 : newIntegerCount
            return result
        }

        /// Integer-part digits (at least "0") and exactly `decimals` fraction digits.
        func parts(decimals: Int) -> (integer: [UInt8], fraction: [UInt8]) {
            var integer: [UInt8] = []
            var fraction: [UInt8] = []
            if integerCount > 0 {
                for i in 0..<integerCount { integer.append(i < digits.count ? digits[i] : 0) }
            }
            if integer.isEmpty { integer = [0] }
            for j in 0..<decimals {
                let i = integerCount + j
                fraction.append(i >= 0 && i < digits.count ? digits[i] : 0)
            }
            return (integer, fraction)
        }
    }

    /// Rounds half away from zero to a number of decimals, deciding on the shortest decimal
    /// representation of `x` (see the type's documentation).
    ///
    /// - Parameters:
    ///   - x: the value; non-finite values are returned unchanged.
    ///   - decimals: number of fraction digits to keep (negative counts as 0).
    /// - Returns: the double nearest to the rounded decimal value (−0 is returned as 0).
    /// - Complexity: O(number of digits), about 17.
    public static func roundHalfAwayFromZero(_ x: Double, decimals: Int) -> Double {
        if let (scaled, scale) = fastScaled(x, decimals: decimals) {
            let value = Double(scaled) / scale
            return value == 0 ? 0 : (x < 0 ? -value : value)
        }
        return exactRoundHalfAwayFromZero(x, decimals: decimals)
    }

    /// The fast path of both rounding functions: |x| · 10^decimals as a whole number, when that
    /// product is small enough to be exact to far better than 10^-6 and its fraction is more than
    /// 10^-3 away from one half. Only near a tie does the shortest decimal representation decide,
    /// and there the exact path is taken. (Tested to agree with the exact path.)
    @inline(__always)
    static func fastScaled(_ x: Double, decimals: Int) -> (UInt64, Double)? {
        guard x.isFinite, decimals >= 0, decimals <= 6 else { return nil }
        let scale = [1.0, 10, 100, 1_000, 10_000, 100_000, 1_000_000][decimals]
        let s = abs(x) * scale
        guard s < 1e9 else { return nil }
        let floor = s.rounded(.down)
        let fraction = s - floor
        guard abs(fraction - 0.5) > 1e-3 else { return nil }
        return (UInt64(floor) + (fraction > 0.5 ? 1 : 0), scale)
    }

    /// The exact path: decides on the shortest decimal representation.
    static func exactRoundHalfAwayFromZero(_ x: Double, decimals: Int) -> Double {
        guard let parsed = DecimalDigits(x) else { return x }
        let places = max(0, decimals)
        let rounded = parsed.rounded(decimals: places)
        if rounded.isZero { return 0 }
        let (integer, fraction) = rounded.parts(decimals: places)
        let text = (rounded.negative ? "-" : "") + integer.map(String.init).joined()
            + (fraction.isEmpty ? "" : "." + fraction.map(String.init).joined())
        return Double(text) ?? x
    }

    /// Formats a number Dutch style: rounded half away from zero (as
    /// `roundHalfAwayFromZero`), decimal comma, exactly `decimals` fraction digits, and
    /// optionally a dot as thousands separator. 6.45 → "6,5"; 2548.0 → "2.548,0" when grouped.
    ///
    /// - Parameters:
    ///   - x: the value; non-finite values give "NaN", "∞" or "-∞".
    ///   - decimals: number of fraction digits (negative counts as 0).
    ///   - groupThousands: insert "." between groups of three integer digits (default false).
    /// - Returns: the text; a value that rounds to zero has no minus sign ("0,0", not "-0,0").
    /// - Complexity: O(number of digits).
    public static func formatDutch(_ x: Double, decimals: Int, groupThousands: Bool = false) -> String {
        if let (scaled, _) = fastScaled(x, decimals: max(0, decimals)) {
            let places = max(0, decimals)
            var divisor: UInt64 = 1
            for _ in 0..<places { divisor *= 10 }
            var integerText = String(scaled / divisor)
            if groupThousands { integerText = grouped(integerText) }
            var text = (x < 0 && scaled != 0 ? "-" : "") + integerText
            if places > 0 {
                let fraction = String(scaled % divisor)
                text += "," + String(repeating: "0", count: places - fraction.count) + fraction
            }
            return text
        }
        return exactFormatDutch(x, decimals: decimals, groupThousands: groupThousands)
    }

    /// The exact path of `formatDutch`.
    static func exactFormatDutch(_ x: Double, decimals: Int, groupThousands: Bool = false) -> String {
        guard let parsed = DecimalDigits(x) else {
            return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞")
        }
        let places = max(0, decimals)
        let rounded = parsed.rounded(decimals: places)
        let (integer, fraction) = rounded.parts(decimals: places)
        var integerText = integer.map(String.init).joined()
        if groupThousands { integerText = grouped(integerText) }
        let sign = rounded.negative && !rounded.isZero ? "-" : ""
        return sign + integerText + (fraction.isEmpty ? "" : "," + fraction.map(String.init).joined())
    }

    /// Formats a percentage 0...100 as whole (or `decimals`) percent, Dutch style: 59.5 → "60%".
    ///
    /// - Parameters:
    ///   - percent: the percentage (already multiplied by 100).
    ///   - decimals: fraction digits (default 0).
    /// - Returns: e.g. "59%" or "59,4%".
    /// - Complexity: O(number of digits).
    public static func formatPercent(_ percent: Double, decimals: Int = 0) -> String {
        formatDutch(percent, decimals: decimals) + "%"
    }

    /// Formats an integer with a dot as thousands separator: 2548 → "2.548", −1234567 → "-1.234.567".
    /// - Complexity: O(number of digits).
    public static func formatInteger(_ n: Int) -> String {
        let magnitude = String(n.magnitude)
        return (n < 0 ? "-" : "") + grouped(magnitude)
    }

    /// Inserts "." between groups of three digits, counted from the right.
    private static func grouped(_ digits: String) -> String {
        var out: [Character] = []
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return String(out)
    }
}
