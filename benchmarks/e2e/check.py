"""Checks that the tools of the end-to-end comparison give the same estimates.

Usage: python3 check.py DMSTAT.json OTHER.csv [OTHER.csv ...]
DMSTAT.json is `dmstat prevalence --format json` output; each OTHER.csv has the header
group,n,p,se (DuckDbEndToEnd, duckdb_e2e.py, survey.R). Every file must have the same groups,
the same n, and p and se within 1e-9 relative of dmstat's. Exits 1 on a mismatch.
"""
import csv
import json
import sys

TOLERANCE = 1e-9


def read_dmstat(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return {e["group"]["group"]: (int(e["n"]), float(e["prevalence"]), float(e["se"]))
            for e in doc["estimates"]}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {r["group"]: (int(r["n"]), float(r["p"]), float(r["se"])) for r in csv.DictReader(f)}


def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: python3 check.py DMSTAT.json OTHER.csv [OTHER.csv ...]")
    ref = read_dmstat(sys.argv[1])
    ok = True
    for path in sys.argv[2:]:
        other = read_csv(path)
        if sorted(other) != sorted(ref):
            print(f"{path}: groups {sorted(other)} differ from dmstat's {sorted(ref)}")
            ok = False
            continue
        worst_p = max(rel(ref[g][1], other[g][1]) for g in ref)
        worst_se = max(rel(ref[g][2], other[g][2]) for g in ref)
        bad_n = [g for g in ref if ref[g][0] != other[g][0]]
        good = worst_p <= TOLERANCE and worst_se <= TOLERANCE and not bad_n
        ok = ok and good
        print(f"{'ok  ' if good else 'FAIL'} {path}: {len(ref)} groups, max rel. diff p {worst_p:.1e}, "
              f"se {worst_se:.1e}, n differs in {bad_n or 'none'} (tolerance {TOLERANCE:g})")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
