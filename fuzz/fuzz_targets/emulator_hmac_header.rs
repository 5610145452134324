//! The emulator's reading of an `Authorization: Hmac publicKey:nonce:timestamp:signature`
//! header: any text parses or is refused, and a parse is checked against a key without panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(token) = imburse_emulator::auth::hmac::parse_authorization(text) {
        let _ = imburse_emulator::auth::hmac::parse_timestamp(token.timestamp);
        let _ = imburse_emulator::auth::hmac::verify(&token, b"fuzz-key", data);
    }
});
