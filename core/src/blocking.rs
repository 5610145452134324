//! A blocking client over the async one, for code without an async runtime.
//!
//! It owns a small tokio runtime and waits on each call; the behaviour (retries, tokens,
//! correlation ids) is the async client's. It may be called from any thread, one inside an
//! async runtime included (there the call waits on a thread of its own); async code should
//! use [`crate::Client`] instead.

use std::sync::Arc;

use crate::client::{CallOptions, Client as AsyncClient, Response, ResponseMeta};
use crate::config::ClientConfig;
use crate::error::{Error, ErrorKind};
use crate::events::AttemptObserver;
use crate::models::{
    Account, AccountKeyList, AccountUpdate, ApiKey, ApiKeySettings, BacsCreditorProfile, CheckoutSession, Created,
    CreatedApiKey, CreatedInstrument, CreatedMandate, CreditorProfilePage, Customer, CustomerDefault,
    FinancialInstrument, Instruction, IpAllowList, IpAllowListUpdate, LicenseHistory, LicenseUpgradeRequest, Mandate,
    MandatePage, MarketplaceApp, MarketplaceAppList, Metadata, NewBacsCreditorProfile, NewCheckoutSession,
    NewInstruction, NewMandate, NewMandateSession, NewMobileInstrument, NewOrder, NewPayByLink, NewScheme,
    NewSepaCreditorProfile, Order, Page, PayByLink, PayoutOptionList, PayoutOptionsQuery, Scheme, SchemeDraft,
    SchemeList, SepaCreditorProfile, Tenant, TenantKeyList, TenantList, TenantSettings, Transaction, Wallet,
};

/// The blocking twin of each async method: the same arguments, waited on.
macro_rules! blocking_methods {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $out:ty;)*) => {$(
        #[doc = concat!("Blocking [`AsyncClient::", stringify!($name), "`].")]
        pub fn $name(&self, $($arg: $ty,)* options: &CallOptions) -> Result<$out, Error> {
            self.wait(self.inner.$name($($arg,)* options))
        }
    )*};
}

/// The blocking client: every operation of the async client, waited for on a runtime the client
/// owns. Cheap to clone; clones share the pool, the token and the runtime.
#[derive(Clone)]
pub struct Client {
    inner: AsyncClient,
    runtime: Arc<OwnedRuntime>,
}

/// The client's runtime. Dropping a runtime waits for its threads, which is not allowed on a
/// thread of another runtime (an attempt observer, a host's callback thread): there it is shut
/// down in the background instead.
struct OwnedRuntime(Option<tokio::runtime::Runtime>);

impl std::ops::Deref for OwnedRuntime {
    type Target = tokio::runtime::Runtime;

    fn deref(&self) -> &Self::Target {
        self.0.as_ref().expect("the runtime lives as long as the client")
    }
}

impl Drop for OwnedRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take()
            && tokio::runtime::Handle::try_current().is_ok()
        {
            runtime.shutdown_background();
        }
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("blocking::Client").field("inner", &self.inner).finish()
    }
}

