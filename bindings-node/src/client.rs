//! The native client: one async method per core operation, run on napi-rs's tokio runtime.
//!
//! Each method converts its arguments, awaits the core call and converts the result or the
//! error; nothing else happens here. Two pieces of plumbing belong to the binding itself:
//! - cancellation: a [`CallCanceller`] passed with a call races the core future, and firing it
//!   drops that future (closing its connection), so an aborted call stops at once;
//! - per-attempt events: the core's attempt observer forwards each event to a JavaScript
//!   callback through a weak threadsafe function (it never keeps the process alive).

use std::future::Future;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use imburse::{ClientConfig, ClientConfigBuilder};
use napi::Status;
use napi::bindgen_prelude::{Result, Unknown, within_runtime_if_available};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi_derive::napi;
use tokio::sync::Notify;

use crate::errors::{aborted, to_napi};
use crate::models::{
    AttemptEvent, CallOptions, CreatedInstrumentResponse, CreatedResponse, CustomerResponse,
    FinancialInstrumentResponse, InstructionResponse, Metadata, NewInstruction, NewMobileInstrument, NewOrder,
    OrderResponse, ResponseMeta, WalletResponse, call_options,
};

/// Receives every attempt event; weak, so a live client never holds the event loop open.
type AttemptCallback = ThreadsafeFunction<AttemptEvent, Unknown<'static>, AttemptEvent, Status, false, true>;

/// Time limits, in milliseconds.
#[napi(object)]
pub struct Timeouts {
    /// Time allowed to open a connection (default 10 000).
    pub connect_ms: Option<i64>,
    /// Time allowed for one attempt, body included (default 30 000); at most `callMs`.
    pub attempt_ms: Option<i64>,
    /// Time allowed for a whole call, retries and waits included (default 60 000).
    pub call_ms: Option<i64>,
}

/// Waits between attempts, in milliseconds: `min(baseMs·2^(n−1), capMs)` × a random factor in
/// [0.5, 1] before retry n.
#[napi(object)]
pub struct Backoff {
    /// Default 500.
    pub base_ms: Option<i64>,
    /// Default 5 000.
    pub cap_ms: Option<i64>,
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
    pub retry_after_cap_ms: Option<i64>,
    /// Renew the access token this long before it expires, in ms (default 60 000).
    pub token_refresh_margin_ms: Option<i64>,
    /// An explicit proxy URL (http or https; may carry `user:password@`).
    pub proxy: Option<String>,
    /// Whether `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are honoured (default true).
    pub use_env_proxy: Option<bool>,
}

