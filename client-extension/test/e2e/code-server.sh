#!/usr/bin/env bash
# code-server.sh - install and run code-server (VS Code in a browser, from npm) for the end-to-end test,
# with no network access but the npm registry. Adapted from the shared vscode-e2e recipe so the
# project does not depend on it.
#
#   code-server.sh install             # code-server $CS_VERSION into $BASE/cs (skipped when present)
#   code-server.sh install-ext X.vsix  # (re)install an extension into $BASE/state/extensions
#   code-server.sh start               # start on 127.0.0.1:$PORT, auth none, fresh user data
#   code-server.sh stop                # stop what 'start' started (its process group)
#
# BASE (default <repo>/.e2e), PORT (default 18080), CS_VERSION (default 4.100.3 = VS Code 1.100.3,
# the last code-server release that runs on node 20), NPM_CACHE (optional private npm cache).
# Everything code-server writes stays under $BASE; it binds to 127.0.0.1 only.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
BASE="${BASE:-$REPO/.e2e}"
PORT="${PORT:-18080}"
CS_VERSION="${CS_VERSION:-4.100.3}"
PREFIX="$BASE/cs"
STATE="$BASE/state"
CS_BIN="$PREFIX/node_modules/.bin/code-server"

log() { printf '[code-server %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
npm_cache_args() { if [ -n "${NPM_CACHE:-}" ]; then printf '%s\n' --cache "$NPM_CACHE"; fi; }

# Keeps code-server from writing into $HOME.
cs_env() {
  mkdir -p "$STATE"/xdg/{config,data,cache,state} "$STATE/tmp" "$STATE/user-data/User" "$STATE/extensions"
  export XDG_CONFIG_HOME="$STATE/xdg/config" XDG_DATA_HOME="$STATE/xdg/data" \
         XDG_CACHE_HOME="$STATE/xdg/cache" XDG_STATE_HOME="$STATE/xdg/state" TMPDIR="$STATE/tmp"
  printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$STATE/config.yaml"
}
cs_common_args() {
  printf '%s\n' --config "$STATE/config.yaml" --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions"
}

cmd_install() {
  if [ -x "$CS_BIN" ] && [ "$(node -p "require('$PREFIX/node_modules/code-server/package.json').version" 2>/dev/null)" = "$CS_VERSION" ]; then
    log "code-server $CS_VERSION already installed in $PREFIX"; return 0
  fi
  command -v node >/dev/null || die "node not found"
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" = 20 ] || die "code-server $CS_VERSION needs node 20, found $(node -v)"
  # node-gyp must not download headers from nodejs.org: point it at the installed headers.
  local nodedir; nodedir=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  [ -f "$nodedir/include/node/common.gypi" ] || die "node headers not found under $nodedir/include/node (install the node headers, e.g. libnode-dev)"
  local rg; rg=$(command -v rg) || die "ripgrep (rg) not found: run client-extension/test/e2e/prereqs.sh"
  rm -rf "$PREFIX"; mkdir -p "$PREFIX" "$BASE/tmp"
  local work="$BASE/tmp/install.$$"; rm -rf "$work"; mkdir -p "$work"

  # Trap 1: @vscode/ripgrep's postinstall downloads ripgrep from GitHub. Find the version code-server's
  # VS Code pins and the release tag its postinstall wants, then seed its download cache
  # ($TMPDIR/vscode-ripgrep-cache-<ver>/ripgrep-<tag>-<target>.tar.gz) with the system's rg.
  log "resolving the @vscode/ripgrep version pinned by code-server@$CS_VERSION"
  (cd "$work" && npm pack --silent $(npm_cache_args) "code-server@$CS_VERSION" >/dev/null)
  tar -xzf "$work"/code-server-*.tgz -C "$work" package/lib/vscode/npm-shrinkwrap.json
  local rgpkg; rgpkg=$(node -p "require('$work/package/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
  (cd "$work" && npm pack --silent $(npm_cache_args) "@vscode/ripgrep@$rgpkg" >/dev/null)
  tar -xzf "$work"/vscode-ripgrep-*.tgz -C "$work" package/lib/postinstall.js
  local rgtag; rgtag=$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$work/package/lib/postinstall.js")
  [ -n "$rgtag" ] || die "could not read the ripgrep release tag from @vscode/ripgrep@$rgpkg"
  local arch; case "$(uname -m)" in x86_64) arch=x86_64-unknown-linux-musl ;; aarch64) arch=aarch64-unknown-linux-musl ;; *) die "unsupported arch $(uname -m)" ;; esac
  local cache="$BASE/tmp/vscode-ripgrep-cache-$rgpkg"; mkdir -p "$cache" "$work/rg"
  cp "$rg" "$work/rg/rg"
  tar -czf "$cache/ripgrep-$rgtag-$arch.tar.gz" -C "$work/rg" rg
  log "seeded $cache/ripgrep-$rgtag-$arch.tar.gz from $rg"

  # Trap 2: node-pty's postinstall runs 'npx node-gyp', which aborts without npm_config_yes=true.
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it. Prebuilt
  # binary downloads (GitHub) fail and fall back to node-gyp builds against $nodedir.
  log "npm install code-server@$CS_VERSION into $PREFIX (log: $BASE/install.log; a few minutes)"
  if ! TMPDIR="$BASE/tmp" npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir="$nodedir" \
       npm install --prefix "$PREFIX" $(npm_cache_args) --no-audit --no-fund --foreground-scripts \
       "code-server@$CS_VERSION" > "$BASE/install.log" 2>&1; then
    tail -40 "$BASE/install.log" >&2
    die "npm install failed (see $BASE/install.log)"
  fi
  local vs="$PREFIX/node_modules/code-server/lib/vscode" m
  [ -x "$vs/node_modules/@vscode/ripgrep/bin/rg" ] || die "ripgrep binary missing after install"
  for m in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node \
           native-watchdog/build/Release/watchdog.node; do
    [ -f "$vs/node_modules/$m" ] || die "native module missing: $m"
  done
  rm -rf "$work"
  log "installed: code-server $(node -p "require('$PREFIX/node_modules/code-server/package.json').version")"
}

