//! The identity endpoint's answer (`{accessToken, expires}`, or anything else) becomes a token
//! or an `InvalidResponse` error: never a panic, never a token without its text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(error) = imburse::fuzzing::token_answer(data) {
        assert_eq!(error.kind(), imburse::ErrorKind::InvalidResponse);
    }
});
