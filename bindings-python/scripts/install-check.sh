#!/usr/bin/env bash
# What `pip install imburse` gives a user: installs the built wheel into fresh virtual
# environments outside the repository, on the oldest and the newest CPython (3.9 or newer) this
# machine has, checks the installed metadata, and runs the README's quickstart there against
# the emulator command the package installs, and its "Testing your integration" file with pytest against the emulator the
# package carries; builds the sdist and checks what it carries. Run by test.sh after the wheel is
# built (uses $WHEEL and $VENV from setup.sh).
set -euo pipefail
PY_DIR="$(cd "$(dirname "$0")/.." && pwd)"
: "${WHEEL:?the wheel to install}" "${VENV:?the build environment}"

case "$(basename "$WHEEL")" in
  *-cp39-abi3-*manylinux_2_17_x86_64*.whl) ;;
  *) echo "error: $(basename "$WHEEL") is not an abi3 manylinux_2_17 wheel" >&2; exit 1 ;;
esac

# Every CPython here, by version: those on PATH and those pyenv installed.
candidates=()
for n in 9 10 11 12 13 14; do
  command -v "python3.$n" >/dev/null && candidates+=("$(command -v "python3.$n")")
done
if command -v pyenv >/dev/null; then
  for p in "$(pyenv root)"/versions/3.*/bin/python3; do [ -x "$p" ] && candidates+=("$p"); done
fi
mapfile -t ranked < <(for p in "${candidates[@]}"; do
  "$p" -c 'import sys; v = sys.version_info; v >= (3, 9) and print(f"{v[0]:02d}{v[1]:03d} {sys.executable}")' 2>/dev/null || true
done | sort -n | awk '!seen[$1]++ {print $2}')
[ "${#ranked[@]}" -gt 0 ] || { echo "error: no CPython 3.9 or newer found" >&2; exit 1; }
pythons=("${ranked[0]}")
[ "${#ranked[@]}" -gt 1 ] && pythons+=("${ranked[-1]}")

work="$(mktemp -d)"

# The sdist: everything a source build needs (the core, the lock file, the licence).
"$VENV/bin/maturin" sdist --manifest-path "$PY_DIR/Cargo.toml" --out "$work/sdist" >/dev/null 2>&1
sdist="$(ls "$work"/sdist/imburse-*.tar.gz)"
listing="$(tar tzf "$sdist")"
for member in pyproject.toml Cargo.lock LICENSE core/src/lib.rs bindings-python/src/lib.rs \
  python/imburse/_requests.py python/imburse/py.typed; do
  grep -qx "imburse-[0-9.]*/$member" <<<"$listing" || { echo "error: the sdist lacks $member" >&2; exit 1; }
done
echo "sdist $(basename "$sdist"): $(wc -l <<<"$listing") files, the core and the lock file included"
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The emulator as the package installs it: the `imburse-emulator` command, from an environment
# of its own (as a team sharing one test server would run it).
"${pythons[0]}" -m venv "$work/server"
"$work/server/bin/pip" install -q --disable-pip-version-check --no-index "$WHEEL"
"$work/server/bin/imburse-emulator" --port 0 >"$work/emulator.json" 2>"$work/emulator.log" &
emulator_pid=$!
for _ in $(seq 100); do [ -s "$work/emulator.json" ] && break; sleep 0.1; done
read -r IMBURSE_BASE_URL IMBURSE_PUBLIC_KEY IMBURSE_PRIVATE_KEY IMBURSE_ACCOUNT_ID IMBURSE_TENANT_ID < <(python3 -c '
import json, sys
i = json.loads(open(sys.argv[1]).readline())
print(i["url"], i["public_key"], i["private_key"], i["account_id"], i["tenant_id"])' "$work/emulator.json")
export IMBURSE_BASE_URL IMBURSE_PUBLIC_KEY IMBURSE_PRIVATE_KEY IMBURSE_ACCOUNT_ID IMBURSE_TENANT_ID

for python in "${pythons[@]}"; do
  version="$("$python" -c 'import platform; print(platform.python_version())')"
  project="$work/project-$version"
  mkdir -p "$project"
  "$python" -m venv "$project/.venv"
  # Only the wheel: the package needs nothing else from PyPI.
  "$project/.venv/bin/pip" install -q --disable-pip-version-check --no-index "$WHEEL"
  cp "$PY_DIR/examples/quickstart.py" "$project/"
  python3 -c 'import sys, urllib.request as u; u.urlopen(u.Request(sys.argv[1], method="POST"), timeout=10)' \
    "$IMBURSE_BASE_URL/__emulator/reset"
  output="$(cd "$project" && .venv/bin/python quickstart.py)"
  echo "Python $version, installed from the wheel outside the repository: $output"
  case "$output" in
    "INCOMPLETE 49.99 GBP (attempts 1)") ;;
    *) echo "error: the quickstart printed something else on Python $version" >&2; exit 1 ;;
  esac
  (cd "$project" && .venv/bin/python - <<'EOF'
import importlib.metadata as metadata

import imburse

meta = metadata.metadata("imburse")
assert meta["License-Expression"] == "Apache-2.0", meta["License-Expression"]
assert meta["Description-Content-Type"].startswith("text/markdown")
assert "## Quickstart" in (meta.get_payload() or ""), "the README as the long description"
assert "Typing :: Typed" in meta.get_all("Classifier")
assert meta.get_all("Project-URL"), "project URLs"
assert any(f.name == "LICENSE" for f in metadata.files("imburse")), "the licence file"
assert any(f.name == "py.typed" for f in metadata.files("imburse")), "py.typed"
import typing

for name in imburse.__all__:
    public = getattr(imburse, name)
    if isinstance(public, type) and issubclass(public, BaseException):
        assert public.__module__ == "imburse", f"{name}.__module__ is {public.__module__}"
typing.get_type_hints(imburse.NewOrder)  # the request dataclasses' annotations resolve
print("metadata, licence, py.typed, the exceptions' module: as published")
EOF
  )
done

# "Testing your integration" as a user runs it: the README's test file with pytest, in the
# newest environment, the fixtures found through the installed package's entry point.
project="$work/project-$("${pythons[-1]}" -c 'import platform; print(platform.python_version())')"
"$project/.venv/bin/pip" install -q --disable-pip-version-check pytest
cp "$PY_DIR/examples/test_integration.py" "$project/"
(cd "$project" && .venv/bin/python -m pytest -q -p no:cacheprovider test_integration.py)

# The command stops on Ctrl-C with status 0.
kill -INT "$emulator_pid"
status=0
wait "$emulator_pid" || status=$?
emulator_pid=""
[ "$status" -eq 0 ] || { echo "error: imburse-emulator exited with $status on SIGINT" >&2; cat "$work/emulator.log" >&2; exit 1; }
echo "imburse-emulator (installed with the wheel) served the quickstarts and stopped on SIGINT"
