#!/usr/bin/env bash
# Builds the Kotlin/Swift binding: the native library (release, own target dir), the generated
# Kotlin and Swift sources, the Swift package's generated parts, then runs Maven (pom.xml) with
# the goals given (default: compile the library and its tests): `build.sh install` also runs the
# JUnit tests, makes the jar (the native library inside at JNA's resource path), the sources and
# docs jars, and installs com.imburse:imburse-kotlin into the local Maven repository.
set -euo pipefail
source "$(dirname "$0")/env.sh"
ensure_toolchain

step "native library (cargo build --release -p imburse-kotlin)"
cargo build --release --locked -p imburse-kotlin --target-dir "$TARGET_DIR" --manifest-path "$REPO_ROOT/Cargo.toml"

step "generating Kotlin and Swift sources"
rm -rf "$GENERATED_KOTLIN" "$GENERATED_SWIFT"
"$NATIVE_DIR/uniffi-bindgen" generate --library "$NATIVE_LIB" --language kotlin --out-dir "$GENERATED_KOTLIN" --no-format
"$NATIVE_DIR/uniffi-bindgen" generate --library "$NATIVE_LIB" --language swift --out-dir "$GENERATED_SWIFT" --no-format
# Three generated files: the core's models (package com.imburse.core), this crate's client,
# settings and errors (com.imburse), which the patch applies to, and the in-process emulator
# (com.imburse.testing).
KOTLIN_SOURCE="$GENERATED_KOTLIN/com/imburse/imburse_kotlin.kt"
KOTLIN_CORE_SOURCE="$GENERATED_KOTLIN/com/imburse/core/imburse.kt"
KOTLIN_TESTING_SOURCE="$GENERATED_KOTLIN/com/imburse/testing/imburse_emulator.kt"
python3 "$KOTLIN_DIR/scripts/patch-generated.py" "$KOTLIN_SOURCE" "$KOTLIN_CORE_SOURCE" "$KOTLIN_TESTING_SOURCE"
# No Swift compiler here: check that the generator produced the module, its C header and module
# map, and the API's main declarations.
# The Swift files (and their C modules) are compiled into one Swift module.
for file in Imburse.swift ImburseFFI.h ImburseFFI.modulemap ImburseCore.swift ImburseCoreFFI.h ImburseCoreFFI.modulemap \
            ImburseTesting.swift ImburseTestingFFI.h ImburseTestingFFI.modulemap; do
  [ -s "$GENERATED_SWIFT/$file" ] || { echo "error: Swift generation did not produce $file" >&2; exit 1; }
done
for declaration in "open class Client:" "open class BlockingClient:" "enum ImburseError: Swift.Error" \
                   "public struct ClientConfig" "open func getInstruction(" "public protocol AttemptListener"; do
  grep -qF "$declaration" "$GENERATED_SWIFT/Imburse.swift" \
    || { echo "error: the Swift sources lack '$declaration'" >&2; exit 1; }
done
for declaration in "public struct Order" "public struct NewOrder" "public enum Direction" "public typealias Amount = String"; do
  grep -qF "$declaration" "$GENERATED_SWIFT/ImburseCore.swift" \
    || { echo "error: the Swift core sources lack '$declaration'" >&2; exit 1; }
done
echo "Swift: $(cat "$GENERATED_SWIFT"/*.swift | wc -l) lines in $GENERATED_SWIFT"
# The Swift package (swift/): the generated sources, and the headers with one module map for
# both FFI modules, which make-xcframework.sh packs with the static libraries on a Mac.
SWIFT_PACKAGE="$KOTLIN_DIR/swift"
rm -rf "$SWIFT_PACKAGE/Sources" "$SWIFT_PACKAGE/Headers"
mkdir -p "$SWIFT_PACKAGE/Sources/Imburse" "$SWIFT_PACKAGE/Headers"
cp "$GENERATED_SWIFT"/*.swift "$SWIFT_PACKAGE/Sources/Imburse/"
cp "$GENERATED_SWIFT"/*.h "$SWIFT_PACKAGE/Headers/"
for map in "$GENERATED_SWIFT"/*.modulemap; do cat "$map"; echo; done >"$SWIFT_PACKAGE/Headers/module.modulemap"
python3 "$KOTLIN_DIR/scripts/check-swift-package.py" "$SWIFT_PACKAGE"

rm -rf "$GENERATED_NATIVE" && mkdir -p "$GENERATED_NATIVE/linux-x86-64"
cp "$NATIVE_LIB" "$GENERATED_NATIVE/linux-x86-64/"

pom_version="$(sed -n '0,/<version>/s|.*<version>\(.*\)</version>.*|\1|p' "$KOTLIN_DIR/pom.xml")"
if [ "$pom_version" != "$VERSION" ]; then
  echo "error: pom.xml's version $pom_version is not the workspace's $VERSION (Cargo.toml)" >&2
  exit 1
fi

goals=("$@")
[ ${#goals[@]} -gt 0 ] || goals=(test-compile)
step "Maven: ${goals[*]} (pom.xml)"
"${MVN[@]}" "${goals[@]}"
