#!/usr/bin/env python3
"""pandas peer of kto-bench: the same exports, the same weighted figures, its own timing.

    python3 pandas_peer.py --ours OURS.csv --weighting rake|gemeente --population POPULATION.csv
        [--margin LEEFTIJD.csv] [--breakdown VARIABLE=CATEGORIES ...] EXPORT.csv METING [EXPORT.csv METING ...]

Reads each export as Dutch Excel writes it (sep=';', decimal=',', Windows-1252). Per meting it
weights the respondents itself, one weight per respondent:
  - rake: iterative proportional fitting over the gemeente x leeftijd cells, starting from equal
    weights, each sweep fitting the gemeente margin (POPULATION.csv: gemeente;N) and then the
    leeftijd margin (LEEFTIJD.csv: leeftijd;N), until no margin category is off by more than
    1e-10 (relative), at most 1000 sweeps;
  - gemeente: N_h / n_h, n_h = the gemeente's respondents.
Then per domain -- the total, every gemeente, every category 1..CATEGORIES of every breakdown
variable (other codes and empty cells: in no category) -- for every grade item (cijferNN) the
unweighted n of valid answers and the weighted mean, and for every statement (stellingNN) n and the
weighted % (4+5) of valid answers. Missing codes are excluded as the synthetic codebook says: 99
(weet niet) for grades, 9 (weet niet) for statements; empty cells are NaN.

Timed: reading the files, weighting and computing the figures (pandas_seconds), reading alone
(pandas_read_seconds). Not timed: the check against kto's figures (OURS.csv, written by
kto-bench run-size), which must agree to 1e-9 (relative; absolute below 1) for every n, mean and
percentage, with the same set of figures on both sides, or the script exits 1.
"""
import argparse
import math
import sys
import time

import numpy as np
import pandas as pd

TOLERANCE = 1e-10
MAX_SWEEPS = 1000


def rake_weights(df, population, margin):
    """Raked weight per row; also the number of sweeps."""
    gemeenten = population.index.to_numpy()
    ages = margin.index.to_numpy()
    g = pd.Categorical(df["gemeente"], categories=gemeenten).codes
    a = pd.Categorical(df["leeftijd"], categories=ages).codes
    if (g < 0).any() or (a < 0).any():
        raise SystemExit("raking: a respondent outside the margins (gemeente or leeftijd)")
    counts = np.zeros((len(gemeenten), len(ages)))
    np.add.at(counts, (g, a), 1.0)
    target_g = population.to_numpy(dtype=float)
    target_a = margin.to_numpy(dtype=float)
    cell = np.full(counts.shape, target_g.sum() / counts.sum())
    for sweep in range(1, MAX_SWEEPS + 1):
        cell *= (target_g / (cell * counts).sum(axis=1))[:, None]
        cell *= (target_a / (cell * counts).sum(axis=0))[None, :]
        fitted = cell * counts
        error = max(np.max(np.abs(fitted.sum(axis=1) - target_g) / target_g),
                    np.max(np.abs(fitted.sum(axis=0) - target_a) / target_a))
        if error < TOLERANCE:
            return cell[g, a], sweep
    raise SystemExit(f"raking did not converge in {MAX_SWEEPS} sweeps (error {error:.3g})")


def gemeente_weights(df, population):
    n = df["gemeente"].value_counts()
    return (df["gemeente"].map(population) / df["gemeente"].map(n)).to_numpy(dtype=float), 0


