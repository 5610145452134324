//! The `Authorization: Hmac …` header that `POST /v1/identity/hmac`
//! exchanges for an access token, exactly as Imburse's reference samples
//! compute it:
//!
//! ```text
//! bodyHash     = base64(SHA-256(body))   or "" when the body is empty
//! stringToSign = publicKey:nonce:timestamp:bodyHash
//! signature    = base64(HMAC-SHA256(base64decode(privateKey), stringToSign))
//! header value = "Hmac " + publicKey:nonce:timestamp:signature
//! ```
//!
//! The server rejects a nonce it has seen and a timestamp older than five
//! minutes, so every header is built fresh and never reused.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use ::hmac::{Hmac, Mac};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::{Digest, Sha256};

use crate::config::{self, ClientConfig};
use crate::error::Error;
use crate::secret::SecretBytes;

/// Characters in a generated nonce: 30 alphanumerics carry about 178 bits,
/// so two clients never pick the same one.
pub const NONCE_LENGTH: usize = 30;

/// The authorization scheme word.
pub const SCHEME: &str = "Hmac";

/// Signs identity requests with one key pair.
#[derive(Clone)]
pub struct HmacSigner {
    public_key: String,
    key: SecretBytes,
}

impl HmacSigner {
    /// A signer for the config's key pair.
    pub fn from_config(config: &ClientConfig) -> HmacSigner {
        HmacSigner { public_key: config.public_key().to_owned(), key: config.private_key().clone() }
    }

    /// A signer from a public key and a base64 private key; the key is
    /// checked as `ClientConfigBuilder::build` checks it.
    pub fn new(public_key: &str, private_key_base64: &str) -> Result<HmacSigner, Error> {
        Ok(HmacSigner { public_key: public_key.to_owned(), key: config::decode_private_key(private_key_base64)? })
    }

    /// The public key the signer signs for.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// A fresh `Authorization` header value for a request with `body`
    /// (empty for the identity call): a new nonce and the current time.
    pub fn authorization(&self, body: &[u8]) -> String {
        self.authorization_with(&new_nonce(), unix_timestamp(), body)
    }

    /// The header value for a given nonce and timestamp; for tests and
    /// reproducing a known signature.
    pub fn authorization_with(&self, nonce: &str, timestamp: u64, body: &[u8]) -> String {
        let to_sign = string_to_sign(&self.public_key, nonce, timestamp, &body_hash(body));
        let signature = signature(self.key.expose(), &to_sign);
        format!("{SCHEME} {}:{nonce}:{timestamp}:{signature}", self.public_key)
    }
}

impl fmt::Debug for HmacSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HmacSigner").field("public_key", &self.public_key).field("key", &self.key).finish()
    }
}

/// base64(SHA-256(body)), or the empty string for an empty body (not the
/// hash of ""), as the reference samples do.
pub fn body_hash(body: &[u8]) -> String {
    if body.is_empty() {
        return String::new();
    }
    STANDARD.encode(Sha256::digest(body))
}

/// `publicKey:nonce:timestamp:bodyHash`; ends in `:` when the body is empty.
pub fn string_to_sign(public_key: &str, nonce: &str, timestamp: u64, body_hash: &str) -> String {
    format!("{public_key}:{nonce}:{timestamp}:{body_hash}")
}