/// Milliseconds from JavaScript as a duration. Negative values become zero so that the core
/// refuses them with its own message ("must be greater than zero").
fn millis(ms: i64) -> Duration {
    Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

fn config(options: ClientOptions, from_env: bool, node_version: String) -> Result<ClientConfig> {
    let mut builder = if from_env { ClientConfigBuilder::from_env() } else { ClientConfig::builder() };
    builder = builder.host("node", node_version).use_env_proxy(options.use_env_proxy.unwrap_or(true));
    if let Some(name) = options.environment {
        builder = builder.environment(name.parse().map_err(to_napi)?);
    }
    // Applied after the environment, as the core's own `from_env` lets the URL win.
    if let Some(url) = options.base_url {
        builder = builder.base_url(url);
    }
    if let Some(key) = options.public_key {
        builder = builder.public_key(key);
    }
    if let Some(key) = options.private_key {
        builder = builder.private_key(key);
    }
    if let Some(id) = options.account_id {
        builder = builder.account_id(id);
    }
    if let Some(id) = options.tenant_id {
        builder = builder.tenant_id(id);
    }
    if let Some(t) = options.timeouts {
        if let Some(ms) = t.connect_ms {
            builder = builder.connect_timeout(millis(ms));
        }
        if let Some(ms) = t.attempt_ms {
            builder = builder.attempt_timeout(millis(ms));
        }
        if let Some(ms) = t.call_ms {
            builder = builder.call_timeout(millis(ms));
        }
    }
    if let Some(attempts) = options.max_attempts {
        // Out-of-range counts saturate; the core refuses 0 with its own message.
        builder = builder.max_attempts(u32::try_from(attempts.max(0)).unwrap_or(u32::MAX));
    }
    if let Some(b) = options.backoff {
        if let Some(ms) = b.base_ms {
            builder = builder.backoff_base(millis(ms));
        }
        if let Some(ms) = b.cap_ms {
            builder = builder.backoff_cap(millis(ms));
        }
    }
    if let Some(ms) = options.retry_after_cap_ms {
        builder = builder.retry_after_cap(millis(ms));
    }
    if let Some(ms) = options.token_refresh_margin_ms {
        builder = builder.token_refresh_margin(millis(ms));
    }
    if let Some(proxy) = options.proxy {
        builder = builder.proxy(proxy);
    }
    builder.build().map_err(to_napi)
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

/// Awaits a core call, or stops it when its canceller fires first.
async fn run<T, R>(cancel: Option<&CallCanceller>, call: impl Future<Output = imburse::Result<R>>) -> Result<T>
where
    R: Into<T>,
{
    let call = async { call.await.map(Into::into).map_err(to_napi) };
    match cancel.map(|c| c.fired.clone()) {
        None => call.await,
        Some(fired) => {
            tokio::select! {
                biased;
                _ = fired.notified() => Err(aborted()),
                result = call => result,
            }
        }
    }
}

/// The Imburse client as the JavaScript layer sees it; use the package's `Client` instead.
#[napi]
pub struct NativeClient {
    /// `None` once closed: the connection pool, token cache and event callback are released.
    client: RwLock<Option<imburse::Client>>,
    user_agent: String,
    base_url: String,
}

#[napi]
impl NativeClient {
    /// Builds the client, or throws the core's configuration error. `fromEnv` starts from the
    /// `IMBURSE_*` environment variables; `options` then override them.
    #[napi(constructor)]
    pub fn new(
        options: ClientOptions,
        from_env: bool,
        node_version: String,
        #[napi(ts_arg_type = "((event: AttemptEvent) => void) | undefined | null")] on_attempt: Option<AttemptCallback>,
    ) -> Result<Self> {
        let config = config(options, from_env, node_version)?;
        let user_agent = config.user_agent().to_string();
        let base_url = config.base_url().to_string();
        // The HTTP stack registers with the runtime it is built in.
        let client = within_runtime_if_available(|| match on_attempt {
            Some(callback) => imburse::Client::with_attempt_observer(
                config,
                Arc::new(move |event: &imburse::AttemptEvent| {
                    callback.call(event.into(), ThreadsafeFunctionCallMode::NonBlocking);
                }),
            ),
            None => imburse::Client::new(config),
        })
        .map_err(to_napi)?;
        Ok(NativeClient { client: RwLock::new(Some(client)), user_agent, base_url })
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

    /// Releases the client; calls already running finish on their own copy.
    #[napi]
    pub fn close(&self) {
        self.client.write().unwrap_or_else(PoisonError::into_inner).take();
    }

    fn client(&self) -> Result<imburse::Client> {
        self.client
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| napi::Error::new(Status::Closing, "the client is closed"))
    }

    #[napi]
    pub async fn authenticate(&self, options: Option<CallOptions>, cancel: Option<&CallCanceller>) -> Result<()> {
        let client = self.client()?;
        let options = call_options(options);
        run(cancel, client.authenticate(&options)).await
    }

    #[napi]
    pub async fn create_order(
        &self,
        order: NewOrder,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<CreatedResponse> {
        let client = self.client()?;
        let options = call_options(options);
        let order = order.into();
        run(cancel, client.create_order(&order, &options)).await
    }

    #[napi]
    pub async fn get_order(
        &self,
        order_ref: String,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<OrderResponse> {
        let client = self.client()?;
        let options = call_options(options);
        run(cancel, client.get_order(&order_ref, &options)).await
    }

    #[napi]
    pub async fn create_instruction(
        &self,
        order_ref: String,
        instruction: NewInstruction,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<CreatedResponse> {
        let client = self.client()?;
        let options = call_options(options);
        let instruction = instruction.into();
        run(cancel, client.create_instruction(&order_ref, &instruction, &options)).await
    }

    #[napi]
    pub async fn get_instruction(
        &self,
        order_ref: String,
        instruction_ref: String,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<InstructionResponse> {
        let client = self.client()?;
        let options = call_options(options);
        run(cancel, client.get_instruction(&order_ref, &instruction_ref, &options)).await
    }

    #[napi]
    pub async fn cancel_instruction(
        &self,
        order_ref: String,
        instruction_ref: String,
        reason: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<ResponseMeta> {
        let client = self.client()?;
        let options = call_options(options);
        let call = client.cancel_instruction(&order_ref, &instruction_ref, reason.as_deref(), &options);
        run(cancel, call).await
    }

    #[napi]
    pub async fn get_customer(
        &self,
        customer_ref: String,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<CustomerResponse> {
        let client = self.client()?;
        let options = call_options(options);
        run(cancel, client.get_customer(&customer_ref, &options)).await
    }

    #[napi]
    pub async fn get_or_create_customer(
        &self,
        customer_ref: String,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<CustomerResponse> {
        let client = self.client()?;
        let options = call_options(options);
        run(cancel, client.get_or_create_customer(&customer_ref, &options)).await
    }

    #[napi]
    pub async fn update_customer_metadata(
        &self,
        customer_ref: String,
        metadata: Metadata,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<ResponseMeta> {
        let client = self.client()?;
        let options = call_options(options);
        run(cancel, client.update_customer_metadata(&customer_ref, &metadata, &options)).await
    }

    #[napi]
    pub async fn add_mobile_instrument(
        &self,
        customer_ref: String,
        mobile: NewMobileInstrument,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<CreatedInstrumentResponse> {
        let client = self.client()?;
        let options = call_options(options);
        let mobile = mobile.into();
        run(cancel, client.add_mobile_instrument(&customer_ref, &mobile, &options)).await
    }

    #[napi]
    pub async fn get_financial_instrument(
        &self,
        customer_ref: String,
        financial_instrument_id: String,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<FinancialInstrumentResponse> {
        let client = self.client()?;
        let options = call_options(options);
        let call = client.get_financial_instrument(&customer_ref, &financial_instrument_id, &options);
        run(cancel, call).await
    }

    #[napi]
    pub async fn get_wallet(
        &self,
        customer_ref: String,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<WalletResponse> {
        let client = self.client()?;
        let options = call_options(options);
        run(cancel, client.get_wallet(&customer_ref, &options)).await
    }

    #[napi]
    pub async fn add_to_wallet(
        &self,
        customer_ref: String,
        financial_instrument_id: String,
        reason: Option<String>,
        options: Option<CallOptions>,
        cancel: Option<&CallCanceller>,
    ) -> Result<ResponseMeta> {
        let client = self.client()?;
        let options = call_options(options);
        let call = client.add_to_wallet(&customer_ref, &financial_instrument_id, reason.as_deref(), &options);
        run(cancel, call).await
    }
}
