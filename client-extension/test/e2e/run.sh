#!/usr/bin/env bash
# End-to-end test of the PaperLsp extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3).
#
#   npm run test:e2e                    # full: packages the server + extension, checks completion, hover, diagnostics
#   npm run test:e2e -- --client-only   # no server needed: activation, language mode, grammar colours, missing-server error
#
# Needs: `npm ci` done, the system packages of prereqs.sh (chromium, ripgrep, build tools), node 20,
# and for the full run the .NET SDK (the server is published from src/PaperLsp).
# State lives in <repo>/.e2e (gitignored): code-server install, user data, the workspace copy, artifacts.
# Screenshots of the full run go to docs/images/ (completion.png, hover.png).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXT="$(cd "$HERE/../.." && pwd)"
REPO="$(cd "$EXT/.." && pwd)"
export BASE="${BASE:-$REPO/.e2e}"
export PORT="${PORT:-18080}"
SCENARIO="${E2E_SCENARIO:-$HERE/scenario.json}"
MODE=full
for arg in "$@"; do
  case "$arg" in
    --client-only) MODE=client-only ;;
    *) echo "usage: $0 [--client-only]" >&2; exit 2 ;;
  esac
done

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Prerequisites, each with what to do about it.
for tool in rg curl "${CHROMIUM:-chromium}"; do
  command -v "$tool" >/dev/null || die "$tool not found: run client-extension/test/e2e/prereqs.sh (as root)"
done
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
[ -d "$REPO/node_modules/playwright-core" ] && [ -d "$REPO/node_modules/@vscode/vsce" ] || die "dev dependencies missing: run npm ci at $REPO"

bash "$HERE/code-server.sh" install

# The .vsix under test.
VSIX=""
if [ "$MODE" = full ]; then
  log "packaging server + extension (npm run package)"
  if ! (cd "$REPO" && npm run package) > "$BASE/package.log" 2>&1; then
    tail -25 "$BASE/package.log" >&2
    die "the PaperLsp server could not be published from src/PaperLsp (log: $BASE/package.log). The end-to-end test needs the server 'paperlsp serve --stdio'; until it is merged, run: npm run test:e2e -- --client-only"
  fi
  [ -f "$EXT/server/paperlsp.dll" ] || die "no client-extension/server/paperlsp.dll after packaging: the server is missing"
  VSIX="$(ls "$EXT"/*.vsix)"
else
  # A .vsix without the server, built from a staging copy so the repository's server/ and .vsix stay as they are.
  log "packaging the client alone"
  (cd "$REPO" && npm run build --silent -w client-extension -- --production) > "$BASE/package.log" 2>&1 || { cat "$BASE/package.log" >&2; die "esbuild failed"; }
  STAGE="$BASE/stage"; rm -rf "$STAGE"; mkdir -p "$STAGE"
  cp -r "$EXT/dist" "$EXT/syntaxes" "$EXT/language-configuration.json" "$EXT/package.json" "$EXT/README.md" "$EXT/LICENSE" "$EXT/.vscodeignore" "$STAGE/"
  (cd "$STAGE" && "$REPO/node_modules/.bin/vsce" package --no-dependencies --out client-only.vsix) >> "$BASE/package.log" 2>&1 || { cat "$BASE/package.log" >&2; die "vsce package failed"; }
  VSIX="$STAGE/client-only.vsix"
fi
[ "$(printf '%s\n' "$VSIX" | wc -l)" = 1 ] && [ -f "$VSIX" ] || die "expected exactly one .vsix, found: $VSIX"
log "extension: $VSIX"
bash "$HERE/code-server.sh" install-ext "$VSIX"

# A scratch copy of the scenario's workspace: the test types into the notes file.
WS_SRC="$REPO/$(node -p "require('$SCENARIO').workspace")"
[ -d "$WS_SRC" ] || die "workspace $WS_SRC (from $SCENARIO) not found"
WS="$BASE/workspace"; rm -rf "$WS"; cp -r "$WS_SRC" "$WS"

bash "$HERE/code-server.sh" start
trap 'bash "$HERE/code-server.sh" stop' EXIT

args=(--url "http://127.0.0.1:$PORT" --workspace "$WS" --scenario "$SCENARIO" --artifacts "$BASE/artifacts")
if [ "$MODE" = full ]; then
  args+=(--images "$REPO/docs/images")
else
  args+=(--client-only)
  command -v paperlsp >/dev/null || args+=(--expect-no-server)
fi
node "$HERE/drive.mjs" "${args[@]}"
