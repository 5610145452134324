#!/usr/bin/env bash
# Sets up what the tests need and runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null; then
  echo "error: cargo (the Rust toolchain) is required" >&2
  exit 1
fi

cargo build --workspace --all-targets --locked
cargo test --workspace --locked
