//! The emulator as a test fixture, for every language: started in-process on a free loopback
//! port, its demo credentials ready for a client, and the control operations (reset, faults,
//! what the server received, tokens, instruction statuses, settings) as typed methods, the same
//! ones the control API serves over HTTP.
//!
//! The operations are declared once, in [`for_each_control!`](crate::for_each_control); each
//! language's testing entry point (Python `imburse.testing`, Node `imburse/testing`, Kotlin
//! `com.imburse.testing`) is generated from that list over [`TestEmulator`], so a test reads
//! the same in every language.
//!
//! ```no_run
//! # async fn example() -> Result<(), imburse_emulator::testing::ControlError> {
//! let emulator = imburse_emulator::testing::TestEmulator::start().await?;
//! let info = emulator.info(); // url, public_key, private_key, account_id, tenant_id
//! emulator.arm_fault(r#"{"action": "respond", "status": 503}"#.into())?;
//! // … a client built from `info` makes calls …
//! assert!(emulator.requests()?.iter().all(|r| r.path.starts_with("/v1/")));
//! emulator.reset()?;
//! emulator.stop().await;
//! # Ok(()) }
//! ```
//!
//! `core/tests/testing_your_integration.rs` shows it under `#[tokio::test]`.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, PoisonError};

use crate::config::EmulatorConfig;
use crate::faults::FaultSpec;
use crate::request_log::LoggedRequest;
use crate::server::EmulatorHandle;
use crate::store::STATUSES;
use crate::{SharedState, State};

/// The control operations of a running emulator, declared once: each entry's name, arguments
/// and result. [`TestEmulator`] implements them, and every binding's testing entry point is
/// generated from this list (methods named as the language names them). Numbers are `i64`,
/// the integer every language has.
#[macro_export]
macro_rules! for_each_control {
    ($callback:ident) => {
        $callback! {
            /// Forgets all data, faults, logged requests and seen nonces, keys and tenants
            /// created through the API, a moved clock and asynchronous processing: each test
            /// starts from here. Issued tokens and the token lifetime stay.
            reset() -> ();
            /// Arms a fault, given as the JSON the control API and the configuration file take
            /// (e.g. `{"action": "respond", "status": 503, "times": 2, "path": "/v1/order-management*"}`;
            /// actions `respond`, `delay`, `drop_before_read`, `drop_after_read`,
            /// `truncate_body`, `corrupt_body`, `html`, `oversized_body`). Returns the fault's id.
            arm_fault(spec: String) -> i64;
            /// Disarms every fault.
            clear_faults() -> ();
            /// Every request received since the last reset, oldest first: what the server
            /// really got (credentials and signatures masked).
            requests() -> Vec<ReceivedRequest>;
            /// Forgets the requests received so far.
            clear_requests() -> ();
            /// Expires every token issued so far: the next call with one is refused with 401
            /// and the SDK exchanges its key again.
            expire_tokens() -> ();
            /// The lifetime of tokens issued from now on, in seconds (at least 1).
            set_token_lifetime_seconds(seconds: i64) -> ();
            /// Moves an instruction to a status (`INCOMPLETE`, `READY`, `LATE`, `PROCESSING`,
            /// `SETTLED`, `FAILED`, `VOID`), as the payment would in production: from
            /// `PROCESSING` on it carries a transaction (a Stripe card payment), `SETTLED` gives
            /// it its settlement date.
            set_instruction_status(tenant_id: String, order_ref: String, instruction_ref: String, status: String) -> ();
            /// Refunds part or all of a settled collection's amount (exact decimal text, e.g.
            /// `"4.50"`), as the provider would: the transaction lists the refund and its net
            /// amount drops. Returns the refund's id.
            refund_instruction(tenant_id: String, order_ref: String, instruction_ref: String, amount: String) -> String;
            /// Turns an account's mandates licence (`license.enableMandates`) on or off: while off, every
            /// mandate route answers 405 `SERVICE_UNAVAILABLE`.
            set_mandates_enabled(account_id: String, enabled: bool) -> ();
            /// Registers `count` Bacs mandates in a tenant at once (customers `SEED-CUST-1`, …, in
            /// order), for tests of long lists.
            add_mandates(tenant_id: String, count: i64) -> ();
            /// Serves orders the way an asynchronous server does: the 202 comes at once and the
            /// instructions become readable this many milliseconds later (0: at once).
            set_async_instructions_ms(milliseconds: i64) -> ();
        }
    };
}

