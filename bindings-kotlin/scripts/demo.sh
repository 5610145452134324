#!/usr/bin/env bash
# Demo: a payment flow through the Kotlin binding against the emulator: authenticate with the
# HMAC key, create an order with instructions, read an instruction back, survive a 503.
set -euo pipefail
source "$(dirname "$0")/env.sh"
ensure_toolchain
ensure_test_tools
{
  "$KOTLIN_DIR/scripts/build.sh"
  build_emulator
} >&2
# No -Djna.library.path: the native library is a resource on the classpath, as in the jar.
java -cp "$(tests_classpath)" com.imburse.demo.DemoKt
