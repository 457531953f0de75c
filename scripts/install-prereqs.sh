#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK and Node.js: Neovim (the real-editor test of the server), and for the
# VS Code end-to-end test Chromium, ripgrep and the tools code-server's native modules compile with, clang for the Native
# AOT build (scripts/test-native.sh), fzf for benchmarks/fzf. Debian packages;
# run as root (CI is), otherwise it prints the apt-get line to run.
set -euo pipefail

packages=(neovim chromium ripgrep build-essential python3 pkg-config curl libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev fonts-dejavu-core fzf clang)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-prereqs: missing Debian packages: ${missing[*]}" >&2
  echo "install-prereqs: run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "install-prereqs: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
