#!/usr/bin/env bash
# Builds the Node binding and runs its tests against the emulator: the package's own tests
# (node --test) and the cross-language conformance runner, whose records the judge checks
# against the manifest and against the Rust records. Safe to run again: every step is skipped
# or incremental when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(cd .. && pwd)"
CONFORMANCE="$REPO/tests/conformance"

bash scripts/setup.sh

echo "== Rust conformance records (the reference the Node records must equal) =="
(cd "$REPO" && cargo test --locked -q -p imburse --test conformance)

echo "== TypeScript: tsc --noEmit on the examples and the type tests (test/types) =="
npx --no-install tsc --noEmit -p tsconfig.json
echo "types OK"

echo "== node --test =="
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
started=$(date +%s)
node --test test/*.test.js 2>&1 | tee "$log"
echo "node tests took $(( $(date +%s) - started )) s"
passed="$(grep -E '^# pass [0-9]+$' "$log" | tail -1 | cut -d' ' -f3)"
failed="$(grep -E '^# fail [0-9]+$' "$log" | tail -1 | cut -d' ' -f3)"

echo "== load with faults: 1000 flows at 256 in flight (tests/load) =="
python3 "$REPO/tests/load/run.py" --name node --flows 1000 --check -- node bindings-node/test/load/flows.js

echo "== conformance judge =="
python3 "$CONFORMANCE/judge.py" --check-manifest "$CONFORMANCE/manifest.json" "$CONFORMANCE/records/node.jsonl"
if [ -f "$CONFORMANCE/records/rust.jsonl" ]; then
  python3 "$CONFORMANCE/judge.py" "$CONFORMANCE/records/rust.jsonl" "$CONFORMANCE/records/node.jsonl"
fi

echo "node: ${passed:-0} passed, ${failed:-0} failed"
