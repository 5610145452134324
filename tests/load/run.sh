#!/usr/bin/env bash
# Load with faults in every language, with the figures: 10 000 create-and-read flows at 256 in
# flight per language (Rust, Python threads, Python asyncio, Node, Kotlin suspend) against a
# fresh release-built emulator that sprinkles faults over them. Not part of scripts/test.sh,
# which runs the same mix with 1 000 flows per language and asserts the zeros.
#
#   tests/load/run.sh                          # 10 000 flows each → tests/load/results/latest.md
#   LOAD_ONLY=rust,node tests/load/run.sh      # some languages only
#   SOAK_SECONDS=1800 tests/load/run.sh        # the soak: 30 minutes per language, RSS sampled
#   LOAD_FLOWS=2000 tests/load/run.sh          # other counts
#
# Each binding is built by its own scripts first; a language whose build fails is reported and
# the others still run. The exit status is non-zero when any language had a problem.
set -uo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"
: "${LOAD_FLOWS:=10000}" "${LOAD_ONLY:=rust,python-sync,python-async,node,kotlin}" "${SOAK_SECONDS:=0}"
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
WORK="$TARGET/load"
mkdir -p "$WORK" tests/load/results
FIGURES="$WORK/figures.jsonl"
: >"$FIGURES"
OUT="tests/load/results/latest.md"
[ "$SOAK_SECONDS" -gt 0 ] && OUT="tests/load/results/soak.md"

wants() { [[ ",$LOAD_ONLY," == *",$1,"* ]]; }
step() { echo "== $*" >&2; }

ARGS=(--flows "$LOAD_FLOWS" --check --json "$FIGURES" --emulator "$TARGET/release/imburse-emulator")
if [ "$SOAK_SECONDS" -gt 0 ]; then
  # Batches of LOAD_FLOWS, memory sampled after each; growth bounded after the first batch.
  ARGS+=(--duration "$SOAK_SECONDS" --sample-every "$LOAD_FLOWS" --max-rss-growth-kb "${SOAK_MAX_RSS_GROWTH_KB:-65536}")
fi

step "the emulator and the Rust driver (release)"
cargo build --release --locked -q -p imburse-emulator --bin imburse-emulator
cargo build --release --locked -q -p imburse --example load_flows

failed=()
load() {
  local name="$1"; shift
  wants "$name" || return 0
  step "$name"
  python3 tests/load/run.py --name "$name" "${ARGS[@]}" -- "$@" || failed+=("$name")
}

load rust "$TARGET/release/examples/load_flows"
if wants python-sync || wants python-async; then
  if bash bindings-python/scripts/setup.sh >"$WORK/python-setup.log" 2>&1; then
    PY="$REPO/bindings-python/.venv/bin/python"
    load python-sync "$PY" bindings-python/tests/load_flows.py --sync
    load python-async "$PY" bindings-python/tests/load_flows.py --async
  else
    failed+=("python (build: $WORK/python-setup.log)")
  fi
fi
if wants node; then
  if (cd bindings-node && bash scripts/setup.sh) >"$WORK/node-setup.log" 2>&1; then
    load node node bindings-node/test/load/flows.js
  else
    failed+=("node (build: $WORK/node-setup.log)")
  fi
fi
if wants kotlin; then
  source bindings-kotlin/scripts/env.sh
  if (ensure_toolchain && ensure_test_tools && "$KOTLIN_DIR/scripts/build.sh") \
      >"$WORK/kotlin-setup.log" 2>&1; then
    # A bounded heap, so the JVM's RSS shows leaks rather than how far it may grow its heap.
    load kotlin java -Xmx256m -cp "$(tests_classpath)" com.imburse.load.FlowsKt
  else
    failed+=("kotlin (build: $WORK/kotlin-setup.log)")
  fi
fi

python3 - "$FIGURES" "$OUT" "$LOAD_FLOWS" "$SOAK_SECONDS" <<'EOF'
import json, sys
figures_path, out, flows, soak = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = [json.loads(line) for line in open(figures_path) if line.strip()]
title = ("Soak: %d s per language, batches of %d flows" % (soak, flows)) if soak else \
    ("Load with faults: %d flows per language at 256 in flight" % flows)
lines = ["# " + title, "",
         "Faults: 1 % of creates dropped after the server processed them, 1 % of reads 429 with "
         "Retry-After 1, 5 % of all requests 503; every token expired once per batch. "
         "Emulator (release, one worker) on CPU 0, the driver on CPU 1.", "",
         "| language | flows | completed | unexpected errors | duplicates | lost writes | attempts/flow (max) "
         "| p50 ms | p99 ms | flows/s | fds before → after | threads | RSS KiB before → after | RSS growth after warm-up KiB |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
for f in rows:
    lines.append("| %s | %d | %d | %d | %d | %d | %.3f (%d) | %.1f | %.1f | %.1f | %s → %s | %s → %s | %s → %s | %s |" % (
        f["language"], f["flows"], f["completed"], f["unexpected_errors"], f["duplicates"], f["lost_writes"],
        f["attempts_per_flow_mean"], f["attempts_per_flow_max"], f["p50_ms"], f["p99_ms"], f["flows_per_s"],
        f["fds"][0], f["fds"][1], f["threads"][0], f["threads"][1], f["rss_kb"][0], f["rss_kb"][1],
        f["rss_growth_after_warm_kb"]))
if soak:
    lines += ["", "RSS samples (KiB, one per batch):", ""]
    lines += ["- %s: %s" % (f["language"], ", ".join(str(s) for s in f["rss_samples_kb"])) for f in rows]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF

if [ "${#failed[@]}" -gt 0 ]; then
  echo "problems: ${failed[*]}" >&2
  exit 1
fi
