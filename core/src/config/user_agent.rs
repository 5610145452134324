//! What the `User-Agent` header says: the SDK version, the host language and its version, the
//! Rust compiler and the platform.

use super::RUSTC_VERSION;

/// `imburse-sdk/<version> (<host>/<host version>; rust/<rustc>; <os>-<arch>)`;
/// the `rust/` part is left out when the host itself is Rust.
pub(super) fn user_agent(host_language: &str, host_version: &str) -> String {
    let mut parts = vec![format!("{host_language}/{host_version}")];
    if !host_language.eq_ignore_ascii_case("rust") {
        parts.push(format!("rust/{RUSTC_VERSION}"));
    }
    parts.push(format!("{}-{}", std::env::consts::OS, std::env::consts::ARCH));
    format!("imburse-sdk/{} ({})", crate::VERSION, parts.join("; "))
}
