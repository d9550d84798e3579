#!/usr/bin/env bash
# End-to-end comparison "as a user runs it" (benchmarks/README.md): survey-weighted prevalence of
# 'used' by 'group' with Taylor-linearised SEs (strata, PSUs nested), read from a CSV file, by
#   dmstat        ./dmstat prevalence --data F ... --format json      (from the repository root)
#   duckdb-jdbc   DuckDbEndToEnd: DuckDB 1.5.5.1 via JDBC, one SQL query with read_csv, 2 threads
#   duckdb-python duckdb_e2e.py: the same SQL with DuckDB's Python package (skipped if not installable)
#   R             survey.R: read.csv + svydesign + svyby(svymean)
# Each tool runs RUNS times per file (interleaved), under /usr/bin/time; the table gives the best
# wall time and the peak RSS over the runs. Then check.py compares the estimates (1e-9 relative).
#
# Usage: benchmarks/e2e/run.sh [DIR]         (DIR: where files and logs go; default a new temp dir)
# Environment: RUNS (default 3), SIZES (default "1000000 5000000"), TOOLS (default all four).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${1:-$(mktemp -d /tmp/dmstat-e2e.XXXXXX)}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
runs="${RUNS:-3}"
sizes="${SIZES:-1000000 5000000}"
tools="${TOOLS:-dmstat duckdb-jdbc duckdb-python R}"
log="$dir/run.log"
say() { echo "$*" | tee -a "$log" >&2; }

# ---- what the tools need
apt_updated=""
apt() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/time ] || apt time
if [[ " $tools " == *" R "* ]] && ! Rscript -e 'library(survey)' >/dev/null 2>&1; then
  say "installing R and survey (Debian packages, a few minutes)"
  apt r-base-core r-cran-survey
fi
python=""
if [[ " $tools " == *" duckdb-python "* ]]; then
  python="$(python3 -c 'import sys; print(sys.executable)')" # the interpreter itself, not a pyenv shim
  if ! "$python" -c 'import duckdb' 2>/dev/null && ! "$python" -m pip install -q duckdb >/dev/null 2>&1; then
    say "duckdb-python: the duckdb package cannot be installed here; skipped"
    tools="${tools/duckdb-python/}"
  fi
fi

# ---- build (not timed)
say "building benchmarks.jar and dmstat"
(cd "$root" && mvn -B -q -ntp -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true) >"$dir/build.log" 2>&1 \
  || { tail -30 "$dir/build.log" >&2; exit 1; }
(cd "$root" && ./dmstat --help >/dev/null)
jar="$root/benchmarks/target/benchmarks.jar"

# ---- machine
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc: $(nproc)"
  lscpu | head -n 20
  free -g | head -n 2
  java -version 2>&1 | head -n 1
  Rscript -e 'cat(R.version.string, " survey", format(packageVersion("survey")), "\n")' 2>/dev/null || true
  [ -n "$python" ] && "$python" -c 'import duckdb, sys; print("python", sys.version.split()[0], "duckdb", duckdb.__version__)' 2>/dev/null || true
} >"$dir/machine.txt"
cat "$dir/machine.txt" >>"$log"

# ---- one run: tool, file, run index -> $dir/out/TOOL-ROWS-RUN.{out,err,time}
run() {
  local tool="$1" file="$2" rows="$3" i="$4" base cmd
  base="$dir/out/$tool-$rows-$i"
  case "$tool" in
    dmstat) cmd=(./dmstat prevalence --data "$file" --outcome used --weight weight --strata stratum
                 --psu psu --by group --reliability none --format json) ;;
    duckdb-jdbc) cmd=(java -cp "$jar" io.github.dmstat.benchmarks.DuckDbEndToEnd "$file" 2) ;;
    duckdb-python) cmd=("$python" "$here/duckdb_e2e.py" "$file" 2) ;;
    R) cmd=(Rscript "$here/survey.R" "$file") ;;
  esac
  echo "$(date -u +%T) $tool rows=$rows run=$i load before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$log"
  (cd "$root" && /usr/bin/time -f '%e %M' -o "$base.time" "${cmd[@]}" >"$base.out" 2>"$base.err") \
    || { say "$tool on $file failed:"; tail -5 "$base.err" >&2; return 1; }
  echo "  $(cat "$base.time") (s KB); $(grep -E 'query_ms|read_s' "$base.err" || true)" >>"$log"
}

mkdir -p "$dir/out"
table="$dir/table.md"
{
  echo "| tool | rows | file MB | best wall s | max RSS MB | inside the process (best run) |"
  echo "|---|---:|---:|---:|---:|---|"
} >"$table"
status=0
for rows in $sizes; do
  file="$dir/survey-$rows.csv"
  [ -s "$file" ] || java -cp "$jar" io.github.dmstat.benchmarks.SurveyFiles "$rows" "$file" 2>>"$log"
  mb="$(awk -v b="$(stat -L -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')"
  for i in $(seq 1 "$runs"); do
    for tool in $tools; do
      say "$tool, $rows rows, run $i of $runs"
      run "$tool" "$file" "$rows" "$i"
    done
  done
  for tool in $tools; do
    best="" bestrun="" rss=0
    for i in $(seq 1 "$runs"); do
      read -r s kb <"$dir/out/$tool-$rows-$i.time"
      if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$s"; bestrun="$i"; fi
      [ "$kb" -gt "$rss" ] && rss="$kb"
    done
    inside="$(grep -hoE '(query_ms|jvm_start_to_end_ms|script_ms|read_s|estimate_s)=[0-9.]+' \
      "$dir/out/$tool-$rows-$bestrun.err" | tr '\n' ' ' || true)"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$tool" "$rows" "$mb" "$best" \
      "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" "${inside:-}" >>"$table"
  done
  others=()
  for tool in $tools; do [ "$tool" = dmstat ] || others+=("$dir/out/$tool-$rows-1.out"); done
  if [[ " $tools " == *" dmstat "* ]] && [ "${#others[@]}" -gt 0 ]; then
    python3 "$here/check.py" "$dir/out/dmstat-$rows-1.out" "${others[@]}" | tee -a "$log" || status=1
  fi
done
echo
cat "$table"
echo
echo "files, outputs and the log (load before each run): $dir"
exit "$status"
