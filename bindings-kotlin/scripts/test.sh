#!/usr/bin/env bash
# Builds the Kotlin/Swift binding and runs its tests: the JUnit 5 tests on the JVM against the
# emulator (Maven's `install`, which also makes and installs the package), the crate's Rust unit
# tests, the package's contents, a project outside the repository that depends on the package by
# its coordinates (the README's JUnit test, the Kotlin quickstart, a Java caller), the load run,
# and the conformance runner, whose records the judge checks against the manifest and compares
# with the Rust runner's. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
ensure_toolchain
ensure_test_tools
cd "$REPO_ROOT"

build_emulator

# JUnit 5 tests by Surefire (the emulator binary from IMBURSE_EMULATOR), then the jar, the
# sources jar and the docs jar, installed into the local Maven repository.
"$KOTLIN_DIR/scripts/build.sh" install "$@"

step "Rust unit tests of the binding crate"
cargo test --release --locked -p imburse-kotlin --lib --target-dir "$TARGET_DIR" -q

step "the package: what the jar, its POM, the sources jar and the docs jar hold"
python3 "$KOTLIN_DIR/scripts/check-package.py" "$VERSION"

step "a project outside the repository by coordinates: the README's JUnit test, the Kotlin quickstart, Java"
python3 - "$KOTLIN_DIR" <<'PY'
import sys
from pathlib import Path
kotlin = Path(sys.argv[1])
example = (kotlin / "sample/src/test/kotlin/PayoutTest.kt").read_text()
if f"```kotlin\n{example}```" not in (kotlin / "README.md").read_text():
    sys.exit("error: the README's Testing your integration block is not sample/src/test/kotlin/PayoutTest.kt")
PY
outside="$(mktemp -d)"
cp -r "$KOTLIN_DIR/sample/." "$outside/"
(cd "$outside" &&
  mvn -B -q -Dstyle.color=never -Dimburse.version="$VERSION" test &&
  mvn -B -q -Dstyle.color=never -Dimburse.version="$VERSION" exec:exec -Dmain=com.example.QuickstartKt &&
  mvn -B -q -Dstyle.color=never -Dimburse.version="$VERSION" exec:exec -Dmain=com.example.JavaQuickstart)
rm -rf "$outside"

JAVA=(java -cp "$(tests_classpath)")
step "load with faults: 1000 flows at 256 coroutines on one suspend Client (tests/load)"
python3 tests/load/run.py --name kotlin --flows 1000 --check -- "${JAVA[@]}" com.imburse.load.FlowsKt

SUITE="$REPO_ROOT/tests/conformance"
RUST_RECORDS="$SUITE/records/rust.jsonl"
KOTLIN_RECORDS="$SUITE/records/kotlin.jsonl"
step "Rust conformance records (cargo test -p imburse --test conformance)"
cargo test --locked -p imburse --test conformance -q

step "Kotlin conformance runner"
"${JAVA[@]}" com.imburse.conformance.RunnerKt "$SUITE" "$KOTLIN_RECORDS"

step "judge: the Kotlin records against the manifest"
python3 "$SUITE/judge.py" --check-manifest "$SUITE/manifest.json" "$KOTLIN_RECORDS"
step "judge: the Kotlin records against the Rust records"
python3 "$SUITE/judge.py" "$RUST_RECORDS" "$KOTLIN_RECORDS"
