/// Fixed Dutch sentences and labels of the report.
enum DutchText {
    static let legend = [
        "n = aantal geldige antwoorden ('weet niet', 'n.v.t.' en geen antwoord tellen niet mee).",
        "– = geen of te weinig waarnemingen (minder dan de drempel voor weergave); n.g. = niet gevraagd in deze meting; n.b. = niet beschikbaar.",
        "* = indicatief: gebaseerd op minder waarnemingen dan de drempel voor betrouwbare uitspraken.",
        "▲/▼ achter een cijfer van deze meting: significant hoger/lager dan de vorige meting; +/− achter het cijfer van een gemeente: significant hoger/lager dan de rest van de organisatie; ▲/▼ achter een vergelijkingscijfer: het totaal van deze meting is significant hoger/lager dan dat cijfer. Bij negatief geformuleerde stellingen is lager beter.",
        "Rapportcijfers zijn gemiddelden op een schaal van 1 tot 10; percentages zijn afgerond op hele procenten.",
    ]

    static let responseIntro =
        "De respons is het aantal ingevulde vragenlijsten gedeeld door het aantal aangeschreven klanten. " +
        "De foutmarge geldt voor een percentage van 50% bij 95% betrouwbaarheid, met correctie voor de eindige populatie."
}
