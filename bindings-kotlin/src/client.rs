//! The client objects: `Client` (Kotlin `suspend` functions, Swift `async`) and
//! `BlockingClient` (plain calls, for Java and other code without coroutines).
//!
//! Each method converts its arguments, calls the core method of the same name and converts the
//! result or the error; tokens, retries, correlation ids and validation are the core's. Both
//! objects are `AutoCloseable` in Kotlin (`use { }`): closing frees the native client once the
//! calls in flight have finished.

use std::sync::Arc;

use crate::config::{CallOptions, ClientConfig};
use crate::error::ImburseError;
use crate::events::{self, AttemptListener};
use crate::models::{
    CreatedInstrumentResponse, CreatedResponse, CustomerResponse, FinancialInstrumentResponse, InstructionResponse,
    Metadata, NewInstruction, NewMobileInstrument, NewOrder, OrderResponse, ResponseMeta, WalletResponse,
};

type Result<T> = std::result::Result<T, ImburseError>;

/// The Imburse API client: safe to share between coroutines and threads; one connection pool
/// and one cached access token per client.
// No `Debug` export: the generated `toString()` would call into a client that `close()` has
// already released and throw; Kotlin's own `toString()` always works.
#[derive(uniffi::Object)]
pub struct Client {
    inner: imburse::Client,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The core's Debug shows the settings with the private key redacted.
        self.inner.fmt(f)
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// A client for `config`; a refused setting throws `ImburseException.Configuration`.
    /// `listener` receives one event per HTTP attempt.
    #[uniffi::constructor(default(listener = None))]
    pub fn new(config: ClientConfig, listener: Option<Arc<dyn AttemptListener>>) -> Result<Self> {
        let config = config.to_core()?;
        let inner = match listener {
            Some(listener) => imburse::Client::with_attempt_observer(config, events::observer(listener))?,
            None => imburse::Client::new(config)?,
        };
        Ok(Client { inner })
    }

    /// Fetches and caches an access token now (e.g. to fail fast on bad credentials).
    #[uniffi::method(default(options = None))]
    pub async fn authenticate(&self, options: Option<CallOptions>) -> Result<()> {
        Ok(self.inner.authenticate(&CallOptions::to_core(options)).await?)
    }

    /// `POST /v1/order-management`: 201 without instructions, 202 with.
    #[uniffi::method(default(options = None))]
    pub async fn create_order(&self, order: NewOrder, options: Option<CallOptions>) -> Result<CreatedResponse> {
        Ok(self.inner.create_order(&order.into(), &CallOptions::to_core(options)).await?.into())
    }

    /// `GET /v1/order-management/{orderRef}`.
    #[uniffi::method(default(options = None))]
    pub async fn get_order(&self, order_ref: String, options: Option<CallOptions>) -> Result<OrderResponse> {
        Ok(self.inner.get_order(&order_ref, &CallOptions::to_core(options)).await?.into())
    }

    /// `POST /v1/order-management/{orderRef}/instruction`.
    #[uniffi::method(default(options = None))]
    pub async fn create_instruction(
        &self,
        order_ref: String,
        instruction: NewInstruction,
        options: Option<CallOptions>,
    ) -> Result<CreatedResponse> {
        let instruction = instruction.into();
        Ok(self.inner.create_instruction(&order_ref, &instruction, &CallOptions::to_core(options)).await?.into())
    }

    /// `GET /v2/order-management/{orderRef}/instruction/{instructionRef}`.
    #[uniffi::method(default(options = None))]
    pub async fn get_instruction(
        &self,
        order_ref: String,
        instruction_ref: String,
        options: Option<CallOptions>,
    ) -> Result<InstructionResponse> {
        Ok(self.inner.get_instruction(&order_ref, &instruction_ref, &CallOptions::to_core(options)).await?.into())
    }

