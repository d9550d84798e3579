"""DuckDB's Python package on the end-to-end job (benchmarks/README.md, "End to end, as a user
runs it"): the same SQL as DuckDbEndToEnd (src/main/resources/.../e2e-prevalence.sql).

Usage: python3 duckdb_e2e.py FILE.csv [THREADS]   (default 2 threads)
Prints group,n,p,se (repr, round-trip precision); on standard error the query time (execute to
last row fetched) and the time since the interpreter started.
"""
import pathlib
import sys
import time

T_START = time.perf_counter()  # right after interpreter start-up, before importing duckdb

import duckdb  # noqa: E402

SQL = (pathlib.Path(__file__).resolve().parents[1] / "src/main/resources/io/github/dmstat/"
       "benchmarks/e2e-prevalence.sql")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python3 duckdb_e2e.py FILE.csv [THREADS]")
    path = pathlib.Path(sys.argv[1]).resolve()
    if not path.is_file():
        sys.exit(f"file '{path}' not found")
    threads = int(sys.argv[2]) if len(sys.argv) == 3 else 2
    literal = "'" + str(path).replace("'", "''") + "'"
    sql = SQL.read_text(encoding="utf-8").replace("${file}", literal)
    con = duckdb.connect()
    con.execute(f"SET threads TO {threads}")
    start = time.perf_counter()
    rows = con.execute(sql).fetchall()
    query_ms = (time.perf_counter() - start) * 1000
    out = ["group,n,p,se"] + [f"{g},{n},{p!r},{se!r}" for g, n, p, se in rows]
    print("\n".join(out))
    sys.stdout.flush()
    print(f"duckdb-python {duckdb.__version__}: threads={threads} query_ms={query_ms:.1f} "
          f"script_ms={(time.perf_counter() - T_START) * 1000:.0f}", file=sys.stderr)


if __name__ == "__main__":
    main()
