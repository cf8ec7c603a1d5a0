#!/usr/bin/env bash
# Installs code-server (a real VS Code workbench + Node extension host served on loopback) into a
# per-version cache folder outside the repository, for the e2e/UI tests and `npm run demo`.
#
#   scripts/install-code-server.sh          install when missing, print the install folder
#   CODE_SERVER_VERSION=4.100.3             the last release that runs on Node 20 (default)
#   SECRET_HYGIENE_CACHE=~/.cache/secret-hygiene   where versions are cached
#
# Offline fixes (see the offline VS Code notes): npm_config_unsafe_perm for root, ripgrep from Debian
# instead of GitHub, npm_config_yes so node-pty's `npx node-gyp` does not prompt/abort.
set -euo pipefail

version="${CODE_SERVER_VERSION:-4.100.3}"
cache_root="${SECRET_HYGIENE_CACHE:-$HOME/.cache/secret-hygiene}"
target="$cache_root/code-server-$version"
entry="$target/node_modules/code-server/out/node/entry.js"
marker="$target/.installed"

log() { echo "[install-code-server] $*" >&2; }
fail() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }

if [[ -f "$marker" && -f "$entry" ]]; then
  log "cached: $target"
  echo "$target"
  exit 0
fi

command -v node >/dev/null || fail "node is not on PATH"
command -v npm >/dev/null || fail "npm is not on PATH"
rg_bin="$(command -v rg || true)"
[[ -n "$rg_bin" ]] || fail "ripgrep (rg) is missing: apt-get install ripgrep"
for tool in python3 make g++ pkg-config; do
  command -v "$tool" >/dev/null || fail "$tool is missing (native modules compile from source): apt-get install $tool"
done
for pc in krb5-gssapi x11 xkbfile libsecret-1; do
  pkg-config --exists "$pc" || fail "development files for $pc are missing: apt-get install libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev"
done

started=$(date +%s)
staging="$target.partial.$$"
rm -rf "$staging"
mkdir -p "$staging"
trap 'rm -rf "$staging"' EXIT

# @vscode/ripgrep's postinstall downloads from GitHub unless this cached asset exists in $TMPDIR.
install_tmp="$staging/.tmp"
mkdir -p "$install_tmp/vscode-ripgrep-cache-1.15.11"
tar czf "$install_tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" \
  -C "$(dirname "$rg_bin")" "$(basename "$rg_bin")"

echo '{"name":"secret-hygiene-code-server","private":true}' > "$staging/package.json"
log "installing code-server $version into $target (takes a few minutes)"
(
  cd "$staging"
  TMPDIR="$install_tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false \
    npm_config_audit=false npm_config_update_notifier=false \
    npm install --no-save --loglevel=error "code-server@$version"
) || fail "npm install code-server@$version failed (see the npm output above)"

cs="$staging/node_modules/code-server"
rg_target="$cs/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [[ ! -x "$rg_target" ]]; then
  log "placing Debian's rg at $rg_target"
  mkdir -p "$(dirname "$rg_target")"
  cp "$rg_bin" "$rg_target"
fi
[[ -f "$cs/out/node/entry.js" ]] || fail "code-server entry point missing after install"
"$rg_target" --version >/dev/null || fail "bundled ripgrep does not run"

rm -rf "$install_tmp" "$target"
trap - EXIT
mv "$staging" "$target"
echo "$version" > "$marker"
log "installed in $(( $(date +%s) - started ))s"
echo "$target"
