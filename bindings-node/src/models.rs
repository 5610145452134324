//! The per-call options, and the concrete results with how a call went.
//!
//! Requests and results are the core's models (derived in the core, requests as
//! `imburse::models::js`, where every field a caller may leave out is optional): field names
//! camelCase, amounts exact decimal strings (never a JavaScript number), metadata a plain
//! `Record<string, string>`, epoch-millisecond timestamps numbers, every result field set
//! (`null` when the server left it out). Nothing here checks a value: the core validates every
//! request.

use imburse::config::{HostCallOptions, HostLanguage};
use imburse::models as sdk;
pub use imburse::models::Metadata;
use napi_derive::napi;

// ---------------------------------------------------------------- requests

/// Per-call options: your correlation id (otherwise a UUID is generated), a tenant to act for
/// instead of the client's default, and this call's own limits instead of the client's (a value
/// out of range rejects with `InvalidRequestError`, nothing sent).
#[napi(object)]
#[derive(Default)]
pub struct CallOptions {
    /// Sent as `X-Correlation-ID` on every attempt of the call.
    pub correlation_id: Option<String>,
    /// A tenant id (UUID) overriding the client's default for this call.
    pub tenant_id: Option<String>,
    /// The whole call's time in milliseconds: every attempt, token refresh and backoff.
    pub timeout_ms: Option<f64>,
    /// Each attempt's time in milliseconds, body included.
    pub attempt_timeout_ms: Option<f64>,
    /// Attempts for this call, the first included (1 disables retries).
    pub max_attempts: Option<i64>,
}

/// The core's call options for what JavaScript passed (possibly nothing).
pub fn call_options(options: Option<CallOptions>) -> imburse::CallOptions {
    let o = options.unwrap_or_default();
    let host = HostCallOptions {
        correlation_id: o.correlation_id,
        tenant_id: o.tenant_id,
        timeout: o.timeout_ms,
        attempt_timeout: o.attempt_timeout_ms,
        max_attempts: o.max_attempts,
    };
    host.into_core(HostLanguage::JavaScript)
}

// --------------------------------------------------------------- responses

// Results are the core's own types (their napi derives are in the core, behind its `napi`
// feature); here only the concrete results with how the call went, one per data type of the
// core's list (`imburse::for_each_response!`), because the generated TypeScript cannot express
// the core's generic `Response<T>`.

macro_rules! responses {
    ($($(#[$doc:meta])* $js:ident <- $core:ident,)*) => {
        $(
            $(#[$doc])*
            #[napi(object, object_from_js = false, use_nullable = true)]
            pub struct $js {
                pub data: sdk::$core,
                pub meta: imburse::ResponseMeta,
            }

            impl From<imburse::Response<sdk::$core>> for $js {
                fn from(r: imburse::Response<sdk::$core>) -> Self {
                    $js { data: r.data, meta: r.meta }
                }
            }
        )*
    };
}

imburse::for_each_response!(responses);
