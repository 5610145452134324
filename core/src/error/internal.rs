//! Failures inside the crate before they become the public [`Error`]: transport code reports
//! what happened in the detail the retry decision needs, and converts exactly once.

use std::time::{Duration, SystemTime};

use super::{BoxError, Error, ErrorKind};
use crate::retry::AttemptOutcome;

#[derive(Debug, thiserror::Error)]
#[allow(dead_code, reason = "produced by the HTTP transport, which builds on this module")]
pub(crate) enum InternalError {
    /// The connection could not be made, so the request was never sent
    /// (refused, DNS, TLS handshake, proxy).
    #[error("could not connect to the server")]
    Connect(#[source] BoxError),
    /// The TLS handshake failed: the server's certificate is not trusted (a TLS-inspecting
    /// proxy's authority belongs in the CA bundle setting), or the server refused the client's
    /// certificate (or the lack of one). Nothing was sent.
    #[error("the TLS handshake with the server failed: {reason}")]
    Tls {
        reason: String,
        #[source]
        source: BoxError,
    },
    /// A reused keep-alive connection was closed before any response byte.
    #[error("the server closed a reused connection before responding")]
    StaleConnection(#[source] BoxError),
    /// No response within the per-attempt timeout.
    #[error("no response within the per-attempt timeout of {0:?}")]
    AttemptTimeout(Duration),
    /// The whole call, retries included, ran out of time.
    #[error("the call did not finish within {0:?}")]
    CallTimeout(Duration),
    /// The response body could not be read to the end.
    #[error("the connection failed while reading the response body")]
    BodyRead(#[source] BoxError),
    /// Any other I/O failure while sending or receiving.
    #[error("network I/O failed")]
    Io(#[source] BoxError),
    /// The server answered with an error status.
    #[error("the server answered with HTTP {status}")]
    Status { status: u16, retry_after: Option<Duration>, server_date: Option<SystemTime>, body: Vec<u8> },
    /// The server's answer could not be used.
    #[error("{message}")]
    InvalidResponse {
        status: Option<u16>,
        message: String,
        #[source]
        source: Option<BoxError>,
    },
    /// An argument failed client-side validation.
    #[error("{0}")]
    InvalidRequest(String),
}

#[allow(dead_code, reason = "called by the HTTP transport, which builds on this module")]
impl InternalError {
    /// What this failure means for the retry decision, or `None` when it is
    /// not the outcome of one attempt (and so is never retried).
    pub(crate) fn attempt_outcome(&self) -> Option<AttemptOutcome> {
        match self {
            InternalError::Connect(_) | InternalError::Tls { .. } => Some(AttemptOutcome::ConnectFailed),
            InternalError::StaleConnection(_) => Some(AttemptOutcome::StaleConnectionReset),
            InternalError::AttemptTimeout(_) => Some(AttemptOutcome::AttemptTimedOut),
            InternalError::BodyRead(_) => Some(AttemptOutcome::BodyReadFailed),
            InternalError::Io(_) => Some(AttemptOutcome::OtherIo),
            InternalError::Status { status, retry_after, .. } => {
                Some(AttemptOutcome::Response { status: *status, retry_after: *retry_after })
            }
            InternalError::CallTimeout(_)
            | InternalError::InvalidResponse { .. }
            | InternalError::InvalidRequest(_) => None,
        }
    }

    /// The public error, with the call's client correlation id and the
    /// number of attempts it made.
    pub(crate) fn into_public(self, client_correlation_id: Option<&str>, attempts: u32) -> Error {
        let message = self.to_string();
        let (error, source) = match self {
            InternalError::Status { status, retry_after, server_date, body } => {
                let error = Error::from_response(status, retry_after, &body, None, attempts);
                (error.with_clock_check(server_date, SystemTime::now()), None)
            }
            InternalError::Connect(source)
            | InternalError::Tls { source, .. }
            | InternalError::StaleConnection(source)
            | InternalError::BodyRead(source)
            | InternalError::Io(source) => (Error::new(ErrorKind::Connection, message), Some(source)),
            InternalError::AttemptTimeout(_) | InternalError::CallTimeout(_) => {
                (Error::new(ErrorKind::Timeout, message), None)
            }
            InternalError::InvalidResponse { status, source, .. } => {
                let mut error = Error::new(ErrorKind::InvalidResponse, message);
                error.inner.status = status;
                (error, source)
            }
            InternalError::InvalidRequest(_) => (Error::new(ErrorKind::InvalidRequest, message), None),
        };
        let error = error.with_call_context(client_correlation_id, attempts);
        match source {
            Some(source) => error.with_source(source),
            None => error,
        }
    }
}

impl From<InternalError> for Error {
    /// Converts without call context: the attempt count stays 0. Code that
    /// knows the count uses `into_public` instead.
    fn from(error: InternalError) -> Error {
        error.into_public(None, 0)
    }
}
