#!/usr/bin/env bash
# Sets up what the tests need and runs every test: the Rust core and emulator, each language
# binding (Python, Node, Kotlin) with its own suite and conformance runner, and finally the judge
# over the four languages' conformance records.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null; then
  echo "error: cargo (the Rust toolchain) is required" >&2
  exit 1
fi
if ! command -v python3 >/dev/null; then
  echo "installing python3 (the conformance judge)" >&2
  apt-get update -qq && apt-get install -y -qq python3 >/dev/null
fi

echo "== conformance judge =="
python3 tests/conformance/judge.py --self-test
python3 tests/conformance/judge.py --lint tests/conformance/manifest.json

echo "== Rust: core and emulator =="
cargo build --all-targets --locked
cargo test --locked

for binding in python node kotlin; do
  echo "== $binding binding =="
  bash "bindings-$binding/scripts/test.sh"
done

echo "== conformance: every language against Rust =="
python3 tests/conformance/judge.py tests/conformance/records/{rust,python,node,kotlin}.jsonl

# Reaching this line means every suite above passed (the script stops at the first failure).
echo "suites: 5 passed, 0 failed"
