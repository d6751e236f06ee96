import KTOAnalysis
import KTOStats

extension DutchText {
    /// How the prioriteitenmatrix is made, in the numbers of this study.
    static func prioritiesIntro(_ p: PriorityResult, results: StudyResults) -> String {
        let overall = "‘\(lowercasedFirst(p.overall.text))’"
        var text = "De prioriteitenmatrix zet \(p.aspects.count) aspecten van de dienstverlening af tegen het totaaloordeel \(overall). "
            + "Horizontaal staat het gemiddelde rapportcijfer van elk aspect (de prestatie), verticaal hoe sterk het aspect samenhangt met het totaaloordeel (het belang). "
        switch p.drivers {
        case .correlation:
            text += "Het belang is de correlatie (Pearson) tussen het cijfer voor het aspect en het totaaloordeel, berekend over de klanten die beide vragen beantwoordden (n per aspect in de tabel)."
        case .regression:
            let r2 = p.regression.map { Rounding.formatDutch($0.rSquared * 100, decimals: 0) } ?? "?"
            text += "Het belang is de gestandaardiseerde coëfficiënt (β) van elk aspect in één regressie van het totaaloordeel op alle aspecten tegelijk, over de \(Rounding.formatInteger(p.regression?.n ?? 0)) klanten die alle vragen beantwoordden; samen verklaren de aspecten \(r2)% van de spreiding in het totaaloordeel (R²)."
        }
        if results.isWeighted { text += " De cijfers en de samenhang zijn gewogen." }
        text += " De lijnen liggen op de medianen (cijfer \(Rounding.formatDutch(p.medianMean, decimals: 1)), belang \(Rounding.formatDutch(p.medianImportance, decimals: 2))): "
            + "aspecten rechtsboven zijn sterke punten, linksboven verbeterpunten (belangrijk maar lager gewaardeerd). Samenhang is geen oorzaak: de matrix wijst aan waar verbetering het meest kan opleveren, niet wat het totaaloordeel bepaalt."
        if !p.tooFew.isEmpty {
            let names = p.tooFew.map { "‘\(lowercasedFirst($0.variable.text))’ (n = \($0.n))" }
            text += " Niet opgenomen wegens te weinig antwoorden: \(list(names))."
        }
        switch p.regressionFailure {
        case .tooFewCases(let n, let aspects)?:
            text += " Een regressie was gevraagd, maar slechts \(n) klanten beantwoordden alle \(aspects) aspecten; daarom is de correlatie gebruikt."
        case .dependentAspects?:
            text += " Een regressie was gevraagd, maar de aspecten hangen te sterk met elkaar samen om hun bijdragen te scheiden; daarom is de correlatie gebruikt."
        case nil:
            break
        }
        return text
    }
}