/// base64(HMAC-SHA256(key, string_to_sign)), standard alphabet, padded.
pub fn signature(key: &[u8], string_to_sign: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// [`NONCE_LENGTH`] random `[A-Za-z0-9]` characters from the thread-local
/// CSPRNG (ChaCha, seeded from the operating system).
pub fn new_nonce() -> String {
    rand::rng().sample_iter(Alphanumeric).take(NONCE_LENGTH).map(char::from).collect()
}

/// Seconds since the Unix epoch, UTC. A clock set before 1970 yields 0,
/// which the server rejects as stale rather than the SDK panicking.
pub fn unix_timestamp() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|since| since.as_secs()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    // Reference §2.2 test vector.
    const PUBLIC_KEY: &str = "a123456b-c12c-123d-1ab4-18bd8c8e88a3";
    const PRIVATE_KEY: &str = "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=";
    const NONCE: &str = "randomuniquestring123";
    const TIMESTAMP: u64 = 1_535_617_532;

    fn signer() -> HmacSigner {
        HmacSigner::new(PUBLIC_KEY, PRIVATE_KEY).expect("valid key")
    }

    #[test]
    fn vector_empty_body() {
        assert_eq!(body_hash(b""), "");
        let to_sign = string_to_sign(PUBLIC_KEY, NONCE, TIMESTAMP, "");
        assert_eq!(to_sign, "a123456b-c12c-123d-1ab4-18bd8c8e88a3:randomuniquestring123:1535617532:");
        let key = STANDARD.decode(PRIVATE_KEY).expect("base64");
        assert_eq!(signature(&key, &to_sign), "JYDZ7e7Y36oeJJ3E5UB7tF9VBAwIv1B5HTPNw9iaV6Y=");
        assert_eq!(
            signer().authorization_with(NONCE, TIMESTAMP, b""),
            "Hmac a123456b-c12c-123d-1ab4-18bd8c8e88a3:randomuniquestring123:1535617532:\
             JYDZ7e7Y36oeJJ3E5UB7tF9VBAwIv1B5HTPNw9iaV6Y="
        );
    }

    #[test]
    fn vector_json_body() {
        let body = br#"{"orderRef":"REF1"}"#;
        let hash = body_hash(body);
        assert_eq!(hash, "11yXs3vtt810rdB2VbP8cPrgVbPs/+qlrmVmzBQmhac=");
        let key = STANDARD.decode(PRIVATE_KEY).expect("base64");
        assert_eq!(
            signature(&key, &string_to_sign(PUBLIC_KEY, NONCE, TIMESTAMP, &hash)),
            "T7naIriRKluH8/UaBSvMOrT6QzrSrN5eddbQ3TmPFRg="
        );
        assert_eq!(
            signer().authorization_with(NONCE, TIMESTAMP, body),
            "Hmac a123456b-c12c-123d-1ab4-18bd8c8e88a3:randomuniquestring123:1535617532:\
             T7naIriRKluH8/UaBSvMOrT6QzrSrN5eddbQ3TmPFRg="
        );
    }

    #[test]
    fn signer_from_config_matches_the_vector() {
        let config = ClientConfig::builder()
            .public_key(PUBLIC_KEY)
            .private_key(PRIVATE_KEY)
            .account_id("6f1c2b9e-8d4a-4c3b-9a7e-1f2d3c4b5a69")
            .build()
            .expect("valid config");
        let signer = HmacSigner::from_config(&config);
        assert_eq!(signer.public_key(), PUBLIC_KEY);
        assert!(
            signer.authorization_with(NONCE, TIMESTAMP, b"").ends_with(":JYDZ7e7Y36oeJJ3E5UB7tF9VBAwIv1B5HTPNw9iaV6Y=")
        );
    }

    #[test]
    fn fresh_headers_verify_and_never_repeat() {
        let signer = signer();
        let before = unix_timestamp();
        let first = signer.authorization(b"");
        let second = signer.authorization(b"");
        let after = unix_timestamp();
        assert_ne!(first, second);

        let token = first.strip_prefix("Hmac ").expect("scheme");
        let parts: Vec<&str> = token.split(':').collect();
        assert_eq!(parts.len(), 4, "{token}");
        let (public_key, nonce, timestamp, sent_signature) = (parts[0], parts[1], parts[2], parts[3]);
        assert_eq!(public_key, PUBLIC_KEY);
        assert_eq!(nonce.len(), NONCE_LENGTH);
        let timestamp: u64 = timestamp.parse().expect("integer seconds");
        assert!((before..=after).contains(&timestamp));
        let key = STANDARD.decode(PRIVATE_KEY).expect("base64");
        assert_eq!(sent_signature, signature(&key, &string_to_sign(PUBLIC_KEY, nonce, timestamp, "")));
    }

    #[test]
    fn nonces_are_alphanumeric_and_unique() {
        let nonces: Vec<String> = (0..10_000).map(|_| new_nonce()).collect();
        for nonce in &nonces {
            assert_eq!(nonce.len(), NONCE_LENGTH);
            assert!(nonce.chars().all(|c| c.is_ascii_alphanumeric()), "{nonce}");
        }
        let distinct: HashSet<&String> = nonces.iter().collect();
        assert_eq!(distinct.len(), nonces.len());
        // Every class of the alphabet shows up: not stuck on digits or one case.
        let all: String = nonces.concat();
        assert!(all.chars().any(|c| c.is_ascii_uppercase()));
        assert!(all.chars().any(|c| c.is_ascii_lowercase()));
        assert!(all.chars().any(|c| c.is_ascii_digit()));
    }

    #[test]
    fn timestamp_is_current_unix_seconds() {
        // 2024-01-01 and 2100-01-01: seconds, not milliseconds.
        let now = unix_timestamp();
        assert!(now > 1_704_067_200 && now < 4_102_444_800, "{now}");
    }

    #[test]
    fn rejects_bad_keys_without_echoing_them() {
        let error = HmacSigner::new(PUBLIC_KEY, "AGHYR1aW!!").expect_err("bad key");
        assert_eq!(error.kind(), crate::ErrorKind::Configuration);
        assert!(!error.to_string().contains("AGHYR1"));
        assert!(HmacSigner::new(PUBLIC_KEY, "").is_err());
    }

    #[test]
    fn debug_hides_the_key() {
        let debug = format!("{:?}", signer());
        assert!(debug.contains(PUBLIC_KEY));
        assert!(!debug.contains("AGHYR1"));
        assert!(debug.contains("[redacted]"));
    }
}
