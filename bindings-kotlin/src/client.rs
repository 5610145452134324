//! The client objects: `Client` (Kotlin `suspend` functions, Swift `async`) and
//! `BlockingClient` (plain calls, for Java and other code without coroutines).
//!
//! Each method converts its arguments, calls the core method of the same name and converts the
//! result or the error; tokens, retries, correlation ids and validation are the core's. Both
//! objects are `AutoCloseable` in Kotlin (`use { }`): closing frees the native client once the
//! calls in flight have finished.

use std::sync::Arc;

use imburse::operations::IntoCore;

use crate::config::{CallOptions, ClientConfig};
use crate::error::ImburseError;
use crate::events::{self, AttemptListener};
// The request types the generated methods take, and every result type they name.
use imburse::models::{
    AccountUpdate, ApiKeySettings, CustomerDefault, IpAllowListUpdate, LicenseUpgradeRequest, Metadata,
    NewBacsCreditorProfile, NewCheckoutSession, NewInstruction, NewMandate, NewMandateSession, NewMobileInstrument,
    NewOrder, NewPayByLink, NewScheme, NewSepaCreditorProfile, PayoutOptionsQuery, TenantSettings,
};

use crate::models::*;
use imburse::ResponseMeta;

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

#[uniffi::export]
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
}

/// Both clients' methods, one per core operation, generated from the core's declaration
/// (`imburse::for_each_operation!`): each converts its arguments, calls the core method of the
/// same name and converts the result or the error. `options` (last, optional) carries the
/// correlation id and tenant.
macro_rules! operation_methods {
    ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty $(= $default:tt)?),*) -> $out:ty as $binding:ty
        = $call:ident ($($pass:expr),*);)*) => {
        #[uniffi::export(async_runtime = "tokio")]
        impl Client {
            $(
                $(#[$doc])*
                #[uniffi::method(default($($($arg = $default,)?)* options = None))]
                pub async fn $name(&self, $($arg: $ty,)* options: Option<CallOptions>) -> Result<$binding> {
                    $(let $arg = IntoCore::into_core($arg);)*
                    let options = CallOptions::to_core(options);
                    Ok(self.inner.$call($($pass,)* &options).await?.into())
                }
            )*
        }

        #[uniffi::export]
        impl BlockingClient {
            $(
                $(#[$doc])*
                #[uniffi::method(default($($($arg = $default,)?)* options = None))]
                pub fn $name(&self, $($arg: $ty,)* options: Option<CallOptions>) -> Result<$binding> {
                    $(let $arg = IntoCore::into_core($arg);)*
                    let options = CallOptions::to_core(options);
                    Ok(self.inner.$call($($pass,)* &options)?.into())
                }
            )*
        }
    };
}

imburse::for_each_operation!(operation_methods);

/// The paged lists' methods and pagers, generated from the core's declaration
/// (`imburse::for_each_paged_list!`): `Client.listX(pageSize)` gives a pager with a `suspend`
/// `nextPage()` (Kotlin's `asFlow()` walks every item), `BlockingClient.listX(pageSize)` one with
/// a plain `nextPage()` (`asSequence()`). Nothing is sent until a page is asked for.
macro_rules! paged_lists {
    ($($(#[$doc:meta])* $name:ident -> $item:ident in $page:ident as $pager:ident / $blocking:ident, $response:ident;)*) => {
        $(
            $(#[$doc])*
            #[derive(uniffi::Object, Debug)]
            pub struct $pager {
                inner: imburse::Pager<imburse::models::$page>,
            }

            #[uniffi::export(async_runtime = "tokio")]
            impl $pager {
                /// The next page with how its call went, or null after the last; a failed page is
                /// asked for again by the next call.
                pub async fn next_page(&self) -> Result<Option<$response>> {
                    Ok(self.inner.next_page().await?.map(Into::into))
                }
            }

            $(#[$doc])*
            #[derive(uniffi::Object, Debug)]
            pub struct $blocking {
                inner: imburse::blocking::Pager<imburse::models::$page>,
            }

            #[uniffi::export]
            impl $blocking {
                /// The next page with how its call went, or null after the last; a failed page is
                /// asked for again by the next call.
                pub fn next_page(&self) -> Result<Option<$response>> {
                    Ok(self.inner.next_page()?.map(Into::into))
                }
            }
        )*

        #[uniffi::export]
        impl Client {
            $(
                $(#[$doc])*
                #[uniffi::method(default(page_size = None, options = None))]
                pub fn $name(&self, page_size: Option<i64>, options: Option<CallOptions>) -> Arc<$pager> {
                    let options = CallOptions::to_core(options);
                    Arc::new($pager { inner: self.inner.$name(page_size, &options) })
                }
            )*
        }

        #[uniffi::export]
        impl BlockingClient {
            $(
                $(#[$doc])*
                #[uniffi::method(default(page_size = None, options = None))]
                pub fn $name(&self, page_size: Option<i64>, options: Option<CallOptions>) -> Arc<$blocking> {
                    let options = CallOptions::to_core(options);
                    Arc::new($blocking { inner: self.inner.$name(page_size, &options) })
                }
            )*
        }
    };
}

imburse::for_each_paged_list!(paged_lists);
