#!/usr/bin/env bash
# `paperlsp search` against `fzf --filter` (Debian's fzf), whole process each, same titles, same queries, timed with
# hyperfine; writes one hyperfine JSON per size and query and a Markdown table of the ratios paperlsp/fzf.
#
#   benchmarks/fzf/run.sh                        # 10k and 100k
#   SIZES="10000 100000 1000000" benchmarks/fzf/run.sh
#   PARSE_MAX=100000 ...                         # time the "parse" variant only up to this size (1M: 10+ s a run)
#
# Inputs: DATA/synthetic-N.txt, the plain listing written by the generator
#   (dotnet tests/PaperLsp.Benchmarks/bin/Release/net10.0/PaperLsp.Benchmarks.dll generate --papers N --format txt --out DATA).
# fzf reads the titles only (odd lines of the listing: it alternates title and abstract); paperlsp reads the listing
# itself (titles and abstracts, so it parses twice the bytes fzf reads). paperlsp runs as two builds:
#   the self-contained publish compiled ReadyToRun in one composite image with the framework (as the VS Code extension
#   ships it, client-extension/scripts/publish-server.mjs), run as its executable, and
#   the Native AOT binary (scripts/publish-native.sh, folder PUBLISH_AOT): no .NET start-up or JIT,
# each in two variants:
#   "… (cached)"  the collection cache on (the warm-up run writes it; the timed runs read it),
#   "… (parse)"   PAPERLSP_CACHE=off: the listing is parsed on every run.
# All print the top 100; fzf prints every match sorted (to /dev/null for all). REBUILD=1 publishes both builds again.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="${DATA:-/tmp/bench-data}"
OUT="${OUT:-$ROOT/benchmarks/results/fzf}"
WORK="${WORK:-/tmp/paperlsp-fzf}"   # titles lists and cache folders (large; not results)
PUBLISH="${PUBLISH:-/tmp/paperlsp-sc}"
PUBLISH_AOT="${PUBLISH_AOT:-/tmp/paperlsp-native}"
SIZES="${SIZES:-10000 100000}"
RUNS="${RUNS:-10}"
PARSE_MAX="${PARSE_MAX:-100000000}"
QUERIES=("nystromformer" "attention" "graph neural" "secure lattice" "a")
mkdir -p "$OUT" "$WORK"

command -v fzf >/dev/null && command -v hyperfine >/dev/null || apt-get install -y fzf hyperfine

if [ ! -x "$PUBLISH/paperlsp" ] || [ "${REBUILD:-0}" = 1 ]; then
  dotnet publish "$ROOT/src/PaperLsp" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true -o "$PUBLISH" -v quiet -nologo
fi
if [ ! -x "$PUBLISH_AOT/paperlsp" ] || [ "${REBUILD:-0}" = 1 ]; then
  bash "$ROOT/scripts/publish-native.sh" "$PUBLISH_AOT"
fi

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), fzf $(fzf --version | cut -d' ' -f1), $(hyperfine --version)" > "$OUT/machine.txt"
for n in $SIZES; do
  listing="$DATA/synthetic-$n.txt"
  titles="$WORK/synthetic-$n.titles"
  awk 'NR % 2 == 1' "$listing" > "$titles"
  cache="$WORK/cache-$n"
  native_cache="$WORK/cache-native-$n"
  rm -rf "$cache" "$native_cache"
  i=0
  for q in "${QUERIES[@]}"; do
    i=$((i + 1))
    parse=()
    if [ "$n" -le "$PARSE_MAX" ]; then
      parse=(-n "paperlsp search (parse)" "PAPERLSP_CACHE=off '$PUBLISH/paperlsp' search --limit 100 '$q' --collection '$listing' > /dev/null"
             -n "paperlsp native search (parse)" "PAPERLSP_CACHE=off '$PUBLISH_AOT/paperlsp' search --limit 100 '$q' --collection '$listing' > /dev/null")
    fi
    hyperfine --warmup 2 --runs "$RUNS" --export-json "$OUT/$n-$i.json" \
      -n "fzf --filter" "fzf --filter '$q' < '$titles' > /dev/null" \
      -n "paperlsp search (cached)" "PAPERLSP_CACHE_DIR='$cache' '$PUBLISH/paperlsp' search --limit 100 '$q' --collection '$listing' > /dev/null" \
      -n "paperlsp native search (cached)" "PAPERLSP_CACHE_DIR='$native_cache' '$PUBLISH_AOT/paperlsp' search --limit 100 '$q' --collection '$listing' > /dev/null" \
      "${parse[@]}"
  done
done

python3 - "$OUT" $SIZES <<'PY'
import json, os, sys
out, sizes = sys.argv[1], sys.argv[2:]
queries = ["nystromformer", "attention", "graph neural", "secure lattice", "a"]
rows = ["| papers | query | fzf --filter ms | paperlsp cached ms | ratio cached/fzf | native cached ms | ratio native cached/fzf | paperlsp parse ms | ratio parse/fzf | native parse ms | ratio native parse/fzf |",
        "|---|---|---|---|---|---|---|---|---|---|---|"]
for n in sizes:
    for i, q in enumerate(queries, 1):
        path = os.path.join(out, f"{n}-{i}.json")
        if not os.path.exists(path):
            continue
        r = {x["command"]: x for x in json.load(open(path))["results"]}
        f = r["fzf --filter"]["mean"] * 1000
        def cell(name):
            return f"{r[name]['mean'] * 1000:.0f} | {r[name]['mean'] * 1000 / f:.2f}×" if name in r else "not run | –"
        variants = ("paperlsp search (cached)", "paperlsp native search (cached)", "paperlsp search (parse)", "paperlsp native search (parse)")
        rows.append(f"| {int(n):,} | `{q}` | {f:.0f} | " + " | ".join(cell(v) for v in variants) + " |")
open(os.path.join(out, "fzf.md"), "w").write("\n".join(rows) + "\n")
print("\n".join(rows))
PY
