#!/usr/bin/env bash
# Installs whatever is missing (also Chromium and chromedriver) and runs every test:
# formatting, clippy, native unit/integration/property tests, the engine in WebAssembly in
# headless Chromium (byte-identical to the native golden reports), the release build of the site,
# the browser end-to-end tests against it, and every fuzz target for a short while.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
step() { printf '\n==> %s\n' "$*" >&2; }

step "setup"
scripts/setup.sh --test

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "engine in WebAssembly (headless Chromium)"
cargo test -p dialoglab-engine --target wasm32-unknown-unknown --locked --test wasm_determinism

step "release build of the site"
trunk build --release

step "browser end-to-end tests"
cargo build -p dialoglab-cli --locked
DIALOGLAB_CLI="$target_dir/debug/dialoglab" node --test tests/e2e/

step "fuzz targets, ${FUZZ_SECONDS:-45} s each (stable Rust via RUSTC_BOOTSTRAP)"
scripts/fuzz.sh "${FUZZ_SECONDS:-45}"
