"""The sample study's 2015 export (SampleData/kto-2015.csv) as an SPSS file and an Excel workbook,
written by other programs than kto, to prove that every table format gives the same results.csv.

pandas 3.1.1, pyreadstat 1.3, openpyxl 3.1; PSPP 1.6 for the second .sav (make_tables.sps).
Run from the package root:  python3 Tests/Fixtures/tables/make_tables.py && pspp Tests/Fixtures/tables/make_tables.sps

- kto-2015.zsav: pyreadstat (zlib-compressed). Code columns numeric; the label texts of the CSV
  ('weet niet', 'n.v.t.') become their codes (99/98, 9/8), since an SPSS numeric column holds no
  text; open answers and the multi-code columns (`1|4`) are strings.
- kto-2015-pspp.sav: PSPP reads the .zsav and writes it bytecode-compressed (make_tables.sps).
- kto-2015.xlsx: openpyxl, sheet 'Antwoorden'; numbers as numbers, the label texts as text, as a
  client's Excel file holds them; empty cells empty.
"""
import openpyxl
import pandas as pd
import pyreadstat

codebook = pd.read_csv("SampleData/codebook.csv", sep=";", encoding="utf-8-sig", dtype=str).fillna("")
data = pd.read_csv("SampleData/kto-2015.csv", sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
types = dict(zip(codebook.variable, codebook.type))
missing = {
    row.variable: {label.strip().lower(): int(code) for code, label in (part.split("=", 1) for part in row.missing.split("|") if part)}
    for row in codebook.itertuples()
}
coded = ("grade", "likert", "category", "group", "id")


def code(value, column):
    value = value.strip()
    if value == "":
        return float("nan")
    try:
        return float(value)
    except ValueError:
        return float(missing[column][value.lower()])


columns = {c: data[c].map(lambda v, c=c: code(v, c)) if types.get(c) in coded else data[c] for c in data.columns}
pyreadstat.write_sav(pd.DataFrame(columns), "Tests/Fixtures/tables/kto-2015.zsav", compress=True)

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Antwoorden"
sheet.append(list(data.columns))
for i in range(len(data)):
    row = []
    for c in data.columns:
        value = data[c].iat[i]
        if types.get(c) in coded and value.strip() != "":
            try:
                value = int(value)
            except ValueError:
                pass  # a label text such as 'weet niet' stays text
        row.append(None if value == "" else value)
    sheet.append(row)
book.save("Tests/Fixtures/tables/kto-2015.xlsx")
print("written")

# Two small files with mistakes, for the places in messages (codebook.csv in this folder):
# row 3 / case 2 has a grade of 11, row 4 / case 3 an unknown gemeente 7, row 5 / case 4 the
# text 'goed' as a grade (the .sav holds it in a string column, as an SPSS user would).
header = ["respnr", "gemeente", "cijfer", "stelling"]
rows = [[1, 1, 7, 4], [2, 2, 11, 5], [3, 7, 6, 3], [4, 1, "goed", 2], [5, 2, 8, None]]
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Blad1"
sheet.append(header)
for row in rows:
    sheet.append(row)
book.save("Tests/Fixtures/tables/fouten.xlsx")
frame = pd.DataFrame(rows, columns=header)
frame["cijfer"] = frame["cijfer"].astype(str)
frame["stelling"] = frame["stelling"].astype(float)
pyreadstat.write_sav(frame, "Tests/Fixtures/tables/fouten.sav", column_labels=["Respondentnummer", "Gemeente", "Cijfer", "Stelling"])