/// A control operation refused: a bad fault, an unknown instruction, a value out of range, or
/// an emulator already stopped.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi(flat_error))]
pub enum ControlError {
    /// The operation's arguments were refused; the message says why.
    #[error("{0}")]
    Refused(String),
    /// The emulator was stopped before the call.
    #[error("the emulator is stopped")]
    Stopped,
}

/// How to reach a running emulator: its URL and the demo key, account and tenant, ready to
/// build a client from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "imburse.testing"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EmulatorInfo {
    /// The base URL, e.g. `http://127.0.0.1:50123`.
    pub url: String,
    /// The demo key's public part.
    pub public_key: String,
    /// The demo key's private part (base64): a throwaway key that only this emulator accepts.
    pub private_key: String,
    /// The demo account.
    pub account_id: String,
    /// The demo account's first tenant.
    pub tenant_id: String,
}

/// One request as the emulator received it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "imburse.testing"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReceivedRequest {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path, without the query, e.g. `/v1/order-management/ORDER-1`.
    pub path: String,
    /// The query string, if any.
    pub query: Option<String>,
    /// Header names in lower case; `authorization` is masked.
    pub headers: HashMap<String, String>,
    /// The body as text; `None` when the connection was dropped before it was read.
    pub body: Option<String>,
    /// The `X-Correlation-ID` the client sent.
    pub client_correlation_id: Option<String>,
    /// The correlation id the server answered with.
    pub server_correlation_id: String,
    /// The fault applied to this request, if any (its action).
    pub fault: Option<String>,
    /// The status answered; `None` when the connection was dropped instead.
    pub status: Option<i32>,
    /// When it arrived, in epoch milliseconds (how far apart a client's retries or polls were).
    pub received_at_ms: i64,
}

impl From<LoggedRequest> for ReceivedRequest {
    fn from(r: LoggedRequest) -> Self {
        ReceivedRequest {
            method: r.method,
            path: r.path,
            query: r.query,
            headers: r.headers.into_iter().collect(),
            body: r.body,
            client_correlation_id: r.client_correlation_id,
            server_correlation_id: r.server_correlation_id,
            fault: r.fault.map(str::to_string),
            status: r.status.map(i32::from),
            received_at_ms: i64::try_from(r.received_at_ms).unwrap_or(i64::MAX),
        }
    }
}

/// A running emulator on a free loopback port. Stopped by `stop` or when dropped; after that
/// every control operation fails with the `Stopped` control error.
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
pub struct TestEmulator {
    state: SharedState,
    info: EmulatorInfo,
    serving: Mutex<Option<EmulatorHandle>>,
    /// The runtime that serves it, when the emulator owns one (started by `start_blocking`).
    runtime: Mutex<Option<tokio::runtime::Runtime>>,
}

impl std::fmt::Debug for TestEmulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestEmulator").field("url", &self.info.url).finish_non_exhaustive()
    }
}

impl TestEmulator {
    /// Starts the demo configuration (one account, one tenant, a key with every role) on
    /// `127.0.0.1` and a free port. Call it inside a tokio runtime, which then serves it.
    pub async fn start() -> Result<TestEmulator, ControlError> {
        TestEmulator::start_with(EmulatorConfig::demo()).await
    }

    /// Starts a configuration given as the JSON of a configuration file (accounts, tenants,
    /// keys and roles of the test's choosing; fields left out take the demo's values), or the
    /// demo without one.
    pub async fn start_with_json(config_json: Option<String>) -> Result<TestEmulator, ControlError> {
        let config = match config_json {
            Some(text) => EmulatorConfig::from_json(&text).map_err(|e| ControlError::Refused(e.to_string()))?,
            None => EmulatorConfig::demo(),
        };
        TestEmulator::start_with(config).await
    }

    /// Starts `config` (accounts, tenants, keys and roles of the test's choosing) on a free
    /// loopback port.
    pub async fn start_with(config: EmulatorConfig) -> Result<TestEmulator, ControlError> {
        let handle = EmulatorHandle::start(config, "127.0.0.1", 0).await.map_err(|e| ControlError::Refused(e.0))?;
        let startup = handle.startup_info();
        let info = EmulatorInfo {
            url: startup.url,
            public_key: startup.public_key,
            private_key: startup.private_key,
            account_id: startup.account_id,
            tenant_id: startup.tenant_id,
        };
        Ok(TestEmulator {
            state: handle.state().clone(),
            info,
            serving: Mutex::new(Some(handle)),
            runtime: Mutex::new(None),
        })
    }

