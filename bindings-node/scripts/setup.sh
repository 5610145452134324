#!/usr/bin/env bash
# Shared by test.sh and demo.sh: checks the tools, installs the npm dev dependencies (the napi
# CLI, TypeScript), builds the emulator and the native addon. Each step is skipped or
# incremental when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(cd .. && pwd)"

for tool in cargo node npm python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: $tool is required (Rust toolchain, Node 20 with npm, Python 3)" >&2
    exit 1
  fi
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "error: Node 20 or newer is required (found $(node --version))" >&2
  exit 1
fi

echo "== npm dev dependencies (napi CLI, TypeScript) =="
# npm records an install in node_modules/.package-lock.json: reinstall only when the lock changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "up to date"
fi

echo "== emulator =="
(cd "$REPO" && cargo build --locked -q -p imburse-emulator --bin imburse-emulator)

source "$REPO/scripts/zig-tools.sh"
echo "== native addon (napi build --release, linked by zig for glibc 2.17, target dir target/node) =="
npm run --silent build
