//! How a core error crosses into JavaScript: as the core's own [`imburse::ErrorReport`],
//! attached to the error the call's promise rejects with (built on the JavaScript thread). The
//! JavaScript layer (`lib/errors.js`) picks the error class from its `kind`, in one place.

use napi::Env;
use napi::bindgen_prelude::{JsObjectValue, JsValue};

/// Marks the rejection of a call that its `AbortSignal` cancelled. Kept in sync with
/// `lib/errors.js`.
const ABORTED_REASON: &str = "IMBURSE_ABORTED";

/// The property of a rejection that holds the core's report. Kept in sync with `lib/errors.js`.
const REPORT_PROPERTY: &str = "imburseReport";

/// A failed call's rejection (or a refused configuration's exception): a JavaScript `Error`
/// whose message is the core's one-line text and whose `report` property is the core's
/// [`imburse::ErrorReport`] as a plain object.
pub fn rejection(env: &Env, error: imburse::Error) -> napi::Error {
    let report = error.report();
    let built = env.create_error(napi::Error::from_reason(report.text.clone())).and_then(|mut js_error| {
        js_error.set_named_property(REPORT_PROPERTY, report)?;
        Ok(napi::Error::from(js_error.to_unknown()))
    });
    built.unwrap_or_else(|failed| failed)
}

/// The rejection of a cancelled call.
pub fn aborted() -> napi::Error {
    napi::Error::from_reason(ABORTED_REASON)
}
