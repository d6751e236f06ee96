SET LOCALE='UTF-8'.
DATA LIST LIST /id (F4.0) gemeente (A8) tevredenheid_algemeen (F2.0) q2 (F3.0) q3 (F6.1)
  bedrag (F12.2) datum (DATE11) adatum (ADATE10) k1 k2 k3 (F1.0) r1 r2 (F2.0)
  toelichting (A40) lang (A300) s1 s2 (A3).
BEGIN DATA
1 'AMS' 4 12 -3 2.5 14-OCT-2024 10/14/2024 1 0 1 1 3 'Prima geholpen, één keer gebeld' 'Dit is een heel lange toelichting van de klant over het contact met de gemeente. Dit is een heel lange toelichting van de klant over het contact met de gemeente. Dit is een heel lange toelichting van de klant over het contact met de gemeente. Dit is een heel lange toelichting van de klant € einde' 'ja' 'nee'
2 'UTR' 9 95 -1 1e10 01-JAN-2000 01/01/2000 0 0 1 2 . 'geen' 'kort' 'nee' 'ja'
3 '' 99 90 999 . 29-FEB-1996 02/29/1996 1 1 1 3 1 '' '' 'ja' 'ja'
4 'onb' 1 151 0.5 -99.5 15-OCT-1582 10/15/1582 0 1 0 . . '   spaties voor' 'x' '' 'nee'
5 'ZWO' . 152 -50 1000 31-DEC-2099 12/31/2099 1 0 0 2 2 'Café “De Kroon” €5' 'y' 'nee' ''
END DATA.
COMPUTE tijdstip = datum + 13*3600 + 45*60 + 30.
FORMATS tijdstip (DATETIME20).
VARIABLE LABELS tevredenheid_algemeen 'Hoe tevreden bent u over de gemeente? (één antwoord)'
  /bedrag 'Bedrag in €' /k1 'Telefoon' /k2 'Balie' /k3 'Website' /r1 'Eerste reden' /r2 'Tweede reden'.
VALUE LABELS tevredenheid_algemeen 1 'Zeer ontevreden' 2 'Ontevreden' 3 'Neutraal' 4 'Tevreden'
    5 'Zeer tevreden' 9 'Weet niet' 99 'Geen antwoord'
  /gemeente 'AMS' 'Amsterdam' 'UTR' 'Utrecht' 'ZWO' 'Zwolle'
  /k1 k2 k3 0 'Niet genoemd' 1 'Genoemd'
  /r1 r2 1 'Telefoon' 2 'Balie' 3 'Website'
  /toelichting 'geen' 'Geen toelichting'.
MISSING VALUES tevredenheid_algemeen (9, 99) /q2 (90 THRU 99) /q3 (LO THRU -1, 999)
  /bedrag (1000 THRU HI) /gemeente ('onb') /toelichting ('geen').
MRSETS /MDGROUP NAME=$kanaal LABEL='Contactkanalen' VARIABLES=k1 k2 k3 VALUE=1
  /MCGROUP NAME=$reden LABEL='Redenen voor contact' VARIABLES=r1 r2
  /MDGROUP NAME=$kanaal_cv CATEGORYLABELS=COUNTEDVALUES VARIABLES=k1 k2 k3 VALUE=1
    LABEL='Kanalen (getelde waarden)'
  /MDGROUP NAME=$kanaal_vl CATEGORYLABELS=COUNTEDVALUES LABELSOURCE=VARLABEL VARIABLES=k2 k3 VALUE=1
  /MDGROUP NAME=$tekst LABEL='Tekstset' VARIABLES=s1 s2 VALUE='ja'.
DOCUMENT 'Testbestand voor kto: door PSPP geschreven.'.
SAVE OUTFILE='pspp-uncompressed.sav' /UNCOMPRESSED.
SAVE OUTFILE='pspp-bytecode.sav' /COMPRESSED.
SAVE OUTFILE='pspp-zlib.zsav' /ZCOMPRESSED.