    /// Stops serving and waits for open connections to close; stopping twice is harmless.
    pub async fn stop(&self) {
        let handle = self.serving.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(handle) = handle {
            handle.shutdown().await;
        }
    }

    /// The state, unless stopped.
    fn live(&self) -> Result<&State, ControlError> {
        if self.serving.lock().unwrap_or_else(PoisonError::into_inner).is_none() {
            return Err(ControlError::Stopped);
        }
        Ok(&self.state)
    }

    /// How many resets the emulator has seen (tests of the fixtures use it).
    pub fn resets(&self) -> u64 {
        self.state.generation.load(Ordering::Acquire)
    }
}

/// For hosts without a runtime of their own to serve it (the JVM, Swift): the emulator owns
/// one, a single worker thread.
impl TestEmulator {
    /// Starts the demo configuration, or the configuration file's JSON `config_json`, on a
    /// free loopback port, served by a thread of its own.
    pub fn start_blocking(config_json: Option<String>) -> Result<std::sync::Arc<TestEmulator>, ControlError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("imburse-emulator")
            .enable_all()
            .build()
            .map_err(|e| ControlError::Refused(format!("cannot start the emulator's thread: {e}")))?;
        let emulator = runtime.block_on(TestEmulator::start_with_json(config_json))?;
        *emulator.runtime.lock().unwrap_or_else(PoisonError::into_inner) = Some(runtime);
        Ok(std::sync::Arc::new(emulator))
    }
}

/// Kotlin and Swift construct it with `TestEmulator.startBlocking(configJson)`.
#[cfg(feature = "uniffi")]
#[uniffi::export]
impl TestEmulator {
    /// Starts the demo configuration, or the configuration file's JSON `config_json`, on a
    /// free loopback port, served by a thread of its own.
    #[uniffi::constructor(name = "start_blocking", default(config_json))]
    fn start_blocking_for_host(config_json: Option<String>) -> Result<std::sync::Arc<TestEmulator>, ControlError> {
        TestEmulator::start_blocking(config_json)
    }
}

#[cfg_attr(feature = "uniffi", uniffi::export)]
impl TestEmulator {
    /// Its URL and demo credentials.
    pub fn info(&self) -> EmulatorInfo {
        self.info.clone()
    }

    /// Whether it still serves.
    pub fn running(&self) -> bool {
        self.serving.lock().unwrap_or_else(PoisonError::into_inner).is_some()
    }

    /// Stops an emulator `start_blocking` started (or any other, from outside
    /// a runtime): stopping twice is harmless.
    pub fn stop_blocking(&self) {
        let runtime = self.runtime.lock().unwrap_or_else(PoisonError::into_inner).take();
        match runtime {
            Some(runtime) => {
                runtime.block_on(self.stop());
                runtime.shutdown_background();
            }
            None => drop(self.serving.lock().unwrap_or_else(PoisonError::into_inner).take()),
        }
    }
}

/// The public control methods, one per entry of [`for_each_control!`], each running its
/// implementation in [`controls`] on the live state.
macro_rules! control_methods {
    ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty),*) -> $out:ty;)*) => {
        #[cfg_attr(feature = "uniffi", uniffi::export)]
        impl TestEmulator {
            $(
                $(#[$doc])*
                pub fn $name(&self, $($arg: $ty),*) -> Result<$out, ControlError> {
                    controls::$name(self.live()?, $($arg),*)
                }
            )*
        }
    };
}

crate::for_each_control!(control_methods);

/// What each control operation does to the state; the control API's routes call the same
/// functions.
pub(crate) mod controls {
    use super::{ControlError, FaultSpec, ReceivedRequest, STATUSES, State};

    fn refused(message: String) -> ControlError {
        ControlError::Refused(message)
    }

    pub fn reset(state: &State) -> Result<(), ControlError> {
        state.reset();
        Ok(())
    }

    pub fn arm_fault(state: &State, spec: String) -> Result<i64, ControlError> {
        let spec: FaultSpec = serde_json::from_str(&spec).map_err(|e| refused(format!("invalid fault: {e}")))?;
        let armed = state.faults.arm(spec).map_err(|e| refused(format!("invalid fault: {e}")))?;
        Ok(i64::try_from(armed.id).unwrap_or(i64::MAX))
    }

