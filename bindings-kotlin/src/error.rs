//! The core's one error type as a sealed hierarchy: `ImburseException.BadRequest`, `.Timeout`, …
//! in Kotlin, `ImburseError.badRequest(…)` in Swift.
//!
//! Every variant carries the same fields, copied once from `imburse::Error` in
//! [`From<imburse::Error>`]: nothing is re-derived here. Kotlin generates an exception's
//! `message` from its fields; none of them can hold a secret, because the core's error never
//! holds the key, a token or a header.

use std::collections::HashMap;

/// One entry of the server's error body (or of a client-side validation error).
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct ErrorEntry {
    /// `ORDER_ALREADY_EXISTS`, `HMAC_SIGNATURE_INVALID`, `AMOUNT_OUT_OF_RANGE`, …
    pub code: String,
    pub message: String,
    pub message_template: Option<String>,
    pub metadata: HashMap<String, String>,
}

/// The fields every variant carries, as one record for code that handles any failure.
#[derive(uniffi::Record, Clone, Debug, PartialEq, Eq)]
pub struct ErrorDetails {
    /// The core's stable kind: `bad_request`, `unauthorized`, …, `configuration`.
    pub kind: String,
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
    /// The last response's Retry-After, in milliseconds.
    pub retry_after_ms: Option<i64>,
    /// One line: the server's first message, or what went wrong.
    pub detail: String,
}

/// Declares the error enum with one variant per kind, all with the fields of [`ErrorDetails`].
macro_rules! imburse_error {
    ($($(#[$doc:meta])* $variant:ident,)*) => {
        /// Why a call failed. Kotlin: `sealed class ImburseException`; catch a variant for one
        /// case, or the base class and read `details()`.
        #[derive(uniffi::Error, Clone, Debug, PartialEq, Eq)]
        pub enum ImburseError {
            $(
                $(#[$doc])*
                $variant {
                    kind: String,
                    status: Option<i32>,
                    code: Option<String>,
                    errors: Vec<ErrorEntry>,
                    correlation_id: Option<String>,
                    client_correlation_id: Option<String>,
                    attempts: i32,
                    retry_after_ms: Option<i64>,
                    detail: String,
                },
            )*
        }

        impl ImburseError {
            fn from_details(variant: Variant, d: ErrorDetails) -> ImburseError {
                match variant {
                    $(Variant::$variant => ImburseError::$variant {
                        kind: d.kind,
                        status: d.status,
                        code: d.code,
                        errors: d.errors,
                        correlation_id: d.correlation_id,
                        client_correlation_id: d.client_correlation_id,
                        attempts: d.attempts,
                        retry_after_ms: d.retry_after_ms,
                        detail: d.detail,
                    },)*
                }
            }

            fn to_details(&self) -> ErrorDetails {
                match self {
                    $(ImburseError::$variant {
                        kind, status, code, errors, correlation_id, client_correlation_id, attempts,
                        retry_after_ms, detail,
                    } => ErrorDetails {
                        kind: kind.clone(),
                        status: *status,
                        code: code.clone(),
                        errors: errors.clone(),
                        correlation_id: correlation_id.clone(),
                        client_correlation_id: client_correlation_id.clone(),
                        attempts: *attempts,
                        retry_after_ms: *retry_after_ms,
                        detail: detail.clone(),
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
        let d = self.to_details();
        write!(f, "{}: {}", d.kind, d.detail)
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
            _ => Variant::Other,
        };
        let details = ErrorDetails {
            kind: error.kind().as_str().to_string(),
            status: error.status().map(i32::from),
            code: error.code().map(str::to_string),
            errors: error
                .errors()
                .iter()
                .map(|e| ErrorEntry {
                    code: e.code.clone(),
                    message: e.message.clone(),
                    message_template: e.message_template.clone(),
                    metadata: e.metadata.clone().into_iter().collect(),
                })
                .collect(),
            correlation_id: error.correlation_id().map(str::to_string),
            client_correlation_id: error.client_correlation_id().map(str::to_string),
            attempts: i32::try_from(error.attempts()).unwrap_or(i32::MAX),
            retry_after_ms: error.retry_after().map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
            detail: error.message().to_string(),
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
            {"errorCode":"SECOND","message":""}]}"#;
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
        assert_eq!(d.correlation_id.as_deref(), Some("0HLPSRAQ7S0I6:00000002"));
        assert_eq!(d.client_correlation_id.as_deref(), Some("call-1"));
        assert_eq!(d.attempts, 2);
        assert_eq!(d.retry_after_ms, Some(1500));
        assert_eq!(d.detail, "slow down");
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