cmd_install_ext() {
  local vsix="${1:?usage: install-ext <file.vsix>}"
  [ -x "$CS_BIN" ] || die "code-server not installed; run: $0 install"
  [ -f "$vsix" ] || die "no such file: $vsix"
  cs_env
  # A folder does not install ('Extension not found'): it must be a packaged .vsix.
  "$CS_BIN" $(cs_common_args) --force --install-extension "$(readlink -f "$vsix")" >&2
  "$CS_BIN" $(cs_common_args) --list-extensions --show-versions >&2
}

write_settings() {
  cat > "$STATE/user-data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "files.hotExit": "off",
  "editor.minimap.enabled": false,
  "editor.fontSize": 15,
  "editor.hover.delay": 200,
  "chat.commandCenter.enabled": false,
  "npm.fetchOnlinePackageInfo": false,
  "json.schemaDownload.enable": false,
  "typescript.disableAutomaticTypeAcquisition": true,
  "git.enabled": false
}
JSON
}

cmd_start() {
  [ -x "$CS_BIN" ] || die "code-server not installed; run: $0 install"
  cs_env
  if [ -f "$STATE/code-server.pid" ] && kill -0 "$(cat "$STATE/code-server.pid")" 2>/dev/null; then
    die "already running (pid $(cat "$STATE/code-server.pid")); run: $0 stop"
  fi
  # Fresh user data each run: no restored editors, backups or state from the last run.
  rm -rf "$STATE/user-data"; mkdir -p "$STATE/user-data/User"; write_settings
  # setsid: own process group, so 'stop' ends code-server and its children (extension host, server).
  setsid "$CS_BIN" $(cs_common_args) --auth none --bind-addr "127.0.0.1:$PORT" \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --disable-getting-started-override --ignore-last-opened \
    > "$STATE/code-server.log" 2>&1 < /dev/null &
  echo $! > "$STATE/code-server.pid"
  local i
  for i in $(seq 1 600); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
      log "code-server (pid $(cat "$STATE/code-server.pid")) on http://127.0.0.1:$PORT"; return 0
    fi
    kill -0 "$(cat "$STATE/code-server.pid")" 2>/dev/null || { cat "$STATE/code-server.log" >&2; die "code-server exited"; }
    sleep 0.1
  done
  cat "$STATE/code-server.log" >&2; die "code-server did not answer on 127.0.0.1:$PORT within 60 s"
}

cmd_stop() {
  local pidf="$STATE/code-server.pid"
  [ -f "$pidf" ] || return 0
  local pid i; pid=$(cat "$pidf")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 -- "-$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidf"
  log "stopped process group $pid"
}

case "${1:-}" in
  install) cmd_install ;;
  install-ext) shift; cmd_install_ext "$@" ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 2 ;;
esac
