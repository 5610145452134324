#!/usr/bin/env bash
# Runs every fuzz target (fuzz/) for a fixed number of executions, default 1 000 000 each
# (RUNS=…), with the nightly compiler and cargo-fuzz (installed from crates.io when missing),
# starting from the seeds kept in fuzz/corpus/<target>; what a run discovers goes to
# target/fuzz-corpus/<target>, crashes to fuzz/artifacts/<target>. Prints executions, corpus
# size and crashes per target; exits non-zero on any crash. A documented long run, not part of
# the test command. SANITIZER=address for AddressSanitizer (default none: the code under test
# is safe Rust, and uninstrumented runs are several times faster).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-1000000}"
SANITIZER="${SANITIZER:-none}"

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "error: the fuzz targets need a nightly toolchain (rustup toolchain install nightly)" >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

targets=(error_body response_models retry_after token_answer emulator_hmac_header emulator_requests)
mkdir -p target/fuzz-logs
crashed=0
printf '%-22s %12s %8s %8s\n' target executions corpus crashes
for target in "${targets[@]}"; do
  mkdir -p "target/fuzz-corpus/$target"
  log="target/fuzz-logs/$target.log"
  status=0
  cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer "$SANITIZER" "$target" \
    "target/fuzz-corpus/$target" "fuzz/corpus/$target" -- -runs="$RUNS" -max_len=4096 >"$log" 2>&1 || status=$?
  executions=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -1 | awk '{print $2}' || true)
  corpus=$(find "target/fuzz-corpus/$target" -type f | wc -l)
  crashes=$(find "fuzz/artifacts/$target" -type f 2>/dev/null | wc -l || true)
  printf '%-22s %12s %8s %8s\n' "$target" "${executions:-?}" "$corpus" "$crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    crashed=1
    echo "  $target failed (exit $status): see $log and fuzz/artifacts/$target" >&2
  fi
done
exit "$crashed"
