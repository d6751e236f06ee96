import Testing
@testable import KTOStats

@Suite("Rounding and Dutch formatting")
struct RoundingTests {
    @Test("half away from zero on the shortest decimal representation")
    func rounding() {
        let cases: [(Double, Int, Double)] = [
            (6.45, 1, 6.5), (2.675, 2, 2.68), (0.125, 2, 0.13), (-6.45, 1, -6.5), (59.5, 0, 60),
            (58.49999999, 0, 58), (1.005, 2, 1.01), (-0.5, 0, -1), (0.05, 1, 0.1), (9.995, 2, 10),
            (99.95, 1, 100), (1e-5, 2, 0), (0.0049, 2, 0), (-0.004, 2, 0), (123.456, 0, 123),
            (7, 1, 7), (1.15, 1, 1.2), (1e20, 1, 1e20), (Double.leastNonzeroMagnitude, 0, 0), (0.45, 0, 0), (2.5, 0, 3),
        ]
        for (i, c) in cases.enumerated() {
            let got = Rounding.roundHalfAwayFromZero(c.0, decimals: c.1)
            #expect(got == c.2, "row \(i): \(c.0) to \(c.1) decimals gave \(got), want \(c.2)")
        }
        #expect(Rounding.roundHalfAwayFromZero(-0.004, decimals: 2).sign == .plus)
        #expect(Rounding.roundHalfAwayFromZero(.nan, decimals: 1).isNaN)
        #expect(Rounding.roundHalfAwayFromZero(.infinity, decimals: 1) == .infinity)
    }

    @Test("Dutch formatting with a decimal comma")
    func dutch() {
        let cases: [(Double, Int, Bool, String)] = [
            (6.45, 1, false, "6,5"), (2.675, 2, false, "2,68"), (-6.45, 1, false, "-6,5"),
            (7, 1, false, "7,0"), (0.04, 1, false, "0,0"), (-0.04, 1, false, "0,0"), (59.5, 0, false, "60"),
            (2548, 0, true, "2.548"), (1234567.891, 2, true, "1.234.567,89"), (999.96, 1, true, "1.000,0"),
            (0.001, 3, false, "0,001"), (1e-7, 2, false, "0,00"), (123, 0, true, "123"),
            (-1234.5, 0, true, "-1.235"), (8.0, 2, false, "8,00"),
        ]
        for (i, c) in cases.enumerated() {
            let got = Rounding.formatDutch(c.0, decimals: c.1, groupThousands: c.2)
            #expect(got == c.3, "row \(i): \(c.0) gave \(got), want \(c.3)")
        }
    }

    @Test("percentages and integers")
    func percentAndIntegers() {
        #expect(Rounding.formatPercent(59.4) == "59%")
        #expect(Rounding.formatPercent(59.5) == "60%")
        #expect(Rounding.formatPercent(100) == "100%")
        #expect(Rounding.formatPercent(0) == "0%")
        #expect(Rounding.formatPercent(12.35, decimals: 1) == "12,4%")
        #expect(Rounding.formatInteger(2548) == "2.548")
        #expect(Rounding.formatInteger(999) == "999")
        #expect(Rounding.formatInteger(1000) == "1.000")
        #expect(Rounding.formatInteger(-1234567) == "-1.234.567")
        #expect(Rounding.formatInteger(0) == "0")
        #expect(Rounding.formatInteger(Int.min) == "-9.223.372.036.854.775.808")
    }
}
