/// The texts of `kto --help` and `kto <command> --help`, in Dutch for the analyst.
enum Help {
    static let main = """
    kto — klanttevredenheidsonderzoek (KTO) Werk en Inkomen verwerken

    GEBRUIK
      kto <opdracht> [opties]

    OPDRACHTEN
      report [STUDIE]   maak het rapport van een studie (standaard: de voorbeeldstudie)
      check STUDIE      controleer studie, codeboek en data; toont het rijenoverzicht
      sample [MAP]      schrijf de voorbeelddata opnieuw (standaard: SampleData)
      help [OPDRACHT]   uitleg over een opdracht

    VOORBEELDEN
      kto report                              rapport van de voorbeeldstudie in SampleData/
      kto check mijnstudie/kto-2017.study     eerst controleren, dan rapporteren
      kto report mijnstudie/kto-2017.study --strict

    AFSLUITCODES
      0  gelukt    1  probleem met de gegevens    2  verkeerd gebruik van de opdracht

    Een studiebestand beschrijft één meting: titel, databestand(en), codeboek, gemeenten met
    aantallen aangeschreven klanten en de vorige meting. Zie README.md voor de formaten.
    """

    static let report = """
    kto report — maak het rapport van een studie

    GEBRUIK
      kto report [STUDIE] [--strict] [--output MAP] [--quiet]

    Leest de data van de meting (en de vorige meting), controleert elke rij, berekent de
    resultaten per gemeente en totaal en schrijft ze naar de uitvoermap van de studie.
    Zonder STUDIE wordt de voorbeeldstudie SampleData/kto-2015.study gebruikt.

    OPTIES
      --strict        stop bij de eerste afgewezen rij (standaard: afwijzen, tellen en doorgaan)
      --output MAP    schrijf naar MAP in plaats van de uitvoermap uit de studie
      --quiet         alleen fouten tonen

    VOORBEELD
      kto report SampleData/kto-2015.study --output /tmp/rapport
    """

    static let check = """
    kto check — controleer een studie en haar data

    GEBRUIK
      kto check STUDIE [--strict]

    Leest studiebestand, codeboek en alle databestanden, en toont per bestand de herkende
    codering en het scheidingsteken, het aantal gelezen, gebruikte en afgewezen rijen (met
    reden en regelnummer) en per variabele de cellen die niet te gebruiken waren.
    Afsluitcode 0 als alles bruikbaar is, 1 als er rijen of cellen zijn afgewezen.

    OPTIES
      --strict        elke afgewezen rij is een fout

    VOORBEELD
      kto check SampleData/kto-2015.study
    """

    static let sample = """
    kto sample — schrijf de voorbeelddata opnieuw

    GEBRUIK
      kto sample [MAP]

    Schrijft de exportbestanden van de voorbeeldstudie (kto-2015.csv en kto-2013.csv, zoals
    een scanbureau ze levert: puntkomma, Windows-1252, CRLF) naar MAP (standaard SampleData).
    De generator is deterministisch: elke keer dezelfde bytes.

    VOORBEELD
      kto sample /tmp/voorbeeld
    """

    static func text(for command: String) -> String? {
        switch command {
        case "report": return report
        case "check": return check
        case "sample": return sample
        default: return nil
        }
    }
}
