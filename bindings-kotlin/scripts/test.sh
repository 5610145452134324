#!/usr/bin/env bash
# Builds the Kotlin/Swift binding and runs its tests: the crate's Rust unit tests, the Kotlin
# tests on the JVM against the emulator, and the conformance runner, whose records the judge
# checks against the manifest and compares with the Rust runner's. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
ensure_toolchain
ensure_test_tools
cd "$REPO_ROOT"

"$KOTLIN_DIR/scripts/build.sh"

step "Rust unit tests of the binding crate"
cargo test --release --locked -p imburse-kotlin --lib --target-dir "$TARGET_DIR" -q

build_emulator

build_tests_jar
JAVA=(java -Djna.library.path="$NATIVE_DIR" -cp "$TESTS_CLASSPATH")

step "Kotlin tests on the JVM"
"${JAVA[@]}" com.imburse.tests.ClientTestsKt "$@"

step "the README quickstart as written (suspend fun main), then blocking calls"
"${JAVA[@]}" com.imburse.quickstart.QuickstartKt

step "Testing your integration: the README's JUnit 5 file against the library's in-process emulator"
python3 - "$KOTLIN_DIR" <<'PY'
import sys
from pathlib import Path
kotlin = Path(sys.argv[1])
example = (kotlin / "kotlin/integration/PayoutTest.kt").read_text()
if f"```kotlin\n{example}```" not in (kotlin / "README.md").read_text():
    sys.exit("error: the README's Testing your integration block is not kotlin/integration/PayoutTest.kt")
PY
# In a directory outside the repository holding only the file and the jars a user's build would
# fetch: the library (the emulator inside), JNA, kotlinx-coroutines, the Kotlin stdlib, JUnit.
outside="$(mktemp -d)"
mkdir -p "$outside/lib"
cp "$LIBRARY_JAR" "$JNA_JAR" "$COROUTINES_JAR" "$KOTLIN_STDLIB" "$outside/lib/"
cp "$KOTLIN_DIR/kotlin/integration/PayoutTest.kt" "$outside/"
(cd "$outside" && libs="$(printf '%s:' lib/*.jar)" &&
  "$KOTLINC" -nowarn PayoutTest.kt -cp "$libs$JUNIT_JAR" -d tests.jar &&
  java -jar "$JUNIT_JAR" --disable-banner --details=summary --fail-if-no-tests \
    --class-path "tests.jar:$libs" --select-class PayoutTest)
rm -rf "$outside"

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
