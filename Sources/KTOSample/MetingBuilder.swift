/// One invented respondent.
struct Respondent: Sendable {
    var number = 0
    let gemeente: Gemeente
    /// Latent satisfaction with the service (higher = more satisfied).
    let satisfaction: Double
    /// Latent distance to the labour market (higher = further).
    let distance: Double
    /// Latent satisfaction with the traject, related to `satisfaction`.
    let trajectory: Double
    var cells: [Cell]
}

/// Builds one meting's respondents, item by item.
struct MetingBuilder {
    let meting: Meting
    var random: SampleRandom
    var people: [Respondent] = []
    /// Indices into `people` per gemeente.
    var members: [[Int]] = []
    var notes: [String] = []

    init(meting: Meting, seed: UInt64) {
        self.meting = meting
        self.random = SampleRandom(seed: seed, stream: "kto-\(meting.rawValue)")
    }

    /// Order of a category question's codes along the latent distance to the labour market
    /// (nil: unrelated).
    static let distanceOrder: [String: [Int]] = [
        "traject": [2, 3, 1],
        "sollicitatieplicht": [2, 1],
        "uitkeringsduur": [1, 2, 3, 4],
        "leeftijd": [1, 2, 3, 4, 5, 6],
        "afstand": [1, 2, 3, 4],
        "parttime": [1, 2],
        "internet_thuis": [1, 2],
    ]

    mutating func build() {
        makeRespondents()
        let asked = Questionnaire.variables.indices.filter { Questionnaire.variables[$0].isAsked(in: meting) }
        // Background and routing questions first: the items depend on them (traject routing,
        // internet at home).
        for v in asked {
            switch Questionnaire.variables[v].kind {
            case .id:
                for i in people.indices { people[i].cells[v] = .number(people[i].number) }
            case .group:
                for i in people.indices { people[i].cells[v] = .number(people[i].gemeente.rawValue) }
            case .category:
                fillCategory(v)
            case .grade, .likert, .multi, .text:
                break
            }
        }
        for v in asked {
            switch Questionnaire.variables[v].kind {
            case .grade, .likert: fillItem(v)
            case .id, .group, .category, .multi, .text: break
            }
        }
        if meting == .y2015 {
            fillOpenQuestion(OpenAnswers.good, text: "goed_tekst", codes: "goed_codes", baseShare: 0.62, satisfied: true)
            fillOpenQuestion(
                OpenAnswers.improve, text: "verbeter_tekst", codes: "verbeter_codes", baseShare: 0.56, satisfied: false)
        }
    }

    func exportBytes() -> [UInt8] {
        let columns = Questionnaire.columns(in: meting)
        let header = columns.map { Questionnaire.variables[$0].code }
        let rows = people.map { person in columns.map { person.cells[$0] } }
        return CSVExport.bytes(header: header, rows: rows)
    }

    // MARK: respondents

    mutating func makeRespondents() {
        let counts = Targets.respondents(in: meting)
        let width = Questionnaire.variables.count
        var list: [Respondent] = []
        for gemeente in Gemeente.allCases {
            for _ in 0..<counts[gemeente.index] {
                let satisfaction = random.gaussian()
                let trajectory = 0.6 * satisfaction + 0.8 * random.gaussian()
                list.append(Respondent(
                    gemeente: gemeente, satisfaction: satisfaction, distance: random.gaussian(),
                    trajectory: trajectory, cells: [Cell](repeating: .empty, count: width)))
            }
        }
        // Questionnaire numbers: a random subset of those sent out, in order; gemeenten interleave.
        var numbers = Array(1...Targets.invited(in: meting))
        random.shuffle(&numbers)
        let chosen = numbers.prefix(list.count).sorted()
        random.shuffle(&list)
        for i in list.indices { list[i].number = Targets.firstRespondentNumber(in: meting) + chosen[i] }
        people = list
        members = Gemeente.allCases.map { g in people.indices.filter { people[$0].gemeente == g } }
    }

    /// Noisy copy of a latent variable, for ordering answers: correlated `rho` with it.
    mutating func key(_ latent: Double, rho: Double) -> Double {
        rho * latent + (1 - rho * rho).squareRoot() * random.gaussian()
    }

