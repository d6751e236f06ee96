/// The raking projection of `Linearization.Design.raked`, laid out once per design so that the
/// thousands of variances of one meting (every item × domain × measure, and their contrasts) pay
/// only for the arithmetic: category indices in one flat array per margin, the divisors as
/// `Double`, and the cells that take part listed in order.
///
/// The sweeps do the same arithmetic, operation for operation and in the same order, as the plain
/// loops of R `survey`'s `svyrecvar` (kept in the tests), so their variances are equal to the
/// last bit. With the matrix of `withOperator` (every design of up to 256 cells, as a report's
/// are) a variance is the same sum in another order: equal to about 1e-15, far inside what the R
/// cross-checks pin.
public struct RakedProjection: Sendable {
    /// Raking cells (the variance groups).
    public let cells: Int
    /// Per margin: the category of every cell, as an index into `divisor` (margin offsets added).
    let category: [[Int32]]
    /// Per category of every margin: its respondents as a Double (0: no respondents, left alone).
    let divisor: [Double]
    /// Per margin: the range of its categories in `divisor`.
    let categoryRange: [Range<Int>]
    /// Per margin: the cells with a positive weight (the only ones that add to a category mean)
    /// grouped by category, in cell order within a category; `memberEnd[c]` ends category c's
    /// run. A category's mean is then summed in a register, in the same order as the plain loop
    /// adds to it, instead of through memory.
    let members: [[Int32]]
    let memberEnd: [Int]
    /// The cell weights.
    let weight: [Double]
    /// The whole projection as a matrix, for `operatorRespondents` (empty: not built): column j
    /// holds, for every category of every margin, the sum over the sweeps of that category's
    /// mean when Σz is 1 in cell j and 0 elsewhere. Every sweep moves a cell by its weight times
    /// its categories' means, so its final shift is its weight times the sum of its categories'
    /// entries; and the means are linear in Σz, so a variance's entries are the columns summed
    /// with Σz as factors. See `withOperator`.
    private(set) var meanOperator: [Double] = []
    private(set) var operatorRespondents: [Int] = []

    /// - Parameters: as `Linearization.Design.raked`: per cell its category in each margin, per
    ///   margin the respondents of each category, per cell its weight.
    public init(categories: [[Int]], categoryCounts: [[Int]], weights: [Double]) {
        cells = min(categories.count, weights.count)
        var ranges: [Range<Int>] = []
        var divisor: [Double] = []
        for counts in categoryCounts {
            ranges.append(divisor.count..<(divisor.count + counts.count))
            divisor += counts.map(Double.init)
        }
        categoryRange = ranges
        self.divisor = divisor
        category = ranges.enumerated().map { m, range in
            categories.prefix(weights.count).map { cell in
                // A category outside its margin traps in the plain loops; here it reads as the
                // margin's first (the design comes from `Raking`, so it never happens).
                let c = m < cell.count ? cell[m] : 0
                return Int32(range.lowerBound + (c >= 0 && c < range.count ? c : 0))
            }
        }
        var members: [[Int32]] = []
        var memberEnd = [Int](repeating: 0, count: divisor.count)
        for (m, range) in ranges.enumerated() {
            var list: [Int32] = []
            for c in range {
                for k in 0..<cells where weights[k] > 0 && category[m][k] == c { list.append(Int32(k)) }
                memberEnd[c] = list.count
            }
            members.append(list)
        }
        self.members = members
        self.memberEnd = memberEnd
        weight = Array(weights.prefix(cells))
    }

    /// Cells and categories up to which `withOperator` builds the matrix (cells × categories
    /// numbers; 256 × 256: 512 KB).
    public static let operatorCells = 256

    /// This projection with its matrix built for `respondents` (per cell), where the design has
    /// at most `operatorCells` cells and categories. A variance then costs one multiply-add per
    /// category for each cell where Σz is not zero, instead of `rakingSweeps` sweeps over the
    /// margins (each a division per cell). The matrix comes from the sweeps themselves (one
    /// unit vector per lane), so the shift is the same sum in another order: equal to about
    /// 1e-15 relative, not to the last bit.
    public func withOperator(respondents: [Int]) -> RakedProjection {
        let categories = divisor.count
        guard cells > 0, cells <= Self.operatorCells, categories <= Self.operatorCells, respondents.count == cells else { return self }
        var copy = self
        var matrix = [Double](repeating: 0, count: cells * categories)
        let n = respondents.map(Double.init)
        let width = Lanes.scalarCount
        withScratch { scratch in
            withUnsafeTemporaryAllocation(of: Lanes.self, capacity: categories) { means in
                n.withUnsafeBufferPointer { n in
                    for start in stride(from: 0, to: cells, by: width) {
                        for k in 0..<cells {
                            var unit = Lanes()
                            if k >= start && k < start + width { unit[k - start] = 1 }
                            scratch.sum[k] = unit
                            scratch.squares[k] = Lanes()
                            scratch.shift[k] = Lanes()
                        }
                        for c in 0..<categories { means[c] = Lanes() }
                        _ = project(n: n, scratch, summingMeansInto: means)
                        for lane in 0..<width where start + lane < cells {
                            let column = (start + lane) * categories
                            for c in 0..<categories { matrix[column + c] = means[c][lane] }
                        }
                    }
                }
            }
        }
        copy.meanOperator = matrix
        copy.operatorRespondents = respondents
        return copy
    }

