//! The concrete results with how a call went.
//!
//! Requests and results are the core's models (derived in the core, requests as
//! `imburse::models::js`, where every field a caller may leave out is optional): field names
//! camelCase, amounts exact decimal strings (never a JavaScript number), metadata a plain
//! `Record<string, string>`, epoch-millisecond timestamps numbers, every result field set
//! (`null` when the server left it out). Nothing here checks a value: the core validates every
//! request.

use imburse::models as sdk;
pub use imburse::models::Metadata;
use napi_derive::napi;

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
