#!/usr/bin/env bash
# Makes sure what the editor suites need is on this machine before `npm test` runs them: Debian's
# chromium (UI and extension-host tests), neovim (LSP client test), ripgrep and the native build
# dependencies (code-server's install), openssl (PKCS#12 tests) and git (history tests).
# As root with apt-get (this project's machines and CI) missing packages are installed; otherwise the
# run stops and says what to install. Nothing is skipped silently.
set -euo pipefail

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need chromium chromium
need nvim neovim
need rg ripgrep
need openssl openssl
need git git
need pkg-config pkg-config
need make make
need g++ g++
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists krb5-gssapi || missing+=(libkrb5-dev)
  pkg-config --exists x11 || missing+=(libx11-dev)
  pkg-config --exists xkbfile || missing+=(libxkbfile-dev)
  pkg-config --exists libsecret-1 || missing+=(libsecret-1-dev)
else
  missing+=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "[test-prerequisites] installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  exit 0
fi
echo "[test-prerequisites] ERROR: the editor test suites need these Debian packages: ${missing[*]}" >&2
echo "[test-prerequisites] install them (apt-get install ${missing[*]}) or run .ci/run as root" >&2
exit 1
