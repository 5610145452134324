//! The core's one error report as a sealed hierarchy: `ImburseException.BadRequest`,
//! `.Timeout`, … in Kotlin, `ImburseError.badRequest(…)` in Swift.
//!
//! The variants are the core's error kinds (`imburse::for_each_error_kind!`), each carrying the
//! core's [`imburse::ErrorReport`] itself (a uniffi record in the core, package
//! `com.imburse.core`). The exception's `message` is the report's one-line `text` (the build
//! points the generated `message` at it, see `scripts/patch-generated.py`). Nothing in it can
//! hold a secret.

use imburse::ErrorReport;

/// Declares the error enum with one variant per kind of the core's list
/// (`imburse::for_each_error_kind!`, docs included), each carrying the core's report, and
/// `Other` for a kind added to the core after this binding was built.
macro_rules! imburse_error {
    ($($(#[$doc:meta])* $variant:ident => $id:literal, $label:literal;)*) => {
        /// Why a call failed. Kotlin: `sealed class ImburseException`; catch a variant for one
        /// case, or the base class and read `details()`.
        #[derive(uniffi::Error, Clone, Debug, PartialEq)]
        pub enum ImburseError {
            $(
                $(#[$doc])*
                $variant { report: ErrorReport },
            )*
            /// A kind this build of the binding does not know yet (`report.kind` names it).
            Other { report: ErrorReport },
        }

        impl ImburseError {
            fn report(&self) -> &ErrorReport {
                match self {
                    $(ImburseError::$variant { report } => report,)*
                    ImburseError::Other { report } => report,
                }
            }
        }

        impl From<imburse::Error> for ImburseError {
            fn from(error: imburse::Error) -> ImburseError {
                let report = error.report();
                match error.kind() {
                    $(imburse::ErrorKind::$variant => ImburseError::$variant { report },)*
                    _ => ImburseError::Other { report },
                }
            }
        }
    };
}

imburse::for_each_error_kind!(imburse_error);

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
