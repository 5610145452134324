//! The core's one error report as a sealed hierarchy: `ImburseException.BadRequest`,
//! `.Timeout`, … in Kotlin, `ImburseError.badRequest(…)` in Swift.
//!
//! Every variant carries the fields of the core's [`imburse::ErrorReport`], copied once in
//! [`From<imburse::Error>`]; the only decision made here is which variant a kind becomes. The
//! exception's `message` is the report's one-line `text` (the build points the generated
//! `message` at it, see `scripts/patch-generated.py`). Nothing in it can hold a secret.

use std::collections::HashMap;

use crate::duration::HostDuration;

/// One entry of the server's error body (or of a client-side validation error).
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct ErrorEntry {
    /// `ORDER_ALREADY_EXISTS`, `HMAC_SIGNATURE_INVALID`, `AMOUNT_OUT_OF_RANGE`, …
    pub code: String,
    /// The server's message, or its template filled from `metadata`.
    pub message: String,
    pub message_template: Option<String>,
    pub metadata: HashMap<String, String>,
}

/// The fields every variant carries, as one record for code that handles any failure.
#[derive(uniffi::Record, Clone, Debug, PartialEq)]
pub struct ErrorDetails {
    /// The core's stable kind: `bad_request`, `unauthorized`, …, `configuration`, `closed`.
    pub kind: String,
    /// One line: what happened, the status, the server's code and message, the correlation ids.
    pub text: String,
    /// The server's first message, or what went wrong.
    pub detail: String,
    /// The HTTP status of the response that produced the error; null when none did.
    pub status: Option<i32>,
    /// The first entry's code.
    pub code: Option<String>,
    pub errors: Vec<ErrorEntry>,
    /// The server's correlation id: quote it to Imburse support.
    pub correlation_id: Option<String>,
    /// The `X-Correlation-ID` the SDK sent on every attempt of the call.
    pub client_correlation_id: Option<String>,
    /// Attempts made (0 when nothing was sent).
    pub attempts: i32,
    /// The last response's Retry-After.
    pub retry_after: Option<HostDuration>,
    /// The start (at most 8 KiB) of a body the SDK could not parse.
    pub raw_body: Option<String>,
}

/// Declares the error enum with one variant per kind, all with the fields of [`ErrorDetails`].
macro_rules! imburse_error {
    ($($(#[$doc:meta])* $variant:ident,)*) => {
        /// Why a call failed. Kotlin: `sealed class ImburseException`; catch a variant for one
        /// case, or the base class and read `details()`.
        #[derive(uniffi::Error, Clone, Debug, PartialEq)]
        pub enum ImburseError {
            $(
                $(#[$doc])*
                $variant {
                    kind: String,
                    text: String,
                    detail: String,
                    status: Option<i32>,
                    code: Option<String>,
                    errors: Vec<ErrorEntry>,
                    correlation_id: Option<String>,
                    client_correlation_id: Option<String>,
                    attempts: i32,
                    retry_after: Option<HostDuration>,
                    raw_body: Option<String>,
                },
            )*
        }

        impl ImburseError {
            fn from_details(variant: Variant, d: ErrorDetails) -> ImburseError {
                match variant {
                    $(Variant::$variant => ImburseError::$variant {
                        kind: d.kind,
                        text: d.text,
                        detail: d.detail,
                        status: d.status,
                        code: d.code,
                        errors: d.errors,
                        correlation_id: d.correlation_id,
                        client_correlation_id: d.client_correlation_id,
                        attempts: d.attempts,
                        retry_after: d.retry_after,
                        raw_body: d.raw_body,
                    },)*
                }
            }

            fn to_details(&self) -> ErrorDetails {
                match self {
                    $(ImburseError::$variant {
                        kind, text, detail, status, code, errors, correlation_id,
                        client_correlation_id, attempts, retry_after, raw_body,
                    } => ErrorDetails {
                        kind: kind.clone(),
                        text: text.clone(),
                        detail: detail.clone(),
                        status: *status,
                        code: code.clone(),
                        errors: errors.clone(),
                        correlation_id: correlation_id.clone(),
                        client_correlation_id: client_correlation_id.clone(),
                        attempts: *attempts,
                        retry_after: *retry_after,
                        raw_body: raw_body.clone(),
                    },)*
                }
            }
        }

        #[derive(Clone, Copy)]
        enum Variant {
            $($variant,)*
        }
    };
}

imburse_error! {
    /// HTTP 400 (the API's "not found" and "already exists" answers included) and unlisted 4xx.
    BadRequest,
    /// HTTP 401: a refused key, or a token still refused after one refresh.
    Unauthorized,
    /// HTTP 402.
    RequestFailed,
    /// HTTP 403: a missing role, or a tenant the key may not act for.
    Forbidden,
    /// HTTP 404.
    NotFound,
    /// HTTP 409.
    Conflict,
    /// HTTP 429.
    RateLimited,
    /// HTTP 5xx.
    Server,
    /// An attempt or the whole call ran out of time.
    Timeout,
    /// The connection could not be made or broke before a complete answer.
    Connection,
    /// A success whose body is unusable.
    InvalidResponse,
    /// Refused before sending (validation codes in `errors`); nothing was sent.
    InvalidRequest,
    /// The configuration was refused when the client was built.
    Configuration,
    /// The client was closed before the call; nothing was sent.
    Closed,
    /// A kind this build of the binding does not know yet (`kind` names it).
    Other,
}

#[uniffi::export]
impl ImburseError {
    /// The fields of whichever variant this is.
    pub fn details(&self) -> ErrorDetails {
        self.to_details()
    }
}

impl std::fmt::Display for ImburseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_details().text)
    }
}

