//! A blocking client over the async one, for code without an async runtime.
//!
//! It owns a small tokio runtime and waits on each call; the behaviour (retries, tokens,
//! correlation ids) is the async client's. Do not call it from inside an async runtime: use
//! [`crate::Client`] there.

use std::sync::Arc;

use crate::client::{CallOptions, Client as AsyncClient, Response, ResponseMeta};
use crate::config::ClientConfig;
use crate::error::{Error, ErrorKind};
use crate::events::AttemptObserver;
use crate::models::{
    Created, CreatedInstrument, Customer, FinancialInstrument, Instruction, Metadata, NewInstruction,
    NewMobileInstrument, NewOrder, Order, Wallet,
};

#[derive(Clone)]
pub struct Client {
    inner: AsyncClient,
    runtime: Arc<tokio::runtime::Runtime>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("blocking::Client").field("inner", &self.inner).finish()
    }
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        Self::build(config, None)
    }

    /// A client that hands every attempt event to `observer`.
    pub fn with_attempt_observer(config: ClientConfig, observer: AttemptObserver) -> Result<Self, Error> {
        Self::build(config, Some(observer))
    }

    fn build(config: ClientConfig, observer: Option<AttemptObserver>) -> Result<Self, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("imburse-blocking")
            .enable_all()
            .build()
            .map_err(|e| Error::new(ErrorKind::Configuration, format!("cannot start the runtime: {e}")))?;
        // The HTTP client registers with the runtime that builds it.
        let inner = runtime.block_on(async {
            match observer {
                Some(observer) => AsyncClient::with_attempt_observer(config, observer),
                None => AsyncClient::new(config),
            }
        })?;
        Ok(Self { inner, runtime: Arc::new(runtime) })
    }

    /// The async client behind this one (same pool, same token).
    pub fn as_async(&self) -> &AsyncClient {
        &self.inner
    }

    pub fn authenticate(&self, options: &CallOptions) -> Result<(), Error> {
        self.runtime.block_on(self.inner.authenticate(options))
    }

    pub fn create_order(&self, order: &NewOrder, options: &CallOptions) -> Result<Response<Created>, Error> {
        self.runtime.block_on(self.inner.create_order(order, options))
    }

    pub fn get_order(&self, order_ref: &str, options: &CallOptions) -> Result<Response<Order>, Error> {
        self.runtime.block_on(self.inner.get_order(order_ref, options))
    }

    pub fn create_instruction(
        &self,
        order_ref: &str,
        instruction: &NewInstruction,
        options: &CallOptions,
    ) -> Result<Response<Created>, Error> {
        self.runtime.block_on(self.inner.create_instruction(order_ref, instruction, options))
    }

    pub fn get_instruction(
        &self,
        order_ref: &str,
        instruction_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<Instruction>, Error> {
        self.runtime.block_on(self.inner.get_instruction(order_ref, instruction_ref, options))
    }

    pub fn cancel_instruction(
        &self,
        order_ref: &str,
        instruction_ref: &str,
        reason: Option<&str>,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        self.runtime.block_on(self.inner.cancel_instruction(order_ref, instruction_ref, reason, options))
    }

    pub fn get_customer(&self, customer_ref: &str, options: &CallOptions) -> Result<Response<Customer>, Error> {
        self.runtime.block_on(self.inner.get_customer(customer_ref, options))
    }

    pub fn get_or_create_customer(
        &self,
        customer_ref: &str,
        options: &CallOptions,
    ) -> Result<Response<Customer>, Error> {
        self.runtime.block_on(self.inner.get_or_create_customer(customer_ref, options))
    }

    pub fn update_customer_metadata(
        &self,
        customer_ref: &str,
        metadata: &Metadata,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        self.runtime.block_on(self.inner.update_customer_metadata(customer_ref, metadata, options))
    }

    pub fn get_wallet(&self, customer_ref: &str, options: &CallOptions) -> Result<Response<Wallet>, Error> {
        self.runtime.block_on(self.inner.get_wallet(customer_ref, options))
    }

    pub fn add_to_wallet(
        &self,
        customer_ref: &str,
        financial_instrument_id: &str,
        reason: Option<&str>,
        options: &CallOptions,
    ) -> Result<ResponseMeta, Error> {
        self.runtime.block_on(self.inner.add_to_wallet(customer_ref, financial_instrument_id, reason, options))
    }

    pub fn add_mobile_instrument(
        &self,
        customer_ref: &str,
        mobile: &NewMobileInstrument,
        options: &CallOptions,
    ) -> Result<Response<CreatedInstrument>, Error> {
        self.runtime.block_on(self.inner.add_mobile_instrument(customer_ref, mobile, options))
    }

    pub fn get_financial_instrument(
        &self,
        customer_ref: &str,
        financial_instrument_id: &str,
        options: &CallOptions,
    ) -> Result<Response<FinancialInstrument>, Error> {
        self.runtime.block_on(self.inner.get_financial_instrument(customer_ref, financial_instrument_id, options))
    }
}
