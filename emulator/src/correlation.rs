//! Imburse correlation ids: `<13-character connection id>:<8-digit request counter>`.
//!
//! That is the ASP.NET Core `TraceIdentifier` format the real API shows (e.g.
//! `0HLPSRAQ7S0I6:00000002`): a base32 id per TCP connection and a counter per request on it.
//! The emulator reproduces it per connection, so clients see realistic ids and tests can tell
//! whether two attempts travelled on the same connection.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use axum::extract::Request;
use tokio::sync::Notify;

const BASE32: &[u8; 32] = b"0123456789ABCDEFGHIJKLMNOPQRSTUV";

/// Per-connection state, inserted into every request that arrives on the connection.
pub struct ConnectionContext {
    pub id: String,
    requests: AtomicU32,
    /// Notified to drop the connection without answering (a fault).
    pub kill: Notify,
}

impl ConnectionContext {
    pub fn new(id: String) -> Self {
        Self { id, requests: AtomicU32::new(0), kill: Notify::new() }
    }

    pub fn next_request_id(&self) -> String {
        let n = self.requests.fetch_add(1, Ordering::Relaxed) + 1;
        format!("{}:{n:08X}", self.id)
    }
}

/// Hands out connection ids: a random start, then one more per connection.
pub struct ConnectionIds(AtomicU64);

impl ConnectionIds {
    pub fn new() -> Self {
        Self(AtomicU64::new(rand::random::<u64>() >> 2))
    }

    pub fn next(&self) -> String {
        encode_base32(self.0.fetch_add(1, Ordering::Relaxed))
    }
}

impl Default for ConnectionIds {
    fn default() -> Self {
        Self::new()
    }
}

fn encode_base32(mut value: u64) -> String {
    let mut out = [b'0'; 13];
    for slot in out.iter_mut().rev() {
        *slot = BASE32[(value & 31) as usize];
        value >>= 5;
    }
    String::from_utf8(out.to_vec()).expect("ascii")
}

/// The ids of one request: the emulator's own, and the caller's `X-Correlation-ID` if sent.
#[derive(Clone, Debug)]
pub struct RequestIds {
    pub server: String,
    pub client: Option<String>,
}

impl RequestIds {
    pub fn for_request(request: &Request) -> Self {
        let server = match request.extensions().get::<std::sync::Arc<ConnectionContext>>() {
            Some(connection) => connection.next_request_id(),
            // Requests that did not come through the accept loop (unit tests).
            None => format!("{}:{:08X}", encode_base32(0), 1),
        };
        let client = request
            .headers()
            .get("x-correlation-id")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(String::from);
        Self { server, client }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_documented_shape() {
        let ids = ConnectionIds::new();
        let connection = ConnectionContext::new(ids.next());
        let first = connection.next_request_id();
        let second = connection.next_request_id();
        for id in [&first, &second] {
            let (conn, counter) = id.split_once(':').unwrap();
            assert_eq!(conn.len(), 13);
            assert!(conn.bytes().all(|b| BASE32.contains(&b)));
            assert_eq!(counter.len(), 8);
        }
        assert!(first.ends_with(":00000001") && second.ends_with(":00000002"));
        assert_ne!(ids.next(), ids.next());
    }
}
