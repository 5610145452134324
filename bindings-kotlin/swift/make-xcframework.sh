#!/usr/bin/env bash
# On a Mac with Xcode and rustup: builds the native library as a static library for macOS
# (arm64 + x86_64) and iOS (device, and simulator on arm64 + x86_64), and assembles
# ImburseFFI.xcframework beside Package.swift from them and the headers `scripts/build.sh`
# generated (swift/Headers: both FFI headers and one module map). Not run on our Linux
# machines, which have no Swift toolchain.
set -euo pipefail
SWIFT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_ROOT="$(cd "$SWIFT_DIR/../.." && pwd)"
HEADERS="$SWIFT_DIR/Headers"
[ "$(uname)" = Darwin ] || { echo "error: an XCFramework is made on macOS (xcodebuild, lipo)" >&2; exit 1; }
[ -f "$HEADERS/module.modulemap" ] || { echo "error: run bindings-kotlin/scripts/build.sh first (it writes $HEADERS)" >&2; exit 1; }

targets=(aarch64-apple-darwin x86_64-apple-darwin aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
rustup target add "${targets[@]}"
for target in "${targets[@]}"; do
  cargo rustc --release --locked -p imburse-kotlin --lib --crate-type staticlib --target "$target" \
    --manifest-path "$REPO_ROOT/Cargo.toml" --target-dir "$REPO_ROOT/target/swift"
done
lib() { echo "$REPO_ROOT/target/swift/$1/release/libimburse_kotlin.a"; }
out="$REPO_ROOT/target/swift/universal"
mkdir -p "$out/macos" "$out/ios-sim"
lipo -create "$(lib aarch64-apple-darwin)" "$(lib x86_64-apple-darwin)" -output "$out/macos/libimburse_kotlin.a"
lipo -create "$(lib aarch64-apple-ios-sim)" "$(lib x86_64-apple-ios)" -output "$out/ios-sim/libimburse_kotlin.a"

rm -rf "$SWIFT_DIR/ImburseFFI.xcframework"
xcodebuild -create-xcframework \
  -library "$out/macos/libimburse_kotlin.a" -headers "$HEADERS" \
  -library "$(lib aarch64-apple-ios)" -headers "$HEADERS" \
  -library "$out/ios-sim/libimburse_kotlin.a" -headers "$HEADERS" \
  -output "$SWIFT_DIR/ImburseFFI.xcframework"
echo "made $SWIFT_DIR/ImburseFFI.xcframework; now: swift build (in $SWIFT_DIR)"
