#!/usr/bin/env bash
# Runs every PaperLsp performance measurement and writes the figures for docs/performance.md.
#   benchmarks/run-all.sh                 # 10k and 100k
#   SIZES="10000 100000 1000000" benchmarks/run-all.sh   # with the million (slow: ~1 GB .bib, minutes)
# Environment: DATA (generated collections, default /tmp/paperlsp-bench), OUT (results, default benchmarks/results),
# BDN_FILTER (BenchmarkDotNet filter, default every suite but the million), SKIP_BDN=1, SKIP_STDIO=1, SKIP_FZF=1.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${DATA:-/tmp/paperlsp-bench}"
OUT="${OUT:-$ROOT/benchmarks/results}"
SIZES="${SIZES:-10000 100000}"
SEED="${SEED:-42}"
RESULTS="$OUT/measure.tsv"
BENCH="$ROOT/tests/PaperLsp.Benchmarks/bin/Release/net10.0/PaperLsp.Benchmarks"
mkdir -p "$DATA" "$OUT"

machine_note() {
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -m | awk '/Mem:/ {print $2 " MB RAM"}'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "== build (Release)"
dotnet build "$ROOT/tests/PaperLsp.Benchmarks" -c Release -warnaserror -v quiet -nologo

echo "== generate synthetic collections (seed $SEED) into $DATA"
for n in $SIZES; do
  format=all
  [ "$n" -ge 1000000 ] && format=bib   # the 1M CSL-JSON and listing are only needed by the loaders that read them
  [ -f "$DATA/synthetic-$n.bib" ] || "$BENCH" generate --papers "$n" --format "$format" --out "$DATA" --seed "$SEED" --notes 10000
done

echo "== cold load, index and search, one fresh process per size (appends to $RESULTS)"
machine_note >> "$RESULTS"
for n in $SIZES; do
  /usr/bin/time -v "$BENCH" measure --collection "$DATA/synthetic-$n.bib" --label "bib-$n" --results "$RESULTS" 2> "$OUT/time-bib-$n.txt" \
    || echo "measure failed for $n (see $OUT/time-bib-$n.txt)"
  grep -E 'Maximum resident|Elapsed' "$OUT/time-bib-$n.txt" || true
done

if [ "${SKIP_BDN:-0}" != 1 ]; then
  echo "== BenchmarkDotNet suites (short jobs, in-process; results in $OUT/bdn)"
  machine_note > "$OUT/bdn-machine.txt"
  ( cd "$ROOT/tests/PaperLsp.Benchmarks" && PAPERLSP_BENCH_DATA="$DATA" "$BENCH" \
      --filter "${BDN_FILTER:-*Parse* *Load* *IndexBuild* *Rank* *Hover* *Diagnostics*}" --artifacts "$OUT/bdn" )
  case " $SIZES " in *" 1000000 "*)
    ( cd "$ROOT/tests/PaperLsp.Benchmarks" && PAPERLSP_BENCH_DATA="$DATA" "$BENCH" --filter '*Million*' --artifacts "$OUT/bdn" ) ;;
  esac
fi

# ---------------------------------------------------------------------------------------------------------------------
# stdio benchmark: the built server on a generated collection, as an editor talks to it.
# Measures time to initialize, time until completion finds a known title ("nystromformer" -> xiong2021nystromformer),
# completion and hover latency p50/p95/p99 over 200 requests, and peak RSS. Needs the server (src/PaperLsp.Server);
# the driver is to be written with it (tests/PaperLsp.Benchmarks `stdio` verb or a script), so this section only runs
# when the driver exists.
# ---------------------------------------------------------------------------------------------------------------------
if [ "${SKIP_STDIO:-0}" != 1 ]; then
  echo "== stdio benchmark"
  if "$BENCH" stdio --help >/dev/null 2>&1; then
    for n in $SIZES; do
      "$BENCH" stdio --collection "$DATA/synthetic-$n.bib" --requests 200 --label "stdio-$n" --results "$OUT/stdio.tsv"
    done
  else
    echo "   skipped: no stdio driver yet (needs the server)"
  fi
fi

# ---------------------------------------------------------------------------------------------------------------------
# `paperlsp search` against `fzf --filter` (Debian's fzf): whole process each, same titles, same queries, as a ratio.
# ---------------------------------------------------------------------------------------------------------------------
if [ "${SKIP_FZF:-0}" != 1 ]; then
  echo "== paperlsp search vs fzf --filter"
  command -v fzf >/dev/null && command -v hyperfine >/dev/null || sudo_apt="apt-get install -y fzf hyperfine"
  if [ -n "${sudo_apt:-}" ]; then
    echo "   installing fzf and hyperfine: $sudo_apt"
    apt-get install -y fzf hyperfine >/dev/null 2>&1 || echo "   could not install fzf/hyperfine"
  fi
  PAPERLSP="$ROOT/src/PaperLsp/bin/Release/net10.0/paperlsp"
  [ -x "$PAPERLSP" ] || PAPERLSP="$ROOT/src/PaperLsp/bin/Release/net10.0/PaperLsp"
  if [ -x "$PAPERLSP" ] && "$PAPERLSP" search --help >/dev/null 2>&1 && command -v hyperfine >/dev/null; then
    for n in $SIZES; do
      titles="$DATA/synthetic-$n.titles"
      [ -f "$titles" ] || awk 'NR % 2 == 1' "$DATA/synthetic-$n.txt" > "$titles"   # the listing alternates title, abstract
      for q in nystromformer attention "graph neural" a; do
        hyperfine --warmup 1 --runs 10 --export-json "$OUT/fzf-$n-${q// /_}.json" \
          -n "paperlsp search" "$PAPERLSP search --limit 100 '$q' '$DATA/synthetic-$n.txt' > /dev/null" \
          -n "fzf --filter" "fzf --filter '$q' < '$titles' | head -100 > /dev/null"
      done
    done
  else
    echo "   skipped: needs the CLI's search command (src/PaperLsp) and hyperfine"
  fi
fi

echo "== plots (docs/images)"
python3 "$ROOT/benchmarks/plot.py" "$RESULTS" "$ROOT/docs/images"
