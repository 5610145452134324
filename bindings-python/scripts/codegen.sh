#!/usr/bin/env bash
# Rewrites python/imburse/_operations.py, _requests.py and _settings.py (the clients' typed methods, the request
# models and the settings) from the core's declarations; run it after adding or changing an operation, a request
# model or a setting. The test command checks it.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO"
cargo run -q --locked -p imburse-python-codegen -- bindings-python/python/imburse
