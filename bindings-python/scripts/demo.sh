#!/usr/bin/env bash
# The demo flow through the Python binding: builds the wheel and the emulator if needed, then
# authenticates, creates an order, reads an instruction back and survives an injected 503.
set -euo pipefail
echo "preparing: the emulator and the wheel (built on the first run)" >&2
source "$(dirname "$0")/setup.sh" >/dev/null
"$PY" "$PY_DIR/examples/demo.py"
