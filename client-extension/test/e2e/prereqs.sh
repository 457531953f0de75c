#!/usr/bin/env bash
# System packages the end-to-end test needs (Debian/Ubuntu, root): build tools and headers for
# code-server's native modules (kerberos needs libkrb5-dev), ripgrep (replaces the GitHub-hosted
# @vscode/ripgrep binary), chromium (driven by playwright-core) and a font for screenshots.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "prereqs.sh: needs root (apt-get)" >&2; exit 1; }
  exec sudo -E bash "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y --no-install-recommends build-essential python3 pkg-config curl \
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium fonts-dejavu-core
