//! Per-attempt events handed to a listener the app implements in Kotlin or Swift, so the core's
//! one event per HTTP attempt can feed the app's own logging.
//!
//! A listener that throws must not break the call it observes: its exception arrives here as a
//! [`ListenerError`] and is dropped with the event.

use std::sync::Arc;

/// The core's event, a uniffi record in the core (`com.imburse.core.AttemptEvent`).
pub use imburse::AttemptEvent;

/// Whatever a listener threw. Declared so that a foreign exception becomes a value instead of a
/// panic inside the call.
#[derive(uniffi::Error, Debug)]
pub enum ListenerError {
    Failed { reason: String },
}

impl std::fmt::Display for ListenerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ListenerError::Failed { reason } = self;
        write!(f, "attempt listener failed: {reason}")
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for ListenerError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        ListenerError::Failed { reason: e.reason }
    }
}

/// Receives every attempt event of a client, on the SDK's thread: keep it quick. Exceptions it
/// throws are ignored.
#[uniffi::export(with_foreign)]
pub trait AttemptListener: Send + Sync {
    fn on_attempt(&self, event: AttemptEvent) -> Result<(), ListenerError>;
}

/// The core's observer calling `listener`; a failing listener loses its event, nothing else.
pub(crate) fn observer(listener: Arc<dyn AttemptListener>) -> imburse::AttemptObserver {
    Arc::new(move |event: &imburse::AttemptEvent| {
        let _ = listener.on_attempt(event.clone());
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Recorder(Mutex<Vec<AttemptEvent>>);

    impl AttemptListener for Recorder {
        fn on_attempt(&self, event: AttemptEvent) -> Result<(), ListenerError> {
            self.0.lock().unwrap().push(event);
            Ok(())
        }
    }

    struct Failing(Mutex<u32>);

    impl AttemptListener for Failing {
        fn on_attempt(&self, _: AttemptEvent) -> Result<(), ListenerError> {
            *self.0.lock().unwrap() += 1;
            Err(uniffi::UnexpectedUniFFICallbackError::new("listener bug").into())
        }
    }

    fn event() -> imburse::AttemptEvent {
        imburse::AttemptEvent {
            operation: "get_order".into(),
            method: "GET".into(),
            path: "/v1/order-management/O-1".into(),
            attempt: 2,
            status: Some(503),
            elapsed: imburse::Interval(std::time::Duration::from_millis(12)),
            client_correlation_id: "call-1".into(),
            server_correlation_id: Some("0HLPSRAQ7S0I6:00000002".into()),
            outcome: "http_error".into(),
            detail: "the server answered with HTTP 503".into(),
        }
    }

    #[test]
    fn the_listener_receives_each_event() {
        let recorder = Arc::new(Recorder(Mutex::new(Vec::new())));
        observer(recorder.clone())(&event());
        let seen = recorder.0.lock().unwrap();
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].operation, "get_order");
        assert_eq!(seen[0].attempt, 2);
        assert_eq!(seen[0].status, Some(503));
        assert_eq!(seen[0].client_correlation_id, "call-1");
        assert_eq!(seen[0].elapsed, imburse::Interval(std::time::Duration::from_millis(12)));
        assert_eq!(
            (seen[0].outcome.as_str(), seen[0].detail.as_str()),
            ("http_error", "the server answered with HTTP 503")
        );
    }

    #[test]
    fn a_failing_listener_does_not_reach_the_call() {
        // The observer returns normally (a panic would fail the test) and the listener ran.
        let failing = Arc::new(Failing(Mutex::new(0)));
        observer(failing.clone())(&event());
        assert_eq!(*failing.0.lock().unwrap(), 1);
    }
}
