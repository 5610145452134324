# Shared by build.sh, test.sh and demo.sh: where things are, and installing the JVM-side tools
# on first use (the Kotlin compiler from npm, JNA and Gson from Debian). Sourced, not run.

KOTLIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$KOTLIN_DIR/.." && pwd)"
TARGET_DIR="$REPO_ROOT/target/kotlin"
NATIVE_DIR="$TARGET_DIR/release"
NATIVE_LIB="$NATIVE_DIR/libimburse_kotlin.so"
BUILD_DIR="$KOTLIN_DIR/build"
GENERATED_KOTLIN="$BUILD_DIR/generated/kotlin"
GENERATED_SWIFT="$BUILD_DIR/generated/swift"
LIBRARY_JAR="$BUILD_DIR/libs/imburse-kotlin.jar"
TESTS_JAR="$BUILD_DIR/libs/imburse-kotlin-tests.jar"
KOTLIN_HOME="$KOTLIN_DIR/node_modules/kotlin-compiler"
KOTLINC="$KOTLIN_HOME/bin/kotlinc"
KOTLIN_STDLIB="$KOTLIN_HOME/lib/kotlin-stdlib.jar"
COROUTINES_JAR="$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar"
JNA_JAR=/usr/share/java/jna.jar
GSON_JAR=/usr/share/java/gson.jar
# JUnit 5's console launcher (Jupiter API and engine inside), for the README's JUnit test file.
JUNIT_JAR=/usr/share/java/junit-platform-console-standalone.jar
EMULATOR_BIN="$REPO_ROOT/target/debug/imburse-emulator"
KOTLIN_COMPILER_VERSION=2.4.20

step() { echo "== $*"; }

apt_install() {
  if [ -z "${IMBURSE_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null
    IMBURSE_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

require() {
  if ! command -v "$1" >/dev/null; then
    echo "error: $1 is required ($2)" >&2
    exit 1
  fi
}

ensure_toolchain() {
  require cargo "the Rust toolchain"
  require java "Java 17"
  require npm "Node 20 with npm, to install the Kotlin compiler"
  local installed=""
  if [ -f "$KOTLIN_HOME/package.json" ]; then
    installed="$(node -p "require('$KOTLIN_HOME/package.json').version")"
  fi
  if [ "$installed" != "$KOTLIN_COMPILER_VERSION" ]; then
    step "installing the Kotlin compiler $KOTLIN_COMPILER_VERSION from npm"
    (cd "$KOTLIN_DIR" && npm install --no-audit --no-fund --loglevel=error)
  fi
  if [ ! -f "$JNA_JAR" ]; then
    step "installing JNA from Debian (libjna-java)"
    apt_install libjna-java
  fi
}

ensure_test_tools() {
  require python3 "the conformance judge"
  if [ ! -f "$GSON_JAR" ]; then
    step "installing Gson from Debian (libgoogle-gson-java), for the conformance runner's JSON"
    apt_install libgoogle-gson-java
  fi
  if [ ! -f "$JUNIT_JAR" ]; then
    step "installing JUnit 5 from Debian (junit5), for the README's test file"
    apt_install junit5
  fi
}

# True when the stamp file records the same hash of the given files as now.
up_to_date() {
  local stamp="$1"; shift
  local now
  now="$(cat "$@" | sha256sum | cut -d' ' -f1)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$now" ]
}

write_stamp() {
  local stamp="$1"; shift
  cat "$@" | sha256sum | cut -d' ' -f1 > "$stamp"
}

# The emulator binary the Kotlin tests and the demo start as a subprocess.
build_emulator() {
  step "emulator (cargo build -p imburse-emulator --bin imburse-emulator)"
  cargo build --locked -p imburse-emulator --bin imburse-emulator --manifest-path "$REPO_ROOT/Cargo.toml"
  export IMBURSE_EMULATOR="$EMULATOR_BIN"
}

# The Kotlin tests, the conformance runner and the demo, compiled against the library jar.
TESTS_CLASSPATH="$TESTS_JAR:$LIBRARY_JAR:$JNA_JAR:$COROUTINES_JAR:$KOTLIN_STDLIB:$GSON_JAR"
build_tests_jar() {
  local sources=("$KOTLIN_DIR"/kotlin/testing/*.kt "$KOTLIN_DIR"/kotlin/tests/*.kt
                 "$KOTLIN_DIR"/kotlin/conformance/*.kt "$KOTLIN_DIR"/kotlin/demo/*.kt
                 "$KOTLIN_DIR"/kotlin/quickstart/*.kt "$KOTLIN_DIR"/kotlin/load/*.kt)
  local inputs=("${sources[@]}" "$GENERATED_KOTLIN/com/imburse/imburse_kotlin.kt"
                "$GENERATED_KOTLIN/com/imburse/testing/imburse_emulator.kt")
  if up_to_date "$BUILD_DIR/tests.stamp" "${inputs[@]}" && [ -f "$TESTS_JAR" ]; then
    echo "test classes up to date"
    return
  fi
  step "compiling the Kotlin tests, the conformance runner, the load driver and the demo"
  rm -f "$TESTS_JAR"
  "$KOTLINC" "${sources[@]}" -cp "$LIBRARY_JAR:$JNA_JAR:$COROUTINES_JAR:$GSON_JAR" -d "$TESTS_JAR"
  write_stamp "$BUILD_DIR/tests.stamp" "${inputs[@]}"
}
