#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Dialoglab on a fresh machine of this kind.
# Idempotent: each tool's version is checked before anything is installed.
#   scripts/setup.sh          toolchain for building and serving (wasm target, wasm-bindgen-cli, trunk, npm deps)
#   scripts/setup.sh --test   also Chromium + chromedriver from Debian (for browser tests) and
#                             cargo-fuzz (for the fuzz step, scripts/fuzz.sh)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"

WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2

log() { printf '[setup] %s\n' "$*" >&2; }

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

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Chromium and chromedriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if ! cargo fuzz --version 2>/dev/null | grep -q " ${CARGO_FUZZ_VERSION}\$"; then
    log "installing cargo-fuzz ${CARGO_FUZZ_VERSION} (a few minutes)"
    cargo install cargo-fuzz --version "${CARGO_FUZZ_VERSION}" --locked --force
  fi
fi
log "ready"