    /// The sweeps' result through the matrix, for the scratch's sums: the summed means as the
    /// columns of the cells where Σz is not zero times Σz, each cell's final shift as its weight
    /// times its categories' sums, then the same two sums as the sweeps' last pass. Every lane
    /// gets the same arithmetic in the same order as alone (a lane's zero adds nothing).
    private func applyOperator(n: UnsafeBufferPointer<Double>, _ scratch: Scratch) -> (Lanes, Lanes) {
        let categories = divisor.count
        let mean = scratch.mean, shift = scratch.shift, sum = scratch.sum, squares = scratch.squares
        for c in 0..<categories { mean[c] = Lanes() }
        meanOperator.withUnsafeBufferPointer { matrix in
            for j in 0..<cells {
                let z = sum[j]
                guard z != Lanes() else { continue }
                let column = matrix.baseAddress! + j * categories
                for c in 0..<categories { mean[c] += z * column[c] }
            }
        }
        for k in 0..<cells { shift[k] = Lanes() }
        for m in category.indices {
            category[m].withUnsafeBufferPointer { category in
                for k in 0..<cells { shift[k] += mean[Int(category[k])] }
            }
        }
        var s1 = Lanes(), s2 = Lanes()
        weight.withUnsafeBufferPointer { weight in
            for k in 0..<cells {
                let final = weight[k] * shift[k]
                shift[k] = final
                Self.addCell(sum: sum[k], square: squares[k], n: n[k], shift: final, &s1, &s2)
            }
        }
        return (s1, s2)
    }

    /// The variance after projecting on the raking margins, `Linearization.rakingSweeps` sweeps.
    /// - Parameters: respondents, Σz and Σz² per cell (`cells` each).
    /// - Returns: the variance, or nil with fewer than two respondents in all (or sums that do not
    ///   have a value per cell).
    public func variance(respondents: [Int], sum: [Double], sumOfSquares: [Double]) -> Double? {
        variances(respondents: respondents, sums: [sum], sumsOfSquares: [sumOfSquares])[0]
    }

    /// Several variances of the same design at once, as `variance(respondents:sum:sumOfSquares:)`
    /// gives each: the sums go through the projection side by side, one per SIMD lane, so the
    /// loop and index work is shared while every lane does exactly its own arithmetic.
    /// - Parameters: respondents per cell; per variance Σz and Σz² per cell.
    /// - Returns: a variance (or nil) per entry of `sums`.
    public func variances(respondents: [Int], sums: [[Double]], sumsOfSquares: [[Double]]) -> [Double?] {
        var result = [Double?](repeating: nil, count: sums.count)
        let total = respondents.reduce(0, +)
        guard total >= 2, respondents.count == cells, sumsOfSquares.count == sums.count else { return result }
        let n = respondents.map(Double.init)
        let usable = sums.indices.filter { sums[$0].count == cells && sumsOfSquares[$0].count == cells }
        let viaMatrix = !meanOperator.isEmpty && respondents == operatorRespondents
        let width = Lanes.scalarCount
        withScratch { scratch in
            n.withUnsafeBufferPointer { n in
                for start in stride(from: 0, to: usable.count, by: width) {
                    let batch = usable[start..<min(start + width, usable.count)]
                    // Unused lanes carry zeros: their arithmetic is harmless and never read.
                    for k in 0..<cells {
                        scratch.sum[k] = Lanes()
                        scratch.squares[k] = Lanes()
                        scratch.shift[k] = Lanes()
                    }
                    for (lane, entry) in batch.enumerated() {
                        Self.put(sums[entry], lane: lane, into: scratch.sum)
                        Self.put(sumsOfSquares[entry], lane: lane, into: scratch.squares)
                    }
                    let (s1, s2) = viaMatrix ? applyOperator(n: n, scratch) : project(n: n, scratch)
                    for (lane, entry) in batch.enumerated() {
                        result[entry] = Linearization.srs(n: total, s1: s1[lane], s2: s2[lane])
                    }
                }
            }
        }
        return result
    }

    /// The buffers of a batch of sweeps: per cell Σz, Σz², the shift and the residual; a mean
    /// per category.
    private struct Scratch {
        var sum, squares, shift, residual, mean: UnsafeMutableBufferPointer<Lanes>
    }

