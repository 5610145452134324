#!/usr/bin/env bash
# The side-by-side benchmark: the SDK in Rust, Python, Node and Kotlin against what users of each
# language would pick instead, in one run, on one emulator endpoint. Not part of scripts/test.sh.
#
#   bench/run.sh                      # full run, writes bench/results/latest.md
#   QUICK=1 bench/run.sh              # smoke run with small counts, writes target/bench/quick.md
#   BENCH_ONLY=python,node bench/run.sh
#
# Installs what it needs (wrk from Debian, a venv with httpx/requests/aiohttp, undici from npm,
# OkHttp and Gson from Maven Central), builds each binding with its own scripts, starts the
# emulator pinned to CPU 0 and runs each language's driver pinned to CPU 1. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
START=$SECONDS

if [ "${QUICK:-0}" = 1 ]; then
  : "${BENCH_CALLS:=300}" "${BENCH_ROUNDS:=3}" "${BENCH_MEM_CALLS:=3000}"
  OUT="${BENCH_OUT:-target/bench/quick.md}"
else
  : "${BENCH_CALLS:=5000}" "${BENCH_ROUNDS:=5}" "${BENCH_MEM_CALLS:=100000}"
  OUT="${BENCH_OUT:-bench/results/latest.md}"
fi
: "${BENCH_CONCURRENCY:=64}" "${BENCH_ONLY:=rust,python,node,kotlin}"
: "${BENCH_EMULATOR_CPU:=0}" "${BENCH_EMULATOR_WORKERS:=1}" "${BENCH_CLIENT_CPU:=1}"
export QUICK BENCH_CALLS BENCH_ROUNDS BENCH_MEM_CALLS BENCH_CONCURRENCY
export BENCH_EMULATOR_CPU BENCH_EMULATOR_WORKERS BENCH_CLIENT_CPU
EMULATOR_CPU="$BENCH_EMULATOR_CPU" EMULATOR_WORKERS="$BENCH_EMULATOR_WORKERS" CLIENT_CPU="$BENCH_CLIENT_CPU"

WORK="$REPO/target/bench"
LOGS="$WORK/logs"
RECORDS="$WORK/records.jsonl"
mkdir -p "$LOGS" "$(dirname "$OUT")"
: >"$RECORDS"

step() { echo "== $*" >&2; }
wants() { [[ ",$BENCH_ONLY," == *",$1,"* ]]; }
# A language whose preparation fails is left out with its reason, the rest still run.
skip() { echo "skipped $1: $2" >&2; echo "{\"skip\": \"$1\", \"reason\": \"$2\"}" >>"$RECORDS"; }
# Runs a build step with its output in a log, shown only when it fails.
logged() {
  local name="$1"; shift
  if "$@" >"$LOGS/$name.log" 2>&1; then return 0; fi
  tail -40 "$LOGS/$name.log" >&2
  return 1
}
apt_install() {
  command -v apt-get >/dev/null || return 1
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$LOGS/apt.log" 2>&1
}

for tool in cargo python3 curl taskset; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done

# ---- preparation: each language's build is its own script's --------------------------------

step "Rust: emulator, token helper and the Rust driver (release)"
cargo build --release --locked -q -p imburse-emulator -p imburse-bench \
  --bin imburse-emulator --bin imburse-bench --example get_token
WRK="$(command -v wrk || true)"
if [ -z "$WRK" ] && wants rust; then
  step "installing wrk from Debian"
  apt_install wrk && WRK="$(command -v wrk || true)"
fi
export BENCH_WRK="$WRK"

RUN_PY="" RUN_NODE="" RUN_JVM=""
if wants python; then
  step "Python: the wheel (bindings-python/scripts/setup.sh) and the bench venv"
  VENV="$WORK/venv"
  if logged python-setup bash bindings-python/scripts/setup.sh \
     && { [ -x "$VENV/bin/python" ] || logged python-venv python3 -m venv "$VENV"; } \
     && logged python-pip "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
          -r bench/python/requirements.txt \
     && logged python-wheel "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
          --force-reinstall --no-deps target/python/wheels/imburse-*.whl; then
    RUN_PY="$VENV/bin/python bench/python/bench.py"
  else
    skip python "the Python build or the venv failed (see target/bench/logs/python-*.log)"
  fi
fi