    /// Gives `values` (ascending along the latent) to `respondents` sorted by a noisy latent.
    mutating func assign(_ values: [Cell], to respondents: [Int], variable v: Int, rho: Double,
                         latent: (Respondent) -> Double) {
        var keyed: [(index: Int, key: Double)] = []
        for i in respondents { keyed.append((i, key(latent(people[i]), rho: rho))) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        for (k, entry) in keyed.enumerated() where k < values.count {
            people[entry.index].cells[v] = values[k]
        }
    }

    /// A preferred answer count near the variable's usual rate, with a little variation.
    mutating func preferred(rate: Double, eligible: Int) -> Int {
        let r = rate + (random.unit() - 0.5) * 0.06
        return min(eligible, max(0, Int((r * Double(eligible)).rounded())))
    }

    // MARK: category questions

    mutating func fillCategory(_ v: Int) {
        let variable = Questionnaire.variables[v]
        guard let figures = Targets.categoryFigures(variable.code, in: meting) else {
            notes.append("\(variable.code): no figures")
            return
        }
        var ranges: [AnswerRange] = []
        for g in Gemeente.allCases {
            let eligible = members[g.index].count
            let minimum = Int((0.88 * Double(eligible)).rounded(.up))
            let pref = max(minimum, preferred(rate: variable.answerRate, eligible: eligible))
            ranges.append(AnswerRange(minimum: minimum, maximum: eligible, preferred: pref))
        }
        let allocation: CategoryAllocation
        if let solved = DistributionSolver.allocateCategories(figures: figures, ranges: ranges) {
            allocation = solved
        } else {
            notes.append("\(variable.code): no category counts reproduce the published percentages")
            allocation = CategoryAllocation(
                answered: ranges.map(\.preferred),
                counts: Gemeente.allCases.map { g in
                    Distributions.apportion(
                        ranges[g.index].preferred, weights: figures.map { Double($0.gemeenten[g.index]) })
                })
        }
        let order = Self.distanceOrder[variable.code]
        for g in Gemeente.allCases {
            let shuffled = random.shuffled(members[g.index])
            let valid = allocation.answered[g.index]
            let answering = Array(shuffled.suffix(valid))
            var values: [Cell] = []
            for code in order ?? Array(1...figures.count) {
                values += [Cell](repeating: .number(code), count: allocation.counts[g.index][code - 1])
            }
            if order == nil {
                random.shuffle(&values)
                for (k, i) in answering.enumerated() where k < values.count { people[i].cells[v] = values[k] }
            } else {
                assign(values, to: answering, variable: v, rho: 0.5) { $0.distance }
            }
        }
    }

    // MARK: grades and statements

    func isEligible(_ person: Respondent, routed: Bool) -> Bool {
        guard routed, let t = Questionnaire.index(of: "traject") else { return true }
        if case .number(let code) = person.cells[t] { return code == 2 || code == 3 }
        return false
    }

    mutating func fillItem(_ v: Int) {
        let variable = Questionnaire.variables[v]
        guard let target = Targets.itemTarget(variable.code), let values = target.values(in: meting) else {
            notes.append("\(variable.code): no published figures")
            return
        }
        let eligible = members.map { list in list.filter { isEligible(people[$0], routed: variable.routed) } }
        var ranges: [AnswerRange] = []
        for g in Gemeente.allCases {
            let count = eligible[g.index].count
            let minimum = variable.routed ? min(count, max(1, Int(0.4 * Double(count)))) : Int(0.5 * Double(count))
            let pref = max(minimum, preferred(rate: variable.answerRate, eligible: count))
            ranges.append(AnswerRange(minimum: minimum, maximum: count, preferred: pref))
        }
        let allocation: ItemAllocation
        if let solved = DistributionSolver.allocate(
            targets: Array(values[0..<3]), total: values[3], measure: target.measure, ranges: ranges)
        {
            allocation = solved
        } else {
            notes.append("\(variable.code): no answer counts reproduce the published figures")
            allocation = ItemAllocation(
                answered: ranges.map(\.preferred),
                numerators: Gemeente.allCases.map {
                    Window.ideal(n: ranges[$0.index].preferred, target: values[$0.index], measure: target.measure)
                })
        }
        // Answer distributions per gemeente.
        var distributions: [[Int]] = []
        for g in Gemeente.allCases {
            let n = allocation.answered[g.index]
            let numerator = allocation.numerators[g.index]
            if target.measure.isMean {
                var shape = Distributions.GradeShape()
                // Judgements of the consulenten spread wider than those of the service as a whole.
                let wide = variable.code == "medewerkers"
                shape.spreadBelow = (wide ? 3.6 : 2.5) + (random.unit() - 0.5) * 0.5
                shape.spreadAbove = (wide ? 1.4 : 1.5) + (random.unit() - 0.5) * 0.3
                distributions.append(Distributions.grades(n: n, sum: numerator, shape: shape))
            } else {
                distributions.append(Distributions.likert(n: n, agree: numerator, strength: random.unit()))
            }
        }
        if meting == .y2015, let percent = Targets.insufficient2015[variable.code] {
            setInsufficientShare(&distributions, percent: percent, item: variable.code)
        }
        // Cells.
        let negative = variable.kind == .likert(negative: true)
        for g in Gemeente.allCases {
            var pool = random.shuffled(eligible[g.index])
            if Self.internetItems.contains(variable.code) { putOfflineFirst(&pool) }
            let n = allocation.answered[g.index]
            let missing = pool.count - n
            let split = Distributions.apportion(
                missing,
                weights: [variable.notApplicableShare * 0.7, (1 - variable.notApplicableShare) * 0.7, 0.3])
            var missingCells = [Cell](repeating: .label(Questionnaire.missingNotApplicable), count: split[0])
            missingCells += [Cell](repeating: .label(Questionnaire.missingDoNotKnow), count: split[1])
            missingCells += [Cell](repeating: .empty, count: split[2])
            for (k, i) in pool.prefix(missing).enumerated() where k < missingCells.count {
                people[i].cells[v] = missingCells[k]
            }
            var answers: [Cell] = []
            for (k, count) in distributions[g.index].enumerated() {
                answers += [Cell](repeating: .number(k + 1), count: count)
            }
            if negative { answers.reverse() }
            let rho = 0.7 + random.unit() * 0.15
            if variable.routed {
                assign(answers, to: Array(pool.suffix(n)), variable: v, rho: rho) { $0.trajectory }
            } else {
                assign(answers, to: Array(pool.suffix(n)), variable: v, rho: rho) { $0.satisfaction }
            }
        }
    }

    /// Items about internet and e-mail, which clients without internet at home mostly cannot judge.
    static let internetItems: Set<String> = ["info_internet", "lokaal_internet"]

    /// Moves most respondents without internet at home (`internet_thuis` = 2) to the front of
    /// `pool`, where the answers "n.v.t." and "weet niet" go.
    mutating func putOfflineFirst(_ pool: inout [Int]) {
        guard let column = Questionnaire.index(of: "internet_thuis"),
            Questionnaire.variables[column].isAsked(in: meting)
        else { return }
        var offline: [Int] = []
        var online: [Int] = []
        for i in pool {
            if people[i].cells[column] == .number(2), random.chance(0.85) { offline.append(i) } else { online.append(i) }
        }
        pool = offline + online
    }

    /// Makes the pooled share of grades 1–5 round to `percent`, moving grades across 5|6 in the
    /// gemeenten (largest first) without changing any gemeente's sum of grades.
    mutating func setInsufficientShare(_ distributions: inout [[Int]], percent: Int, item: String) {
        let answered = distributions.map { $0.reduce(0, +) }
        let n = answered.reduce(0, +)
        guard let window = Window.numerators(n: n, target: percent, measure: .pctCategory) else {
            notes.append("\(item): no count of grades 1–5 rounds to \(percent)%")
            return
        }
        func lowCount(_ d: [Int]) -> Int { d[0..<5].reduce(0, +) }
        let current = distributions.reduce(0) { $0 + lowCount($1) }
        let wanted = min(max(Window.ideal(n: n, target: percent, measure: .pctCategory), window.lowerBound),
                         window.upperBound)
        var remaining = wanted - current
        let order = answered.indices.sorted { answered[$0] > answered[$1] }
        for (k, g) in order.enumerated() where remaining != 0 {
            let share = k == order.count - 1 ? remaining : remaining * answered[g] / max(1, n)
            let before = lowCount(distributions[g])
            Distributions.setInsufficientCount(&distributions[g], to: before + share)
            remaining -= lowCount(distributions[g]) - before
        }
        let reached = distributions.reduce(0) { $0 + lowCount($1) }
        if !window.contains(reached) { notes.append("\(item): share of grades 1–5 not \(percent)%") }
    }

    // MARK: open questions

    mutating func fillOpenQuestion(_ question: OpenAnswers.Question, text: String, codes: String,
                                   baseShare: Double, satisfied: Bool) {
        guard let textColumn = Questionnaire.index(of: text), let codeColumn = Questionnaire.index(of: codes) else {
            return
        }
        let preferredBase = Int((baseShare * Double(people.count)).rounded())
        guard let found = OpenAnswers.base(near: preferredBase, percentages: question.percentages) else {
            notes.append("\(codes): no base reproduces the published percentages")
            return
        }
        let base = found.base
        let sets = OpenAnswers.codeSets(base: base, counts: found.counts, random: &random)
        // Satisfied clients name a good point more often, dissatisfied ones a point to improve.
        var keyed: [(index: Int, key: Double)] = []
        for i in people.indices {
            let s = people[i].satisfaction
            keyed.append((i, key(satisfied ? s : -s, rho: 0.45)))
        }
        keyed.sort { $0.key != $1.key ? $0.key > $1.key : $0.index < $1.index }
        let chosen = keyed.prefix(base).map(\.index).sorted()
        var used = question.singular.map { [Bool](repeating: false, count: $0.count) }
        for (k, i) in chosen.enumerated() {
            people[i].cells[codeColumn] = .codes(sets[k])
            // Most explain their point in the open box; the first writers carry the singular texts.
            if random.chance(0.8) {
                let written = OpenAnswers.text(for: sets[k], question: question, singularUsed: &used, random: &random)
                if !written.isEmpty { people[i].cells[textColumn] = .text(written) }
            }
        }
        if used.contains(where: { $0.contains(false) }) { notes.append("\(text): not every singular answer used") }
        // A few write something that cannot be coded.
        let others = keyed.suffix(from: base).map(\.index)
        for i in random.shuffled(others).prefix(14) {
            people[i].cells[textColumn] = .text(random.pick(question.uncodable))
        }
    }
}
