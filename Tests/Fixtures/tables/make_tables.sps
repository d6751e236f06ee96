* PSPP: the pyreadstat .zsav read and written again, bytecode-compressed (a second producer).
GET FILE='Tests/Fixtures/tables/kto-2015.zsav'.
SAVE OUTFILE='Tests/Fixtures/tables/kto-2015-pspp.sav' /COMPRESSED.
