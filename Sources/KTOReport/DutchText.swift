/// Fixed Dutch sentences and labels of the report.
enum DutchText {
    static let legend = [
        "n = aantal geldige antwoorden ('weet niet', 'n.v.t.' en geen antwoord tellen niet mee).",
        "– = geen waarnemingen in deze groep; n.g. = niet gevraagd in deze meting.",
        "Rapportcijfers zijn gemiddelden op een schaal van 1 tot 10; percentages zijn afgerond op hele procenten.",
    ]

    static let responseIntro =
        "De respons is het aantal ingevulde vragenlijsten gedeeld door het aantal aangeschreven klanten. " +
        "De foutmarge geldt voor een percentage van 50% bij 95% betrouwbaarheid, met correctie voor de eindige populatie."
}
