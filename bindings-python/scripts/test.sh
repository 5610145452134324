#!/usr/bin/env bash
# Builds the Python binding (a wheel installed into bindings-python/.venv) and runs its tests:
# the typing checks, pytest against the emulator, and the conformance runner, whose records the
# judge checks against the manifest and against the Rust runner's records.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$REPO"

echo "== Rust conformance records (tests/conformance/records/rust.jsonl)"
cargo test -q --locked -p imburse --test conformance 2>&1 | tail -3

echo "== the typed methods and request models are what the core's declarations give (_operations.py, _requests.py)"
cargo run -q --locked -p imburse-python-codegen -- --check bindings-python/python/imburse

echo "== typing: mypy --strict on the package and the examples, stubtest on the native module"
(cd "$PY_DIR" && "$PY" -m mypy --strict -p imburse && "$PY" -m mypy --strict examples \
  && "$PY" -m mypy.stubtest --allowlist stubtest-allowlist.txt imburse._native)

echo "== pytest"
(cd "$PY_DIR" && "$PY" -m pytest -p no:cacheprovider tests)

echo "== load with faults: 1000 flows at 256 in flight, threads on one Client, then asyncio (tests/load)"
python3 tests/load/run.py --name python-sync --flows 1000 --check -- "$PY" bindings-python/tests/load_flows.py --sync
python3 tests/load/run.py --name python-async --flows 1000 --check -- "$PY" bindings-python/tests/load_flows.py --async

echo "== the wheel as users install it: fresh environments outside the repository, the sdist"
WHEEL="$WHEEL" VENV="$VENV" bash "$PY_DIR/scripts/install-check.sh"

echo "== judge"
python3 tests/conformance/judge.py --check-manifest tests/conformance/manifest.json tests/conformance/records/python.jsonl
if [ -f tests/conformance/records/rust.jsonl ]; then
  python3 tests/conformance/judge.py tests/conformance/records/rust.jsonl tests/conformance/records/python.jsonl
fi