    /// `POST …/instruction/{instructionRef}/cancel`; cancelling twice is harmless.
    #[uniffi::method(default(reason = None, options = None))]
    pub async fn cancel_instruction(
        &self,
        order_ref: String,
        instruction_ref: String,
        reason: Option<String>,
        options: Option<CallOptions>,
    ) -> Result<ResponseMeta> {
        let options = CallOptions::to_core(options);
        Ok(self.inner.cancel_instruction(&order_ref, &instruction_ref, reason.as_deref(), &options).await?.into())
    }

    /// `GET /v1/customer-vault/{customerRef}`: not found when absent.
    #[uniffi::method(default(options = None))]
    pub async fn get_customer(&self, customer_ref: String, options: Option<CallOptions>) -> Result<CustomerResponse> {
        Ok(self.inner.get_customer(&customer_ref, &CallOptions::to_core(options)).await?.into())
    }

    /// `GET /v2/customer-vault/{customerRef}`: creates the customer when absent.
    #[uniffi::method(default(options = None))]
    pub async fn get_or_create_customer(
        &self,
        customer_ref: String,
        options: Option<CallOptions>,
    ) -> Result<CustomerResponse> {
        Ok(self.inner.get_or_create_customer(&customer_ref, &CallOptions::to_core(options)).await?.into())
    }

    /// `PUT /v2/customer-vault/{customerRef}`: replaces the customer's metadata.
    #[uniffi::method(default(options = None))]
    pub async fn update_customer_metadata(
        &self,
        customer_ref: String,
        metadata: Metadata,
        options: Option<CallOptions>,
    ) -> Result<ResponseMeta> {
        let metadata = metadata.into_iter().collect();
        Ok(self.inner.update_customer_metadata(&customer_ref, &metadata, &CallOptions::to_core(options)).await?.into())
    }

    /// `GET /v1/customer-vault/{customerRef}/wallet`.
    #[uniffi::method(default(options = None))]
    pub async fn get_wallet(&self, customer_ref: String, options: Option<CallOptions>) -> Result<WalletResponse> {
        Ok(self.inner.get_wallet(&customer_ref, &CallOptions::to_core(options)).await?.into())
    }

    /// `POST /v1/customer-vault/{customerRef}/wallet`.
    #[uniffi::method(default(reason = None, options = None))]
    pub async fn add_to_wallet(
        &self,
        customer_ref: String,
        financial_instrument_id: String,
        reason: Option<String>,
        options: Option<CallOptions>,
    ) -> Result<ResponseMeta> {
        let options = CallOptions::to_core(options);
        let meta =
            self.inner.add_to_wallet(&customer_ref, &financial_instrument_id, reason.as_deref(), &options).await?;
        Ok(meta.into())
    }

    /// `POST /v1/customer-vault/{customerRef}/mobile`: never replayed once it may have been
    /// processed.
    #[uniffi::method(default(options = None))]
    pub async fn add_mobile_instrument(
        &self,
        customer_ref: String,
        mobile: NewMobileInstrument,
        options: Option<CallOptions>,
    ) -> Result<CreatedInstrumentResponse> {
        let mobile = mobile.into();
        Ok(self.inner.add_mobile_instrument(&customer_ref, &mobile, &CallOptions::to_core(options)).await?.into())
    }

    /// `GET /v1/customer-vault/{customerRef}/financial-instrument/{id}`.
    #[uniffi::method(default(options = None))]
    pub async fn get_financial_instrument(
        &self,
        customer_ref: String,
        financial_instrument_id: String,
        options: Option<CallOptions>,
    ) -> Result<FinancialInstrumentResponse> {
        let options = CallOptions::to_core(options);
        Ok(self.inner.get_financial_instrument(&customer_ref, &financial_instrument_id, &options).await?.into())
    }
}

/// The same client with plain (blocking) calls, for Java and code without coroutines. It owns
/// a small runtime and may be called from any thread (not from a dispatcher that must not
/// block).
#[derive(uniffi::Object)]
pub struct BlockingClient {
    inner: imburse::blocking::Client,
}

