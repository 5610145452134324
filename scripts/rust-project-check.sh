#!/usr/bin/env bash
# "Testing your integration" in Rust as a user runs it: a new cargo project outside the
# repository that depends on `imburse` and `imburse-emulator` (by path here; by version once
# published), with core/tests/testing_your_integration.rs as its test file, run by cargo test.
# The repository's lock file pins the same dependency versions, and its target directory is
# shared so that only the two crates and the test are compiled again.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project="$work/payouts"
mkdir -p "$project/src" "$project/tests"
cat >"$project/Cargo.toml" <<TOML
[package]
name = "payouts"
version = "0.1.0"
edition = "2024"

[dependencies]
imburse = { path = "$REPO/core" }

[dev-dependencies]
imburse-emulator = { path = "$REPO/emulator" }
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
TOML
echo "//! A payments integration (its code would be here)." >"$project/src/lib.rs"
cp "$REPO/core/tests/testing_your_integration.rs" "$project/tests/payouts.rs"
cp "$REPO/Cargo.lock" "$project/Cargo.lock"
status=0
(cd "$project" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}" cargo test --offline --test payouts) \
  >"$work/test.log" 2>&1 || status=$?
grep -E "^test |^test result|^error|panicked" "$work/test.log" || true
if [ "$status" -ne 0 ]; then
  tail -40 "$work/test.log" >&2
  exit "$status"
fi
echo "Rust: the integration test file passed in a new cargo project outside the repository"
