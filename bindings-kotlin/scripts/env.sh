# Shared by build.sh, test.sh and demo.sh: where things are, and installing the JVM build tool
# (Maven, from Debian) on first use; Maven fetches the rest from Maven Central. Sourced, not run.

KOTLIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$KOTLIN_DIR/.." && pwd)"
TARGET_DIR="$REPO_ROOT/target/kotlin"
NATIVE_DIR="$TARGET_DIR/release"
NATIVE_LIB="$NATIVE_DIR/libimburse_kotlin.so"
BUILD_DIR="$KOTLIN_DIR/build"
GENERATED_KOTLIN="$BUILD_DIR/generated/kotlin"
GENERATED_SWIFT="$BUILD_DIR/generated/swift"
# The native library at JNA's resource path, packed into the jar as a resource.
GENERATED_NATIVE="$BUILD_DIR/generated/native"
MAVEN_BUILD="$BUILD_DIR/maven"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO_ROOT/Cargo.toml" | head -1)"
LIBRARY_JAR="$MAVEN_BUILD/imburse-kotlin-$VERSION.jar"
EMULATOR_BIN="$REPO_ROOT/target/debug/imburse-emulator"
# Maven quiet and non-interactive; a run's output is its own.
MVN=(mvn -B -q -Dstyle.color=never -f "$KOTLIN_DIR/pom.xml")

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
  if ! command -v mvn >/dev/null; then
    step "installing Maven from Debian"
    apt_install maven
  fi
}

ensure_test_tools() {
  require python3 "the conformance judge"
}

# The emulator binary the Kotlin tests and the demo start as a subprocess.
build_emulator() {
  step "emulator (cargo build -p imburse-emulator --bin imburse-emulator)"
  cargo build --locked -p imburse-emulator --bin imburse-emulator --manifest-path "$REPO_ROOT/Cargo.toml"
  export IMBURSE_EMULATOR="$EMULATOR_BIN"
}

# The classpath of the programs compiled with the tests (the conformance runner, the load
# driver, the demo): their classes, the library's, and every dependency (written by Maven).
tests_classpath() {
  echo "$MAVEN_BUILD/test-classes:$MAVEN_BUILD/classes:$(cat "$MAVEN_BUILD/test-classpath.txt")"
}
