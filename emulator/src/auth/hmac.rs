//! The HMAC key signature Imburse uses to exchange an API key for an access token.
//!
//! Algorithm (API reference §2.2, normative code samples): `bodyHash` is base64(SHA-256(body)),
//! or the empty string when there is no body; the string to sign is
//! `publicKey:nonce:timestamp:bodyHash`; the HMAC-SHA256 key is the *base64-decoded* private
//! key; the header is `Authorization: Hmac publicKey:nonce:timestamp:signature`.
//! The signing half is public so tests and examples sign exactly as a client would.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// base64(SHA-256(body)), or "" for an empty body (not the hash of "").
pub fn body_hash(body: &[u8]) -> String {
    if body.is_empty() { String::new() } else { BASE64.encode(Sha256::digest(body)) }
}

fn mac_over(key: &[u8], public_key: &str, nonce: &str, timestamp: &str, body: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(format!("{public_key}:{nonce}:{timestamp}:{}", body_hash(body)).as_bytes());
    mac
}

/// The base64 signature for the given inputs. `private_key` is the base64 private key.
pub fn sign(
    public_key: &str,
    private_key: &str,
    nonce: &str,
    timestamp: &str,
    body: &[u8],
) -> Result<String, base64::DecodeError> {
    let key = BASE64.decode(private_key)?;
    Ok(BASE64.encode(mac_over(&key, public_key, nonce, timestamp, body).finalize().into_bytes()))
}

/// A complete `Authorization` header value: `Hmac publicKey:nonce:timestamp:signature`.
pub fn authorization_header(
    public_key: &str,
    private_key: &str,
    nonce: &str,
    timestamp: &str,
    body: &[u8],
) -> Result<String, base64::DecodeError> {
    let signature = sign(public_key, private_key, nonce, timestamp, body)?;
    Ok(format!("Hmac {public_key}:{nonce}:{timestamp}:{signature}"))
}

/// The four parts of a received HMAC token.
#[derive(Debug, PartialEq, Eq)]
pub struct HmacToken<'a> {
    pub public_key: &'a str,
    pub nonce: &'a str,
    pub timestamp: &'a str,
    pub signature: &'a str,
}

/// Splits `Hmac publicKey:nonce:timestamp:signature`. The scheme word is matched
/// case-insensitively (an Imburse script sends `HMAC`).
pub fn parse_authorization(value: &str) -> Option<HmacToken<'_>> {
    let (scheme, token) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("hmac") {
        return None;
    }
    let mut parts = token.trim().split(':');
    let token = HmacToken {
        public_key: parts.next()?,
        nonce: parts.next()?,
        timestamp: parts.next()?,
        signature: parts.next()?,
    };
    let complete = parts.next().is_none()
        && !token.public_key.is_empty()
        && !token.nonce.is_empty()
        && !token.timestamp.is_empty()
        && !token.signature.is_empty();
    complete.then_some(token)
}

/// Constant-time check of a received signature against the key and body.
pub fn verify(token: &HmacToken<'_>, key: &[u8], body: &[u8]) -> bool {
    let Ok(signature) = BASE64.decode(token.signature) else {
        return false;
    };
    mac_over(key, token.public_key, token.nonce, token.timestamp, body).verify_slice(&signature).is_ok()
}

/// Parses an HMAC timestamp as decimal epoch seconds (some samples send `1592567123.456`).
pub fn parse_timestamp(timestamp: &str) -> Option<f64> {
    let value: f64 = timestamp.parse().ok()?;
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUB: &str = "a123456b-c12c-123d-1ab4-18bd8c8e88a3";
    const PRIV: &str = "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=";

    #[test]
    fn reference_vector_empty_body() {
        let sig = sign(PUB, PRIV, "randomuniquestring123", "1535617532", b"").unwrap();
        assert_eq!(sig, "JYDZ7e7Y36oeJJ3E5UB7tF9VBAwIv1B5HTPNw9iaV6Y=");
    }

    #[test]
    fn reference_vector_with_body() {
        let body = br#"{"orderRef":"REF1"}"#;
        assert_eq!(body_hash(body), "11yXs3vtt810rdB2VbP8cPrgVbPs/+qlrmVmzBQmhac=");
        let sig = sign(PUB, PRIV, "randomuniquestring123", "1535617532", body).unwrap();
        assert_eq!(sig, "T7naIriRKluH8/UaBSvMOrT6QzrSrN5eddbQ3TmPFRg=");
    }

    #[test]
    fn verify_accepts_the_reference_vectors_and_rejects_changes() {
        let key = BASE64.decode(PRIV).unwrap();
        let header = authorization_header(PUB, PRIV, "randomuniquestring123", "1535617532", b"").unwrap();
        let token = parse_authorization(&header).unwrap();
        assert_eq!(token.signature, "JYDZ7e7Y36oeJJ3E5UB7tF9VBAwIv1B5HTPNw9iaV6Y=");
        assert!(verify(&token, &key, b""));
        assert!(!verify(&token, &key, b"{}"), "the body is signed");
        let other_nonce = HmacToken { nonce: "other", ..token };
        assert!(!verify(&other_nonce, &key, b""), "the nonce is signed");
    }

    #[test]
    fn parses_scheme_case_insensitively_and_refuses_malformed_tokens() {
        assert!(parse_authorization("HMAC a:b:1:c").is_some());
        assert!(parse_authorization("hmac a:b:1:c").is_some());
        for bad in ["Bearer x", "Hmac a:b:1", "Hmac a:b:1:c:d", "Hmac :b:1:c", "Hmac"] {
            assert!(parse_authorization(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn timestamps_may_be_decimal() {
        assert_eq!(parse_timestamp("1592567123.456"), Some(1592567123.456));
        assert_eq!(parse_timestamp("1535617532"), Some(1535617532.0));
        assert_eq!(parse_timestamp("soon"), None);
        assert_eq!(parse_timestamp("NaN"), None);
    }
}
