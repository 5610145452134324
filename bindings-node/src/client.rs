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

use imburse::config::{HostCallOptions, HostLanguage, HostSettings};
use imburse::models::js::*;
use imburse::operations::IntoCore;
use imburse::{AttemptEvent, ClientConfig, ClientConfigBuilder, ResponseMeta};
use napi::bindgen_prelude::{PromiseRaw, Result, ToNapiValue, Unknown, within_runtime_if_available};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::{Env, Status};
use napi_derive::napi;
use tokio::sync::Notify;

use crate::declared::Declared;
use crate::errors::{aborted, rejection};
// Every result type the generated methods name.
use crate::models::*;

/// Receives every attempt event; weak, so a live client never holds the event loop open.
type AttemptCallback = ThreadsafeFunction<AttemptEvent, Unknown<'static>, AttemptEvent, Status, false, true>;

/// Declares a JavaScript options object from one of the core's lists
/// (`imburse::for_each_setting!`, `imburse::for_each_call_option!`): each entry under its
/// JavaScript name (a duration's says `Ms`), every one optional, and its conversion into the
/// core's host record. Nothing is checked here: the core checks every value (and, through
/// [`Declared`], every name).
macro_rules! js_options {
    (
        $(#[$struct_doc:meta])* $options:ident => $host:ident,
        $($(#[$doc:meta])* $name:ident : $kind:ident => $js:literal,)*
    ) => {
        js_options!(@munch [$(#[$struct_doc])* $options => $host] [] [$($name)*] $($(#[$doc])* $name : $kind => $js,)*);

        impl $crate::declared::OptionNames for $options {
            const NAMES: &'static [&'static str] = &[$($js),*];
        }
    };
    (@munch [$(#[$struct_doc:meta])* $options:ident => $host:ident] [$($fields:tt)*] [$($all:ident)*]) => {
        $(#[$struct_doc])*
        #[napi(object)]
        #[derive(Default)]
        pub struct $options {
            $($fields)*
        }

        impl From<$options> for imburse::config::$host {
            fn from(options: $options) -> Self {
                use imburse::config::IntoHostValue;
                imburse::config::$host { $($all: options.$all.map(IntoHostValue::into_host_value),)* }
            }
        }
    };
    // One rule per kind: the type is written out, since napi's TypeScript comes from the field's
    // type as written. Durations are milliseconds, counts any number (the core refuses a
    // negative one by name).
    (@munch $head:tt [$($fields:tt)*] $all:tt $(#[$doc:meta])* $name:ident : Environment => $js:literal, $($rest:tt)*) => {
        js_options!(@munch $head [$($fields)* $(#[$doc])* #[napi(js_name = $js, ts_type = "'sandbox' | 'production'")] pub $name: Option<String>,] $all $($rest)*);
    };
    (@munch $head:tt [$($fields:tt)*] $all:tt $(#[$doc:meta])* $name:ident : Duration => $js:literal, $($rest:tt)*) => {
        js_options!(@munch $head [$($fields)* $(#[$doc])* #[napi(js_name = $js)] pub $name: Option<f64>,] $all $($rest)*);
    };
    (@munch $head:tt [$($fields:tt)*] $all:tt $(#[$doc:meta])* $name:ident : Count => $js:literal, $($rest:tt)*) => {
        js_options!(@munch $head [$($fields)* $(#[$doc])* #[napi(js_name = $js)] pub $name: Option<i64>,] $all $($rest)*);
    };
    (@munch $head:tt [$($fields:tt)*] $all:tt $(#[$doc:meta])* $name:ident : Flag => $js:literal, $($rest:tt)*) => {
        js_options!(@munch $head [$($fields)* $(#[$doc])* #[napi(js_name = $js)] pub $name: Option<bool>,] $all $($rest)*);
    };
    (@munch $head:tt [$($fields:tt)*] $all:tt $(#[$doc:meta])* $name:ident : Versions => $js:literal, $($rest:tt)*) => {
        js_options!(@munch $head [$($fields)* $(#[$doc])* #[napi(js_name = $js)] pub $name: Option<std::collections::HashMap<String, String>>,] $all $($rest)*);
    };
    // Text and secrets.
    (@munch $head:tt [$($fields:tt)*] $all:tt $(#[$doc:meta])* $name:ident : $text:ident => $js:literal, $($rest:tt)*) => {
        js_options!(@munch $head [$($fields)* $(#[$doc])* #[napi(js_name = $js)] pub $name: Option<String>,] $all $($rest)*);
    };
}

imburse::for_each_setting!(js_options {
    /// Client settings. Anything left out keeps the core's default; every value is checked when
    /// the client is built, and a bad one throws a `ConfigurationError` naming the setting.
    /// Durations are milliseconds.
    ClientOptions => HostSettings,
});

imburse::for_each_call_option!(js_options {
    /// Per-call options: your correlation id (otherwise a UUID is generated), a tenant to act
    /// for instead of the client's default, and this call's own limits instead of the client's
    /// (a value out of range rejects with `InvalidRequestError`, nothing sent). Durations are
    /// milliseconds.
    CallOptions => HostCallOptions,
});

/// The core's call options for what JavaScript passed (possibly nothing).
pub fn call_options(options: Option<Declared<CallOptions>>) -> imburse::CallOptions {
    HostCallOptions::from(options.map(Declared::into_inner).unwrap_or_default()).into_core(HostLanguage::JavaScript)
}

fn config(options: Declared<ClientOptions>, from_env: bool, node_version: String) -> imburse::Result<ClientConfig> {
    let builder = if from_env { ClientConfigBuilder::from_env() } else { ClientConfig::builder() };
    HostSettings::from(options.into_inner())
        .apply(builder.host("node", node_version), HostLanguage::JavaScript)?
        .build()
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
fn promise<'env, C, R, V, Fut>(
    env: &'env Env,
    cancel: Option<&CallCanceller>,
    client: imburse::Result<C>,
    call: impl FnOnce(C) -> Fut + Send + 'static,
) -> Result<PromiseRaw<'env, V>>
where
    C: Send + 'static,
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
        #[napi(ts_arg_type = "ClientOptions")] options: Declared<ClientOptions>,
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
                    #[napi(ts_arg_type = "CallOptions | undefined | null")] options: Option<Declared<CallOptions>>,
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

/// The paged lists, generated from the core's declaration (`imburse::for_each_paged_list!`):
/// the native client's `listX(pageSize, options)` gives a pager whose `nextPage(cancel)` is the
/// next page's promise (`null` after the last); the JavaScript layer makes it async-iterable.
/// Nothing is sent until a page is asked for.
macro_rules! paged_lists {
    ($($(#[$doc:meta])* $name:ident -> $item:ident in $page:ident as $pager:ident / $blocking:ident, $response:ident;)*) => {
        $(
            $(#[$doc])*
            #[napi]
            pub struct $pager {
                /// `None` when the client was closed before the pager was made.
                inner: Option<imburse::Pager<imburse::models::$page>>,
            }

            #[napi]
            impl $pager {
                /// The next page with how its call went, or `null` after the last; a failed page is
                /// asked for again by the next call. `cancel` stops this page's call.
                #[napi]
                pub fn next_page<'env>(
                    &self,
                    env: &'env Env,
                    cancel: Option<&CallCanceller>,
                ) -> Result<PromiseRaw<'env, Option<$response>>> {
                    let pager = self.inner.clone().ok_or_else(imburse::Error::closed);
                    promise(env, cancel, pager, move |pager| async move {
                        Ok(pager.next_page().await?.map($response::from))
                    })
                }
            }
        )*

        #[napi]
        impl NativeClient {
            $(
                $(#[$doc])*
                #[napi]
                pub fn $name(
                    &self,
                    page_size: Option<i64>,
                    #[napi(ts_arg_type = "CallOptions | undefined | null")] options: Option<Declared<CallOptions>>,
                ) -> $pager {
                    let options = call_options(options);
                    $pager { inner: self.client().ok().map(|client| client.$name(page_size, &options)) }
                }
            )*
        }

        /// Every paged list of the native client, in the core's order, as napi-rs names them.
        #[napi]
        pub fn paged_lists() -> Vec<String> {
            vec![$(HostLanguage::JavaScript.method_name(stringify!($name))),*]
        }
    };
}

imburse::for_each_paged_list!(paged_lists);