impl std::error::Error for ImburseError {}

impl From<imburse::Error> for ImburseError {
    fn from(error: imburse::Error) -> ImburseError {
        use imburse::ErrorKind as K;
        let variant = match error.kind() {
            K::BadRequest => Variant::BadRequest,
            K::Unauthorized => Variant::Unauthorized,
            K::RequestFailed => Variant::RequestFailed,
            K::Forbidden => Variant::Forbidden,
            K::NotFound => Variant::NotFound,
            K::Conflict => Variant::Conflict,
            K::RateLimited => Variant::RateLimited,
            K::Server => Variant::Server,
            K::Timeout => Variant::Timeout,
            K::Connection => Variant::Connection,
            K::InvalidResponse => Variant::InvalidResponse,
            K::InvalidRequest => Variant::InvalidRequest,
            K::Configuration => Variant::Configuration,
            K::Closed => Variant::Closed,
            _ => Variant::Other,
        };
        let r = error.report();
        let details = ErrorDetails {
            kind: r.kind,
            text: r.text,
            detail: r.detail,
            status: r.status.map(i32::from),
            code: r.code,
            errors: r
                .errors
                .into_iter()
                .map(|e| ErrorEntry {
                    code: e.code,
                    message: e.message,
                    message_template: e.message_template,
                    metadata: e.metadata.into_iter().collect(),
                })
                .collect(),
            correlation_id: r.correlation_id,
            client_correlation_id: r.client_correlation_id,
            attempts: i32::try_from(r.attempts).unwrap_or(i32::MAX),
            retry_after: r.retry_after.map(HostDuration::from),
            raw_body: r.raw_body,
        };
        ImburseError::from_details(variant, details)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn every_field_is_copied_from_the_core_error() {
        let body = br#"{"correlationId":"0HLPSRAQ7S0I6:00000002","errors":[
            {"errorCode":"TOO_MANY","message":"slow down","messageTemplate":"slow {who}","metadata":{"who":"down"}},
            {"errorCode":"SECOND","message":"","messageTemplate":"about {what}","metadata":{"what":"x"}}]}"#;
        let core = imburse::Error::from_response(429, Some(Duration::from_millis(1500)), body, Some("call-1"), 2);
        let error = ImburseError::from(core);
        assert!(matches!(error, ImburseError::RateLimited { .. }));
        let d = error.details();
        assert_eq!(d.kind, "rate_limited");
        assert_eq!(d.status, Some(429));
        assert_eq!(d.code.as_deref(), Some("TOO_MANY"));
        assert_eq!(d.errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), ["TOO_MANY", "SECOND"]);
        assert_eq!(d.errors[0].message_template.as_deref(), Some("slow {who}"));
        assert_eq!(d.errors[0].metadata.get("who").map(String::as_str), Some("down"));
        assert_eq!(d.errors[1].message, "about x", "an entry without a message shows its rendered template");
        assert_eq!(d.correlation_id.as_deref(), Some("0HLPSRAQ7S0I6:00000002"));
        assert_eq!(d.client_correlation_id.as_deref(), Some("call-1"));
        assert_eq!(d.attempts, 2);
        assert_eq!(d.retry_after, Some(HostDuration(1.5)));
        assert_eq!(d.detail, "slow down");
        assert_eq!(d.text, error.to_string());
        assert!(d.text.starts_with("Too Many Requests (HTTP 429) TOO_MANY: slow down"), "{}", d.text);
    }

    #[test]
    fn each_status_lands_in_its_variant() {
        let cases: [(u16, &str); 9] = [
            (400, "BadRequest"),
            (401, "Unauthorized"),
            (402, "RequestFailed"),
            (403, "Forbidden"),
            (404, "NotFound"),
            (409, "Conflict"),
            (422, "BadRequest"),
            (429, "RateLimited"),
            (503, "Server"),
        ];
        for (status, variant) in cases {
            let error = ImburseError::from(imburse::Error::from_response(status, None, b"", None, 1));
            let debug = format!("{error:?}");
            assert!(debug.starts_with(&format!("{variant} {{")), "{status}: {debug}");
            assert_eq!(error.details().status, Some(i32::from(status)));
        }
        let timeout = ImburseError::from(imburse::Error::new(imburse::ErrorKind::Timeout, "call timed out"));
        assert!(matches!(timeout, ImburseError::Timeout { status: None, attempts: 0, .. }));
    }
}
