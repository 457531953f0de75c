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
  [ "$n" -ge 1000000 ] && format=bib   # the 1M CSL-JSON is only needed by the loader that reads it
  [ -f "$DATA/synthetic-$n.bib" ] || "$BENCH" generate --papers "$n" --format "$format" --out "$DATA" --seed "$SEED" --notes 10000
  # the fzf comparison reads the listing at every size
  [ -f "$DATA/synthetic-$n.txt" ] || "$BENCH" generate --papers "$n" --format txt --out "$DATA" --seed "$SEED"
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
# stdio benchmark: the built server (Release) on each generated collection, as an editor talks to it: time to initialize,
# until completion finds a known title, completion and hover p50/p95/p99 over 200 requests, a 10,000-line notes file's
# change -> diagnostics, peak RSS; cold (empty cache) then cached. See benchmarks/stdio/Program.cs.
# ---------------------------------------------------------------------------------------------------------------------
if [ "${SKIP_STDIO:-0}" != 1 ]; then
  echo "== stdio benchmark"
  # The server as the VS Code extension ships it: self-contained, one composite ReadyToRun image with the framework
  # (client-extension/scripts/publish-server.mjs).
  PUBLISH="${PUBLISH:-/tmp/paperlsp-sc}"
  dotnet publish "$ROOT/src/PaperLsp" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true -o "$PUBLISH" -v quiet -nologo
  dotnet build "$ROOT/benchmarks/stdio" -c Release -warnaserror -v quiet -nologo
  for n in $SIZES; do
    ( cd "$ROOT" && dotnet benchmarks/stdio/bin/Release/net10.0/PaperLsp.StdioBenchmark.dll --server "$PUBLISH/paperlsp" \
        --collection "$DATA/synthetic-$n.bib" --notes "$DATA/synthetic-$n-notes.pnotes" --requests 200 \
        --label "stdio-$n" --results "$OUT/stdio.jsonl" --markdown "$OUT/stdio.md" )
  done
fi

# ---------------------------------------------------------------------------------------------------------------------
# `paperlsp search` against `fzf --filter` (Debian's fzf): whole process each, same titles, same queries, as a ratio.
# ---------------------------------------------------------------------------------------------------------------------
if [ "${SKIP_FZF:-0}" != 1 ]; then
  echo "== paperlsp search vs fzf --filter"
  DATA="$DATA" SIZES="$SIZES" PARSE_MAX="${PARSE_MAX:-100000}" bash "$ROOT/benchmarks/fzf/run.sh"
fi

echo "== plots (docs/images)"
python3 "$ROOT/benchmarks/plot.py" "$RESULTS" "$ROOT/docs/images"
