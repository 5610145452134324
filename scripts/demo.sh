#!/usr/bin/env bash
# Demo: the same payment flow through the SDK from Rust, Python, Node and Kotlin, each against
# an emulator it starts: authenticate with the HMAC key, create an order with instructions, read
# an instruction back, survive an injected 503. Builds whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null; then
  echo "error: cargo (the Rust toolchain) is required" >&2
  exit 1
fi
echo "== Rust =="
cargo run -q --locked -p imburse --example demo
for binding in python node kotlin; do
  echo
  echo "== ${binding^} =="
  bash "bindings-$binding/scripts/demo.sh"
done
