#!/usr/bin/env bash
# Builds the API reference of each language from its doc comments into target/docs/, and fails
# on any warning: rustdoc for the core and the emulator (every public item of the core is
# documented: `missing_docs`), pdoc for the Python package, TypeDoc for the Node package's
# types, Dokka for the Kotlin package (over the generated Kotlin; warnings fail it, see
# bindings-kotlin/pom.xml). Each binding's setup runs first (skipped when its build is current).
# Swift reads the same doc comments in its generated sources.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
OUT="$REPO/target/docs"
mkdir -p "$OUT"

echo "== Rust: rustdoc (core, emulator) -> target/docs/rust"
RUSTDOCFLAGS="-D warnings" cargo doc -q --locked --no-deps -p imburse -p imburse-emulator
rm -rf "$OUT/rust" && cp -r target/doc "$OUT/rust"

echo "== Python: pdoc (package imburse) -> target/docs/python"
source bindings-python/scripts/setup.sh >/dev/null
"$PY" -m pip install -q --disable-pip-version-check pdoc==16.0.0
rm -rf "$OUT/python"
# pdoc reports what it cannot document as warnings on stderr: any is a failure here.
if ! "$PY" -W error -m pdoc imburse -o "$OUT/python" 2>"$OUT/pdoc.log" || [ -s "$OUT/pdoc.log" ]; then
  cat "$OUT/pdoc.log" >&2
  exit 1
fi

echo "== Node: TypeDoc (index.d.ts) -> target/docs/node"
cd "$REPO/bindings-node"
bash scripts/setup.sh >/dev/null
rm -rf "$OUT/node"
npx --no-install typedoc --disableSources --treatWarningsAsErrors --logLevel Warn --out "$OUT/node" index.d.ts

echo "== Kotlin: Dokka (the generated Kotlin) -> target/docs/kotlin"
cd "$REPO"
bash bindings-kotlin/scripts/build.sh dokka:dokka >/dev/null
rm -rf "$OUT/kotlin" && cp -r bindings-kotlin/build/maven/dokka "$OUT/kotlin"

echo "docs: $(find "$OUT" -name '*.html' | wc -l) pages in target/docs/{rust,python,node,kotlin}"