impl std::fmt::Debug for BlockingClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl BlockingClient {
    #[uniffi::constructor(default(listener = None))]
    pub fn new(config: ClientConfig, listener: Option<Arc<dyn AttemptListener>>) -> Result<Self> {
        let config = config.to_core()?;
        let inner = match listener {
            Some(listener) => imburse::blocking::Client::with_attempt_observer(config, events::observer(listener))?,
            None => imburse::blocking::Client::new(config)?,
        };
        Ok(BlockingClient { inner })
    }

    #[uniffi::method(default(options = None))]
    pub fn authenticate(&self, options: Option<CallOptions>) -> Result<()> {
        Ok(self.inner.authenticate(&CallOptions::to_core(options))?)
    }

    #[uniffi::method(default(options = None))]
    pub fn create_order(&self, order: NewOrder, options: Option<CallOptions>) -> Result<CreatedResponse> {
        Ok(self.inner.create_order(&order.into(), &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn get_order(&self, order_ref: String, options: Option<CallOptions>) -> Result<OrderResponse> {
        Ok(self.inner.get_order(&order_ref, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn create_instruction(
        &self,
        order_ref: String,
        instruction: NewInstruction,
        options: Option<CallOptions>,
    ) -> Result<CreatedResponse> {
        let instruction = instruction.into();
        Ok(self.inner.create_instruction(&order_ref, &instruction, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn get_instruction(
        &self,
        order_ref: String,
        instruction_ref: String,
        options: Option<CallOptions>,
    ) -> Result<InstructionResponse> {
        Ok(self.inner.get_instruction(&order_ref, &instruction_ref, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(reason = None, options = None))]
    pub fn cancel_instruction(
        &self,
        order_ref: String,
        instruction_ref: String,
        reason: Option<String>,
        options: Option<CallOptions>,
    ) -> Result<ResponseMeta> {
        let options = CallOptions::to_core(options);
        Ok(self.inner.cancel_instruction(&order_ref, &instruction_ref, reason.as_deref(), &options)?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn get_customer(&self, customer_ref: String, options: Option<CallOptions>) -> Result<CustomerResponse> {
        Ok(self.inner.get_customer(&customer_ref, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn get_or_create_customer(
        &self,
        customer_ref: String,
        options: Option<CallOptions>,
    ) -> Result<CustomerResponse> {
        Ok(self.inner.get_or_create_customer(&customer_ref, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn update_customer_metadata(
        &self,
        customer_ref: String,
        metadata: Metadata,
        options: Option<CallOptions>,
    ) -> Result<ResponseMeta> {
        let metadata = metadata.into_iter().collect();
        Ok(self.inner.update_customer_metadata(&customer_ref, &metadata, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn get_wallet(&self, customer_ref: String, options: Option<CallOptions>) -> Result<WalletResponse> {
        Ok(self.inner.get_wallet(&customer_ref, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(reason = None, options = None))]
    pub fn add_to_wallet(
        &self,
        customer_ref: String,
        financial_instrument_id: String,
        reason: Option<String>,
        options: Option<CallOptions>,
    ) -> Result<ResponseMeta> {
        let options = CallOptions::to_core(options);
        Ok(self.inner.add_to_wallet(&customer_ref, &financial_instrument_id, reason.as_deref(), &options)?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn add_mobile_instrument(
        &self,
        customer_ref: String,
        mobile: NewMobileInstrument,
        options: Option<CallOptions>,
    ) -> Result<CreatedInstrumentResponse> {
        let mobile = mobile.into();
        Ok(self.inner.add_mobile_instrument(&customer_ref, &mobile, &CallOptions::to_core(options))?.into())
    }

    #[uniffi::method(default(options = None))]
    pub fn get_financial_instrument(
        &self,
        customer_ref: String,
        financial_instrument_id: String,
        options: Option<CallOptions>,
    ) -> Result<FinancialInstrumentResponse> {
        let options = CallOptions::to_core(options);
        Ok(self.inner.get_financial_instrument(&customer_ref, &financial_instrument_id, &options)?.into())
    }
}
