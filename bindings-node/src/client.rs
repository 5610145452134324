//! The native client: one promise-returning method per core operation, run on napi-rs's tokio
//! runtime.
//!
//! Each method converts its arguments, awaits the core call and converts the result or the
//! error; nothing else happens here. Two pieces of plumbing belong to the binding itself:
//! - cancellation: a [`CallCanceller`] passed with a call races the core future, and firing it
//!   drops that future (closing its connection), so an aborted call stops at once;
//! - per-attempt events: the core's attempt observer forwards each event to a JavaScript
//!   callback through a weak threadsafe function (it never keeps the process alive).

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use imburse::config::{HostLanguage, HostSettings};
use imburse::models::js::*;
use imburse::operations::IntoCore;
use imburse::{AttemptEvent, ClientConfig, ClientConfigBuilder, ResponseMeta};
use napi::bindgen_prelude::{PromiseRaw, Result, ToNapiValue, Unknown, within_runtime_if_available};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::{Env, Status};
use napi_derive::napi;
use tokio::sync::Notify;

use crate::errors::{aborted, rejection};
// Every result type the generated methods name.
use crate::models::*;

/// Receives every attempt event; weak, so a live client never holds the event loop open.
type AttemptCallback = ThreadsafeFunction<AttemptEvent, Unknown<'static>, AttemptEvent, Status, false, true>;

/// Time limits, in milliseconds.
#[napi(object)]
pub struct Timeouts {
    /// Time allowed to open a connection (default 10 000).
    pub connect_ms: Option<f64>,
    /// Time allowed for one attempt, body included (default 30 000); at most `callMs`.
    pub attempt_ms: Option<f64>,
    /// Time allowed for a whole call, retries and waits included (default 60 000).
    pub call_ms: Option<f64>,
}

/// Waits between attempts, in milliseconds: `min(baseMs·2^(n−1), capMs)` × a random factor in
/// [0.5, 1] before retry n.
#[napi(object)]
pub struct Backoff {
    /// Default 500.
    pub base_ms: Option<f64>,
    /// Default 5 000.
    pub cap_ms: Option<f64>,
}

/// Client settings. Anything left out keeps the core's default; every value is checked when the
/// client is built, and a bad one throws a `ConfigurationError` naming the setting.
#[napi(object)]
pub struct ClientOptions {
    /// The API public key (required).
    pub public_key: Option<String>,
    /// The API private key as issued, in base64 (required). Never printed or logged.
    pub private_key: Option<String>,
    /// The account id, a UUID (required).
    pub account_id: Option<String>,
    /// The default tenant id, a UUID; a call may name another.
    pub tenant_id: Option<String>,
    /// `sandbox` (the default) or `production`.
    #[napi(ts_type = "'sandbox' | 'production'")]
    pub environment: Option<String>,
    /// Any other base URL (a dedicated environment, the emulator); wins over `environment`.
    pub base_url: Option<String>,
    pub timeouts: Option<Timeouts>,
    /// Attempts per call, the first included (default 3; 1 disables retries).
    pub max_attempts: Option<i64>,
    pub backoff: Option<Backoff>,
    /// Longest `Retry-After` worth waiting for, in ms (default 20 000); a longer one ends the
    /// call with the server's value on the error.
    pub retry_after_cap_ms: Option<f64>,
    /// Renew the access token this long before it expires, in ms (default 60 000).
    pub token_refresh_margin_ms: Option<f64>,
    /// An explicit proxy URL (http or https; may carry `user:password@`).
    pub proxy: Option<String>,
    /// Whether `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are honoured (default true).
    pub use_env_proxy: Option<bool>,
    /// Certificate authorities (PEM text) trusted beside the system's, e.g. a TLS-inspecting
    /// proxy's.
    pub ca_bundle_pem: Option<String>,
    /// A client certificate chain and its private key (PEM text), for servers that require
    /// one; a secret like `privateKey`.
    pub client_identity_pem: Option<String>,
    /// API versions by operation, instead of the ones the SDK declares, e.g.
    /// `{ getOrder: 'v2' }`.
    pub api_versions: Option<std::collections::HashMap<String, String>>,
}

