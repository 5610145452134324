//! Links the addon against the Node-API symbols the host process provides at load time.

fn main() {
    napi_build::setup();
    // Only this script's own inputs matter; without the line, every file the napi CLI writes
    // into the package folder (the addon, its loader and types) would force a rebuild.
    println!("cargo::rerun-if-changed=build.rs");
}
