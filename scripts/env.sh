# Sourced by the scripts: tool paths and settings shared by serve and test.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
# cargo-fuzz for scripts/fuzz.sh (installed only when fuzzing).
CARGO_FUZZ_VERSION=0.13.2
install_cargo_fuzz() {
  if ! cargo fuzz --version 2>/dev/null | grep -q " ${CARGO_FUZZ_VERSION}\$"; then
    printf '[setup] installing cargo-fuzz %s (a few minutes)\n' "$CARGO_FUZZ_VERSION" >&2
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
  fi
}
