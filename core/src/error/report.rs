//! The one error contract at the language boundary: every binding receives the same
//! [`ErrorReport`] for a failed call and only chooses its exception class from `kind`.
//!
//! Everything a user sees of an error is decided here: the one-line text, the entries with
//! their rendered messages, both correlation ids, the attempts, the `Retry-After` (an
//! [`Interval`], which each language shows in its own unit) and the start of an unparsed
//! body. Nothing in it can hold a secret: the core's error never holds a key, a token or a
//! header.

use super::{Error, ErrorEntry};
use crate::foreign::{Interval, host_int};

/// A failed call, as every language reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "python", derive(pyo3::IntoPyObject))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ErrorReport {
    /// The core's stable kind: `bad_request`, `unauthorized`, …, `configuration`, `closed`.
    pub kind: String,
    /// One line: what happened, the status, the server's code and message, the correlation
    /// ids and attempts. The exception's message in every language.
    pub text: String,
    /// The server's first message, or a description of the failure.
    pub detail: String,
    /// The HTTP status of the response the error is about. (Figures every language receives
    /// are `i32`, the integer Java and Kotlin callers have.)
    pub status: Option<i32>,
    /// The first entry's code, e.g. `ORDER_ALREADY_EXISTS`.
    pub code: Option<String>,
    /// Every entry of the error body, in the server's order, messages rendered.
    pub errors: Vec<ErrorEntry>,
    /// The server's correlation id: quote it to Imburse support.
    pub correlation_id: Option<String>,
    /// The `X-Correlation-ID` the SDK sent on every attempt of the call.
    pub client_correlation_id: Option<String>,
    /// Attempts made (0 when nothing was sent).
    pub attempts: i32,
    /// How long the server asked the client to wait.
    #[cfg_attr(feature = "napi", napi(js_name = "retryAfterMs", ts_type = "number | null"))]
    pub retry_after: Option<Interval>,
    /// The start of the response body (at most 8 KiB), for logging bodies the SDK could not parse.
    pub raw_body: Option<String>,
}

impl From<&Error> for ErrorReport {
    fn from(error: &Error) -> Self {
        ErrorReport {
            kind: error.kind().as_str().to_string(),
            text: error.to_string(),
            detail: error.message().to_string(),
            status: error.status().map(i32::from),
            code: error.code().map(str::to_string),
            errors: error.errors().to_vec(),
            correlation_id: error.correlation_id().map(str::to_string),
            client_correlation_id: error.client_correlation_id().map(str::to_string),
            attempts: host_int(error.attempts()),
            retry_after: error.retry_after().map(Interval::from),
            raw_body: error.raw_body().map(str::to_string),
        }
    }
}

impl Error {
    /// What every binding shows of this error.
    pub fn report(&self) -> ErrorReport {
        ErrorReport::from(self)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn the_report_carries_every_field_with_messages_rendered() {
        let body = br#"{"correlationId":"0HLPSRAQ7S0I6:00000002","errors":[
            {"errorCode":"TOO_MANY","message":"","messageTemplate":"slow {who}","metadata":{"who":"down"}},
            {"errorCode":"SECOND","message":"plain"}]}"#;
        let error = Error::from_response(429, Some(Duration::from_millis(1500)), body, Some("call-1"), 2);
        let report = error.report();
        assert_eq!(report.kind, "rate_limited");
        assert_eq!(report.text, error.to_string());
        assert_eq!(report.detail, "slow down");
        assert_eq!(report.status, Some(429));
        assert_eq!(report.code.as_deref(), Some("TOO_MANY"));
        let messages: Vec<_> = report.errors.iter().map(|e| (e.code.as_str(), e.message.as_str())).collect();
        assert_eq!(messages, [("TOO_MANY", "slow down"), ("SECOND", "plain")]);
        assert_eq!(report.errors[0].message_template.as_deref(), Some("slow {who}"));
        assert_eq!(report.correlation_id.as_deref(), Some("0HLPSRAQ7S0I6:00000002"));
        assert_eq!(report.client_correlation_id.as_deref(), Some("call-1"));
        assert_eq!(report.attempts, 2);
        assert_eq!(report.retry_after, Some(Interval(Duration::from_millis(1500))));
        assert!(report.raw_body.as_deref().unwrap().contains("TOO_MANY"));
    }
}
