#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Dialoglab on a fresh machine of this kind.
# Idempotent: each tool's version is checked before anything is installed.
#   scripts/setup.sh          toolchain for building and serving (wasm target, wasm-bindgen-cli, trunk, npm deps)
#   scripts/setup.sh --test   also Chromium + chromedriver from Debian (for browser tests)
#   scripts/setup.sh --fuzz   also cargo-fuzz (for scripts/fuzz.sh; may follow --test)
# Node.js must be version 20 (checked; the npm packages and the browser tests are pinned to it).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"

WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
TRUNK_VERSION=0.21.14

log() { printf '[setup] %s\n' "$*" >&2; }

want_test=0
want_fuzz=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --fuzz) want_fuzz=1 ;;
    *) log "unknown option $arg (use --test and/or --fuzz)"; exit 2 ;;
  esac
done

# The pinned major version lives in .nvmrc (also read by nvm and package.json's engines).
NODE_MAJOR=$(tr -dc 0-9 < .nvmrc)
node_version=$(node --version 2>/dev/null || true)
if [ -z "$node_version" ]; then
  log "Node.js is not installed. Install Node.js ${NODE_MAJOR}.x (for example from Debian's or"
  log "NodeSource's node_${NODE_MAJOR}.x packages, or 'nvm install ${NODE_MAJOR}'), then run this again."
  exit 1
fi
if [ "$(printf '%s' "$node_version" | sed -E 's/^v([0-9]+).*/\1/')" != "$NODE_MAJOR" ]; then
  log "Node.js ${node_version} found, but Dialoglab is built and tested with Node.js ${NODE_MAJOR}.x."
  log "Install Node.js ${NODE_MAJOR} (for example 'nvm install ${NODE_MAJOR} && nvm use ${NODE_MAJOR}') and run this"
  log "again, or set DIALOGLAB_ANY_NODE=1 to go on with ${node_version} at your own risk."
  [ "${DIALOGLAB_ANY_NODE:-0}" = 1 ] || exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  log "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (a few minutes)"
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --locked --force \
    || cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --force
fi

if ! trunk --version 2>/dev/null | grep -q "${TRUNK_VERSION}"; then
  log "installing trunk ${TRUNK_VERSION} (about nine minutes on two cores)"
  cargo install trunk --version "${TRUNK_VERSION}" --locked --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (binaryen for wasm-opt, playwright-core and axe-core for browser tests)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_test" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Chromium and chromedriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
if [ "$want_fuzz" = 1 ]; then
  install_cargo_fuzz
fi
log "ready"
