#!/usr/bin/env python3
"""pandas peer of kto-bench: the same exports, the core figures, its own timing.

    python3 pandas_peer.py --ours OURS.csv EXPORT.csv METING [EXPORT.csv METING ...]

Reads each export as Dutch Excel writes it (sep=';', decimal=',', Windows-1252), then per
meting x gemeente computes for every grade item (cijferNN) n, mean and SD (ddof=1) and for every
statement (stellingNN) n and % (4+5) of valid answers. Missing codes are excluded as the synthetic
codebook says: 99 (weet niet) for grades, 9 (weet niet) for statements; empty cells are NaN.

Timed: reading the files and computing the figures (pandas_seconds), reading alone
(pandas_read_seconds). Not timed: the check against kto's figures (OURS.csv, written by
kto-bench run-size), which must agree to 1e-9 for every n, mean, SD and percentage, or the
script exits 1.
"""
import argparse
import math
import sys
import time

import numpy as np
import pandas as pd


def figures(frames):
    """Long table: meting, item, gemeente, n, mean, sd, pct_agree."""
    rows = []
    for meting, df in frames:
        grades = [c for c in df.columns if c.startswith("cijfer")]
        statements = [c for c in df.columns if c.startswith("stelling")]
        g = df[grades].mask(df[grades] == 99)
        s = df[statements].mask(df[statements] == 9)
        key = df["gemeente"]
        gs = g.groupby(key).agg(["count", "mean", "std"])
        valid = s.notna().groupby(key).sum()
        agree = (s >= 4).groupby(key).sum()
        for item in grades:
            block = gs[item]
            for gemeente, n, mean, sd in zip(block.index, block["count"], block["mean"], block["std"]):
                rows.append((meting, item, int(gemeente), int(n), mean, sd, math.nan))
        for item in statements:
            for gemeente, n, a in zip(valid.index, valid[item], agree[item]):
                pct = 100.0 * a / n if n > 0 else math.nan
                rows.append((meting, item, int(gemeente), int(n), math.nan, math.nan, pct))
    return pd.DataFrame(rows, columns=["meting", "item", "gemeente", "n", "mean", "sd", "pct_agree"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", required=True)
    parser.add_argument("files", nargs="+", help="EXPORT.csv METING pairs")
    args = parser.parse_args()
    pairs = list(zip(args.files[0::2], args.files[1::2]))

    start = time.perf_counter()
    frames = [(meting, pd.read_csv(path, sep=";", decimal=",", encoding="cp1252")) for path, meting in pairs]
    read = time.perf_counter() - start
    theirs = figures(frames)
    total = time.perf_counter() - start

    ours = pd.read_csv(args.ours, sep=";", dtype={"meting": str})
    key = ["meting", "item", "gemeente"]
    merged = theirs.merge(ours, on=key, how="outer", suffixes=("_pandas", "_kto"), indicator=True)
    problems = []
    unmatched = merged[merged["_merge"] != "both"]
    if len(unmatched):
        problems.append(f"{len(unmatched)} figures only on one side, e.g. {unmatched.iloc[0][key].tolist()}")
    both = merged[merged["_merge"] == "both"]
    compared = 0
    for column in ["n", "mean", "sd", "pct_agree"]:
        a = both[column + "_pandas"].to_numpy(dtype=float)
        b = both[column + "_kto"].to_numpy(dtype=float)
        same_nan = np.isnan(a) & np.isnan(b)
        close = np.abs(a - b) <= 1e-9 * np.maximum(1.0, np.abs(b))
        bad = ~(same_nan | close)
        compared += int((~np.isnan(a) | ~np.isnan(b)).sum())
        if bad.any():
            row = both[bad].iloc[0]
            problems.append(f"{int(bad.sum())} {column} differ, e.g. {row[key].tolist()}: "
                            f"pandas {row[column + '_pandas']!r}, kto {row[column + '_kto']!r}")

    rows = sum(len(df) for _, df in frames)
    print(f"pandas {pd.__version__}: {rows} rows, read {read:.3f} s, figures {total - read:.3f} s")
    print(f"pandas_read_seconds: {read:.4f}")
    print(f"pandas_seconds: {total:.4f}")
    if problems:
        print("check: FAILED")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print(f"check: ok ({compared} figures equal within 1e-9)")


if __name__ == "__main__":
    main()
