#!/usr/bin/env bash
# The Native AOT build against the .NET build of the same source (scripts/publish-native.sh puts both in one folder):
# every case runs `paperlsp …` (native) and `dotnet paperlsp.dll …` in examples/ and compares standard output, standard
# error and exit code byte for byte — check, search (with and without the collection cache), export, a CSL-JSON
# collection, usage errors — then `paperlsp serve` (handed to the .NET build) answers initialize and shutdown over stdio.
# Closes with "N passed, M failed"; exits 1 if any failed.
#
#   scripts/test-native.sh [FOLDER]     # an existing publish-native.sh folder; default: publish into artifacts/native
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ $# -ge 1 ]; then
  native="$(cd "$1" && pwd)"
else
  native="$root/artifacts/native"
  bash scripts/publish-native.sh "$native" || { echo "0 passed, 1 failed"; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# Runs one case with both builds; each build has its own cache folder (so both write, then both read, their cache).
same() {
  local name=$1
  shift
  (cd examples && PAPERLSP_CACHE_DIR="$work/cache-native" "$native/paperlsp" "$@" >"$work/native.out" 2>"$work/native.err"; echo $? >"$work/native.rc")
  (cd examples && PAPERLSP_CACHE_DIR="$work/cache-dotnet" dotnet "$native/paperlsp.dll" "$@" >"$work/dotnet.out" 2>"$work/dotnet.err"; echo $? >"$work/dotnet.rc")
  # Equal, and not equally empty (a build that prints nothing at all is a failure too).
  if cmp -s "$work/native.out" "$work/dotnet.out" && cmp -s "$work/native.err" "$work/dotnet.err" && cmp -s "$work/native.rc" "$work/dotnet.rc" \
    && { [ -s "$work/native.out" ] || [ -s "$work/native.err" ]; }; then
    passed=$((passed + 1))
    echo "ok    $name (exit $(cat "$work/native.rc"))"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: native and .NET builds differ"
    diff <(cat "$work/native.rc" "$work/native.out" "$work/native.err") <(cat "$work/dotnet.rc" "$work/dotnet.out" "$work/dotnet.err") | head -20
  fi
}

same "check" check
same "check --format json --strict" check --strict --format json
same "check one file" check transformers.pnotes
same "search (writes the cache)" search attention --limit 5
same "search (reads the cache)" search attention --limit 5
same "search --format json (cached)" search "graph neural" --format json
same "search accents and case" search "NYSTROM" -n 3
same "search without the cache" search transformer -n 10 --collection refs.bib --collection papers.txt
same "export to CSL-JSON" export
same "export a listing to a file" export papers.txt --output "$work/papers.json"
same "search a CSL-JSON collection" search language -n 5 --collection "$work/papers.json"
same "check with a CSL-JSON collection" check reading-list.pnotes --collection "$work/papers.json"
same "usage error: missing collection" search x --collection missing.bib
same "usage error: unknown option" search x --no-such-option
same "--version" --version

# serve: the native binary hands over to `dotnet paperlsp.dll serve`; initialize, shutdown, exit over stdio.
if (cd examples && python3 - "$native/paperlsp" <<'PY'
import json, subprocess, sys, os
p = subprocess.Popen([sys.argv[1], "serve", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(message):
    body = json.dumps(message).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()
def answer(id):
    while True:
        headers = {}
        while (line := p.stdout.readline().decode().strip()):
            name, value = line.split(":", 1)
            headers[name.lower()] = value.strip()
        if not headers:
            sys.exit("serve: the server closed its output")
        message = json.loads(p.stdout.read(int(headers["content-length"])))
        if message.get("id") == id and "method" not in message:
            return message
root = "file://" + os.getcwd()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": root, "capabilities": {}}})
assert "completionProvider" in answer(1)["result"]["capabilities"], "initialize: no completion capability"
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
answer(2)
send({"jsonrpc": "2.0", "method": "exit"})
sys.exit(p.wait(timeout=60))
PY
); then
  passed=$((passed + 1))
  echo "ok    serve (handed to the .NET build): initialize, shutdown, exit 0"
else
  failed=$((failed + 1))
  echo "FAIL  serve (handed to the .NET build)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
