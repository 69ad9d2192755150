#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for a while (default 45 s each), on stable Rust. Not part of a
# plain scripts/test.sh (CI only checks that the targets compile); run by a maintainer or a nightly
# job, or by FUZZ=1 scripts/test.sh. Installs cargo-fuzz first if it is missing.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# cargo-fuzz needs nightly flags (-Z sanitizer, sancov passes); RUSTC_BOOTSTRAP=1 lets stable
# accept them. AddressSanitizer is used when stable ships its runtime, otherwise --sanitizer none
# (panics, hangs and out-of-memory are still caught). Debug assertions are on (-a), so integer
# overflow panics. New corpus entries go to fuzz/corpus/ (not committed); a failing input stays in
# fuzz/artifacts/<target>/ and the script fails. See docs/ROBUSTNESS.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
install_cargo_fuzz
cd "$root/fuzz"
seconds="${1:-45}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pb scenario link run)
export RUSTC_BOOTSTRAP=1
sanitizer=address
if ! ls "$(rustc --print target-libdir)"/librustc-*_rt.asan.a >/dev/null 2>&1; then
  sanitizer=none
fi
cargo fuzz build -a -s "$sanitizer"
for t in "${targets[@]}"; do
  dict="$t.dict"
  [ "$t" = run ] && dict=scenario.dict
  mkdir -p "corpus/$t"
  printf '[fuzz] %s for %s s (sanitizer: %s)\n' "$t" "$seconds" "$sanitizer" >&2
  cargo fuzz run -a -s "$sanitizer" "$t" "corpus/$t" "seeds/$t" -- \
    -dict="$dict" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -max_len=8192 \
    -print_final_stats=1 2>&1 | grep -E '^(Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY|thread .* panicked)|ERROR' >&2
done
