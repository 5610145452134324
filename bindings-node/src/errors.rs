//! How a core error crosses into JavaScript without losing a field.
//!
//! napi-rs rejects a promise with a plain `Error` whose message is the `reason` string, so the
//! reason carries the whole core error as JSON behind a fixed prefix. The JavaScript layer
//! (`lib/errors.js`) recognises the prefix and turns the payload into the error class of its
//! `kind` (the core's stable `ErrorKind::as_str()`), in one place. The payload holds only what
//! the core's public error exposes, which never includes a key, a token or a header.

use serde_json::json;

/// Marks a rejection reason as a serialised core error. Kept in sync with `lib/errors.js`.
const CORE_ERROR_PREFIX: &str = "IMBURSE_CORE_ERROR:";

/// Marks the rejection of a call that its `AbortSignal` cancelled. Kept in sync with
/// `lib/errors.js`.
const ABORTED_REASON: &str = "IMBURSE_ABORTED";

/// The core error as a napi error the JavaScript layer can rebuild.
pub fn to_napi(error: imburse::Error) -> napi::Error {
    let entries: Vec<_> = error
        .errors()
        .iter()
        .map(|entry| {
            json!({
                "code": entry.code,
                "message": entry.rendered_message(),
                "messageTemplate": entry.message_template,
                "metadata": entry.metadata,
            })
        })
        .collect();
    let payload = json!({
        "kind": error.kind().as_str(),
        "message": error.to_string(),
        "status": error.status(),
        "code": error.code(),
        "errors": entries,
        "correlationId": error.correlation_id(),
        "clientCorrelationId": error.client_correlation_id(),
        "attempts": error.attempts(),
        "retryAfterMs": error.retry_after().map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
        "rawBody": error.raw_body(),
    });
    napi::Error::from_reason(format!("{CORE_ERROR_PREFIX}{payload}"))
}

/// The rejection of a cancelled call.
pub fn aborted() -> napi::Error {
    napi::Error::from_reason(ABORTED_REASON)
}
