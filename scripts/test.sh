#!/usr/bin/env bash
# Sets up what the tests need and runs every test: the core, the emulator, and the
# cross-language conformance suite (its judge, then the Rust runner inside `cargo test`).
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

python3 tests/conformance/judge.py --self-test
python3 tests/conformance/judge.py --lint tests/conformance/manifest.json
cargo build --all-targets --locked
cargo test --locked
