#!/usr/bin/env bash
# Demo: start the local Imburse emulator, buy a token with the HMAC key, create an order with an
# instruction, survive an injected 503, and read the instruction back.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build -q --locked -p imburse-emulator --bin imburse-emulator --example get_token
out=$(mktemp)
target/debug/imburse-emulator >"$out" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 50); do [ -s "$out" ] && break; sleep 0.1; done
echo "emulator started: $(cat "$out")"

field() { python3 -c "import json; print(json.load(open('$out'))['$1'])"; }
url=$(field url); account=$(field account_id); tenant=$(field tenant_id)
token=$(target/debug/examples/get_token "$url")
echo "1. bought an access token with the HMAC key (${#token} characters)"

call() { # method path [body] -> prints status and body
  curl -s -w '\n  -> HTTP %{http_code}\n' -X "$1" "$url$2" -H "Authorization: Bearer $token" \
    -H "x-account-id: $account" -H "x-tenant-id: $tenant" -H 'Content-Type: application/json' \
    ${3:+-d "$3"}
}
echo "2. create order DEMO-1 with one instruction:"
call POST /v1/order-management '{"orderRef":"DEMO-1","instructions":[{"instructionRef":"I-1","customerRef":"CUST-1","direction":"DEBIT","amount":"49.99","currency":"GBP","country":"GB","schemeId":"654EB81FF7F07F7CF5A1EE3FF6972E90","financialInstrumentId":"fi-1"}]}'
echo "3. the next GET is answered 503 by an injected fault:"
curl -s -o /dev/null -X POST "$url/__emulator/faults" -d '{"method":"GET","action":"respond","status":503,"retry_after":1}'
call GET /v2/order-management/DEMO-1/instruction/I-1
echo "4. retrying reads the instruction back:"
call GET /v2/order-management/DEMO-1/instruction/I-1
