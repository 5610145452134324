#!/usr/bin/env bash
# Demo through the Node binding: starts the emulator, then authenticates with the HMAC key,
# creates an order with instructions, reads an instruction back, arms a 503 through the
# emulator's control API and shows the call surviving it (attempts 2).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(cd .. && pwd)"

bash scripts/setup.sh >&2

startup="$(mktemp)"
"${CARGO_TARGET_DIR:-$REPO/target}/debug/imburse-emulator" --port 0 >"$startup" &
emulator=$!
trap 'kill "$emulator" 2>/dev/null; wait "$emulator" 2>/dev/null; rm -f "$startup"' EXIT
# The emulator prints one JSON line once it listens.
for _ in $(seq 200); do
  if grep -q '}' "$startup"; then break; fi
  if ! kill -0 "$emulator" 2>/dev/null; then echo "error: the emulator did not start" >&2; exit 1; fi
  sleep 0.05
done

echo "== Node $(node --version) =="
IMBURSE_EMULATOR="$(head -n 1 "$startup")" node examples/demo.js
