#!/usr/bin/env bash
# Sets up what the tests need and runs every test: the Rust core and emulator, each language
# binding (Python, Node, Kotlin) with its own suite and conformance runner, and finally the judge
# over the four languages' conformance records. Every suite runs even when an earlier one failed;
# the last line counts what ran, and the exit status is non-zero when any suite failed.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null; then
  echo "error: cargo (the Rust toolchain) is required" >&2
  exit 1
fi
if ! command -v python3 >/dev/null; then
  echo "installing python3 (the conformance judge)" >&2
  apt-get update -qq && apt-get install -y -qq python3 >/dev/null
fi

passed=()
failed=()

# Runs one suite: its name, then its command.
suite() {
  local name="$1"
  shift
  echo "== $name =="
  if "$@"; then
    passed+=("$name")
  else
    echo "FAILED: $name" >&2
    failed+=("$name")
  fi
}

rust() {
  cargo build --all-targets --locked && cargo test --locked &&
    python3 tests/load/run.py --name rust --flows 1000 --check -- "${CARGO_TARGET_DIR:-target}/debug/examples/load_flows" &&
    bash scripts/rust-project-check.sh
}

judge() {
  python3 tests/conformance/judge.py --self-test &&
    python3 tests/conformance/bad_input.py --check &&
    python3 tests/conformance/judge.py --lint tests/conformance/manifest.json
}

suite "conformance judge" judge
suite "Rust: core and emulator" rust
for binding in python node kotlin; do
  suite "$binding binding" bash "bindings-$binding/scripts/test.sh"
done
suite "conformance: every language against Rust" \
  python3 tests/conformance/judge.py tests/conformance/records/{rust,python,node,kotlin}.jsonl
# After the bindings, whose builds it reuses: every reference builds without a warning.
suite "API reference: rustdoc, pdoc, TypeDoc, Dokka" bash scripts/docs.sh

echo "suites: ${#passed[@]} passed, ${#failed[@]} failed${failed[*]:+ (${failed[*]})}"
[ "${#failed[@]}" -eq 0 ]
