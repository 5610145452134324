//! The Imburse SDK core: every behaviour the language bindings expose is decided here, once.
//!
//! - [`config`]: validated client settings ([`ClientConfig`]).
//! - [`auth`]: the HMAC header exchanged for an access token.
//! - [`error`]: the one public [`Error`] with its stable [`ErrorKind`].
//! - [`retry`]: when a failed attempt is sent again, and after how long.
//! - [`operations`]: every operation, declared once (the core's table and the bindings' list).
//! - [`foreign`]: how the types every binding shares look in each host language.
// Every public item is documented: the reference each language's docs are built from.
#![warn(missing_docs)]

mod accounts;
mod apps;
pub mod auth;
pub mod blocking;
mod checkout;
mod client;
pub mod config;
mod customers;
pub mod error;
pub mod events;
pub mod foreign;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod mandates;
pub mod models;
pub mod operations;
mod orders;
mod pacing;
pub mod pages;
pub mod retry;
mod schemes;
mod secret;
mod transport;
mod validation;
mod waiting;

pub use auth::HmacSigner;
pub use client::{CallOptions, Client, Response, ResponseMeta};
pub use config::{ClientConfig, ClientConfigBuilder, Environment};
pub use error::{Error, ErrorEntry, ErrorKind, ErrorReport};
pub use events::{AttemptEvent, AttemptObserver, AttemptOutcomeKind};
pub use foreign::Interval;
pub use operations::{OperationSpec, Scope};
pub use pages::Pager;
pub use retry::{Idempotency, RetryDecision, RetryPolicy, StopReason};
pub use secret::Secret;

// The core's models as uniffi records (Kotlin package `com.imburse.core`, Swift `ImburseCore`),
// which the Kotlin/Swift binding uses as they are.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

/// The SDK version, as reported in the User-Agent.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Shorthand for results of SDK calls.
pub type Result<T, E = Error> = std::result::Result<T, E>;
