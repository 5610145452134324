//! The hosted checkout (reference §3.5, "Whitelabel"): a session token the checkout is opened
//! with, and a pay-by-link Imburse sends the customer. The token grants checkout access, so it
//! is a [`Secret`]: never in a log, a `Debug`, a `repr` or a `toString`.

use serde::Deserialize;

use crate::Secret;

// --------------------------------------------------------------- responses

crate::foreign::response_models! {
/// A checkout session: the token to open the checkout with (the iframe's `?token=` or the
/// `<imburse-checkout token>` attribute), and when it stops working.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckoutSession {
    /// The session token (a JWT): hand it to the browser, never log it.
    pub session_token: Secret,
    /// When it expires, in epoch seconds.
    #[serde(default)]
    pub expires: i64,
    /// The session's id (a UUID; v2).
    #[serde(default)]
    pub session_id: Option<String>,
}

/// A sent pay-by-link.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PayByLink {
    /// The link's id.
    pub pay_by_link_id: String,
}
}
