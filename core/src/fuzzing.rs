//! Entry points for the fuzz targets (`fuzz/`, feature `fuzzing`) into parsers that are not
//! public API: each takes what a server could send and does what the client does with it.

use std::time::{Duration, SystemTime};

use crate::error::Error;

/// A `Retry-After` header value as the retry policy reads it, now.
pub fn retry_after(value: &str) -> Option<Duration> {
    crate::retry::parse_retry_after(value, SystemTime::now())
}

/// The identity endpoint's 201 body as the client reads it into a token.
pub fn token_answer(body: &[u8]) -> Result<(), Error> {
    crate::client::token_from_answer(201, body).map(|_| ())
}
