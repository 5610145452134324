#!/usr/bin/env bash
# Emulator throughput: authenticated GET instruction on ONE core, load from another.
#
# The emulator runs with a single runtime worker pinned to CPU 0; wrk (one thread, 64
# keep-alive connections) runs pinned to CPU 1. Prints requests per second against the
# 20 000 req/s the SDK benchmarks need so the emulator is never their bottleneck.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-64}"

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi
cargo build --release -q -p imburse-emulator --bin imburse-emulator --example get_token

out=$(mktemp)
taskset -c 0 target/release/imburse-emulator --worker-threads 1 >"$out" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 50); do [ -s "$out" ] && break; sleep 0.1; done

field() { python3 -c "import json,sys; print(json.load(open('$out'))['$1'])"; }
url=$(field url); account=$(field account_id); tenant=$(field tenant_id)
token=$(target/release/examples/get_token "$url")

curl -sf -o /dev/null -X POST "$url/v1/order-management" \
  -H "Authorization: Bearer $token" -H "x-account-id: $account" -H "x-tenant-id: $tenant" \
  -H 'Content-Type: application/json' \
  -d '{"orderRef":"BENCH","instructions":[{"instructionRef":"I-1","customerRef":"C-1","direction":"DEBIT","amount":"12.34","currency":"GBP","country":"GB","schemeId":"654EB81FF7F07F7CF5A1EE3FF6972E90","financialInstrumentId":"fi-1"}]}'
path="/v2/order-management/BENCH/instruction/I-1"
status=$(curl -s -o /dev/null -w '%{http_code}' "$url$path" \
  -H "Authorization: Bearer $token" -H "x-account-id: $account" -H "x-tenant-id: $tenant")
[ "$status" = 200 ] || { echo "fixture GET answered $status" >&2; exit 1; }

report=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency \
  -H "Authorization: Bearer $token" -H "x-account-id: $account" -H "x-tenant-id: $tenant" \
  "$url$path")
echo "$report"
rps=$(echo "$report" | awk '/Requests\/sec/ {print $2}')
non2xx=$(echo "$report" | awk '/Non-2xx/ {print $NF}')
[ -z "$non2xx" ] || { echo "error: $non2xx responses were not 2xx" >&2; exit 1; }
python3 - "$rps" <<'PY'
import sys
rps = float(sys.argv[1])
target = 20000
print(f"emulator: authenticated GET instruction, 1 core: {rps:,.0f} req/s "
      f"= {rps / target:.2f}x the {target:,} req/s target")
sys.exit(0 if rps >= target else 1)
PY
