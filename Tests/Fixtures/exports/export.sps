SET LOCALE='UTF-8'.
DATA LIST LIST /respnr (F4.0) gemeente (F1.0) cijfer (F2.0) stelling_uitleg (F1.0) stelling_wachten (F1.0)
  leeftijd (F1.0) kanaal_1 kanaal_2 kanaal_3 (F1.0).
BEGIN DATA.
1001 1 9 4 1 3 1 1 0
1002 1 8 3 3 1 0 0 1
1003 1 7 4 1 3 1 0 0
1004 1 8 1 2 3 0 0 0
1005 1 99 3 2 3 1 0 0
1006 1 7 3 4 3 0 0 0
1007 1 6 5 4 3 1 0 1
1008 1 6 9 4 3 1 0 0
1009 1 7 5 2 3 1 0 0
1010 1 7 4 2 1 1 0 1
1011 1 7 4 1 2 0 0 0
1012 1 9 4 4 3 0 0 1
1013 1 5 5 4 1 1 1 1
1014 1 . 4 2 3 1 0 1
1015 1 6 4 5 3 1 0 0
1016 1 6 5 4 2 1 0 1
1017 1 3 1 5 2 1 0 1
1018 1 8 5 5 3 0 0 0
1019 1 7 2 5 2 0 0 1
1020 1 8 1 . 2 0 0 1
1021 1 4 1 4 3 0 0 1
1022 1 3 4 5 3 1 0 1
1023 1 99 4 3 3 1 0 1
1024 1 6 4 2 4 0 1 0
1025 1 9 3 5 3 1 0 0
1026 1 7 4 4 2 1 1 1
1027 1 9 5 4 4 1 1 1
1028 1 7 1 4 . 0 1 1
1029 1 8 1 4 2 0 0 1
1030 1 10 5 3 2 1 0 0
1031 2 3 4 1 4 1 0 0
1032 2 8 5 1 2 1 0 0
1033 2 8 2 5 4 1 0 0
1034 2 6 9 2 2 1 0 0
1035 2 3 5 2 3 1 1 1
1036 2 4 4 2 3 1 1 0
1037 2 8 5 4 2 0 0 1
1038 2 7 4 1 3 1 0 0
1039 2 7 4 4 4 0 0 0
1040 2 6 3 4 2 0 1 0
1041 2 . 4 3 3 0 1 1
1042 2 6 5 5 3 1 1 0
1043 2 6 2 2 2 0 1 0
1044 2 10 2 2 1 0 0 1
1045 2 6 1 5 3 1 1 0
1046 2 7 4 4 1 1 0 0
1047 2 6 5 4 3 1 1 1
1048 2 8 4 4 2 1 1 1
1049 3 3 4 4 3 0 0 0
1050 3 10 4 1 3 1 0 0
1051 3 7 4 4 3 1 0 0
1052 3 99 3 3 4 0 0 0
1053 3 7 4 5 4 1 0 1
1054 3 9 2 4 1 1 0 0
1055 3 10 4 2 2 0 0 0
1056 3 6 4 4 1 1 1 0
1057 3 7 5 4 2 1 0 1
1058 3 8 4 4 1 0 0 0
1059 3 3 3 2 3 0 0 0
1060 3 8 4 3 3 1 0 0
END DATA.
STRING toelichting (A200).
IF (respnr = 1001) toelichting = 'Alles naar wens'.
IF (respnr = 1006) toelichting = CONCAT('Eerste regel.', X'0A', 'Tweede regel: ik wacht nog op antwoord.').
IF (respnr = 1012) toelichting = 'Het formulier was lastig, maar de balie hielp mij goed.'.
IF (respnr = 1024) toelichting = 'Ik begrijp de brieven niet altijd'.
IF (respnr = 1025) toelichting = 'Fijn dat ik langs kon komen.'.
IF (respnr = 1031) toelichting = 'Geen'.
IF (respnr = 1034) toelichting = 'Vaker terugbellen als u dat belooft.'.
IF (respnr = 1036) toelichting = 'Prima geholpen, de consulent was "echt" vriendelijk.'.
IF (respnr = 1042) toelichting = 'Café gemist; € 50 te weinig ontvangen.'.
IF (respnr = 1054) toelichting = 'Sneller reageren graag'.
VARIABLE LABELS respnr 'Respondentnummer' /gemeente 'Gemeente'
  /cijfer 'Welk rapportcijfer geeft u de dienstverlening van de sociale dienst?' /stelling_uitleg 'De consulent legt duidelijk uit wat ik moet doen.' /stelling_wachten 'Ik moet te lang wachten op een antwoord.'
  /leeftijd 'Wat is uw leeftijd?' /kanaal_1 'Telefoon' /kanaal_2 'Balie' /kanaal_3 'Website' /toelichting 'Wilt u nog iets toelichten?'.
VALUE LABELS gemeente 1 'Leiden' 2 'Oegstgeest' 3 'Zoeterwoude'
  /cijfer 1 'Zeer slecht' 10 'Uitstekend' 99 'Weet niet'
  /stelling_uitleg stelling_wachten 1 'Helemaal mee oneens' 2 'Mee oneens' 3 'Neutraal' 4 'Mee eens' 5 'Helemaal mee eens' 9 'Weet niet'
  /leeftijd 1 '18-26' 2 '27-40' 3 '41-64' 4 '65 jaar en ouder'
  /kanaal_1 kanaal_2 kanaal_3 0 'Niet genoemd' 1 'Genoemd'.
MISSING VALUES cijfer (99) /stelling_uitleg stelling_wachten (9).
MRSETS /MDGROUP NAME=$kanaal LABEL='Hoe had u contact met de sociale dienst? (meerdere antwoorden mogelijk)' VARIABLES=kanaal_1 kanaal_2 kanaal_3 VALUE=1.
SAVE OUTFILE='export.sav' /UNCOMPRESSED.
SAVE OUTFILE='export-bytecode.sav' /COMPRESSED.
SAVE OUTFILE='export.zsav' /ZCOMPRESSED.