def figures(frames, weighting, population, margin, breakdowns):
    """Long table: meting, item, group, n, mean, pct_agree; and the sweeps per meting."""
    tables = []
    sweeps = []
    for meting, df in frames:
        if weighting == "rake":
            w, k = rake_weights(df, population, margin)
        else:
            w, k = gemeente_weights(df, population)
        sweeps.append(k)
        grades = [c for c in df.columns if c.startswith("cijfer")]
        statements = [c for c in df.columns if c.startswith("stelling")]
        g = df[grades].mask(df[grades] == 99)
        s = df[statements].mask(df[statements] == 9)
        gv = g.notna()
        sv = s.notna()
        # Per item: valid answers (n), weighted sums of the score / agreement and of the weights.
        parts = pd.concat({
            "n": pd.concat([gv, sv], axis=1).astype(float),
            "wx": pd.concat([g.fillna(0).mul(w, axis=0), (s >= 4).astype(float).mul(w, axis=0)], axis=1),
            "w": pd.concat([gv, sv], axis=1).astype(float).mul(w, axis=0),
        }, axis=1)
        domains = [("total", parts.sum().to_frame("total").T)]
        keys = {"gemeente": df["gemeente"]}
        for variable, categories in breakdowns:
            code = df[variable]
            keys[variable] = code.where(code.isin(range(1, categories + 1)))
        for variable, key in keys.items():
            sums = parts.groupby(key).sum()
            sums.index = [f"{variable}={int(c)}" for c in sums.index]
            domains.append((variable, sums))
        for _, sums in domains:
            long = sums.stack(level=1, future_stack=True)
            long.index.names = ["group", "item"]
            long = long.reset_index()
            mean = long["wx"] / long["w"]
            is_grade = long["item"].str.startswith("cijfer")
            tables.append(pd.DataFrame({
                "meting": str(meting), "item": long["item"], "group": long["group"], "n": long["n"],
                "mean": mean.where(is_grade), "pct_agree": (100.0 * mean).where(~is_grade),
            }))
    return pd.concat(tables, ignore_index=True), sweeps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", required=True)
    parser.add_argument("--weighting", choices=["rake", "gemeente"], default="rake")
    parser.add_argument("--population", required=True, help="gemeente;N")
    parser.add_argument("--margin", help="leeftijd;N (rake)")
    parser.add_argument("--breakdown", action="append", default=[], help="VARIABLE=CATEGORIES (codes 1..CATEGORIES)")
    parser.add_argument("files", nargs="+", help="EXPORT.csv METING pairs")
    args = parser.parse_args()
    pairs = list(zip(args.files[0::2], args.files[1::2]))
    population = pd.read_csv(args.population, sep=";", index_col="gemeente")["N"]
    margin = pd.read_csv(args.margin, sep=";", index_col="leeftijd")["N"] if args.weighting == "rake" else None
    breakdowns = [(b.split("=")[0], int(b.split("=")[1])) for b in args.breakdown]

    start = time.perf_counter()
    frames = [(meting, pd.read_csv(path, sep=";", decimal=",", encoding="cp1252")) for path, meting in pairs]
    read = time.perf_counter() - start
    theirs, sweeps = figures(frames, args.weighting, population, margin, breakdowns)
    total = time.perf_counter() - start

    ours = pd.read_csv(args.ours, sep=";", dtype={"meting": str, "group": str})
    key = ["meting", "item", "group"]
    merged = theirs.merge(ours, on=key, how="outer", suffixes=("_pandas", "_kto"), indicator=True)
    problems = []
    for side, name in [("left_only", "only pandas"), ("right_only", "only kto")]:
        unmatched = merged[merged["_merge"] == side]
        if len(unmatched):
            problems.append(f"{len(unmatched)} figures {name} has, e.g. {unmatched.iloc[0][key].tolist()}")
    both = merged[merged["_merge"] == "both"]
    compared = 0
    largest = 0.0
    for column in ["n", "mean", "pct_agree"]:
        a = both[column + "_pandas"].to_numpy(dtype=float)
        b = both[column + "_kto"].to_numpy(dtype=float)
        same_nan = np.isnan(a) & np.isnan(b)
        close = np.abs(a - b) <= 1e-9 * np.maximum(1.0, np.abs(b))
        bad = ~(same_nan | close)
        both_there = ~np.isnan(a) & ~np.isnan(b)
        if both_there.any():
            largest = max(largest, float(np.max(np.abs(a - b)[both_there] / np.maximum(1.0, np.abs(b[both_there])))))
        compared += int((~np.isnan(a) | ~np.isnan(b)).sum())
        if bad.any():
            worst = np.nanargmax(np.where(bad, np.abs(a - b), -1.0))
            row = both.iloc[worst]
            problems.append(f"{int(bad.sum())} {column} differ, largest {row[key].tolist()}: "
                            f"pandas {row[column + '_pandas']!r}, kto {row[column + '_kto']!r}")

    rows = sum(len(df) for _, df in frames)
    print(f"pandas {pd.__version__}: {rows} rows, {args.weighting} weights (sweeps per meting: {sweeps}), "
          f"{len(theirs)} domain figures; read {read:.3f} s, weights and figures {total - read:.3f} s")
    print(f"pandas_read_seconds: {read:.4f}")
    print(f"pandas_seconds: {total:.4f}")
    if problems:
        print("check: FAILED (pandas and kto disagree)")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print(f"check: ok ({compared} figures equal within 1e-9, largest difference {largest:.1e})")


if __name__ == "__main__":
    main()