fn config(options: ClientOptions, from_env: bool, node_version: String) -> imburse::Result<ClientConfig> {
    let builder = if from_env { ClientConfigBuilder::from_env() } else { ClientConfig::builder() };
    let (timeouts, backoff) = (options.timeouts, options.backoff);
    let settings = HostSettings {
        environment: options.environment,
        base_url: options.base_url,
        public_key: options.public_key,
        private_key: options.private_key,
        account_id: options.account_id,
        tenant_id: options.tenant_id,
        connect_timeout: timeouts.as_ref().and_then(|t| t.connect_ms),
        attempt_timeout: timeouts.as_ref().and_then(|t| t.attempt_ms),
        call_timeout: timeouts.as_ref().and_then(|t| t.call_ms),
        max_attempts: options.max_attempts,
        backoff_base: backoff.as_ref().and_then(|b| b.base_ms),
        backoff_cap: backoff.as_ref().and_then(|b| b.cap_ms),
        retry_after_cap: options.retry_after_cap_ms,
        token_refresh_margin: options.token_refresh_margin_ms,
        proxy: options.proxy,
        use_env_proxy: options.use_env_proxy,
        ca_bundle_pem: options.ca_bundle_pem,
        client_identity_pem: options.client_identity_pem,
        api_versions: options.api_versions.map(|versions| versions.into_iter().collect()),
    };
    settings.apply(builder.host("node", node_version), HostLanguage::JavaScript)?.build()
}

/// Cancels the one call it is passed to. Firing it before the call starts cancels the call as
/// soon as it does.
#[napi]
pub struct CallCanceller {
    fired: Arc<Notify>,
}

#[napi]
impl CallCanceller {
    #[napi(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        CallCanceller { fired: Arc::new(Notify::new()) }
    }

    /// Stops the call: its future is dropped and the call rejects as aborted.
    #[napi]
    pub fn cancel(&self) {
        // `notify_one` keeps a permit when nobody waits yet, so an early cancel is not lost.
        self.fired.notify_one();
    }
}

/// Starts a core call on napi-rs's tokio runtime and returns its promise. `client` was taken
/// when the method was called (or is the closed error), so a call made before `close()`
/// finishes even if its task first runs after it. The call races its canceller, if any; a core error rejects the promise with the core's [`imburse::ErrorReport`]
/// as a plain object (built on the JavaScript thread), which the JavaScript layer turns into
/// the error class of its `kind`.
fn promise<'env, R, V, Fut>(
    env: &'env Env,
    cancel: Option<&CallCanceller>,
    client: imburse::Result<imburse::Client>,
    call: impl FnOnce(imburse::Client) -> Fut + Send + 'static,
) -> Result<PromiseRaw<'env, V>>
where
    Fut: Future<Output = imburse::Result<R>> + Send + 'static,
    R: Into<V> + Send + 'static,
    V: ToNapiValue,
{
    let fired = cancel.map(|c| c.fired.clone());
    let call = async move {
        match client {
            Ok(client) => call(client).await,
            Err(closed) => Err(closed),
        }
    };
    let settled = async move {
        Ok(match fired {
            None => Some(call.await),
            Some(fired) => {
                tokio::select! {
                    biased;
                    _ = fired.notified() => None,
                    result = call => Some(result),
                }
            }
        })
    };
    env.spawn_future_with_callback(settled, |env, settled| match settled {
        Some(Ok(value)) => Ok(value.into()),
        Some(Err(error)) => Err(rejection(env, error)),
        None => Err(aborted()),
    })
}

/// The Imburse client as the JavaScript layer sees it; use the package's `Client` instead.
#[napi]
pub struct NativeClient {
    /// `None` once closed; a running call holds its own clone, so it finishes and the pool goes
    /// with the last of them.
    client: RwLock<Option<imburse::Client>>,
    user_agent: String,
    base_url: String,
    /// Whether the JavaScript client has `'attempt'` listeners: without one, an attempt costs
    /// no call into JavaScript.
    listening: Arc<AtomicBool>,
}

