//! What the emulator received: method, path, headers (credentials masked), body, time, and the
//! fault applied. Tests read it through the control API to assert what an SDK really sent and
//! how many attempts it made. The log is a bounded ring so long benchmarks cannot grow it
//! without limit.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::Request;
use axum::http::StatusCode;
use serde::Serialize;

use crate::clock;
use crate::correlation::RequestIds;

/// Bodies longer than this are stored cut (the full length is still recorded).
const MAX_LOGGED_BODY: usize = 64 * 1024;

#[derive(Clone, Debug, Serialize)]
pub struct LoggedRequest {
    pub seq: u64,
    pub received_at_ms: u64,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: BTreeMap<String, String>,
    /// The body as text (lossy UTF-8), `None` when it was never read (connection dropped first).
    pub body: Option<String>,
    pub body_bytes: usize,
    pub server_correlation_id: String,
    pub client_correlation_id: Option<String>,
    pub fault: Option<&'static str>,
    /// The status answered, `None` when the connection was dropped instead.
    pub status: Option<u16>,
}

pub struct RequestLog {
    entries: Mutex<VecDeque<LoggedRequest>>,
    capacity: usize,
    next_seq: AtomicU64,
}

impl RequestLog {
    pub fn new(capacity: usize) -> Self {
        Self { entries: Mutex::new(VecDeque::new()), capacity: capacity.max(1), next_seq: AtomicU64::new(1) }
    }

    /// Records a request and returns its sequence number.
    pub fn record(&self, request: &Request, body: Option<&[u8]>, fault: Option<&'static str>) -> u64 {
        let seq = self.next_seq.fetch_add(1, Ordering::Relaxed);
        let ids = request.extensions().get::<RequestIds>();
        let headers =
            request.headers().iter().fold(BTreeMap::new(), |mut map: BTreeMap<String, String>, (name, value)| {
                let value = mask(name.as_str(), &String::from_utf8_lossy(value.as_bytes()));
                map.entry(name.as_str().to_string())
                    .and_modify(|existing| {
                        existing.push_str(", ");
                        existing.push_str(&value);
                    })
                    .or_insert(value);
                map
            });
        let entry = LoggedRequest {
            seq,
            received_at_ms: clock::now_ms(),
            method: request.method().to_string(),
            path: request.uri().path().to_string(),
            query: request.uri().query().map(String::from),
            headers,
            body: body.map(|b| String::from_utf8_lossy(&b[..b.len().min(MAX_LOGGED_BODY)]).into_owned()),
            body_bytes: body.map_or(0, <[u8]>::len),
            server_correlation_id: ids.map(|i| i.server.clone()).unwrap_or_default(),
            client_correlation_id: ids.and_then(|i| i.client.clone()),
            fault,
            status: None,
        };
        let mut entries = self.entries.lock().expect("log lock");
        if entries.len() == self.capacity {
            entries.pop_front();
        }
        entries.push_back(entry);
        seq
    }

    pub fn set_status(&self, seq: u64, status: StatusCode) {
        let mut entries = self.entries.lock().expect("log lock");
        if let Some(entry) = entries.iter_mut().rev().find(|e| e.seq == seq) {
            entry.status = Some(status.as_u16());
        }
    }

    pub fn entries(&self) -> Vec<LoggedRequest> {
        self.entries.lock().expect("log lock").iter().cloned().collect()
    }

    pub fn clear(&self) {
        self.entries.lock().expect("log lock").clear();
    }
}

/// Masks credentials: a bearer token entirely, an HMAC header's signature (the public key,
/// nonce and timestamp stay visible so tests can check nonces are fresh).
fn mask(name: &str, value: &str) -> String {
    if !name.eq_ignore_ascii_case("authorization") {
        return value.to_string();
    }
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("hmac") => match token.rsplit_once(':') {
            Some((signed_parts, _signature)) => format!("{scheme} {signed_parts}:<redacted>"),
            None => format!("{scheme} <redacted>"),
        },
        Some((scheme, _)) => format!("{scheme} <redacted>"),
        None => "<redacted>".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_masked() {
        assert_eq!(mask("Authorization", "Bearer eyJhbGciOi.x.y"), "Bearer <redacted>");
        assert_eq!(mask("authorization", "Hmac pub:nonce:123:c2lnbmF0dXJl"), "Hmac pub:nonce:123:<redacted>");
        assert_eq!(mask("authorization", "garbage"), "<redacted>");
        assert_eq!(mask("x-account-id", "abc"), "abc");
    }

    #[test]
    fn the_log_is_bounded() {
        let log = RequestLog::new(2);
        for _ in 0..3 {
            log.record(&Request::new(axum::body::Body::empty()), None, None);
        }
        let seqs: Vec<u64> = log.entries().iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [2, 3]);
    }
}
