/// How a published figure is computed from the answers.
enum Measure: Sendable {
    /// Mean of the valid grades 1–10, published to one decimal.
    case meanGrade
    /// 100 × (answers 4 + 5) / valid answers 1–5 on a positively worded statement.
    case pctAgree
    /// The same on a negatively worded statement.
    case pctAgreeNegative
    /// 100 × answers in one category / valid answers of the question.
    case pctCategory

    /// Whether the figure is a mean (published in tenths) rather than a percentage.
    var isMean: Bool { self == .meanGrade }
}

/// One row of the annex "Resultaten per gemeente": an item, or one category of an item, for the
/// three gemeenten and the pooled total in both metingen.
///
/// Values are integers as published: means in tenths (6,8 → 68), percentages whole. The order is
/// Leidschendam-Voorburg, Voorschoten (the annex's `gem_a`), Wassenaar (`gem_b`), total; nil means
/// the item was not asked that year.
struct AnnexTarget: Sendable {
    let variable: String
    let category: Int?
    let measure: Measure
    let values2015: [Int]?
    let values2013: [Int]?

    init(_ variable: String, _ category: Int?, _ measure: Measure, _ values2015: [Int]?, _ values2013: [Int]?) {
        self.variable = variable
        self.category = category
        self.measure = measure
        self.values2015 = values2015
        self.values2013 = values2013
    }

    func values(in meting: Meting) -> [Int]? { meting == .y2015 ? values2015 : values2013 }
}

/// A figure for each gemeente and, when published, the pooled total.
struct GroupFigures: Sendable {
    /// Per gemeente, in `Gemeente.index` order.
    let gemeenten: [Int]
    let total: Int?
}

/// Everything the sample must reproduce, and the choices made where nothing was published.
enum Targets {
    /// Respondents per gemeente (Leidschendam-Voorburg, Voorschoten, Wassenaar). 2015: 649 of
    /// 2,548 invited (1,852 / 378 / 318), the published total; the split is an assumption, see
    /// `SampleData/README.md`. 2013: no published figures, a plausible 600.
    static func respondents(in meting: Meting) -> [Int] {
        switch meting {
        case .y2015: return [461, 97, 91]
        case .y2013: return [422, 90, 88]
        }
    }

    /// First respondent number of each meting (questionnaire numbers start above it).
    static func firstRespondentNumber(in meting: Meting) -> Int { meting == .y2015 ? 150_000 : 130_000 }

    /// Questionnaires sent out (numbers run from 1 to this).
    static func invited(in meting: Meting) -> Int { meting == .y2015 ? 2_548 : 2_410 }

