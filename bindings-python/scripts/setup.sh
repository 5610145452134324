#!/usr/bin/env bash
# Sourced by test.sh and demo.sh: a virtual environment with the build and test tools, the
# emulator binary, and the `imburse` wheel built by maturin and installed into the environment.
# Safe to run again: every step is skipped or incremental when there is nothing new to do.
set -euo pipefail

PY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$PY_DIR/.." && pwd)"
VENV="$PY_DIR/.venv"
PY="$VENV/bin/python"
# maturin sets PyO3 build variables, so it gets a target directory of its own (sharing the
# default one would rebuild pyo3 on every alternation with plain cargo).
PY_TARGET="$REPO/target/python"
WHEELS="$PY_TARGET/wheels"

command -v cargo >/dev/null || { echo "error: cargo (the Rust toolchain) is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "error: python3 (3.9 or newer) is required" >&2; exit 1; }

source "$REPO/scripts/venv.sh"
make_venv "$VENV"
"$PY" -m pip install -q --disable-pip-version-check -r "$PY_DIR/requirements-dev.txt"

echo "== building the emulator"
(cd "$REPO" && cargo build -q --locked -p imburse-emulator --bin imburse-emulator)
export IMBURSE_EMULATOR_BIN="$REPO/target/debug/imburse-emulator"

echo "== building the wheel"
mkdir -p "$PY_TARGET"
rm -f "$WHEELS"/imburse-*.whl
# --generate-stubs: the native module's `.pyi` is made from the built library (the core's model
# classes included), so it cannot drift; mypy and stubtest check it below.
# --zig --compatibility manylinux2014: linked by zig (ziglang, from PyPI) against glibc 2.17, so
# the wheel installs where pydantic-core's and tokenizers' do (manylinux_2_17). The library keeps
# its symbols (strip none): zig's linker would otherwise drop the ones the stubs are read from.
if ! (cd "$PY_DIR" && PATH="$VENV/bin:$PATH" CARGO_PROFILE_RELEASE_STRIP=none \
  "$VENV/bin/maturin" build --release --locked --zig --compatibility manylinux2014 --generate-stubs \
  --target-dir "$PY_TARGET" --out "$WHEELS") >"$PY_TARGET/maturin.log" 2>&1; then
  cat "$PY_TARGET/maturin.log" >&2
  exit 1
fi
grep -E "^warning|Built wheel" "$PY_TARGET/maturin.log" || true
WHEEL="$(ls "$WHEELS"/imburse-*.whl)"
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"
