//! The core's one error report as a sealed hierarchy: `ImburseException.BadRequest`,
//! `.Timeout`, … in Kotlin, `ImburseError.badRequest(…)` in Swift.
//!
//! Every variant carries the core's [`imburse::ErrorReport`] itself (a uniffi record in the
//! core, package `com.imburse.core`); the only decision made here is which variant a kind
//! becomes. The exception's `message` is the report's one-line `text` (the build points the
//! generated `message` at it, see `scripts/patch-generated.py`). Nothing in it can hold a secret.

use imburse::ErrorReport;

/// Declares the error enum with one variant per kind, each carrying the core's report.
macro_rules! imburse_error {
    ($($(#[$doc:meta])* $variant:ident,)*) => {
        /// Why a call failed. Kotlin: `sealed class ImburseException`; catch a variant for one
        /// case, or the base class and read `details()`.
        #[derive(uniffi::Error, Clone, Debug, PartialEq)]
        pub enum ImburseError {
            $(
                $(#[$doc])*
                $variant { report: ErrorReport },
            )*
        }

        impl ImburseError {
            fn of(variant: Variant, report: ErrorReport) -> ImburseError {
                match variant {
                    $(Variant::$variant => ImburseError::$variant { report },)*
                }
            }

            fn report(&self) -> &ErrorReport {
                match self {
                    $(ImburseError::$variant { report } => report,)*
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
    /// The report of whichever variant this is.
    pub fn details(&self) -> ErrorReport {
        self.report().clone()
    }
}

impl std::fmt::Display for ImburseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.report().text)
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
        ImburseError::of(variant, error.report())
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
        assert_eq!(d.retry_after, Some(imburse::Interval(Duration::from_millis(1500))));
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
        assert!(matches!(&timeout, ImburseError::Timeout { .. }));
        assert_eq!((timeout.details().status, timeout.details().attempts), (None, 0));
    }
}