if wants node; then
  step "Node: the addon (bindings-node/scripts/setup.sh) and undici (npm ci in bench/node)"
  if logged node-setup bash bindings-node/scripts/setup.sh \
     && logged node-npm bash -c 'cd bench/node && npm ci --no-audit --no-fund'; then
    RUN_NODE="node bench/node/bench.js"
  else
    skip node "the Node build or npm ci failed (see target/bench/logs/node-*.log)"
  fi
fi

if wants kotlin; then
  step "Kotlin: the package (bindings-kotlin/scripts/build.sh install), the driver with OkHttp and Gson (Maven)"
  JVM_BUILD="target/bench/kotlin"
  if logged kotlin-build bash bindings-kotlin/scripts/build.sh install -DskipTests \
     && logged kotlin-maven mvn -q -B -Dstyle.color=never -f bench/kotlin/pom.xml compile; then
    RUN_JVM="java -cp $JVM_BUILD/classes:$(cat "$JVM_BUILD/classpath.txt") BenchKt"
  else
    skip kotlin "the Kotlin build or the driver's failed (see target/bench/logs/kotlin-*.log)"
  fi
fi

# ---- the emulator on its own core, with the fixture ----------------------------------------

step "starting the emulator on CPU $EMULATOR_CPU ($EMULATOR_WORKERS runtime worker(s))"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
info="$WORK/emulator.json"
: >"$info"
taskset -c "$EMULATOR_CPU" target/release/imburse-emulator --worker-threads "$EMULATOR_WORKERS" >"$info" 2>"$LOGS/emulator.log" &
EMULATOR=$!
trap 'kill $EMULATOR 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$info" ] && break; sleep 0.1; done
[ -s "$info" ] || { echo "error: the emulator did not start" >&2; cat "$LOGS/emulator.log" >&2; exit 1; }
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$info" "$1"; }
export BENCH_URL="$(field url)" BENCH_PUBLIC_KEY="$(field public_key)" BENCH_PRIVATE_KEY="$(field private_key)"
export BENCH_ACCOUNT_ID="$(field account_id)" BENCH_TENANT_ID="$(field tenant_id)"
export BENCH_ORDER=BENCH BENCH_INSTRUCTION=I-1
token="$(target/release/examples/get_token "$BENCH_URL")"
auth=(-H "Authorization: Bearer $token" -H "x-account-id: $BENCH_ACCOUNT_ID" -H "x-tenant-id: $BENCH_TENANT_ID")
curl -sf -o /dev/null -X POST "$BENCH_URL/v1/order-management" "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"orderRef":"BENCH","instructions":[{"instructionRef":"I-1","customerRef":"C-1","direction":"DEBIT","amount":"12.34","currency":"GBP","country":"GB","schemeId":"654EB81FF7F07F7CF5A1EE3FF6972E90","financialInstrumentId":"fi-1"}]}'
status=$(curl -s -o /dev/null -w '%{http_code}' "$BENCH_URL/v2/order-management/BENCH/instruction/I-1" "${auth[@]}")
[ "$status" = 200 ] || { echo "error: the fixture GET answered $status" >&2; exit 1; }

# ---- the drivers, one language at a time, on the other core --------------------------------

drive() {
  local language="$1"; shift
  step "$language driver on CPU $CLIENT_CPU: $BENCH_ROUNDS rounds x $BENCH_CALLS calls per client, $BENCH_MEM_CALLS calls for RSS"
  # A fresh token per driver: the Rust driver expires every token the emulator issued.
  export BENCH_TOKEN="$(target/release/examples/get_token "$BENCH_URL")"
  local t0=$SECONDS
  if ! taskset -c "$CLIENT_CPU" "$@" >>"$RECORDS"; then
    skip "$language" "the driver failed (its error is above)"
  fi
  echo "   $language: $((SECONDS - t0)) s" >&2
}
wants rust && drive rust target/release/imburse-bench
[ -n "$RUN_PY" ] && drive python $RUN_PY
[ -n "$RUN_NODE" ] && drive node $RUN_NODE
[ -n "$RUN_JVM" ] && drive kotlin $RUN_JVM

kill $EMULATOR 2>/dev/null || true
# The load average says how much else ran on the machine meanwhile (about 1 is the run itself).
export BENCH_MACHINE_NOTE="${BENCH_MACHINE_NOTE:-the run took $((SECONDS - START)) s including builds; load average (1, 5, 15 min) $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end}"
step "report"
python3 bench/report.py "$RECORDS" "$OUT"
echo "total: $((SECONDS - START)) s" >&2
