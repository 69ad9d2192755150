#!/usr/bin/env bash
# The one test command; CI (.ci/run) calls it. Installs whatever is missing (also Chromium and
# chromedriver) and runs every test: formatting, clippy, the API docs' links, native
# unit/integration/property tests, the engine in WebAssembly in headless Chromium
# (byte-identical to the native golden reports), the release build of the site, the browser
# end-to-end tests against it, and a check that the fuzz targets still compile. Fuzzing itself
# runs only when asked (a maintainer, a nightly job):
#   scripts/test.sh                       everything but fuzzing
#   FUZZ=1 scripts/test.sh                also every fuzz target, FUZZ_SECONDS (default 45) each
#   scripts/fuzz.sh [SECONDS] [TARGET...] fuzzing alone
# Every artefact is built once. The browser tests use the CLI that `cargo test --workspace` built
# (with the workspace's feature set): `cargo build -p dialoglab-cli` would resolve features for the
# CLI alone and compile the engine and its dependencies a second time.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
step() { printf '\n==> %s\n' "$*" >&2; }
fuzz="${FUZZ:-0}"

step "setup"
if [ "$fuzz" = 1 ]; then
  scripts/setup.sh --test --fuzz
else
  scripts/setup.sh --test
fi

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo doc (no broken or private links in the API docs)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "native tests (also builds the CLI for the browser tests)"
cargo test --workspace --locked
cli="$target_dir/debug/dialoglab"
if [ ! -x "$cli" ]; then
  echo "expected the CLI at $cli after cargo test --workspace" >&2
  exit 1
fi

step "engine in WebAssembly (headless Chromium)"
# With the feature set the shipped bundles use (compact-sort), so the goldens check what users run.
cargo test -p dialoglab-engine --target wasm32-unknown-unknown --locked --features compact-sort \
  --test wasm_determinism

step "release build of the site"
trunk build --release

step "browser end-to-end tests"
# The test files by name: `node --test DIR` is read differently by different Node versions.
# The real pabulib files are the repository's copies (crates/engine/tests/data/README.md).
PB_DATA="$root/crates/engine/tests/data/pabulib" DIALOGLAB_CLI="$cli" node --test tests/e2e/*.test.mjs

step "fuzz targets compile (type-checked without building libFuzzer; FUZZ=1 runs them)"
# In the workspace's target directory, so that dependencies clippy already checked are reused.
cargo check --manifest-path fuzz/Cargo.toml --locked --no-default-features --bins \
  --target-dir "$target_dir"

if [ "$fuzz" = 1 ]; then
  step "fuzz targets, ${FUZZ_SECONDS:-45} s each (stable Rust via RUSTC_BOOTSTRAP)"
  scripts/fuzz.sh "${FUZZ_SECONDS:-45}"
fi
