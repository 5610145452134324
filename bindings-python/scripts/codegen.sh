#!/usr/bin/env bash
# Rewrites python/imburse/_operations.py and _requests.py (the clients' typed methods and the request models) from the core's
# declarations; run it after adding or changing an operation or a request model. The test command checks it.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO"
cargo run -q --locked -p imburse-python-codegen -- bindings-python/python/imburse
