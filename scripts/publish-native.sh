#!/usr/bin/env bash
# Publishes paperlsp for linux-x64 as one folder holding two builds of the same source:
#   paperlsp       the Native AOT binary: check, search and export, started in milliseconds instead of ~100 ms of .NET
#                  start-up and JIT (what `paperlsp search` against `fzf --filter` measures, benchmarks/fzf/run.sh);
#   paperlsp.dll   the framework-dependent ReadyToRun build, which `paperlsp serve` runs (`dotnet paperlsp.dll serve`):
#                  the language server's JSON-RPC (StreamJsonRpc, Newtonsoft.Json) reflects over types Native AOT trims.
# So `paperlsp …` is the same command either way; the folder needs the .NET 10 runtime only for serve.
#
#   scripts/publish-native.sh [OUT]        # default: artifacts/native
#
# Native AOT links with clang (Debian: clang); installed here when run as root, else the apt-get line is printed.
set -euo pipefail
out="$(realpath -m "${1:-$(dirname "$0")/../artifacts/native}")"
cd "$(dirname "$0")/.."

if ! command -v clang >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "publish-native: Native AOT needs clang: sudo apt-get install -y clang" >&2
    exit 1
  fi
  echo "publish-native: installing clang" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends clang >/dev/null
fi

# Each publish into its own folder: the two share obj/, and a publish deletes from its folder what the previous publish
# (the other build) wrote there. The .NET build has no apphost: the native binary takes the name paperlsp.
native=$(mktemp -d)
trap 'rm -rf "$native"' EXIT
dotnet publish src/PaperLsp -c Release -r linux-x64 -p:PublishAot=true -o "$native" -nologo -v quiet
rm -rf "$out"
dotnet publish src/PaperLsp -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out" -nologo -v quiet
cp "$native/paperlsp" "$native/libe_sqlite3.so" "$out/"
echo "publish-native: $out/paperlsp (native: check, search, export) and $out/paperlsp.dll (serve)"
