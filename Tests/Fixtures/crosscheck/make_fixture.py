"""Independent cross-check of kto's core statistics on the sample study, with pandas.

Reads SampleData/kto-2015.csv and kto-2013.csv exactly as delivered (Windows-1252, ';', CRLF,
'weet niet' / 'n.v.t.' as text) and computes, per gemeente and for the total (pooled, unweighted):
n, mean, SD (n-1) and % onvoldoende (grades 1-5) of every grade item, and % (helemaal) eens
(4 + 5 of valid 1-5 answers) of every statement. Writes sample-core-stats.csv with 17 significant
digits. Run from the repository root:  python3 Tests/Fixtures/crosscheck/make_fixture.py
"""
import csv
import pandas as pd

GROUPS = {1: "Leidschendam-Voorburg", 2: "Voorschoten", 3: "Wassenaar"}

with open("SampleData/codebook.csv", encoding="utf-8-sig", newline="") as f:
    book = list(csv.DictReader(f, delimiter=";"))
grades = [r["variable"] for r in book if r["type"] == "grade"]
statements = [r["variable"] for r in book if r["type"] == "likert"]

rows = []
for meting in ["2015", "2013"]:
    data = pd.read_csv(f"SampleData/kto-{meting}.csv", sep=";", decimal=",", encoding="cp1252", dtype=str)
    groups = data["gemeente"].astype(int)
    for variable in grades + statements:
        if variable not in data.columns:
            continue
        values = pd.to_numeric(data[variable].str.strip(), errors="coerce")  # 'weet niet' -> NaN
        valid_range = (1, 10) if variable in grades else (1, 5)
        values = values.where((values >= valid_range[0]) & (values <= valid_range[1]))
        for code, name in [(None, "total")] + list(GROUPS.items()):
            v = values if code is None else values[groups == code]
            v = v.dropna()
            n = len(v)
            if n == 0:
                continue
            if variable in grades:
                rows.append((meting, name, variable, "mean", v.mean(), n))
                if n > 1:
                    rows.append((meting, name, variable, "sd", v.std(ddof=1), n))
                rows.append((meting, name, variable, "pct_onvoldoende", (v <= 5).mean() * 100, n))
            else:
                rows.append((meting, name, variable, "pct_agree", (v >= 4).mean() * 100, n))

with open("Tests/Fixtures/crosscheck/sample-core-stats.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["meting", "group", "variable", "measure", "value", "n"])
    for meting, group, variable, measure, value, n in rows:
        w.writerow([meting, group, variable, measure, "%.17g" % value, n])
print(len(rows), "rows; pandas", pd.__version__)
