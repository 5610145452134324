#!/usr/bin/env bash
# Demo: a payment flow through the SDK against the embedded emulator: authenticate with the
# HMAC key, create an order with instructions, read an instruction back, survive a 503.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null; then
  echo "error: cargo (the Rust toolchain) is required" >&2
  exit 1
fi
echo "== Rust =="
cargo run -q --locked -p imburse --example demo
