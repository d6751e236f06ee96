import Testing
@testable import KTOAnalysis

/// Sums stored for the groups a domain meets only must behave as the full table of groups.
@Suite("Score sums on the groups present")
struct ScoreSumsTests {
    /// Sums with the given values per (group, level) on `present`.
    static func sums(_ present: [Int], groups: Int = 6, levels: Int = 2, value: (Int, Int) -> Double) -> ScoreSums {
        var s = ScoreSums(groups: groups, levels: levels, present: present)
        for (r, g) in present.enumerated() {
            for l in 0..<levels {
                s.n[r * levels + l] = value(g, l)
                s.w[r * levels + l] = value(g, l) * 1.5
                s.q[r * levels + l] = value(g, l) * 2.25
            }
        }
        return s
    }

    /// The full table (every group) of some sums.
    static func full(_ s: ScoreSums) -> [Double] { s.laidOut(on: Array(0..<s.groups)).n }

    @Test func subtractingOverlappingAndDisjointGroups() {
        let total = Self.sums([0, 1, 2, 3, 4, 5]) { g, l in Double(10 * g + l + 1) }
        let inside = Self.sums([1, 4]) { g, l in Double(g + l) }
        let rest = total.subtracting(inside)
        #expect(rest.present == [0, 1, 2, 3, 4, 5])
        #expect(Self.full(rest) == zip(Self.full(total), Self.full(inside)).map { $0 - $1 })
        // Groups of the other that are not ours: the result holds both.
        let a = Self.sums([0, 3]) { g, l in Double(g * 2 + l) }
        let b = Self.sums([2, 3, 5]) { g, l in Double(g + 3 * l) }
        let difference = a.subtracting(b)
        #expect(difference.present == [0, 2, 3, 5])
        #expect(Self.full(difference) == zip(Self.full(a), Self.full(b)).map { $0 - $1 })
        #expect(difference.totals().n == [Self.full(difference)[0] + Self.full(difference)[2] + Self.full(difference)[4] + Self.full(difference)[6] + Self.full(difference)[8] + Self.full(difference)[10],
                                          Self.full(difference)[1] + Self.full(difference)[3] + Self.full(difference)[5] + Self.full(difference)[7] + Self.full(difference)[9] + Self.full(difference)[11]])
    }

    @Test func unionOfAscendingLists() {
        #expect(ScoreSums.union([1, 3, 5], [3]) == [1, 3, 5])
        #expect(ScoreSums.union([], [2, 4]) == [2, 4])
        #expect(ScoreSums.union([0, 9], [1, 8, 10]) == [0, 1, 8, 9, 10])
    }
}
