//! One public error type for everything the SDK can fail at, so every
//! binding maps a single shape (a stable [`ErrorKind`] plus the server's
//! entries and correlation ids) onto its own exception classes.
//!
//! Server error bodies come in three documented shapes (classic
//! `errors[].errorCode`, problem details, and the mandates validation body);
//! [`Error::from_response`] reads all of them and survives anything else,
//! because an error path that panics or loses the status is worse than the
//! error itself.
//!
//! Inside the crate, transport code works with `InternalError`, which keeps
//! the detail the retry layer needs and converts into [`Error`] exactly once.

use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

mod body;
mod internal;
mod report;

#[cfg(test)]
use crate::retry::AttemptOutcome;
use body::{cap_raw_body, fill_template, one_line, parse_error_body, status_summary, truncate_chars};
pub(crate) use internal::InternalError;
pub use report::ErrorReport;

/// Any error from a lower layer (reqwest, I/O, JSON) kept as a source.
pub(crate) type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// The most raw response body an [`Error`] keeps, in bytes. Enough for any
/// real error document, small enough to log and to carry across an FFI.
pub const RAW_BODY_LIMIT: usize = 8 * 1024;

/// Bodies larger than this are not parsed: no documented error body comes
/// close, and parsing megabytes of garbage on an error path helps nobody.
const PARSE_LIMIT: usize = 1024 * 1024;

/// Entries kept from one response; a validation error listing thousands of
/// fields is still readable from the first hundred.
const MAX_ENTRIES: usize = 100;

/// Characters of server text shown by `Display` before it is cut.
const DISPLAY_TEXT_LIMIT: usize = 1000;

/// Characters of the raw body shown by `Debug`.
const DEBUG_BODY_LIMIT: usize = 512;

/// Every error kind, declared once: its variant, its stable identifier and its label (the
/// start of `Display`), with its doc. [`ErrorKind`] is generated from this list, and so is each
/// binding's error type where the language has one class per kind (Kotlin's sealed
/// `ImburseException`, Swift's `ImburseError`).
#[macro_export]
macro_rules! for_each_error_kind {
    ($callback:ident) => {
        $callback! {
            /// HTTP 400, and any 4xx not listed below (405, 410, 422, …); the API's "not found"
            /// and "already exists" answers are 400s.
            BadRequest => "bad_request", "Bad request";
            /// HTTP 401: the key pair or the access token was not accepted (a token still
            /// refused after one refresh).
            Unauthorized => "unauthorized", "Unauthorized";
            /// HTTP 402: the parameters were valid but the request failed.
            RequestFailed => "request_failed", "Request failed";
            /// HTTP 403: the key's role does not allow the operation, or the key may not act
            /// for the tenant.
            Forbidden => "forbidden", "Forbidden";
            /// HTTP 404.
            NotFound => "not_found", "Not found";
            /// HTTP 409.
            Conflict => "conflict", "Conflict";
            /// HTTP 429.
            RateLimited => "rate_limited", "Rate limited";
            /// HTTP 5xx.
            Server => "server", "Server error";
            /// The attempt or the whole call ran out of time.
            Timeout => "timeout", "Timed out";
            /// The connection could not be made or broke before a full response.
            Connection => "connection", "Connection failed";
            /// The server answered with something the SDK cannot use (an unexpected status, or
            /// a success body that does not decode).
            InvalidResponse => "invalid_response", "Invalid response";
            /// The SDK refused to send the request because an argument is invalid (the
            /// validation codes are the error's entries); nothing was sent.
            InvalidRequest => "invalid_request", "Invalid request";
            /// The client configuration is invalid.
            Configuration => "configuration", "Invalid configuration";
            /// The client was closed before the call started; calls already running when it
            /// was closed finish normally. Nothing was sent.
            Closed => "closed", "Client closed";
        }
    };
}

macro_rules! error_kinds {
    ($($(#[$doc:meta])* $variant:ident => $id:literal, $label:literal;)*) => {
        /// What went wrong, as a small and stable set that bindings map to their own
        /// exception classes ([`for_each_error_kind!`]). New kinds may be added, so match with
        /// a wildcard.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorKind {
            /// A stable snake_case identifier, for bindings and structured logs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorKind::$variant => $id,)*
                }
            }

            /// A short human label, used as the start of `Display`.
            fn label(self) -> &'static str {
                match self {
                    $(ErrorKind::$variant => $label,)*
                }
            }
        }
    };
}

for_each_error_kind!(error_kinds);

