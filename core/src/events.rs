//! Per-attempt events: what the SDK tells the host application about each HTTP attempt.
//!
//! Every attempt produces one [`AttemptEvent`]. It goes to `tracing` (target `imburse`) and to
//! an optional observer the host registers, which is how bindings feed their own logging
//! (Python's `logging`, a Node event emitter, a Kotlin listener) without re-deriving anything.
//! An event never holds a secret: no key, token or Authorization header.

use std::sync::Arc;

/// One HTTP attempt of a call, as it finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptEvent {
    /// The SDK operation, e.g. `create_order` (`authenticate` for the token exchange).
    pub operation: &'static str,
    pub method: String,
    pub path: String,
    /// 1 for the first attempt of the call.
    pub attempt: u32,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    pub elapsed_ms: u64,
    pub client_correlation_id: String,
    /// The server's correlation id, when its error body carried one.
    pub server_correlation_id: Option<String>,
    /// `ok`, or what went wrong in a few words.
    pub outcome: String,
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
        elapsed_ms = event.elapsed_ms,
        client_correlation_id = %event.client_correlation_id,
        server_correlation_id = event.server_correlation_id.as_deref(),
        outcome = %event.outcome,
        "imburse attempt"
    );
    if let Some(observer) = observer {
        observer(event);
    }
}
