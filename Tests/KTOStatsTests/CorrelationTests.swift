import Testing
@testable import KTOStats

@Suite("Correlation and standardized regression")
struct CorrelationTests {
    /// By hand: Σdxdy = 3,5, Σdx² = 5, Σdy² = 4,75, r = 3,5/√23,75.
    @Test func pearsonByHand() throws {
        let r = try #require(Correlation.pearson([1, 2, 3, 4], [2, 4, 5, 4]))
        #expect(abs(r - 3.5 / 23.75.squareRoot()) < 1e-15)
        #expect(Correlation.pearson([1, 1, 1], [1, 2, 3]) == nil)
        #expect(Correlation.pearson([1], [2]) == nil)
    }

    /// A weight of 2 is the same row twice.
    @Test func aWeightCountsAsRepeatedRows() throws {
        let x: [Double] = [3, 7, 5, 9, 6], y: [Double] = [4, 8, 6, 7, 7]
        let weighted = try #require(Correlation.pearson(x, y, weights: [1, 2, 1, 3, 1]))
        let repeated = try #require(Correlation.pearson([3, 7, 7, 5, 9, 9, 9, 6], [4, 8, 8, 6, 7, 7, 7, 7]))
        #expect(abs(weighted - repeated) < 1e-14)
        let fit = try #require(StandardizedRegression.fit(y: y, x: [x], weights: [1, 2, 1, 3, 1]))
        #expect(abs(fit.coefficients[0] - repeated) < 1e-14)  // one predictor: β = r
        #expect(abs(fit.rSquared - repeated * repeated) < 1e-14)
    }

    /// y = 2·x1 − x2 exactly: R² = 1, and β = b·s(x)/s(y).
    @Test func exactFit() throws {
        let x1: [Double] = [1, 2, 3, 4, 5, 6], x2: [Double] = [2, 1, 4, 3, 6, 5]
        let y = zip(x1, x2).map { 2 * $0 - $1 }
        let fit = try #require(StandardizedRegression.fit(y: y, x: [x1, x2]))
        func sd(_ v: [Double]) -> Double {
            let m = v.reduce(0, +) / Double(v.count)
            return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - 1)).squareRoot()
        }
        #expect(abs(fit.rSquared - 1) < 1e-12)
        #expect(abs(fit.coefficients[0] - 2 * sd(x1) / sd(y)) < 1e-12)
        #expect(abs(fit.coefficients[1] + sd(x2) / sd(y)) < 1e-12)
        #expect(fit.n == 6)
    }

    @Test func dependentPredictorsOrTooFewCasesGiveNoFit() {
        let x: [Double] = [1, 2, 3, 4, 5]
        #expect(StandardizedRegression.fit(y: [2, 1, 4, 3, 5], x: [x, x.map { 2 * $0 + 1 }]) == nil)
        #expect(StandardizedRegression.fit(y: [1, 2, 3], x: [[1, 2, 4], [3, 1, 2]]) == nil)
    }
}
