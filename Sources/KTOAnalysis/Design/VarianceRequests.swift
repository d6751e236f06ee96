/// Influence sums waiting for their variance, gathered so they go through the design together.
struct VarianceRequests: Sendable {
    var sums: [[Double]] = []
    var sumsOfSquares: [[Double]] = []

    /// Adds a request; returns its index in the answer of `VarianceFrame.variances`.
    mutating func add(sum: [Double], sumOfSquares: [Double]) -> Int {
        sums.append(sum)
        sumsOfSquares.append(sumOfSquares)
        return sums.count - 1
    }

    var isEmpty: Bool { sums.isEmpty }
}

extension VarianceFrame {
    func variances(_ requests: VarianceRequests) -> [Double?] {
        requests.isEmpty ? [] : variances(sums: requests.sums, sumsOfSquares: requests.sumsOfSquares)
    }
}