    pub fn clear_faults(state: &State) -> Result<(), ControlError> {
        state.faults.clear();
        Ok(())
    }

    pub fn requests(state: &State) -> Result<Vec<ReceivedRequest>, ControlError> {
        Ok(state.log.entries().into_iter().map(ReceivedRequest::from).collect())
    }

    pub fn clear_requests(state: &State) -> Result<(), ControlError> {
        state.log.clear();
        Ok(())
    }

    pub fn expire_tokens(state: &State) -> Result<(), ControlError> {
        state.auth.tokens.expire_all_issued();
        Ok(())
    }

    pub fn set_token_lifetime_seconds(state: &State, seconds: i64) -> Result<(), ControlError> {
        let ttl = u64::try_from(seconds)
            .ok()
            .filter(|s| *s >= 1)
            .ok_or_else(|| refused(format!("the token lifetime must be at least 1 second, not {seconds}")))?;
        state.auth.tokens.set_ttl_seconds(ttl);
        Ok(())
    }

    pub fn set_instruction_status(
        state: &State,
        tenant_id: String,
        order_ref: String,
        instruction_ref: String,
        status: String,
    ) -> Result<(), ControlError> {
        move_instruction(state, tenant_id, order_ref, instruction_ref, status).map(drop)
    }

    /// [`set_instruction_status`], answering the id of the transaction the instruction carries
    /// from then on (from `PROCESSING`), as the control API tells a test.
    pub(crate) fn move_instruction(
        state: &State,
        tenant_id: String,
        order_ref: String,
        instruction_ref: String,
        status: String,
    ) -> Result<Option<String>, ControlError> {
        if !STATUSES.contains(&status.as_str()) {
            return Err(refused(format!("the status must be one of {STATUSES:?}, not {status:?}")));
        }
        with_instruction(state, &tenant_id, &order_ref, &instruction_ref, |instruction| {
            instruction.move_to(&status, crate::clock::now_ms());
            Ok(instruction.transaction.as_ref().map(|t| t.transaction_id.clone()))
        })
    }

    pub fn refund_instruction(
        state: &State,
        tenant_id: String,
        order_ref: String,
        instruction_ref: String,
        amount: String,
    ) -> Result<String, ControlError> {
        with_instruction(state, &tenant_id, &order_ref, &instruction_ref, |instruction| {
            instruction.refund(amount.trim(), crate::clock::now_ms()).map_err(refused)
        })
    }

    /// Runs `change` on one instruction of a tenant's order, or says it does not exist.
    fn with_instruction<T>(
        state: &State,
        tenant_id: &str,
        order_ref: &str,
        instruction_ref: &str,
        change: impl FnOnce(&mut crate::store::Instruction) -> Result<T, ControlError>,
    ) -> Result<T, ControlError> {
        state
            .store
            .with_tenant(tenant_id, |tenant| {
                tenant.orders.get_mut(order_ref).and_then(|o| o.instruction_mut(instruction_ref)).map(change)
            })
            .unwrap_or_else(|| {
                Err(refused(format!(
                    "no instruction {instruction_ref:?} of order {order_ref:?} in tenant {tenant_id:?}"
                )))
            })
    }

    pub fn set_mandates_enabled(state: &State, account_id: String, enabled: bool) -> Result<(), ControlError> {
        state
            .directory
            .with_account(&account_id, |account| account.mandates_enabled = enabled)
            .ok_or_else(|| refused(format!("no account {account_id:?}")))
    }

    pub fn add_mandates(state: &State, tenant_id: String, count: i64) -> Result<(), ControlError> {
        let count = usize::try_from(count)
            .ok()
            .filter(|n| *n <= 100_000)
            .ok_or_else(|| refused(format!("count must be 0 to 100000, not {count}")))?;
        crate::routes::mandates::add_seeded_mandates(state, &tenant_id, count).map_err(refused)
    }

    pub fn set_async_instructions_ms(state: &State, milliseconds: i64) -> Result<(), ControlError> {
        let ms = u64::try_from(milliseconds)
            .ok()
            .filter(|ms| *ms <= 600_000)
            .ok_or_else(|| refused(format!("async_instructions_ms must be 0 to 600000, not {milliseconds}")))?;
        state.store.set_async_instructions_ms(ms);
        Ok(())
    }
}
