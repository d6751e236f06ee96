import Testing
@testable import KTOModel

/// The id registries of a file's parts are checked against each other and merged after the
/// parts are read (`overlaps`, `absorb`). Two tables merge in one pass; every other pair id by
/// id. Either way the merged registry must answer as one dictionary of first lines would.
@Suite("ID registry: parts checked and merged")
struct IDRegistryTests {
    /// Ids for one part: a run of consecutive numbers (an export's respondent numbers) in a
    /// random order, with a few gaps; or random numbers (sparse); or both.
    static func ids(_ rng: inout SplitMix64, base: Int) -> [Int] {
        let count = Int.random(in: 0...3000, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return (0..<count).map { _ in Int.random(in: -(1 << 40)...(1 << 40), using: &rng) }
        case 1: return (0..<count).map { base + $0 }.filter { _ in Int.random(in: 0..<10, using: &rng) > 0 }.shuffled(using: &rng)
        case 2: return (0..<count).map { base + $0 * 3 }.reversed() + [base - 5000, base + 100_000]
        default: return (0..<count).map { base + $0 }.shuffled(using: &rng)
        }
    }

    /// A file's later parts absorbed one after the other, with the table first widened for all
    /// of them (`reserve(covering:)`, as the loader does) or not: the same answers as one
    /// dictionary of first lines, for consecutive, scattered and sparse ids alike.
    @Test func partsAbsorbedAfterOneWideningAnswerAsADictionary() {
        var rng = SplitMix64(seed: 17)
        for round in 0..<60 {
            let base = Int.random(in: -1_000_000...1_000_000, using: &rng)
            let parts = Int.random(in: 2...9, using: &rng)
            // Disjoint id sets per part: consecutive runs one after the other, now and then sparse.
            var registries: [IDRegistry] = []
            var expected: [[Int: Int]] = []
            var lineOffsets: [Int] = []
            var lines = 0
            for k in 0..<parts {
                let ids = Int.random(in: 0..<6, using: &rng) == 0
                    ? (0..<500).map { _ in Int.random(in: -(1 << 40)...(1 << 40), using: &rng) + k }
                    : (0..<Int.random(in: 0...4000, using: &rng)).map { base + k * 10_000 + $0 }.shuffled(using: &rng)
                var registry = IDRegistry()
                var first: [Int: Int] = [:]
                for (r, id) in ids.enumerated() where first[id] == nil {
                    _ = registry.register(id, line: r + 1)
                    first[id] = r + 1
                }
                registries.append(registry)
                expected.append(first)
                lineOffsets.append(lines)
                lines += ids.count
            }
            var all: [Int: Int] = [:]
            for k in 0..<parts { for (id, line) in expected[k] where all[id] == nil { all[id] = line + lineOffsets[k] } }
            for widened in [false, true] {
                var merged = registries[0]
                if widened { merged.reserve(covering: Array(registries.dropFirst())) }
                for k in 1..<parts {
                    #expect(!merged.overlaps(registries[k]))
                    merged.absorb(registries[k], lineOffset: lineOffsets[k])
                }
                var answer: [Int: Int] = [:]
                for k in 0..<parts { for id in expected[k].keys { answer[id] = merged.line(of: id) } }
                #expect(answer == all, "round \(round), widened: \(widened)")
                #expect(merged.numericCount == all.count)
                #expect(merged.register(base - 77_777_777, line: 5) == nil)
            }
        }
    }

