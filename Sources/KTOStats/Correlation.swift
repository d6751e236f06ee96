/// Pearson's correlation and standardized regression coefficients, with optional weights: the
/// figures of a prioriteitenmatrix (how strongly each aspect goes with the overall grade).
public enum Correlation {
    /// Pearson's r of paired values, each pair with a weight (nil: all 1), as R `cor(x, y)` or,
    /// weighted, `cov.wt(cbind(x, y), wt = w, cor = TRUE)$cor[1, 2]`. Two passes (means first)
    /// for accuracy.
    /// - Returns: nil with fewer than two pairs, unequal lengths, or no spread in x or y.
    public static func pearson(_ x: [Double], _ y: [Double], weights: [Double]? = nil) -> Double? {
        guard x.count == y.count, x.count >= 2, weights.map({ $0.count == x.count }) ?? true else { return nil }
        var sw = 0.0, mx = 0.0, my = 0.0
        for i in x.indices {
            let w = weights?[i] ?? 1
            sw += w
            mx += w * x[i]
            my += w * y[i]
        }
        guard sw > 0 else { return nil }
        mx /= sw
        my /= sw
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for i in x.indices {
            let w = weights?[i] ?? 1
            let dx = x[i] - mx
            let dy = y[i] - my
            sxx += w * dx * dx
            syy += w * dy * dy
            sxy += w * dx * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }
}

/// A linear regression of y on several x with standardized coefficients: β_j = b_j · s(x_j) / s(y),
/// as R `lm(scale(y) ~ scale(x1) + …)` gives them (weighted: `lm(y ~ x, weights = w)` with
/// weighted SDs, `cov.wt`).
public struct StandardizedRegression: Sendable, Equatable {
    /// One standardized coefficient per x, in the order given.
    public var coefficients: [Double]
    /// R² (weighted: as `summary(lm(..., weights = w))$r.squared`).
    public var rSquared: Double
    /// Cases used (complete cases).
    public var n: Int

    /// Fits on complete cases.
    /// - Parameters:
    ///   - y: the dependent values.
    ///   - x: the predictors, one array per predictor, each as long as `y`.
    ///   - weights: per case (nil: all 1).
    /// - Returns: nil with no more cases than predictors + 1, no spread, or predictors that are
    ///   linearly dependent.
    public static func fit(y: [Double], x: [[Double]], weights: [Double]? = nil) -> StandardizedRegression? {
        let k = x.count
        let n = y.count
        guard k >= 1, n > k + 1, x.allSatisfy({ $0.count == n }), weights.map({ $0.count == n }) ?? true else { return nil }
        var sw = 0.0
        var mean = [Double](repeating: 0, count: k + 1)  // 0: y, then the x
        for i in 0..<n {
            let w = weights?[i] ?? 1
            sw += w
            mean[0] += w * y[i]
            for j in 0..<k { mean[j + 1] += w * x[j][i] }
        }
        guard sw > 0 else { return nil }
        for j in mean.indices { mean[j] /= sw }
        // Weighted cross-products of the centred variables (y first).
        var cross = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k + 1)
        var row = [Double](repeating: 0, count: k + 1)
        for i in 0..<n {
            let w = weights?[i] ?? 1
            row[0] = y[i] - mean[0]
            for j in 0..<k { row[j + 1] = x[j][i] - mean[j + 1] }
            for a in 0...k {
                for b in a...k { cross[a][b] += w * row[a] * row[b] }
            }
        }
        for a in 0...k { for b in 0..<a { cross[a][b] = cross[b][a] } }
        guard cross[0][0] > 0 else { return nil }
        // Correlation matrix: standardized variables make the coefficients the betas directly.
        var r = cross
        for a in 0...k {
            for b in 0...k {
                let d = (cross[a][a] * cross[b][b]).squareRoot()
                guard d > 0 else { return nil }
                r[a][b] = cross[a][b] / d
            }
        }
        let xx = (1...k).map { a in (1...k).map { b in r[a][b] } }
        let xy = (1...k).map { r[$0][0] }
        guard let beta = Self.solve(xx, xy) else { return nil }
        let r2 = zip(beta, xy).reduce(0) { $0 + $1.0 * $1.1 }
        return StandardizedRegression(coefficients: beta, rSquared: r2, n: n)
    }

    /// Solves the symmetric positive-definite system A b = v by Cholesky; nil when A is not
    /// positive definite (dependent predictors).
    static func solve(_ a: [[Double]], _ v: [Double]) -> [Double]? {
        let k = v.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in 0...i {
                var s = a[i][j]
                for m in 0..<j { s -= l[i][m] * l[j][m] }
                if i == j {
                    // A pivot this small means a predictor is (nearly) a combination of others.
                    guard s > 1e-10 else { return nil }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][j] = s / l[j][j]
                }
            }
        }
        var z = [Double](repeating: 0, count: k)
        for i in 0..<k {
            var s = v[i]
            for m in 0..<i { s -= l[i][m] * z[m] }
            z[i] = s / l[i][i]
        }
        var b = [Double](repeating: 0, count: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = z[i]
            for m in (i + 1)..<k { s -= l[m][i] * b[m] }
            b[i] = s / l[i][i]
        }
        return b
    }
}