impl ErrorKind {
    /// The kind for an HTTP error status. Statuses that are not errors
    /// (1xx, 2xx, 3xx) or not HTTP at all map to `InvalidResponse`, because
    /// reaching the error path with them means the response was unusable.
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            400 => ErrorKind::BadRequest,
            401 => ErrorKind::Unauthorized,
            402 => ErrorKind::RequestFailed,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            409 => ErrorKind::Conflict,
            429 => ErrorKind::RateLimited,
            405..=499 => ErrorKind::BadRequest,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::InvalidResponse,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of a server error body, whichever shape it came in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "python", derive(pyo3::IntoPyObject))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ErrorEntry {
    /// The machine-readable code: `errorCode` in the classic shape, `title`
    /// in problem details and mandates bodies (e.g. `ORDER_ALREADY_EXISTS`).
    pub code: String,
    /// The server's message (`message` or `detail`); when the server left it empty, its
    /// template rendered from the metadata, so every language shows the same text.
    pub message: String,
    /// The classic shape's `messageTemplate`, with `{placeholder}`s that
    /// refer to `metadata` keys.
    pub message_template: Option<String>,
    /// The entry's metadata; non-string JSON values are kept as their JSON
    /// text so nothing the server said is lost.
    pub metadata: crate::models::Metadata,
}

impl ErrorEntry {
    /// The message, or when the server left it empty, the template with its
    /// placeholders filled from the metadata (unknown ones are left as is).
    pub fn rendered_message(&self) -> String {
        if !self.message.trim().is_empty() {
            return self.message.clone();
        }
        match &self.message_template {
            Some(template) => fill_template(template, &self.metadata),
            None => String::new(),
        }
    }
}

/// The error every public SDK call returns.
///
/// `Display` is one line: what happened, the HTTP status, the server code
/// and message, then correlation ids and the attempt count in brackets.
/// Neither `Display` nor `Debug` can show a secret: nothing here ever holds
/// the private key, a token or a request header.
#[derive(Clone)]
pub struct Error {
    // Boxed so that `Result<T, Error>` stays one pointer wide.
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    status: Option<u16>,
    errors: Vec<ErrorEntry>,
    correlation_id: Option<String>,
    client_correlation_id: Option<String>,
    attempts: u32,
    retry_after: Option<Duration>,
    message: String,
    raw_body: Option<String>,
    /// On a 403, the roles the operation's declaration says may call it.
    required_roles: &'static [&'static str],
    source: Option<Arc<dyn StdError + Send + Sync + 'static>>,
}

