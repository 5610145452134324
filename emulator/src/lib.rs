//! A local Imburse Payments API, for testing SDKs and integrations without the real servers.
//!
//! It is strict where Imburse is strict (HMAC signatures, single-use nonces, tenants, roles,
//! documented validation codes and error bodies) and misbehaves on demand (faults), so client
//! code can be tested for the bad day as well as the good one. Start it in-process with
//! [`testing::TestEmulator::start`] (what every language's testing entry point wraps) or
//! [`EmulatorHandle::start`], or run the `imburse-emulator` command ([`command::run`], which every package installs); each gives the URL and
//! demo credentials a test needs.

pub mod auth;
pub mod clock;
pub mod command;
pub mod config;
pub mod correlation;
pub mod directory;
pub mod error;
pub mod faults;
pub mod request_log;
pub mod routes;
pub mod server;
pub mod store;
pub mod testing;
pub mod tls;
pub mod validation;

use std::sync::Arc;

use axum::http::StatusCode;
use serde::Serialize;

pub use config::{ConfigError, EmulatorConfig};
pub use faults::{FaultAction, FaultSpec};
pub use server::EmulatorHandle;

/// How to connect: printed as one JSON line when the binary starts.
#[derive(Clone, Debug, Serialize)]
pub struct StartupInfo {
    pub url: String,
    pub public_key: String,
    pub private_key: String,
    pub account_id: String,
    pub tenant_id: String,
    /// Over HTTPS (`--tls`): the throwaway authority a client must trust.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_pem: Option<String>,
    /// With `--tls-client-auth`: a client certificate and key (PEM) the server accepts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_identity_pem: Option<String>,
}

/// Everything the routes share.
pub struct State {
    pub config: EmulatorConfig,
    pub url: String,
    pub auth: auth::Auth,
    /// Accounts, tenants and keys, as the Configuration API leaves them.
    pub directory: Arc<directory::Directory>,
    pub store: store::Store,
    pub faults: faults::FaultBook,
    pub log: request_log::RequestLog,
    pub connection_ids: correlation::ConnectionIds,
    /// Counts resets, so work scheduled before one (a request processed late) is dropped
    /// instead of landing in the next test's state.
    pub generation: std::sync::atomic::AtomicU64,
}

pub type SharedState = Arc<State>;

// The testing module's records and the emulator object, for the Kotlin/Swift binding.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

impl State {
    pub fn new(config: EmulatorConfig, url: String) -> Result<Self, ConfigError> {
        config.validate()?;
        if config.primary_key().is_none() {
            return Err(ConfigError("no API keys are configured".into()));
        }
        let directory = Arc::new(directory::Directory::new(&config));
        Ok(Self {
            auth: auth::Auth::new(&config, directory.clone()),
            directory,
            store: store::Store::default(),
            faults: faults::FaultBook::default(),
            log: request_log::RequestLog::new(config.request_log_capacity),
            connection_ids: correlation::ConnectionIds::new(),
            generation: std::sync::atomic::AtomicU64::new(0),
            url,
            config,
        })
    }

    pub fn not_found_status(&self) -> StatusCode {
        StatusCode::from_u16(self.config.not_found_status).unwrap_or(StatusCode::BAD_REQUEST)
    }

    /// Forgets all data, faults, logged requests and seen nonces, keys and tenants created
    /// through the API, a moved clock and asynchronous processing (issued tokens and their
    /// lifetime setting stay).
    pub fn reset(&self) {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        self.auth.set_clock_offset_seconds(0);
        self.store.set_async_instructions_ms(0);
        self.store.clear();
        self.directory.reset();
        self.faults.clear();
        self.log.clear();
        self.auth.forget_nonces();
    }

    pub fn startup_info(&self) -> StartupInfo {
        let key = self.config.primary_key().expect("validated at start: a key exists");
        StartupInfo {
            url: self.url.clone(),
            public_key: key.public_key.clone(),
            private_key: key.private_key.clone(),
            account_id: key.account_id.clone(),
            tenant_id: key.tenant_ids.first().cloned().unwrap_or_default(),
            ca_pem: None,
            client_identity_pem: None,
        }
    }
}
