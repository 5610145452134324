//! Records the compiler version so the User-Agent can report it: support
//! needs to know which toolchain built the core a binding ships.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        // "rustc 1.88.0 (6b00bc388 2025-06-23)" -> "1.88.0"
        .and_then(|text| text.split_whitespace().nth(1).map(str::to_owned))
        .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c)))
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=IMBURSE_RUSTC_VERSION={version}");
}
