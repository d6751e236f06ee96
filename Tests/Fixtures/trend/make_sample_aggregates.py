"""Writes SampleData/kto-2013-cijfers.csv: the sample study's 2013 meting as published figures
with n (and SD for means), computed by pandas from SampleData/kto-2013.csv, independently of kto.

pandas 3.1.1, Python 3. Run from the package root: python3 Tests/Fixtures/trend/make_sample_aggregates.py
Definitions: answers outside the codebook's valid codes ('weet niet', 'n.v.t.', their codes, empty)
are no answer; mean and sample SD (ddof = 1) of grades; % onvoldoende = grade 1-5; % (helemaal)
eens = 4 or 5 of a five-point statement; % per category among the valid answers. Values are written
with 17 significant digits so that kto's tests against them equal those against the data.
"""
import csv
import pandas as pd

codebook = pd.read_csv("SampleData/codebook.csv", sep=";", encoding="utf-8-sig", dtype=str).fillna("")
data = pd.read_csv("SampleData/kto-2013.csv", sep=";", encoding="cp1252", dtype=str).fillna("")


def labels(text):
    return [(int(code), label) for code, label in (part.split("=", 1) for part in text.split("|") if part)]


rows = []
for _, v in codebook.iterrows():
    if v["previous"] == "-" or v["type"] not in ("grade", "likert", "category"):
        continue
    column = v["previous"] or v["variable"]
    if column not in data.columns:
        continue
    values = pd.to_numeric(data[column], errors="coerce")  # label texts (weet niet, n.v.t.) become NaN
    missing = {code for code, _ in labels(v["missing"])}
    if v["type"] == "grade":
        valid = values[values.between(1, 10) & ~values.isin(missing)]
        rows.append((v["variable"], "mean", "", repr(float(valid.mean())), len(valid), repr(float(valid.std(ddof=1)))))
        rows.append((v["variable"], "pct_onvoldoende", "", repr(float(100 * (valid <= 5).mean())), len(valid), ""))
    elif v["type"] == "likert":
        valid = values[values.between(1, 5) & ~values.isin(missing)]
        rows.append((v["variable"], "pct_agree", "", repr(float(100 * (valid >= 4).mean())), len(valid), ""))
    else:
        codes = labels(v["labels"])
        valid = values[values.isin([code for code, _ in codes])]
        for code, label in codes:
            rows.append((v["variable"], "pct_category", label, repr(float(100 * (valid == code).mean())), len(valid), ""))

with open("SampleData/kto-2013-cijfers.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["variable", "measure", "category", "value", "n", "sd"])
    writer.writerows(rows)
print(len(rows), "figures")
