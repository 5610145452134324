//! A `Retry-After` header value (delta seconds or an HTTP date, or anything else) is read
//! without panicking: delta seconds exactly (saturating: a value too large for any clock is
//! still "a very long time", which the retry policy then refuses to wait), a date as the time
//! until then.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let delay = imburse::fuzzing::retry_after(text);
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let expected = trimmed.parse::<u64>().unwrap_or(u64::MAX);
        assert_eq!(delay.map(|d| d.as_secs()), Some(expected), "{text:?}");
    }
});
