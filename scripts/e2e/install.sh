#!/usr/bin/env bash
# Installs what the end-to-end tests need and is missing: Debian packages (Chromium, CJK font,
# ripgrep, build deps of code-server's native modules) and code-server 4.100.3 into .e2e/.
# code-server stays out of the project's dependencies (300 MB). Quick when all is present.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CODE_SERVER_VERSION=4.100.3

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ] || need_apt+=(libkrb5-dev)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e: installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need_apt[@]}" fontconfig >/dev/null
fi

CS="$ROOT/.e2e/node_modules/code-server/out/node/entry.js"
if [ -f "$CS" ] && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$ROOT/.e2e/node_modules/code-server/package.json"; then
  exit 0
fi
echo "e2e: installing code-server@$CODE_SERVER_VERSION into .e2e/"
mkdir -p "$ROOT/.e2e/tmp" "$ROOT/.e2e/rgpack"
export TMPDIR="$ROOT/.e2e/tmp"
# @vscode/ripgrep's postinstall downloads from GitHub, which is unreachable here: seed its cache with Debian's rg.
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
cp "$(command -v rg)" "$ROOT/.e2e/rgpack/rg"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$ROOT/.e2e/rgpack" rg
[ -f "$ROOT/.e2e/package.json" ] || echo '{"name":"fengong-e2e-tools","private":true}' > "$ROOT/.e2e/package.json"
# unsafe_perm: code-server's postinstall as root; yes: node-pty's postinstall runs `npx node-gyp`.
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-save --no-audit --no-fund --foreground-scripts \
  --prefix "$ROOT/.e2e" "code-server@$CODE_SERVER_VERSION" >"$ROOT/.e2e/install.log" 2>&1 || {
  tail -40 "$ROOT/.e2e/install.log"; exit 1; }
echo "e2e: code-server installed"
