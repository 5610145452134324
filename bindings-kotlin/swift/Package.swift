// swift-tools-version:5.9
// The Swift package of the Imburse SDK: the Swift sources uniffi generates from the Rust core
// (`Sources/Imburse`, written by `scripts/build.sh`) over the native library, shipped as the
// binary target `ImburseFFI.xcframework` (made on a Mac by `make-xcframework.sh`: static
// libraries for macOS and iOS, the C headers and one module map for both FFI modules).
import PackageDescription

let package = Package(
    name: "Imburse",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "Imburse", targets: ["Imburse"]),
    ],
    targets: [
        .binaryTarget(name: "ImburseFFI", path: "ImburseFFI.xcframework"),
        .target(name: "Imburse", dependencies: ["ImburseFFI"], path: "Sources/Imburse"),
    ]
)