impl Error {
    /// An error of `kind` with a message and nothing else; for failures that
    /// have no HTTP response (configuration, validation, transport).
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                status: None,
                errors: Vec::new(),
                correlation_id: None,
                client_correlation_id: None,
                attempts: 0,
                retry_after: None,
                message: one_line(&message.into(), usize::MAX),
                raw_body: None,
                required_roles: &[],
                source: None,
            }),
        }
    }

    /// The error for an HTTP error response.
    ///
    /// `retry_after` is the already parsed `Retry-After` header, `attempts`
    /// how many attempts the call made. The body may be anything: a
    /// documented error shape is read into [`errors`](Self::errors) and the
    /// server correlation id; anything else leaves them empty. The raw body is
    /// kept in either case, capped at [`RAW_BODY_LIMIT`] bytes.
    pub fn from_response(
        status: u16,
        retry_after: Option<Duration>,
        body: &[u8],
        client_correlation_id: Option<&str>,
        attempts: u32,
    ) -> Error {
        let kind = ErrorKind::from_status(status);
        let parsed = parse_error_body(body);
        let message = parsed
            .entries
            .first()
            .map(|entry| one_line(&entry.rendered_message(), usize::MAX))
            .filter(|text| !text.is_empty())
            .unwrap_or_else(|| status_summary(status, kind).to_owned());
        Error {
            inner: Box::new(Inner {
                kind,
                status: Some(status),
                errors: parsed.entries,
                correlation_id: parsed.correlation_id,
                client_correlation_id: client_correlation_id.map(str::to_owned),
                attempts,
                retry_after,
                message,
                raw_body: (!body.is_empty()).then(|| cap_raw_body(body)),
                required_roles: &[],
                source: None,
            }),
        }
    }

    /// A refused HMAC timestamp says plainly that the machine's clock is off, by how much, and
    /// the server's and the local time, when the server's `Date` header gives its time; any 401
    /// whose server time is more than the documented five minutes away says so too.
    pub(crate) fn with_clock_check(mut self, server_date: Option<SystemTime>, now: SystemTime) -> Error {
        if self.inner.status != Some(401) {
            return self;
        }
        let refused_timestamp = self.code().is_some_and(|code| code.starts_with("HMAC_TIMESTAMP"));
        let note = match server_date.map(|server| clock_skew(server, now)) {
            Some(skew) if skew.unsigned_abs() > CLOCK_TOLERANCE_SECS => Some(format!(
                "this machine's clock is about {} {} the server's (server time {}, local time {}); HMAC \
                 timestamps must be within {} minutes of it",
                rounded(skew.unsigned_abs()),
                if skew > 0 { "behind" } else { "ahead of" },
                httpdate::fmt_http_date(server_date.unwrap_or(now)),
                httpdate::fmt_http_date(now),
                CLOCK_TOLERANCE_SECS / 60,
            )),
            _ if refused_timestamp => Some(format!(
                "check this machine's clock: HMAC timestamps must be within {} minutes of the server's",
                CLOCK_TOLERANCE_SECS / 60
            )),
            _ => None,
        };
        if let Some(note) = note {
            let message = &self.inner.message;
            self.inner.message = if message.is_empty() {
                note
            } else if message.ends_with('.') {
                // The server's sentence, then this one.
                let mut sentence = note;
                sentence[..1].make_ascii_uppercase();
                format!("{message} {sentence}.")
            } else {
                format!("{message}; {note}")
            };
        }
        self
    }

    /// The error of a call made on a closed client.
    pub fn closed() -> Error {
        Error::new(ErrorKind::Closed, "the client is closed")
    }

    /// A configuration error about `field` (the builder method's name).
    pub(crate) fn configuration(field: &str, problem: &str) -> Error {
        Error::new(ErrorKind::Configuration, format!("{field}: {problem}"))
    }

    /// Records the HTTP status of the response the error is about.
    pub(crate) fn with_status(mut self, status: u16) -> Error {
        self.inner.status = Some(status);
        self
    }

    /// Replaces the error entries (client-side validation builds its own).
    pub(crate) fn with_entries(mut self, entries: Vec<ErrorEntry>) -> Error {
        self.inner.errors = entries;
        self
    }

    /// Keeps the server correlation id of the answer this error is about, for support.
    pub(crate) fn with_correlation_id(mut self, correlation_id: Option<&str>) -> Error {
        self.inner.correlation_id = correlation_id.map(str::to_owned);
        self
    }

    /// Attaches the lower-level cause, reachable through `source()`.
    pub(crate) fn with_source(mut self, source: BoxError) -> Error {
        self.inner.source = Some(Arc::from(source));
        self
    }

    /// Records the call's client correlation id and attempt count, which the
    /// code that builds the error may not know.
    /// Notes the roles an operation requires, shown with a 403 answer.
    pub(crate) fn with_required_roles(mut self, roles: &'static [&'static str]) -> Error {
        self.inner.required_roles = roles;
        self
    }

    /// On a 403, the roles that may make this call (any one), from the operation's declaration.
    pub fn required_roles(&self) -> &'static [&'static str] {
        self.inner.required_roles
    }

    pub(crate) fn with_call_context(mut self, client_correlation_id: Option<&str>, attempts: u32) -> Error {
        if let Some(id) = client_correlation_id {
            self.inner.client_correlation_id = Some(id.to_owned());
        }
        self.inner.attempts = attempts;
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    /// The entries of the server's error body, in the server's order.
    pub fn errors(&self) -> &[ErrorEntry] {
        &self.inner.errors
    }

    /// The first entry's code, e.g. `ORDER_ALREADY_EXISTS`.
    pub fn code(&self) -> Option<&str> {
        self.inner.errors.first().map(|entry| entry.code.as_str()).filter(|code| !code.is_empty())
    }

    /// The server's correlation id (`correlationId`, or `trace.requestId`
    /// in problem details): quote it to Imburse support.
    pub fn correlation_id(&self) -> Option<&str> {
        self.inner.correlation_id.as_deref()
    }

    /// The `x-correlation-id` the SDK sent with every attempt of the call.
    pub fn client_correlation_id(&self) -> Option<&str> {
        self.inner.client_correlation_id.as_deref()
    }

    /// How many attempts the call made (0 when none was sent).
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// How long the server asked the client to wait, when it said so.
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// A one-line human message: the server's first message when it gave
    /// one, otherwise a description of the failure.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The start of the raw response body (at most [`RAW_BODY_LIMIT`] bytes,
    /// invalid UTF-8 replaced), for logging bodies the SDK could not parse.
    pub fn raw_body(&self) -> Option<&str> {
        self.inner.raw_body.as_deref()
    }

    /// The text `Display` leads with: the status' reason phrase for HTTP
    /// errors, the kind's label otherwise.
    fn summary(&self) -> &'static str {
        match self.inner.status {
            Some(status) => status_summary(status, self.inner.kind),
            None => self.inner.kind.label(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let summary = self.summary();
        f.write_str(summary)?;
        if let Some(status) = inner.status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(code) = self.code() {
            write!(f, " {}", one_line(code, DISPLAY_TEXT_LIMIT))?;
        }
        let message = one_line(&inner.message, DISPLAY_TEXT_LIMIT);
        if !message.is_empty() && message != summary {
            write!(f, ": {message}")?;
        }
        if inner.errors.len() > 1 {
            write!(f, " (and {} more)", inner.errors.len() - 1)?;
        }
        if !inner.required_roles.is_empty() {
            write!(f, " (the operation needs the role {})", inner.required_roles.join(" or "))?;
        }

        let mut context = Vec::new();
        if let Some(id) = &inner.correlation_id {
            context.push(format!("correlation id {}", one_line(id, 100)));
        }
        if let Some(id) = &inner.client_correlation_id {
            context.push(format!("client correlation id {}", one_line(id, 100)));
        }
        if inner.attempts > 1 {
            context.push(format!("{} attempts", inner.attempts));
        }
        if let Some(wait) = inner.retry_after {
            context.push(format!("retry after {}s", wait.as_secs_f64()));
        }
        if !context.is_empty() {
            write!(f, " [{}]", context.join("; "))?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    // Written by hand so the raw body is shortened and the source is shown
    // by its message only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let body_preview = inner.raw_body.as_deref().map(|body| truncate_chars(body, DEBUG_BODY_LIMIT));
        f.debug_struct("Error")
            .field("kind", &inner.kind)
            .field("status", &inner.status)
            .field("message", &inner.message)
            .field("errors", &inner.errors)
            .field("correlation_id", &inner.correlation_id)
            .field("client_correlation_id", &inner.client_correlation_id)
            .field("attempts", &inner.attempts)
            .field("retry_after", &inner.retry_after)
            .field("raw_body", &body_preview)
            .field("source", &inner.source.as_ref().map(|s| s.to_string()))
            .finish()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner.source.as_deref().map(|source| source as &(dyn StdError + 'static))
    }
}

/// How far the server's and the local clock may differ before a signature is refused (the
/// reference: requests "older than 5 minutes" are rejected).
const CLOCK_TOLERANCE_SECS: u64 = 300;

/// The server's time minus the local time, in whole seconds (positive: the local clock is
/// behind).
fn clock_skew(server: SystemTime, local: SystemTime) -> i64 {
    match server.duration_since(local) {
        Ok(ahead) => i64::try_from(ahead.as_secs()).unwrap_or(i64::MAX),
        Err(behind) => -i64::try_from(behind.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// A skew in words, to the minute above an hour's tenth: `10 minutes`, `2 hours 5 minutes`.
fn rounded(seconds: u64) -> String {
    let minutes = (seconds + 30) / 60;
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match (minutes / 60, minutes % 60) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    const CLIENT_ID: &str = "7d3f0c52-63a4-4a8e-9b0e-2f8f4d1f5c11";

    fn response(status: u16, body: &str) -> Error {
        Error::from_response(status, None, body.as_bytes(), Some(CLIENT_ID), 1)
    }

    #[test]
    fn status_maps_to_kind() {
        let table: &[(u16, ErrorKind)] = &[
            (400, ErrorKind::BadRequest),
            (401, ErrorKind::Unauthorized),
            (402, ErrorKind::RequestFailed),
            (403, ErrorKind::Forbidden),
            (404, ErrorKind::NotFound),
            (405, ErrorKind::BadRequest),
            (408, ErrorKind::BadRequest),
            (409, ErrorKind::Conflict),
            (410, ErrorKind::BadRequest),
            (422, ErrorKind::BadRequest),
            (429, ErrorKind::RateLimited),
            (451, ErrorKind::BadRequest),
            (499, ErrorKind::BadRequest),
            (500, ErrorKind::Server),
            (501, ErrorKind::Server),
            (502, ErrorKind::Server),
            (503, ErrorKind::Server),
            (504, ErrorKind::Server),
            (599, ErrorKind::Server),
            (0, ErrorKind::InvalidResponse),
            (100, ErrorKind::InvalidResponse),
            (200, ErrorKind::InvalidResponse),
            (204, ErrorKind::InvalidResponse),
            (302, ErrorKind::InvalidResponse),
            (600, ErrorKind::InvalidResponse),
            (u16::MAX, ErrorKind::InvalidResponse),
        ];
        for &(status, kind) in table {
            assert_eq!(ErrorKind::from_status(status), kind, "status {status}");
            let error = Error::from_response(status, None, b"", None, 1);
            assert_eq!(error.kind(), kind, "from_response status {status}");
            assert_eq!(error.status(), Some(status));
        }
    }

    #[test]
    fn kind_identifiers_are_stable() {
        let table: &[(ErrorKind, &str)] = &[
            (ErrorKind::BadRequest, "bad_request"),
            (ErrorKind::Unauthorized, "unauthorized"),
            (ErrorKind::RequestFailed, "request_failed"),
            (ErrorKind::Forbidden, "forbidden"),
            (ErrorKind::NotFound, "not_found"),
            (ErrorKind::Conflict, "conflict"),
            (ErrorKind::RateLimited, "rate_limited"),
            (ErrorKind::Server, "server"),
            (ErrorKind::Timeout, "timeout"),
            (ErrorKind::Connection, "connection"),
            (ErrorKind::InvalidResponse, "invalid_response"),
            (ErrorKind::InvalidRequest, "invalid_request"),
            (ErrorKind::Configuration, "configuration"),
            (ErrorKind::Closed, "closed"),
        ];
        for &(kind, text) in table {
            assert_eq!(kind.as_str(), text);
            assert_eq!(kind.to_string(), text);
        }
    }

    #[test]
    fn parses_the_classic_shape() {
        let body = r#"{"timestamp": 1569248349, "correlationId": "0HLPSRAQ7S0I6:00000002",
            "errors": [{"errorCode": "TENANT_ID_IS_REQUIRED", "message": "The tenant id is required.",
                        "messageTemplate": "Please reference {correlationId} when contacting support.",
                        "metadata": {"correlationId": "abc", "count": 3, "flag": true, "none": null,
                                     "nested": {"a": [1, 2]}}}]}"#;
        let error = response(400, body);
        assert_eq!(error.kind(), ErrorKind::BadRequest);
        assert_eq!(error.code(), Some("TENANT_ID_IS_REQUIRED"));
        assert_eq!(error.correlation_id(), Some("0HLPSRAQ7S0I6:00000002"));
        assert_eq!(error.client_correlation_id(), Some(CLIENT_ID));
        assert_eq!(error.message(), "The tenant id is required.");
        let entry = &error.errors()[0];
        assert_eq!(
            entry.message_template.as_deref(),
            Some("Please reference {correlationId} when contacting support.")
        );
        assert_eq!(entry.metadata["correlationId"], "abc");
        assert_eq!(entry.metadata["count"], "3");
        assert_eq!(entry.metadata["flag"], "true");
        assert_eq!(entry.metadata["none"], "null");
        assert_eq!(entry.metadata["nested"], r#"{"a":[1,2]}"#);
        assert_eq!(error.raw_body(), Some(body));
    }

    #[test]
    fn classic_entry_without_message_renders_its_template() {
        let body = r#"{"correlationId": "0HLPSRAQ7S0I6:00000003",
            "errors": [{"errorCode": "METADATA_KEY_SIZE_OUT_OF_RANGE", "message": "",
                        "messageTemplate": "Metadata key {key} must not exceed {maxKeySize} in length.",
                        "metadata": {"key": "colour", "maxKeySize": 100}},
                       {"errorCode": "AMOUNT_OUT_OF_RANGE", "message": "Amount must be > 0"}]}"#;
        let error = response(400, body);
        assert_eq!(error.errors().len(), 2);
        assert_eq!(error.code(), Some("METADATA_KEY_SIZE_OUT_OF_RANGE"));
        assert_eq!(error.message(), "Metadata key colour must not exceed 100 in length.");
        assert_eq!(error.errors()[1].code, "AMOUNT_OUT_OF_RANGE");
    }

    #[test]
    fn parses_the_problem_details_shape() {
        let body = r#"{"status": 401, "title": "Unauthorized", "detail": "Invalid token",
            "instance": "/v1/customer-vault/customer1/international-bank-account/",
            "trace": {"timestamp": "2023-01-31T23:56:21Z", "requestId": "4487062e-0c2b-4d7b-9d43-1a0c7a2f9b11"}}"#;
        let error = response(401, body);
        assert_eq!(error.kind(), ErrorKind::Unauthorized);
        assert_eq!(error.errors().len(), 1);
        assert_eq!(error.code(), Some("Unauthorized"));
        assert_eq!(error.message(), "Invalid token");
        assert_eq!(error.correlation_id(), Some("4487062e-0c2b-4d7b-9d43-1a0c7a2f9b11"));
        assert_eq!(error.errors()[0].message_template, None);
        assert!(error.errors()[0].metadata.is_empty());
    }

    #[test]
    fn parses_the_mandates_shape() {
        let body = r#"{"title": "BAD_REQUEST", "detail": "See validation errors.",
            "timestamp": "2021-01-30T08:30:00Z", "correlationId": "0HMB2TA322CA7:00000001",
            "status": 400, "traceId": "0HMB2TA322CA7:00000009",
            "errors": [{"title": "REQUIRED_ATTRIBUTE", "detail": "The attribute CreditorProfileRef is required",
                        "metadata": {"PropertyName": "CreditorProfileRef", "AttemptedValue": "null",
                                     "ErrorMessage": "required"}}]}"#;
        let error = response(400, body);
        assert_eq!(error.code(), Some("REQUIRED_ATTRIBUTE"));
        assert_eq!(error.message(), "The attribute CreditorProfileRef is required");
        assert_eq!(error.correlation_id(), Some("0HMB2TA322CA7:00000001"));
        assert_eq!(error.errors()[0].metadata["PropertyName"], "CreditorProfileRef");
    }

    #[test]
    fn mandates_shape_without_entries_falls_back_to_title_and_trace_id() {
        let body = r#"{"title": "BAD_REQUEST", "detail": "See validation errors.",
            "status": 400, "traceId": "0HMB2TA322CA7:00000009", "errors": []}"#;
        let error = response(400, body);
        assert_eq!(error.code(), Some("BAD_REQUEST"));
        assert_eq!(error.message(), "See validation errors.");
        assert_eq!(error.correlation_id(), Some("0HMB2TA322CA7:00000009"));
    }

    /// Every unusable body gives the status' kind, no entries, and the raw
    /// body (capped) without panicking.
    #[test]
    fn survives_garbage_bodies() {
        let cases: &[(&str, &[u8])] = &[
            ("empty", b""),
            ("whitespace", b"  \n\t "),
            ("html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
            ("truncated json", br#"{"errors": [{"errorCode": "ORDER_ALR"#),
            ("json array", br#"[{"errorCode": "X"}]"#),
            ("json number", b"42"),
            ("json string", br#""Service Unavailable""#),
            ("json null", b"null"),
            ("json true", b"true"),
            ("empty object", b"{}"),
            ("errors is a string", br#"{"errors": "ORDER_ALREADY_EXISTS"}"#),
            ("errors is an object", br#"{"errors": {"orderRef": ["required"]}}"#),
            ("errors of scalars", br#"{"errors": [1, "two", null, true, []]}"#),
            ("errors of empty objects", br#"{"errors": [{}, {}]}"#),
            (
                "wrong field types",
                br#"{"correlationId": 7, "trace": "x", "traceId": [],
                     "title": 3, "detail": {"a": 1},
                     "errors": [{"errorCode": 5, "message": [], "metadata": [1, 2],
                                 "messageTemplate": false}]}"#,
            ),
            ("invalid utf-8", b"\xff\xfe\x00{\"errors\":\xc3\x28}"),
            ("invalid utf-8 inside a json string", b"{\"errors\":[{\"errorCode\":\"A\xffB\"}]}"),
            ("deep nesting", &[b'['; 100_000]),
            ("nul bytes", b"\0\0\0\0"),
        ];
        for &(name, body) in cases {
            let error = Error::from_response(503, None, body, None, 3);
            assert_eq!(error.kind(), ErrorKind::Server, "{name}");
            assert_eq!(error.status(), Some(503), "{name}");
            assert!(error.errors().is_empty(), "{name}: {:?}", error.errors());
            assert_eq!(error.code(), None, "{name}");
            assert_eq!(error.correlation_id(), None, "{name}");
            assert_eq!(error.message(), "Service Unavailable", "{name}");
            assert_eq!(error.attempts(), 3, "{name}");
            if body.is_empty() {
                assert_eq!(error.raw_body(), None, "{name}");
            } else {
                let raw = error.raw_body().expect(name);
                assert!(raw.len() <= RAW_BODY_LIMIT, "{name}");
            }
            assert!(!error.to_string().contains('\n'), "{name}");
        }
    }

    #[test]
    fn survives_twenty_megabytes_of_garbage() {
        let body: Vec<u8> = (0..20 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let error = Error::from_response(500, None, &body, None, 1);
        assert_eq!(error.kind(), ErrorKind::Server);
        assert!(error.errors().is_empty());
        let raw = error.raw_body().expect("raw body kept");
        assert!(raw.len() <= RAW_BODY_LIMIT);
        assert!(!raw.is_empty());
    }

    #[test]
    fn a_huge_but_valid_error_document_is_not_parsed() {
        let padding = "x".repeat(PARSE_LIMIT);
        let body = format!(r#"{{"errors": [{{"errorCode": "BIG", "message": "{padding}"}}]}}"#);
        let error = response(400, &body);
        assert!(error.errors().is_empty());
        assert_eq!(error.raw_body().map(str::len), Some(RAW_BODY_LIMIT));
    }

    #[test]
    fn raw_body_is_capped_at_a_character_boundary() {
        // 'é' is two bytes; an odd limit offset forces a cut mid-character.
        let body = format!("x{}", "é".repeat(RAW_BODY_LIMIT));
        let error = response(500, &body);
        let raw = error.raw_body().expect("raw body kept");
        assert!(raw.len() <= RAW_BODY_LIMIT);
        assert!(raw.len() >= RAW_BODY_LIMIT - 3);
        assert!(raw.starts_with("xé"));
        assert!(!raw.contains('\u{FFFD}'));

        // Four-byte characters at every alignment.
        for prefix in 0..4 {
            let body = format!("{}{}", "a".repeat(prefix), "😀".repeat(RAW_BODY_LIMIT));
            let raw = cap_raw_body(body.as_bytes());
            assert!(raw.len() <= RAW_BODY_LIMIT && raw.len() > RAW_BODY_LIMIT - 4);
            assert!(!raw.contains('\u{FFFD}'), "prefix {prefix}");
        }
    }

    #[test]
    fn raw_body_replaces_invalid_utf8_and_stays_capped() {
        let body = vec![0xFFu8; RAW_BODY_LIMIT * 2];
        let raw = cap_raw_body(&body);
        assert!(raw.len() <= RAW_BODY_LIMIT);
        assert!(raw.chars().all(|c| c == '\u{FFFD}'));

        let raw = cap_raw_body(b"ok\xffok");
        assert_eq!(raw, "ok\u{FFFD}ok");
    }

    #[test]
    fn rendered_message_prefers_the_message() {
        let mut entry = ErrorEntry {
            code: "C".into(),
            message: "plain".into(),
            message_template: Some("templated {a}".into()),
            metadata: BTreeMap::from([("a".to_owned(), "1".to_owned())]),
        };
        assert_eq!(entry.rendered_message(), "plain");
        entry.message = "   ".into();
        assert_eq!(entry.rendered_message(), "templated 1");
        entry.message_template = None;
        assert_eq!(entry.rendered_message(), "");
    }

    #[test]
    fn templates_fill_known_placeholders_only() {
        let metadata =
            BTreeMap::from([("key".to_owned(), "colour".to_owned()), ("MaxKeySize".to_owned(), "100".to_owned())]);
        let cases = [
            ("{key} is too long", "colour is too long"),
            ("max {maxKeySize}", "max 100"),
            ("{unknown} stays", "{unknown} stays"),
            ("{} empty", "{} empty"),
            ("open { brace", "open { brace"),
            ("nested {{key}}", "nested {colour}"),
            ("trailing {key", "trailing {key"),
            ("close } only", "close } only"),
            ("{key}{key}", "colourcolour"),
            ("ünïcödé {key} ✓", "ünïcödé colour ✓"),
            ("", ""),
        ];
        for (template, expected) in cases {
            assert_eq!(fill_template(template, &metadata), expected, "{template}");
        }
    }

    #[test]
    fn display_is_one_readable_line() {
        let body = r#"{"correlationId": "0HLPSRAQ7S0I6:00000002",
            "errors": [{"errorCode": "SERVICE_UNAVAILABLE",
                        "message": "The service is\r\ndown for\n\n maintenance.\t"}]}"#;
        let error = Error::from_response(503, None, body.as_bytes(), Some(CLIENT_ID), 3);
        assert_eq!(
            error.to_string(),
            format!(
                "Service Unavailable (HTTP 503) SERVICE_UNAVAILABLE: The service is down for maintenance. \
                 [correlation id 0HLPSRAQ7S0I6:00000002; client correlation id {CLIENT_ID}; 3 attempts]"
            )
        );
    }

    #[test]
    fn display_variants() {
        let cases: Vec<(Error, &str)> = vec![
            (Error::from_response(404, None, b"", None, 1), "Not Found (HTTP 404)"),
            (
                Error::from_response(429, Some(Duration::from_secs(30)), b"<html>", None, 2),
                "Too Many Requests (HTTP 429) [2 attempts; retry after 30s]",
            ),
            (
                response(
                    400,
                    r#"{"errors":[{"errorCode":"A","message":"first"},{"errorCode":"B","message":"second"}]}"#,
                ),
                "Bad Request (HTTP 400) A: first (and 1 more) [client correlation id 7d3f0c52-63a4-4a8e-9b0e-2f8f4d1f5c11]",
            ),
            (
                Error::from_response(599, None, br#"{"errors":[{"errorCode":"ONLY_CODE"}]}"#, None, 1),
                "Server error (HTTP 599) ONLY_CODE",
            ),
            (
                Error::new(ErrorKind::InvalidRequest, "order_ref: must not be empty"),
                "Invalid request: order_ref: must not be empty",
            ),
            (Error::configuration("account_id", "must be a UUID"), "Invalid configuration: account_id: must be a UUID"),
        ];
        for (error, expected) in cases {
            assert_eq!(error.to_string(), expected);
        }
    }

    #[test]
    fn display_cuts_long_and_multiline_server_text() {
        let long = "line\n".repeat(10_000);
        let body = serde_json::json!({
            "correlationId": "id\nwith\nnewlines",
            "errors": [{"errorCode": "CODE\r\nSPLIT", "message": long}],
        })
        .to_string();
        let text = response(500, &body).to_string();
        assert!(!text.contains(['\n', '\r']));
        assert!(text.len() < 3 * DISPLAY_TEXT_LIMIT + 200, "{}", text.len());
        assert!(text.contains("CODE SPLIT"));
        assert!(text.contains("correlation id id with newlines"));
    }

    #[test]
    fn one_line_collapses_whitespace_and_controls() {
        assert_eq!(one_line("  a\r\n\tb\u{0}c \u{2028} d  ", 100), "a b c d");
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(one_line("", 3), "");
    }

    #[test]
    fn debug_is_hand_written_and_bounded() {
        let body = "z".repeat(RAW_BODY_LIMIT);
        let error = response(500, &body);
        let debug = format!("{error:?}");
        assert!(debug.starts_with("Error {"));
        assert!(debug.contains("kind: Server"));
        assert!(debug.len() < DEBUG_BODY_LIMIT + 1000);
    }

    #[test]
    fn internal_errors_convert_to_public_kinds() {
        let io = || -> BoxError { Box::new(std::io::Error::other("socket closed")) };
        let cases: Vec<(InternalError, ErrorKind, bool)> = vec![
            (InternalError::Connect(io()), ErrorKind::Connection, true),
            (InternalError::StaleConnection(io()), ErrorKind::Connection, true),
            (InternalError::BodyRead(io()), ErrorKind::Connection, true),
            (InternalError::Io(io()), ErrorKind::Connection, true),
            (InternalError::AttemptTimeout(Duration::from_secs(30)), ErrorKind::Timeout, false),
            (InternalError::CallTimeout(Duration::from_secs(60)), ErrorKind::Timeout, false),
            (
                InternalError::InvalidResponse {
                    status: Some(200),
                    message: "the token response has no accessToken".into(),
                    source: None,
                },
                ErrorKind::InvalidResponse,
                false,
            ),
            (InternalError::InvalidRequest("order_ref: must not be empty".into()), ErrorKind::InvalidRequest, false),
            (
                InternalError::Status {
                    status: 409,
                    retry_after: None,
                    server_date: None,
                    body: br#"{"errors":[{"errorCode":"ORDER_ALREADY_EXISTS"}]}"#.to_vec(),
                },
                ErrorKind::Conflict,
                false,
            ),
        ];
        for (internal, kind, has_source) in cases {
            let description = internal.to_string();
            let error = internal.into_public(Some(CLIENT_ID), 2);
            assert_eq!(error.kind(), kind, "{description}");
            assert_eq!(error.attempts(), 2, "{description}");
            assert_eq!(error.client_correlation_id(), Some(CLIENT_ID));
            assert_eq!(error.source().is_some(), has_source, "{description}");
            if has_source {
                assert_eq!(error.source().map(|s| s.to_string()).as_deref(), Some("socket closed"));
            }
        }
    }

    #[test]
    fn status_errors_keep_the_parsed_body() {
        let internal = InternalError::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(2)),
            server_date: None,
            body: br#"{"errors":[{"errorCode":"TOO_MANY"}],"correlationId":"0H:1"}"#.to_vec(),
        };
        let error = Error::from(internal);
        assert_eq!(error.kind(), ErrorKind::RateLimited);
        assert_eq!(error.code(), Some("TOO_MANY"));
        assert_eq!(error.correlation_id(), Some("0H:1"));
        assert_eq!(error.retry_after(), Some(Duration::from_secs(2)));
        assert_eq!(error.attempts(), 0);
    }

    #[test]
    fn internal_errors_report_their_attempt_outcome() {
        let io = || -> BoxError { Box::new(std::io::Error::other("x")) };
        let cases: Vec<(InternalError, Option<AttemptOutcome>)> = vec![
            (InternalError::Connect(io()), Some(AttemptOutcome::ConnectFailed)),
            (InternalError::StaleConnection(io()), Some(AttemptOutcome::StaleConnectionReset)),
            (InternalError::AttemptTimeout(Duration::from_secs(1)), Some(AttemptOutcome::AttemptTimedOut)),
            (InternalError::BodyRead(io()), Some(AttemptOutcome::BodyReadFailed)),
            (InternalError::Io(io()), Some(AttemptOutcome::OtherIo)),
            (
                InternalError::Status {
                    status: 503,
                    retry_after: Some(Duration::from_secs(1)),
                    server_date: None,
                    body: Vec::new(),
                },
                Some(AttemptOutcome::Response { status: 503, retry_after: Some(Duration::from_secs(1)) }),
            ),
            (InternalError::CallTimeout(Duration::from_secs(60)), None),
            (InternalError::InvalidRequest("bad".into()), None),
            (InternalError::InvalidResponse { status: None, message: "bad".into(), source: None }, None),
        ];
        for (internal, expected) in cases {
            assert_eq!(internal.attempt_outcome(), expected, "{internal}");
        }
    }

    #[test]
    fn error_is_small_and_thread_safe() {
        fn assert_traits<T: Send + Sync + Clone + 'static + StdError>() {}
        assert_traits::<Error>();
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn a_refused_hmac_timestamp_says_how_far_the_clock_is_off() {
        let body = br#"{"errors":[{"errorCode":"HMAC_TIMESTAMP_OUT_OF_RANGE","message":"The HMAC timestamp is too far away."}]}"#;
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_796_117_445);
        let cases: [(Option<SystemTime>, &str); 3] = [
            (
                Some(now + Duration::from_secs(602)),
                "This machine's clock is about 10 minutes behind the server's (server time Tue, 01 Dec 2026 09:40:47 GMT, local time Tue, 01 Dec 2026 09:30:45 GMT)",
            ),
            (Some(now - Duration::from_secs(7_500)), "about 2 hours 5 minutes ahead of the server's"),
            (None, "Check this machine's clock: HMAC timestamps must be within 5 minutes of the server's"),
        ];
        for (server, expected) in cases {
            let error = Error::from_response(401, None, body, None, 1).with_clock_check(server, now);
            let text = error.to_string();
            assert!(text.contains(expected), "{text}");
            assert!(text.contains("The HMAC timestamp is too far away."), "the server's words stay: {text}");
        }
        // A close clock adds nothing to an unrelated 401; a far one says so on any 401.
        let other = br#"{"errors":[{"errorCode":"ACCESS_TOKEN_INVALID","message":"no"}]}"#;
        let near =
            Error::from_response(401, None, other, None, 1).with_clock_check(Some(now + Duration::from_secs(20)), now);
        assert_eq!(near.message(), "no");
        let far =
            Error::from_response(401, None, other, None, 1).with_clock_check(Some(now + Duration::from_secs(900)), now);
        assert!(far.message().contains("15 minutes behind"), "{}", far.message());
        let forbidden = Error::from_response(403, None, body, None, 1).with_clock_check(None, now);
        assert!(!forbidden.message().contains("clock"));
    }
}