    /// The check and the merge in one pass (`absorbIfDisjoint`): where the parts share an id it
    /// says so and leaves the registry answering as before (a clash in a later block of the
    /// table too, after earlier blocks were merged); otherwise it answers as `absorb` does.
    @Test func absorbIfDisjointAnswersAsCheckThenAbsorb() {
        var rng = SplitMix64(seed: 18)
        var clashes = 0, merges = 0
        for round in 0..<400 {
            let base = Int.random(in: -1_000_000...1_000_000, using: &rng)
            let first = Self.ids(&rng, base: base)
            var second = Self.ids(&rng, base: base + [0, 1500, 3000, 50_000, 9000][Int.random(in: 0..<5, using: &rng)])
            // Now and then one id of the first part late in the second: a clash far into its table.
            if Int.random(in: 0..<4, using: &rng) == 0, let id = first.randomElement(using: &rng) { second.append(id) }
            var a = IDRegistry(expectedIDs: first.count)
            var b = IDRegistry(expectedIDs: second.count)
            var lines: [Int: Int] = [:]
            for (k, id) in first.enumerated() where a.register(id, line: k + 2) == nil { lines[id] = k + 2 }
            var secondLines: [Int: Int] = [:]
            for (k, id) in second.enumerated() where b.register(id, line: k + 1) == nil { secondLines[id] = k + 1 }
            let overlap = a.overlaps(b)
            if Int.random(in: 0..<2, using: &rng) == 0 { a.reserve(covering: [b]) }
            let offset = Int.random(in: 0...5_000_000, using: &rng)
            let merged = a.absorbIfDisjoint(b, lineOffset: offset)
            #expect(merged == !overlap, "round \(round)")
            var expected = lines
            if merged {
                merges += 1
                for (id, line) in secondLines { expected[id] = line + offset }
            } else {
                clashes += 1
            }
            #expect(a.numericCount == expected.count, "round \(round)")
            for id in Set(first + second) { #expect(a.line(of: id) == expected[id], "round \(round), id \(id)") }
        }
        #expect(clashes > 50 && merges > 150, "both ways taken: \(clashes) clashes, \(merges) merges")

        // A clash in the third block of 4,096 ids, after two blocks were merged: taken out again.
        var a = IDRegistry()
        for id in 10_000..<13_000 { _ = a.register(id, line: id) }
        a.reserve(covering: [])
        var b = IDRegistry(expectedIDs: 20_000)
        for id in 0..<20_000 { _ = b.register(id, line: id + 1) }
        let merged = a.absorbIfDisjoint(b, lineOffset: 100)
        #expect(!merged)
        #expect(a.numericCount == 3000 && a.line(of: 5) == nil && a.line(of: 8191) == nil && a.line(of: 10_000) == 10_000)
        let fresh = a.register(4, line: 7)
        #expect(fresh == nil)
    }

    @Test func mergedPartsAnswerAsADictionary() {
        var rng = SplitMix64(seed: 16)
        var merges = 0
        for round in 0..<400 {
            let base = Int.random(in: -1_000_000...1_000_000, using: &rng)
            // The second part's ids follow the first's, overlap them, or lie elsewhere.
            let first = Self.ids(&rng, base: base)
            let second = Self.ids(&rng, base: base + [0, 1500, 3000, 50_000, -40_000][Int.random(in: 0..<5, using: &rng)])
            var a = IDRegistry()
            var b = IDRegistry()
            var expectedA: [Int: Int] = [:]
            var expectedB: [Int: Int] = [:]
            for (k, id) in first.enumerated() {
                #expect(a.register(id, line: k + 2) == expectedA[id])
                if expectedA[id] == nil { expectedA[id] = k + 2 }
            }
            for (k, id) in second.enumerated() {
                #expect(b.register(id, line: k + 1) == expectedB[id])
                if expectedB[id] == nil { expectedB[id] = k + 1 }
            }
            let overlap = !Set(expectedA.keys).isDisjoint(with: expectedB.keys)
            #expect(a.overlaps(b) == overlap, "round \(round)")
            #expect(b.overlaps(a) == overlap, "round \(round)")
            guard !overlap else { continue }
            // Now and then a line offset that does not fit the table: the id-by-id path.
            let offset = Int.random(in: 0..<8, using: &rng) == 0 ? Int(UInt32.max) - 100 : Int.random(in: 0...5_000_000, using: &rng)
            a.absorb(b, lineOffset: offset)
            merges += 1
            var expected = expectedA
            for (id, line) in expectedB { expected[id] = line + offset }
            #expect(a.numericCount == expected.count, "round \(round)")
            for id in Set(first + second) { #expect(a.line(of: id) == expected[id], "round \(round), id \(id)") }
            // Registering on: a repeat names the merged first line, a new id is new.
            for id in (first + second).prefix(20) + [base + 7_777_777, -base - 3] {
                #expect(a.register(id, line: 9) == expected[id], "round \(round), id \(id)")
                if expected[id] == nil { expected[id] = 9 }
            }
        }
        #expect(merges > 150, "enough rounds without overlap")
    }
}
