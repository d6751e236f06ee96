/// The three gemeenten of the shared social-services department, in the order of their codes in
/// the exports (`gemeente` = 1, 2, 3).
enum Gemeente: Int, CaseIterable, Sendable {
    case leidschendamVoorburg = 1
    case voorschoten = 2
    case wassenaar = 3

    /// Position in per-gemeente arrays.
    var index: Int { rawValue - 1 }
}

/// The two metingen the sample study holds.
enum Meting: Int, CaseIterable, Sendable {
    case y2015 = 2015
    case y2013 = 2013

    var fileName: String { "kto-\(rawValue).csv" }
}

/// One column of the exports, as the sample codebook (`SampleData/codebook.csv`) describes it.
struct SampleVariable: Sendable {
    enum Kind: Sendable, Equatable {
        case id
        case group
        case grade
        /// A statement on 1–5; `negative` statements are worded so that agreeing is bad.
        case likert(negative: Bool)
        case category(count: Int)
        case multi
        case text
    }

    let code: String
    let kind: Kind
    /// False for the variables whose `previous` is `-` (not in the 2013 questionnaire).
    let askedIn2013: Bool
    /// Only respondents who follow or finished a traject answer it (`traject` = 2 or 3).
    let routed: Bool
    /// Usual share of the eligible respondents with a valid answer; the solver starts here.
    let answerRate: Double
    /// Of the eligible respondents without a valid answer: the share answering "n.v.t." (the rest
    /// is split between "weet niet" and an empty cell).
    let notApplicableShare: Double

    init(_ code: String, _ kind: Kind, asked2013: Bool = true, routed: Bool = false,
         rate: Double = 0.95, notApplicable: Double = 0.15) {
        self.code = code
        self.kind = kind
        self.askedIn2013 = asked2013
        self.routed = routed
        self.answerRate = rate
        self.notApplicableShare = notApplicable
    }

    func isAsked(in meting: Meting) -> Bool { meting == .y2015 || askedIn2013 }
}

/// The sample questionnaire in codebook order.
enum Questionnaire {
    static let missingNotApplicable = "n.v.t."
    static let missingDoNotKnow = "weet niet"

    static let variables: [SampleVariable] = [
        .init("respnr", .id),
        .init("gemeente", .group),
        .init("algemeen", .grade, rate: 0.95, notApplicable: 0.05),
        .init("eerstelijn", .grade, rate: 0.91, notApplicable: 0.10),
        .init("balie_bejegening", .grade, rate: 0.80, notApplicable: 0.55),
        .init("balie_wachttijd", .grade, rate: 0.78, notApplicable: 0.55),
        .init("bereik_telefoon", .grade, rate: 0.87, notApplicable: 0.25),
        .init("bereik_openingstijden", .grade, rate: 0.81, notApplicable: 0.25),
        .init("bereik_wachttijd_afspraak", .grade, rate: 0.72, notApplicable: 0.40),
        .init("bereik_reisafstand", .grade, rate: 0.80, notApplicable: 0.40),
        .init("bereik_ov", .grade, rate: 0.64, notApplicable: 0.60),
        .init("info_formulieren", .grade, rate: 0.90, notApplicable: 0.10),
        .init("info_rechten", .grade, rate: 0.88, notApplicable: 0.10),
        .init("info_regelingen", .grade, rate: 0.79, notApplicable: 0.20),
        .init("info_internet", .grade, rate: 0.63, notApplicable: 0.55),
        .init("info_snelheid", .grade, rate: 0.85, notApplicable: 0.20),
        .init("doorloop_beschikking", .grade, asked2013: false, rate: 0.58, notApplicable: 0.50),
        .init("doorloop_betaling", .grade, asked2013: false, rate: 0.60, notApplicable: 0.50),
        .init("lokaal_internet", .grade, asked2013: false, rate: 0.56, notApplicable: 0.55),
        .init("lokaal_kcc", .grade, asked2013: false, rate: 0.53, notApplicable: 0.45),
        .init("lokaal_consulent", .grade, asked2013: false, rate: 0.76, notApplicable: 0.30),
        .init("internet_thuis", .category(count: 2), asked2013: false, rate: 0.96),
        .init("medewerkers", .grade, rate: 0.93, notApplicable: 0.15),
        .init("mw_snel", .likert(negative: false), rate: 0.88),
        .init("mw_stipt", .likert(negative: false), rate: 0.87),
        .init("mw_kennis", .likert(negative: false), rate: 0.86),
        .init("mw_voorlichting", .likert(negative: false), rate: 0.86),
        .init("mw_best", .likert(negative: false), rate: 0.88),
        .init("mw_vooroordeel_kan", .likert(negative: true), asked2013: false, rate: 0.77),
        .init("mw_vooroordeel_wil", .likert(negative: true), asked2013: false, rate: 0.76),
        .init("mw_privacy", .likert(negative: false), rate: 0.86),
        .init("mw_wisselen", .likert(negative: true), rate: 0.85, notApplicable: 0.20),
        .init("mw_rekening_kan", .likert(negative: false), asked2013: false, rate: 0.84),
        .init("mw_rekening_wil", .likert(negative: false), asked2013: false, rate: 0.83),
        .init("traject", .category(count: 3), rate: 0.96),
        .init("traject_algemeen", .grade, routed: true, rate: 0.93, notApplicable: 0.10),
        .init("traject_start", .grade, routed: true, rate: 0.90, notApplicable: 0.20),
        .init("traject_aansluiting", .grade, routed: true, rate: 0.90, notApplicable: 0.15),
        .init("traject_aandacht", .grade, routed: true, rate: 0.88, notApplicable: 0.20),
        .init("traject_afstemming", .grade, routed: true, rate: 0.82, notApplicable: 0.25),
        .init("traject_resultaat", .grade, routed: true, rate: 0.86, notApplicable: 0.25),
        .init("ts_past_kan", .likert(negative: false), asked2013: false, routed: true, rate: 0.90),
        .init("ts_past_wil", .likert(negative: false), asked2013: false, routed: true, rate: 0.90),
        .init("ts_kans_baan", .likert(negative: false), routed: true, rate: 0.88),
        .init("ts_vragen", .likert(negative: false), routed: true, rate: 0.90),
        .init("ts_zelf_kiezen", .likert(negative: false), asked2013: false, routed: true, rate: 0.86),
        .init("ts_zwaar", .likert(negative: true), routed: true, rate: 0.88),
        .init("afstand", .category(count: 4), asked2013: false, rate: 0.94),
        .init("parttime", .category(count: 2), asked2013: false, rate: 0.95),
        .init("goed_tekst", .text, asked2013: false),
        .init("goed_codes", .multi, asked2013: false),
        .init("verbeter_tekst", .text, asked2013: false),
        .init("verbeter_codes", .multi, asked2013: false),
        .init("sollicitatieplicht", .category(count: 2), rate: 0.96),
        .init("uitkeringsduur", .category(count: 4), rate: 0.96),
        .init("gezinssituatie", .category(count: 4), rate: 0.97),
        .init("leeftijd", .category(count: 6), rate: 0.98),
    ]

    static func index(of code: String) -> Int? { variables.firstIndex { $0.code == code } }

    /// The columns of one meting's export, in codebook order.
    static func columns(in meting: Meting) -> [Int] {
        variables.indices.filter { variables[$0].isAsked(in: meting) }
    }
}
