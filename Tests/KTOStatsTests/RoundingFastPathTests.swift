import Testing
@testable import KTOStats

/// The fast rounding path must give exactly what the exact (shortest-decimal) path gives.
@Suite("Rounding: fast path equals exact path")
struct RoundingFastPathTests {
    /// Values a report shows: means of k/n grades, percentages k/n × 100, SEs, counts, and the
    /// tie cases (x.x5, x.5) the fast path must hand to the exact path.
    static var values: [Double] {
        var list: [Double] = []
        for n in 1...700 where n % 7 == 0 || n < 40 {
            for k in 0...n {
                list.append(Double(k) / Double(n) * 100)
                list.append(Double(k * 10) / Double(n))
                list.append(-Double(k) / Double(n) * 3)
            }
        }
        for k in 0...20_000 {
            list.append(Double(k) / 100 + 0.005)  // x.xx5: ties at two decimals
            list.append(Double(k) / 10 + 0.05)    // x.x5: ties at one decimal
            list.append(Double(k) + 0.5)          // x.5: ties at zero decimals
            list.append(Double(k) * 1.000_000_001)
        }
        list += [2.675, 6.45, -6.45, 0.125, 58.49999999, 59.5, 1e9, 123_456_789.5, -0.04, -0.0]
        return list
    }

    @Test func sameTextAndValue() {
        var mismatches: [String] = []
        for x in Self.values {
            for decimals in 0...3 {
                let fast = Rounding.formatDutch(x, decimals: decimals, groupThousands: decimals == 0)
                let exact = Rounding.exactFormatDutch(x, decimals: decimals, groupThousands: decimals == 0)
                if fast != exact { mismatches.append("\(x) d=\(decimals): \(fast) vs \(exact)") }
                let r = Rounding.roundHalfAwayFromZero(x, decimals: decimals)
                let e = Rounding.exactRoundHalfAwayFromZero(x, decimals: decimals)
                if r != e { mismatches.append("round \(x) d=\(decimals): \(r) vs \(e)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(Self.values.count > 150_000)
    }
}
