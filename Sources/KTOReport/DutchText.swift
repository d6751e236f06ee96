/// Fixed Dutch sentences and labels of the report.
import KTOAnalysis
import KTOStats

enum DutchText {
    static let legend = [
        "n = aantal geldige antwoorden ('weet niet', 'n.v.t.' en geen antwoord tellen niet mee).",
        "– = geen of te weinig waarnemingen (minder dan de drempel voor weergave); n.g. = niet gevraagd in deze meting; n.b. = niet beschikbaar.",
        "* = indicatief: gebaseerd op minder waarnemingen dan de drempel voor betrouwbare uitspraken.",
        "▲/▼ achter een cijfer van deze meting: significant hoger/lager dan de vorige meting; +/− achter het cijfer van een gemeente: significant hoger/lager dan de rest van de organisatie; ▲/▼ achter een vergelijkingscijfer: het totaal van deze meting is significant hoger/lager dan dat cijfer. Bij negatief geformuleerde stellingen is lager beter.",
        "Rapportcijfers zijn gemiddelden op een schaal van 1 tot 10; percentages zijn afgerond op hele procenten.",
    ]

    static func annexIntro(_ gemeente: String) -> String {
        "Deze bijlage toont de resultaten van \(gemeente) naast het totaal van de organisatie. Omdat ze op kleinere aantallen berusten, zijn alle resultaten in deze bijlage indicatief. Vergelijkingen met de rest van de organisatie zijn getoetst met de andere gemeenten samen, niet met het totaal waar \(gemeente) zelf in zit."
    }

    /// The method section, in plain Dutch, from the study's own settings.
    static func method(_ results: StudyResults) -> [String] {
        let t = results.thresholds
        let alpha = Rounding.formatDutch(t.alpha, decimals: 2)
        var paragraphs = [
            "Rapportcijfers lopen van 1 tot 10. Het gemiddelde wordt berekend over de geldige antwoorden; 'weet niet', 'niet van toepassing' en lege antwoorden tellen niet mee. Een onvoldoende is een cijfer van 1 tot en met 5. Bij stellingen is het percentage (helemaal) eens berekend over wie een mening gaf; bij negatief geformuleerde stellingen is een lager percentage beter.",
            "Verschillen zijn tweezijdig getoetst met een significantieniveau van \(alpha). Gemiddelden ten opzichte van de vorige meting en van de rest van de organisatie zijn getoetst met de t-toets van Welch (ongelijke varianties); percentages met de z-toets voor twee proporties (gepoolde variantie). Een vergelijkingsgroep waarvan alleen het gepubliceerde cijfer bekend is, geldt als vaste waarde: het eigen resultaat wordt daartegen getoetst met de eigen standaardfout (t-toets voor gemiddelden, z-toets voor percentages). Waar de leverancier ook aantallen en spreiding geeft, is de toets van Welch gebruikt.",
            "Kleine aantallen: een resultaat op minder dan \(t.indicative) antwoorden is indicatief (gemarkeerd met *); een resultaat op minder dan \(t.suppress) antwoorden wordt niet getoond en niet getoetst. Percentages van 0% of 100% worden wel getoond maar niet getoetst. De resultaten per gemeente zijn als geheel indicatief.",
        ]
        paragraphs.append(results.variables.contains { $0.current?.weighted != nil }
            ? "Het totaal is daarnaast gewogen naar het aantal aangeschreven klanten per gemeente (poststratificatie, gewicht = populatie / aantal respondenten per gemeente); standaardfouten volgen de gestratificeerde steekproef met eindige-populatiecorrectie. De tabellen tonen het ongewogen totaal; de gewogen totalen staan in results.csv."
            : "Het totaal is ongewogen: alle respondenten tellen even zwaar, zoals gebruikelijk in dit onderzoek. Omdat de respons per gemeente weinig verschilt, wijkt een naar gemeente gewogen totaal nauwelijks af.")
        return paragraphs
    }

    static let responseIntro =
        "De respons is het aantal ingevulde vragenlijsten gedeeld door het aantal aangeschreven klanten. " +
        "De foutmarge geldt voor een percentage van 50% bij 95% betrouwbaarheid, met correctie voor de eindige populatie."
}