    private func withScratch<R>(_ body: (Scratch) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 4 * cells + divisor.count) { buffer in
            body(Scratch(
                sum: UnsafeMutableBufferPointer(rebasing: buffer[0..<cells]),
                squares: UnsafeMutableBufferPointer(rebasing: buffer[cells..<(2 * cells)]),
                shift: UnsafeMutableBufferPointer(rebasing: buffer[(2 * cells)..<(3 * cells)]),
                residual: UnsafeMutableBufferPointer(rebasing: buffer[(3 * cells)..<(4 * cells)]),
                mean: UnsafeMutableBufferPointer(rebasing: buffer[(4 * cells)...])))
        }
    }

    /// The sweeps on the scratch's sums; the final shift stays in `scratch.shift`, and every
    /// category's means are added to `summingMeansInto` where given.
    private func project(
        n: UnsafeBufferPointer<Double>, _ scratch: Scratch, summingMeansInto sums: UnsafeMutableBufferPointer<Lanes>? = nil
    ) -> (Lanes, Lanes) {
        project(
            n: n, sum: UnsafeBufferPointer(scratch.sum), squares: UnsafeBufferPointer(scratch.squares),
            shift: scratch.shift, mean: scratch.mean, residual: scratch.residual, summedMeans: sums)
    }

    /// Writes `values` (one per cell) into lane `lane` of `target`.
    private static func put(_ values: [Double], lane: Int, into target: UnsafeMutableBufferPointer<Lanes>) {
        let width = Lanes.scalarCount
        UnsafeMutableRawBufferPointer(target).withMemoryRebound(to: Double.self) { doubles in
            values.withUnsafeBufferPointer { values in
                for k in 0..<min(values.count, target.count) { doubles[k * width + lane] = values[k] }
            }
        }
    }

    /// Projects the sums: every respondent of cell k moves by shift[k], `rakingSweeps` sweeps
    /// over the margins; then Σ over cells of Σz − n·shift and of Σz² − 2·shift·Σz + n·shift·shift.
    ///
    /// The plain loops per margin are: the residual (Σz − n·shift)/w of every cell, the mean per
    /// category, then shift += w·mean of every cell. Here one pass over the cells updates a
    /// cell's shift and at once computes its residual for the next margin (it needs no other
    /// cell), and the last pass also adds up the two sums: the same operations on every value, in
    /// the same order, with a third fewer passes over the cells.
    private func project(
        n: UnsafeBufferPointer<Double>, sum: UnsafeBufferPointer<Lanes>, squares: UnsafeBufferPointer<Lanes>,
        shift: UnsafeMutableBufferPointer<Lanes>, mean: UnsafeMutableBufferPointer<Lanes>,
        residual: UnsafeMutableBufferPointer<Lanes>, summedMeans: UnsafeMutableBufferPointer<Lanes>?
    ) -> (Lanes, Lanes) {
        var s1 = Lanes(), s2 = Lanes()
        let margins = category.count
        weight.withUnsafeBufferPointer { weight in
            divisor.withUnsafeBufferPointer { divisor in
                memberEnd.withUnsafeBufferPointer { memberEnd in
                    // Every cell's residual over its weight (a zero weight's is never read).
                    for k in 0..<cells { residual[k] = (sum[k] - n[k] * shift[k]) / weight[k] }
                    for sweep in 0..<Linearization.rakingSweeps {
                        for m in 0..<margins {
                            members[m].withUnsafeBufferPointer { members in
                                var start = 0
                                for c in categoryRange[m] {
                                    var total = Lanes()
                                    for j in start..<memberEnd[c] { total += residual[Int(members[j])] }
                                    start = memberEnd[c]
                                    mean[c] = divisor[c] > 0 ? total / divisor[c] : total
                                    if let summedMeans { summedMeans[c] += mean[c] }
                                }
                            }
                            let last = sweep == Linearization.rakingSweeps - 1 && m == margins - 1
                            category[m].withUnsafeBufferPointer { category in
                                if !last {
                                    for k in 0..<cells {
                                        let moved = shift[k] + weight[k] * mean[Int(category[k])]
                                        shift[k] = moved
                                        residual[k] = (sum[k] - n[k] * moved) / weight[k]
                                    }
                                } else {
                                    for k in 0..<cells {
                                        let final = shift[k] + weight[k] * mean[Int(category[k])]
                                        shift[k] = final
                                        Self.addCell(sum: sum[k], square: squares[k], n: n[k], shift: final, &s1, &s2)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if margins == 0 || Linearization.rakingSweeps == 0 {
            // No margin to project on: the sums as they are.
            for k in 0..<cells { Self.addCell(sum: sum[k], square: squares[k], n: n[k], shift: shift[k], &s1, &s2) }
        }
        return (s1, s2)
    }

    /// One cell's part of the two sums after the projection, as the plain loop adds it:
    /// s1 += Σz − n·shift, s2 += Σz² − 2·shift·Σz + n·shift·shift, left to right.
    @inline(__always)
    private static func addCell(sum: Lanes, square: Lanes, n: Double, shift: Lanes, _ s1: inout Lanes, _ s2: inout Lanes) {
        let spreadOut: Lanes = n * shift
        s1 += sum - spreadOut
        let cross: Lanes = 2 * shift * sum
        let spread: Lanes = spreadOut * shift
        s2 += square - cross + spread
    }

    /// Variances computed side by side.
    public typealias Lanes = SIMD4<Double>
}