#[napi]
impl NativeClient {
    /// Builds the client, or throws the core's configuration error. `fromEnv` starts from the
    /// `IMBURSE_*` environment variables; `options` then override them.
    #[napi(constructor)]
    pub fn new(
        env: Env,
        options: ClientOptions,
        from_env: bool,
        node_version: String,
        #[napi(ts_arg_type = "((event: AttemptEvent) => void) | undefined | null")] on_attempt: Option<AttemptCallback>,
    ) -> Result<Self> {
        let config = config(options, from_env, node_version).map_err(|e| rejection(&env, e))?;
        let user_agent = config.user_agent().to_string();
        let base_url = config.base_url().to_string();
        let listening = Arc::new(AtomicBool::new(false));
        let observed = listening.clone();
        // The HTTP stack registers with the runtime it is built in.
        let client = within_runtime_if_available(|| match on_attempt {
            Some(callback) => imburse::Client::with_attempt_observer(
                config,
                Arc::new(move |event: &imburse::AttemptEvent| {
                    if observed.load(Ordering::Relaxed) {
                        callback.call(event.clone(), ThreadsafeFunctionCallMode::NonBlocking);
                    }
                }),
            ),
            None => imburse::Client::new(config),
        })
        .map_err(|e| rejection(&env, e))?;
        Ok(NativeClient { client: RwLock::new(Some(client)), user_agent, base_url, listening })
    }

    /// Whether attempt events are passed to JavaScript: the JavaScript client turns it on with
    /// its first `'attempt'` listener and off with its last.
    #[napi]
    pub fn set_attempt_listening(&self, listening: bool) {
        self.listening.store(listening, Ordering::Relaxed);
    }

    /// The `User-Agent` every request carries.
    #[napi(getter)]
    pub fn user_agent(&self) -> String {
        self.user_agent.clone()
    }

    /// The base URL requests go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// Closes the client: later calls reject with the core's `closed` error, calls already made
    /// finish on their own clone of the core client (so the core's own flag, which would stop a
    /// call whose task has not run yet, is not used here).
    #[napi]
    pub fn close(&self) {
        self.client.write().unwrap_or_else(PoisonError::into_inner).take();
    }

    /// The core client for one call, taken when the call is made (not when its task first
    /// runs), or the core's closed error.
    fn client(&self) -> imburse::Result<imburse::Client> {
        self.client.read().unwrap_or_else(PoisonError::into_inner).clone().ok_or_else(imburse::Error::closed)
    }
}

/// The native client's methods, one per core operation, generated from the core's declaration
/// (`imburse::for_each_operation!`): each converts its arguments, takes the core client, and
/// returns the call's promise. `options` carries the correlation id and tenant; `cancel` is the
/// call's canceller, if any.
macro_rules! operation_methods {
    ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty $(= $default:tt)?),*) -> $out:ty as $binding:ty
        = $call:ident ($($pass:expr),*);)*) => {
        #[napi]
        impl NativeClient {
            $(
                $(#[$doc])*
                #[napi]
                pub fn $name<'env>(
                    &self,
                    env: &'env Env,
                    $($arg: $ty,)*
                    options: Option<CallOptions>,
                    cancel: Option<&CallCanceller>,
                ) -> Result<PromiseRaw<'env, $binding>> {
                    $(let $arg = IntoCore::into_core($arg);)*
                    let options = call_options(options);
                    promise(env, cancel, self.client(), move |client| async move {
                        client.$call($($pass,)* &options).await
                    })
                }
            )*
        }
    };
}

imburse::for_each_operation!(operation_methods);

/// An operation as the JavaScript layer defines its method: the method's name and how many
/// arguments come before the per-call options.
#[napi(object)]
pub struct OperationShape {
    pub name: String,
    pub arguments: u32,
}

macro_rules! operation_shapes {
    ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty $(= $default:tt)?),*) -> $out:ty as $binding:ty
        = $call:ident ($($pass:expr),*);)*) => {
        /// Every operation of the native client, in the core's order.
        #[napi]
        pub fn operations() -> Vec<OperationShape> {
            vec![$(OperationShape {
                // As napi-rs names the methods.
                name: HostLanguage::JavaScript.method_name(stringify!($name)),
                arguments: <[&str]>::len(&[$(stringify!($arg)),*]) as u32,
            }),*]
        }
    };
}

imburse::for_each_operation!(operation_shapes);
