#!/usr/bin/env bash
# The engine's wasm/native speed ratio (issue 6 target: ≤ 1.5). Times whole runs of the
# faxe-dialogue preset (tests/wasm_bench.rs) natively, then in headless Chromium built at
# opt-level 3 (`--release`, what the lazily loaded worker uses) and at opt-level "z" (the app's
# `wasm-release` profile), back to back, and prints the median and fastest run of each and the
# wasm/native ratios. On a loaded machine trust the ratio of the fastest runs more than that of
# the medians. Benchmarks only: nothing here asserts a time.
# Usage: scripts/bench-wasm.sh [--no-z]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"

# Prints "MEDIAN MIN" (ms) of one measurement; the BENCH line goes to stderr.
measure() { # label, cargo args...
    local label=$1 out line
    shift
    out=$(cargo test -p dialoglab-engine --locked --test wasm_bench "$@" 2>&1) || {
        printf '%s\n' "$out" >&2
        echo "bench-wasm: the $label measurement failed" >&2
        exit 1
    }
    line=$(printf '%s\n' "$out" | grep -o 'BENCH .*' | head -n 1 || true)
    if [[ -z $line ]]; then
        printf '%s\n' "$out" >&2
        echo "bench-wasm: no BENCH line from the $label measurement" >&2
        exit 1
    fi
    printf '%-8s %s\n' "$label" "$line" >&2
    printf '%s\n' "$line" | sed -E 's/.*median_ms=([0-9.]+).*min_ms=([0-9.]+).*/\1 \2/'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
report() { # label, "MEDIAN MIN" of wasm, "MEDIAN MIN" of native
    read -r wm wn <<<"$2"
    read -r nm nn <<<"$3"
    echo "$1: median ${wm} ms vs native ${nm} ms (ratio $(ratio "$wm" "$nm")); fastest ${wn} ms vs ${nn} ms (ratio $(ratio "$wn" "$nn"))"
}

native_args=(--release)
wasm3_args=(--release --target wasm32-unknown-unknown)
wasmz_args=(--profile wasm-release --target wasm32-unknown-unknown)
build() {
    cargo test -p dialoglab-engine --locked --test wasm_bench "$@" --no-run
}
# Build everything first so that the measurements run back to back under the same load.
echo "building the benchmark binaries..." >&2
build "${native_args[@]}"
build "${wasm3_args[@]}"
[[ ${1:-} == --no-z ]] || build "${wasmz_args[@]}"
echo "load before: $(uptime)" >&2
native=$(measure native "${native_args[@]}" -- --ignored --nocapture)
wasm3=$(measure wasm-O3 "${wasm3_args[@]}" -- --nocapture)
if [[ ${1:-} != --no-z ]]; then
    wasmz=$(measure wasm-z "${wasmz_args[@]}" -- --nocapture)
fi
echo "load after: $(uptime)" >&2
report "wasm opt-level 3" "$wasm3" "$native"
if [[ ${1:-} != --no-z ]]; then
    report "wasm opt-level z (wasm-release)" "$wasmz" "$native"
fi
