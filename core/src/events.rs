//! Per-attempt events: what the SDK tells the host application about each HTTP attempt.
//!
//! Every attempt produces one [`AttemptEvent`]. It goes to `tracing` (target `imburse`) and to
//! an optional observer the host registers, which is how bindings feed their own logging
//! (Python's `logging`, a Node event emitter, a Kotlin listener) without re-deriving anything.
//! An event never holds a secret: no key, token or Authorization header.

use std::sync::Arc;

use crate::foreign::Interval;
use crate::retry::AttemptOutcome;

/// How one attempt ended, from a fixed set every language shares (`as_str` is the text each
/// binding shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttemptOutcomeKind {
    /// A 2xx answer.
    Ok,
    /// An error status (the event's `status` says which).
    HttpError,
    /// The connection could not be made; nothing was sent.
    ConnectFailed,
    /// The connection closed before any answer.
    ConnectionClosed,
    /// No complete answer within the attempt's time.
    TimedOut,
    /// The status arrived, the body was cut off.
    BodyIncomplete,
    /// Another network failure.
    NetworkError,
    /// An answer the SDK cannot use (e.g. a body over the size limit).
    InvalidResponse,
}

impl AttemptOutcomeKind {
    /// Every kind, in a stable order (for documentation and tests).
    pub const ALL: [AttemptOutcomeKind; 8] = [
        AttemptOutcomeKind::Ok,
        AttemptOutcomeKind::HttpError,
        AttemptOutcomeKind::ConnectFailed,
        AttemptOutcomeKind::ConnectionClosed,
        AttemptOutcomeKind::TimedOut,
        AttemptOutcomeKind::BodyIncomplete,
        AttemptOutcomeKind::NetworkError,
        AttemptOutcomeKind::InvalidResponse,
    ];

    /// The outcome's name in every language: `ok`, `http_error`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptOutcomeKind::Ok => "ok",
            AttemptOutcomeKind::HttpError => "http_error",
            AttemptOutcomeKind::ConnectFailed => "connect_failed",
            AttemptOutcomeKind::ConnectionClosed => "connection_closed",
            AttemptOutcomeKind::TimedOut => "timed_out",
            AttemptOutcomeKind::BodyIncomplete => "body_incomplete",
            AttemptOutcomeKind::NetworkError => "network_error",
            AttemptOutcomeKind::InvalidResponse => "invalid_response",
        }
    }

    /// The kind of a failed attempt the retry layer classified.
    pub(crate) fn of(outcome: &AttemptOutcome) -> AttemptOutcomeKind {
        match outcome {
            AttemptOutcome::Response { .. } => AttemptOutcomeKind::HttpError,
            AttemptOutcome::ConnectFailed => AttemptOutcomeKind::ConnectFailed,
            AttemptOutcome::StaleConnectionReset => AttemptOutcomeKind::ConnectionClosed,
            AttemptOutcome::AttemptTimedOut => AttemptOutcomeKind::TimedOut,
            AttemptOutcome::BodyReadFailed => AttemptOutcomeKind::BodyIncomplete,
            AttemptOutcome::OtherIo => AttemptOutcomeKind::NetworkError,
        }
    }
}

/// One HTTP attempt of a call, as it finished. Every binding shows it as it is (Python as a
/// `logging` record, Node as an `'attempt'` event, Kotlin through `AttemptListener`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "python", derive(pyo3::IntoPyObject))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AttemptEvent {
    /// The SDK operation as the language names its method: `create_order` in Rust and Python,
    /// `createOrder` in JavaScript and Kotlin (`authenticate` for the token exchange).
    pub operation: String,
    /// The HTTP method, e.g. `POST`.
    pub method: String,
    /// The request path, without the host and query, e.g. `/v1/order-management/O-1`.
    pub path: String,
    /// 1 for the first attempt of the call. (Figures every language receives are `i32`, the
    /// integer Java and Kotlin callers have.)
    pub attempt: i32,
    /// The HTTP status, when a response arrived.
    pub status: Option<i32>,
    /// How long the attempt took.
    #[cfg_attr(feature = "napi", napi(js_name = "elapsedMs", ts_type = "number"))]
    pub elapsed: Interval,
    /// The `X-Correlation-ID` the SDK sent (the same on every attempt of a call).
    pub client_correlation_id: String,
    /// The server's correlation id, when its error body carried one.
    pub server_correlation_id: Option<String>,
    /// How the attempt ended: `ok`, `http_error`, `connect_failed`, `connection_closed`,
    /// `timed_out`, `body_incomplete`, `network_error` or `invalid_response`.
    #[cfg_attr(
        feature = "napi",
        napi(
            ts_type = "'ok' | 'http_error' | 'connect_failed' | 'connection_closed' | 'timed_out' | 'body_incomplete' | 'network_error' | 'invalid_response'"
        )
    )]
    pub outcome: String,
    /// `ok`, or what went wrong in a few words.
    pub detail: String,
}

/// Receives every attempt event of a client. Called on the SDK's task: keep it quick.
pub type AttemptObserver = Arc<dyn Fn(&AttemptEvent) + Send + Sync>;

pub(crate) fn emit(event: &AttemptEvent, observer: Option<&AttemptObserver>) {
    tracing::info!(
        target: "imburse",
        operation = event.operation,
        method = %event.method,
        path = %event.path,
        attempt = event.attempt,
        status = event.status,
        elapsed_ms = event.elapsed.as_duration().as_millis() as u64,
        client_correlation_id = %event.client_correlation_id,
        server_correlation_id = event.server_correlation_id.as_deref(),
        outcome = event.outcome,
        detail = %event.detail,
        "imburse attempt"
    );
    if let Some(observer) = observer {
        observer(event);
    }
}