    /// The annex, transcribed from `annex-per-gemeente.csv`; rows map to codebook variables by their
    /// item text, category rows to the code whose label the row names.
    static let annex: [AnnexTarget] = [
        .init("algemeen", nil, .meanGrade, [71, 68, 68, 70], [71, 63, 72, 70]),
        .init("eerstelijn", nil, .meanGrade, [72, 69, 69, 71], [71, 59, 72, 69]),
        .init("balie_bejegening", nil, .meanGrade, [75, 75, 71, 74], [74, 71, 76, 74]),
        .init("balie_wachttijd", nil, .meanGrade, [73, 73, 68, 72], [72, 67, 73, 72]),
        .init("bereik_telefoon", nil, .meanGrade, [76, 75, 71, 75], [64, 53, 67, 63]),
        .init("bereik_openingstijden", nil, .meanGrade, [68, 65, 63, 67], [72, 62, 70, 70]),
        .init("bereik_wachttijd_afspraak", nil, .meanGrade, [77, 50, 48, 69], [71, 63, 72, 70]),
        .init("bereik_reisafstand", nil, .meanGrade, [71, 69, 67, 70], [76, 41, 46, 65]),
        .init("bereik_ov", nil, .meanGrade, [76, 54, 49, 69], [73, 52, 47, 65]),
        .init("info_formulieren", nil, .meanGrade, [70, 68, 66, 69], [70, 64, 69, 69]),
        .init("info_rechten", nil, .meanGrade, [68, 63, 65, 67], [68, 60, 68, 66]),
        .init("info_regelingen", nil, .meanGrade, [63, 57, 57, 61], [62, 58, 66, 62]),
        .init("info_internet", nil, .meanGrade, [66, 57, 60, 63], [66, 58, 65, 65]),
        .init("info_snelheid", nil, .meanGrade, [67, 59, 62, 65], [68, 59, 68, 67]),
        .init("doorloop_beschikking", nil, .meanGrade, [67, 65, 67, 67], nil),
        .init("doorloop_betaling", nil, .meanGrade, [69, 69, 64, 68], nil),
        .init("lokaal_internet", nil, .meanGrade, [63, 54, 56, 61], nil),
        .init("lokaal_kcc", nil, .meanGrade, [63, 53, 57, 61], nil),
        .init("lokaal_consulent", nil, .meanGrade, [66, 58, 63, 65], nil),
        .init("medewerkers", nil, .meanGrade, [68, 64, 64, 67], [72, 61, 72, 70]),
        .init("mw_snel", nil, .pctAgree, [76, 68, 75, 74], [74, 66, 80, 74]),
        .init("mw_stipt", nil, .pctAgree, [85, 83, 87, 85], [85, 71, 90, 84]),
        .init("mw_kennis", nil, .pctAgree, [72, 68, 67, 71], [75, 66, 78, 74]),
        .init("mw_voorlichting", nil, .pctAgree, [74, 62, 64, 71], [73, 57, 75, 71]),
        .init("mw_best", nil, .pctAgree, [76, 71, 72, 75], [82, 64, 89, 80]),
        .init("mw_vooroordeel_kan", nil, .pctAgreeNegative, [72, 74, 70, 72], nil),
        .init("mw_vooroordeel_wil", nil, .pctAgreeNegative, [70, 67, 65, 69], nil),
        .init("mw_privacy", nil, .pctAgree, [84, 85, 79, 84], [90, 87, 88, 89]),
        .init("mw_wisselen", nil, .pctAgreeNegative, [59, 63, 58, 59], [42, 50, 41, 43]),
        .init("mw_rekening_kan", nil, .pctAgree, [51, 40, 42, 48], nil),
        .init("mw_rekening_wil", nil, .pctAgree, [48, 37, 42, 45], nil),
        .init("traject", 1, .pctCategory, [78, 76, 88, 79], [76, 68, 76, 75]),
        .init("traject", 2, .pctCategory, [12, 12, 7, 11], [13, 20, 15, 14]),
        .init("traject", 3, .pctCategory, [11, 12, 6, 10], [11, 12, 9, 11]),
        .init("traject_algemeen", nil, .meanGrade, [66, 70, 52, 65], [61, 64, 57, 61]),
        .init("traject_start", nil, .meanGrade, [68, 65, 59, 67], [69, 68, 63, 68]),
        .init("traject_aansluiting", nil, .meanGrade, [65, 62, 64, 64], [58, 59, 54, 57]),
        .init("traject_aandacht", nil, .meanGrade, [66, 64, 57, 65], [61, 66, 56, 61]),
        .init("traject_afstemming", nil, .meanGrade, [61, 53, 56, 60], [57, 61, 53, 57]),
        .init("traject_resultaat", nil, .meanGrade, [58, 64, 50, 58], [50, 55, 50, 51]),
        .init("ts_past_kan", nil, .pctAgree, [68, 78, 64, 69], nil),
        .init("ts_past_wil", nil, .pctAgree, [57, 78, 43, 59], nil),
        .init("ts_kans_baan", nil, .pctAgree, [49, 61, 50, 51], [43, 39, 43, 42]),
        .init("ts_vragen", nil, .pctAgree, [74, 67, 67, 72], [69, 78, 71, 71]),
        .init("ts_zelf_kiezen", nil, .pctAgree, [39, 56, 70, 45], nil),
        .init("ts_zwaar", nil, .pctAgreeNegative, [32, 29, 17, 30], [33, 38, 26, 33]),
        .init("sollicitatieplicht", 1, .pctCategory, [60, 60, 61, 61], [68, 59, 65, 66]),
        .init("sollicitatieplicht", 2, .pctCategory, [40, 40, 39, 39], [32, 41, 35, 34]),
        .init("uitkeringsduur", 1, .pctCategory, [21, 11, 15, 18], [22, 19, 25, 22]),
        .init("uitkeringsduur", 2, .pctCategory, [24, 30, 26, 25], [24, 30, 33, 27]),
        .init("uitkeringsduur", 3, .pctCategory, [14, 32, 17, 17], [13, 27, 11, 15]),
        .init("uitkeringsduur", 4, .pctCategory, [42, 28, 42, 40], [41, 25, 30, 37]),
        .init("gezinssituatie", 1, .pctCategory, [26, 17, 29, 25], [25, 18, 27, 24]),
        .init("gezinssituatie", 2, .pctCategory, [3, 6, 3, 4], [10, 12, 12, 11]),
        .init("gezinssituatie", 3, .pctCategory, [58, 56, 62, 58], [57, 57, 56, 57]),
        .init("gezinssituatie", 4, .pctCategory, [13, 22, 6, 13], [7, 13, 5, 8]),
        .init("leeftijd", 1, .pctCategory, [6, 3, 9, 6], [3, 5, 4, 4]),
        .init("leeftijd", 2, .pctCategory, [18, 22, 11, 18], [24, 21, 20, 23]),
        .init("leeftijd", 3, .pctCategory, [24, 25, 20, 24], [23, 33, 26, 25]),
        .init("leeftijd", 4, .pctCategory, [36, 36, 41, 37], [33, 26, 36, 32]),
        .init("leeftijd", 5, .pctCategory, [14, 12, 19, 15], [16, 16, 14, 16]),
        .init("leeftijd", 6, .pctCategory, [1, 1, 0, 1], [0, 0, 0, 0]),
    ]