impl Client {
    /// A client for `config`, with its own runtime.
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
        // The HTTP client registers with the runtime that builds it; entering (not blocking on)
        // it works from any thread.
        let inner = {
            let _entered = runtime.enter();
            match observer {
                Some(observer) => AsyncClient::with_attempt_observer(config, observer),
                None => AsyncClient::new(config),
            }
        }?;
        Ok(Self { inner, runtime: Arc::new(OwnedRuntime(Some(runtime))) })
    }

    /// Runs a call to completion. From a thread inside an async runtime (an attempt observer, a
    /// host language's callback thread), where waiting in place is not allowed, the call is
    /// waited for on a short-lived thread of its own instead of failing.
    fn wait<T: Send>(&self, call: impl std::future::Future<Output = T> + Send) -> T {
        if tokio::runtime::Handle::try_current().is_err() {
            return self.runtime.block_on(call);
        }
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| self.runtime.block_on(call));
            match waiter.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// Closes the client as [`AsyncClient::close`] does.
    pub fn close(&self) {
        self.inner.close();
    }

    /// Whether [`Client::close`] was called.
    pub fn is_closed(&self) -> bool {
        self.inner.is_closed()
    }

    /// The async client behind this one (same pool, same token).
    pub fn as_async(&self) -> &AsyncClient {
        &self.inner
    }

    blocking_methods! {
        authenticate() -> ();
        create_order(order: &NewOrder) -> Response<Created>;
        create_order_v2(order: &NewOrder) -> Response<Created>;
        update_customer_default(order_ref: &str, customer_ref: &str, customer_default: &CustomerDefault) -> ResponseMeta;
        delete_customer_default(order_ref: &str, customer_ref: &str) -> ResponseMeta;
        update_order_metadata(order_ref: &str, metadata: &Metadata) -> ResponseMeta;
        get_order(order_ref: &str) -> Response<Order>;
        create_instruction(order_ref: &str, instruction: &NewInstruction) -> Response<Created>;
        get_instruction(order_ref: &str, instruction_ref: &str) -> Response<Instruction>;
        wait_for_instruction(order_ref: &str, instruction_ref: &str, statuses: &[String]) -> Response<Instruction>;
        cancel_instruction(order_ref: &str, instruction_ref: &str, reason: Option<&str>) -> ResponseMeta;
        get_customer(customer_ref: &str) -> Response<Customer>;
        get_or_create_customer(customer_ref: &str) -> Response<Customer>;
        update_customer_metadata(customer_ref: &str, metadata: &Metadata) -> ResponseMeta;
        forget_customer(customer_ref: &str) -> ResponseMeta;
        get_wallet(customer_ref: &str) -> Response<Wallet>;
        add_to_wallet(customer_ref: &str, financial_instrument_id: &str, reason: Option<&str>) -> ResponseMeta;
        add_mobile_instrument(customer_ref: &str, mobile: &NewMobileInstrument) -> Response<CreatedInstrument>;
        get_financial_instrument(customer_ref: &str, financial_instrument_id: &str) -> Response<FinancialInstrument>;
        get_transaction(customer_ref: &str, financial_instrument_id: &str, transaction_id: &str) -> Response<Transaction>;
        list_collect_schemes() -> Response<SchemeList>;
        get_collect_scheme(scheme_id: &str) -> Response<Scheme>;
        create_collect_scheme(scheme: &NewScheme) -> Response<Scheme>;
        delete_collect_scheme(scheme_id: &str) -> ResponseMeta;
        publish_collect_scheme_draft(scheme_id: &str, draft_id: &str) -> ResponseMeta;
        list_payout_schemes() -> Response<SchemeList>;
        get_payout_scheme(scheme_id: &str) -> Response<Scheme>;
        create_payout_scheme(scheme: &NewScheme) -> Response<Scheme>;
        delete_payout_scheme(scheme_id: &str) -> ResponseMeta;
        publish_payout_scheme_draft(scheme_id: &str, draft_id: &str) -> ResponseMeta;
        get_account() -> Response<Account>;
        update_account(update: &AccountUpdate) -> ResponseMeta;
        list_account_keys() -> Response<AccountKeyList>;
        get_account_key(public_key: &str) -> Response<ApiKey>;
        create_account_key(key: &ApiKeySettings) -> Response<CreatedApiKey>;
        update_account_key(public_key: &str, key: &ApiKeySettings) -> ResponseMeta;
        delete_account_key(public_key: &str) -> ResponseMeta;
        list_tenants() -> Response<TenantList>;
        get_tenant(tenant_id: &str) -> Response<Tenant>;
        create_tenant(tenant: &TenantSettings) -> Response<Tenant>;
        update_tenant(tenant_id: &str, tenant: &TenantSettings) -> ResponseMeta;
        list_account_tenant_keys(tenant_id: &str) -> Response<TenantKeyList>;
        get_account_tenant_key(tenant_id: &str, public_key: &str) -> Response<ApiKey>;
        create_account_tenant_key(tenant_id: &str, key: &ApiKeySettings) -> Response<CreatedApiKey>;
        update_account_tenant_key(tenant_id: &str, public_key: &str, key: &ApiKeySettings) -> ResponseMeta;
        delete_account_tenant_key(tenant_id: &str, public_key: &str) -> ResponseMeta;
        list_tenant_keys() -> Response<TenantKeyList>;
        get_tenant_key(public_key: &str) -> Response<ApiKey>;
        create_tenant_key(key: &ApiKeySettings) -> Response<CreatedApiKey>;
        update_tenant_key(public_key: &str, key: &ApiKeySettings) -> ResponseMeta;
        delete_tenant_key(public_key: &str) -> ResponseMeta;
        get_collect_scheme_published_draft(scheme_id: &str) -> Response<SchemeDraft>;
        get_collect_scheme_latest_draft(scheme_id: &str) -> Response<SchemeDraft>;
        get_payout_scheme_published_draft(scheme_id: &str) -> Response<SchemeDraft>;
        get_payout_scheme_latest_draft(scheme_id: &str) -> Response<SchemeDraft>;
        get_payout_options(scheme_id: &str, query: &PayoutOptionsQuery) -> Response<PayoutOptionList>;
        get_license_history() -> Response<LicenseHistory>;
        request_license_upgrade(request: &LicenseUpgradeRequest) -> ResponseMeta;
        get_ip_allow_list() -> Response<IpAllowList>;
        update_ip_allow_list(allow_list: &IpAllowListUpdate) -> ResponseMeta;
        list_marketplace_apps() -> Response<MarketplaceAppList>;
        get_marketplace_app(app_id: &str) -> Response<MarketplaceApp>;
        install_app(app_id: &str) -> ResponseMeta;
        configure_app(app_id: &str, configuration: &str) -> ResponseMeta;
        uninstall_app(app_id: &str) -> ResponseMeta;
        get_creditor_profiles_page(offset: Option<i64>, page_size: Option<i64>) -> Response<CreditorProfilePage>;
        get_mandates_page(offset: Option<i64>, page_size: Option<i64>) -> Response<MandatePage>;
        get_mandate(mandate_id: &str) -> Response<Mandate>;
        create_mandate(mandate: &NewMandate) -> Response<CreatedMandate>;
        get_sepa_creditor_profile(creditor_profile_ref: &str) -> Response<SepaCreditorProfile>;
        create_sepa_creditor_profile(profile: &NewSepaCreditorProfile) -> Response<SepaCreditorProfile>;
        get_bacs_creditor_profile(creditor_profile_ref: &str) -> Response<BacsCreditorProfile>;
        create_bacs_creditor_profile(profile: &NewBacsCreditorProfile) -> Response<BacsCreditorProfile>;
        get_becs_au_mandate(mandate_id: &str) -> Response<Mandate>;
        get_becs_nz_mandate(mandate_id: &str) -> Response<Mandate>;
        create_checkout_session(session: &NewCheckoutSession) -> Response<CheckoutSession>;
        create_pay_by_link(link: &NewPayByLink) -> Response<PayByLink>;
        create_mandate_session(session: &NewMandateSession) -> Response<CheckoutSession>;
    }

    /// Every creditor profile, page by page, read lazily: a blocking [`Pager`] (an iterator of
    /// profiles).
    pub fn list_creditor_profiles(&self, page_size: Option<i64>, options: &CallOptions) -> Pager<CreditorProfilePage> {
        self.pager(self.inner.list_creditor_profiles(page_size, options))
    }

    /// Every mandate, page by page, read lazily: a blocking [`Pager`] (an iterator of mandates).
    pub fn list_mandates(&self, page_size: Option<i64>, options: &CallOptions) -> Pager<MandatePage> {
        self.pager(self.inner.list_mandates(page_size, options))
    }

    fn pager<P: Page>(&self, inner: crate::Pager<P>) -> Pager<P> {
        Pager { client: self.clone(), inner, items: Vec::new().into_iter(), failed: false }
    }
}

/// A blocking [`crate::Pager`]: [`Pager::next_page`] waits for one page; as an [`Iterator`] it
/// yields every item of every page left, reading the next page when the items run out, and
/// ends after yielding an error.
pub struct Pager<P: Page> {
    client: Client,
    inner: crate::Pager<P>,
    items: std::vec::IntoIter<P::Item>,
    failed: bool,
}

impl<P: Page> std::fmt::Debug for Pager<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl<P: Page> Pager<P> {
    /// The next page with how its call went, or `None` after the last.
    pub fn next_page(&self) -> Result<Option<Response<P>>, Error> {
        self.client.wait(self.inner.next_page())
    }
}

impl<P: Page> Iterator for Pager<P> {
    type Item = Result<P::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.items.next() {
                return Some(Ok(item));
            }
            if self.failed {
                return None;
            }
            match self.next_page() {
                Ok(Some(page)) => self.items = page.data.into_results().into_iter(),
                Ok(None) => return None,
                Err(error) => {
                    self.failed = true;
                    return Some(Err(error));
                }
            }
        }
    }
}
