#!/usr/bin/env bash
# Rewrites python/imburse/_operations.py (the clients' typed methods) from the core's operation
# declaration; run it after adding or changing an operation. The test command checks it.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO"
cargo run -q --locked -p imburse-python-codegen -- bindings-python/python/imburse/_operations.py