    /// Category questions of 2015 outside the annex. The totals are published in the main text
    /// (`groups-comparison.csv`: 25% without internet at home, 11% with a part-time job); the
    /// per-gemeente figures are invented to be plausible, and `afstand` is invented altogether.
    static let extraCategories2015: [String: [GroupFigures]] = [
        "internet_thuis": [
            GroupFigures(gemeenten: [74, 77, 79], total: 75),
            GroupFigures(gemeenten: [26, 23, 21], total: 25),
        ],
        "parttime": [
            GroupFigures(gemeenten: [11, 12, 10], total: 11),
            GroupFigures(gemeenten: [89, 88, 90], total: 89),
        ],
        "afstand": [
            GroupFigures(gemeenten: [8, 9, 7], total: nil),
            GroupFigures(gemeenten: [21, 23, 19], total: nil),
            GroupFigures(gemeenten: [38, 36, 41], total: nil),
            GroupFigures(gemeenten: [33, 32, 33], total: nil),
        ],
    ]

    /// Published share of grades 1–5 among the valid grades, 2015 total (`groups-comparison.csv`).
    static let insufficient2015: [String: Int] = ["algemeen": 15, "medewerkers": 22]

    /// % of the respondents with at least one code who mention each code, 2015
    /// (`open-answers-good.csv` and `open-answers-improve.csv`, column `wi_2015`), in code order.
    static let goodCodePercentages = [36, 30, 21, 15, 10, 10, 9, 9, 6]
    static let improveCodePercentages = [32, 23, 21, 16, 15, 14, 13, 10, 7]

    /// The annex rows of one variable that carry a figure in `meting`, by category.
    static func categoryFigures(_ variable: String, in meting: Meting) -> [GroupFigures]? {
        if meting == .y2015, let extra = extraCategories2015[variable] { return extra }
        let rows = annex.filter { $0.variable == variable && $0.category != nil }
            .sorted { ($0.category ?? 0) < ($1.category ?? 0) }
        guard !rows.isEmpty else { return nil }
        var figures: [GroupFigures] = []
        for row in rows {
            guard let v = row.values(in: meting) else { return nil }
            figures.append(GroupFigures(gemeenten: Array(v[0..<3]), total: v[3]))
        }
        return figures
    }

    /// The annex row of an item (not a category question).
    static func itemTarget(_ variable: String) -> AnnexTarget? {
        annex.first { $0.variable == variable && $0.category == nil }
    }
}
