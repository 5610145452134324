//! The `imburse-emulator` command, as a library function so that every package can install it:
//! the crate's own binary, Python's console script and Node's `bin` all call [`run`] with their
//! arguments, and so parse, default and refuse them identically.
//!
//! Prints one JSON line (`url`, `public_key`, `private_key`, `account_id`, `tenant_id`, and over
//! HTTPS `ca_pem` and `client_identity_pem`) once it listens, so a harness in any language can
//! start it on port 0 and read how to connect; then serves until SIGINT or SIGTERM.

use std::io::Write as _;
use std::path::PathBuf;

use clap::Parser;

use crate::{EmulatorConfig, EmulatorHandle};

/// Exit status of a configuration the emulator cannot serve (and of bad arguments).
pub const EXIT_BAD_CONFIGURATION: i32 = 2;

#[derive(Parser)]
#[command(name = "imburse-emulator", version, about = "A local Imburse Payments API for tests")]
struct Args {
    /// Address to listen on: loopback unless the emulator is shared (then also consider
    /// --no-control, since the control API has no authentication).
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Port to listen on; 0 picks any free port.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// JSON configuration file (accounts, tenants, keys, limits, readings); omitted fields keep
    /// the demo's. Its schema: --print-config-schema.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Print the JSON schema of the configuration file and exit.
    #[arg(long)]
    print_config_schema: bool,
    /// Add an API key: PUBLIC_KEY:PRIVATE_KEY_BASE64:ACCOUNT_ID:TENANT_IDS:ROLES (lists
    /// comma-separated). Repeatable.
    #[arg(long = "key", value_name = "SPEC")]
    keys: Vec<String>,
    /// Access token lifetime in seconds.
    #[arg(long)]
    token_ttl: Option<u64>,
    /// Status for a missing order/instruction/customer (documented: 400; older docs: 404).
    #[arg(long)]
    not_found_status: Option<u16>,
    /// Refuse the control API (faults, reset, request log, demo credentials), for a test
    /// server shared between people; /__emulator/health still answers.
    #[arg(long)]
    no_control: bool,
    /// Open connections served at once (default 1024); one more is answered 503.
    #[arg(long)]
    max_connections: Option<usize>,
    /// Runtime worker threads (default: one per core).
    #[arg(long)]
    worker_threads: Option<usize>,
    /// Serve HTTPS with a throwaway certificate authority made at start; its certificate is
    /// `ca_pem` in the startup line (for tests of a client's CA bundle setting).
    #[arg(long)]
    tls: bool,
    /// With --tls, also require a client certificate from that authority; one is issued as
    /// `client_identity_pem` in the startup line.
    #[arg(long, requires = "tls")]
    tls_client_auth: bool,
}

fn build_config(args: &Args) -> Result<EmulatorConfig, String> {
    let mut config = match &args.config {
        Some(path) => EmulatorConfig::from_file(path).map_err(|e| e.to_string())?,
        None => EmulatorConfig::demo(),
    };
    for flag in &args.keys {
        config.add_key(EmulatorConfig::parse_key_flag(flag).map_err(|e| e.to_string())?);
    }
    if let Some(ttl) = args.token_ttl {
        config.token_ttl_seconds = ttl;
    }
    if let Some(status) = args.not_found_status {
        config.not_found_status = status;
    }
    if args.no_control {
        config.control_api = false;
    }
    if let Some(max) = args.max_connections {
        config.connections.max_connections = max;
    }
    config.validate().map_err(|e| e.to_string())?;
    Ok(config)
}

/// Runs the command with `args` (the program's name first, as `std::env::args` gives them) and
/// returns its exit status: 0 after a signal stopped it, 2 for bad arguments or configuration,
/// 1 when it could not start. Blocks the calling thread while it serves.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(e) => {
            // --help and --version are "errors" that print to stdout and succeed.
            let _ = e.print();
            return if e.use_stderr() { EXIT_BAD_CONFIGURATION } else { 0 };
        }
    };
    if args.print_config_schema {
        println!("{}", EmulatorConfig::json_schema());
        return 0;
    }
    if !is_loopback(&args.host) {
        eprintln!(
            "imburse-emulator: warning: listening on {} makes it reachable from other machines; {}",
            args.host,
            if args.no_control {
                "the control API is off (--no-control)"
            } else {
                "its control API (faults, reset, demo credentials) has no authentication: add --no-control"
            }
        );
    }
    let config = match build_config(&args) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("imburse-emulator: {message}");
            return EXIT_BAD_CONFIGURATION;
        }
    };
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(threads) = args.worker_threads {
        runtime.worker_threads(threads.max(1));
    }
    let runtime = match runtime.enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("imburse-emulator: cannot start the runtime: {e}");
            return 1;
        }
    };
    runtime.block_on(async move {
        let started = if args.tls {
            EmulatorHandle::start_tls(config, &args.host, args.port, args.tls_client_auth).await
        } else {
            EmulatorHandle::start(config, &args.host, args.port).await
        };
        let handle = match started {
            Ok(handle) => handle,
            Err(e) => {
                eprintln!("imburse-emulator: {e}");
                return EXIT_BAD_CONFIGURATION;
            }
        };
        let line = serde_json::to_string(&handle.startup_info()).expect("plain strings");
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{line}");
        let _ = stdout.flush();
        drop(stdout);
        wait_for_stop_signal().await;
        handle.shutdown().await;
        0
    })
}

/// [`run`] for the hosts that hand over a list of strings: the Node package's
/// `imburse-emulator` bin (`runEmulatorCommand`) and Kotlin's and Swift's `runEmulatorCommand`.
// uniffi's attribute first: it exports the function as written, which napi's then wraps (the
// other order would hand uniffi napi's generated callback).
#[cfg_attr(feature = "uniffi", uniffi::export)]
#[cfg_attr(feature = "napi", napi_derive::napi)]
pub fn run_emulator_command(args: Vec<String>) -> i32 {
    run(args)
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

async fn wait_for_stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_recognised_in_every_spelling() {
        for host in ["127.0.0.1", "localhost", "LOCALHOST", "::1", "[::1]", "127.1.2.3"] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["0.0.0.0", "::", "10.0.0.5", "example.com"] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
