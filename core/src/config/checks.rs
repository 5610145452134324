//! The rule for each setting: what a key, an id, a URL, a duration or a header token must look
//! like. Every refusal is a configuration error naming the field and never echoing its value.

use std::time::Duration;

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use url::Url;
use uuid::Uuid;

use super::*;
use crate::secret::SecretBytes;

pub(super) const PUBLIC_KEY_MAX_LEN: usize = 128;
pub(super) const HOST_LANGUAGE_MAX_LEN: usize = 32;
pub(super) const HOST_VERSION_MAX_LEN: usize = 64;

/// Standard base64, with or without `=` padding: keys are issued padded,
/// but a key whose padding was lost in copying is still the same key.
pub(super) const PRIVATE_KEY_ENGINE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

pub(super) fn required(field: &str, env_var: &str) -> Error {
    Error::configuration(field, &format!("is required (set it on the builder or in {env_var})"))
}

/// Checks a base URL and makes its path end in `/`, so that joining keeps
/// any path prefix of a dedicated environment.
pub(super) fn validate_base_url(mut url: Url) -> Result<Url, Error> {
    const FIELD: &str = "base_url";
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::configuration(FIELD, "must use http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::configuration(FIELD, "must include a host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::configuration(FIELD, "must not contain a user name or password"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::configuration(FIELD, "must not contain a query or fragment"));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

/// Public keys are UUIDs today; the check is looser than that so a new key
/// format keeps working, but strict enough to keep the `:`-separated HMAC
/// token and the header value well formed.
pub(super) fn validate_public_key(key: &str) -> Result<String, Error> {
    const FIELD: &str = "public_key";
    let key = key.trim();
    if key.is_empty() {
        return Err(required(FIELD, ENV_PUBLIC_KEY));
    }
    if key.len() > PUBLIC_KEY_MAX_LEN {
        return Err(Error::configuration(FIELD, &format!("must be at most {PUBLIC_KEY_MAX_LEN} characters")));
    }
    if !key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
        return Err(Error::configuration(
            FIELD,
            "may contain only letters, digits, '-', '_' and '.' (it is the key's UUID, not the private key)",
        ));
    }
    Ok(key.to_owned())
}

/// Decodes the base64 private key into the HMAC key bytes. The base64
/// crate's own error names the offending byte, so it is never shown.
pub(crate) fn decode_private_key(key: &str) -> Result<SecretBytes, Error> {
    const FIELD: &str = "private_key";
    let key = key.trim();
    if key.is_empty() {
        return Err(required(FIELD, ENV_PRIVATE_KEY));
    }
    let bytes = PRIVATE_KEY_ENGINE
        .decode(key)
        .map_err(|_| Error::configuration(FIELD, "must be standard base64 (A-Z a-z 0-9 + /), as issued by Imburse"))?;
    let bytes = SecretBytes::new(bytes);
    // Any non-empty valid input decodes to at least one byte today; the
    // check keeps an empty HMAC key impossible whatever the engine does.
    if bytes.expose().is_empty() {
        return Err(Error::configuration(FIELD, "must decode to at least one byte"));
    }
    Ok(bytes)
}

pub(super) fn parse_uuid(field: &str, text: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(text.trim()).map_err(|_| {
        Error::configuration(field, "must be a UUID (32 hex digits, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301)")
    })
}

pub(super) fn check_bounded(field: &str, value: Duration) -> Result<(), Error> {
    if value > MAX_DURATION {
        return Err(Error::configuration(field, "must be at most 24 hours"));
    }
    Ok(())
}

pub(super) fn check_positive(field: &str, value: Duration) -> Result<(), Error> {
    if value.is_zero() {
        return Err(Error::configuration(field, "must be greater than zero"));
    }
    check_bounded(field, value)
}

/// Host names and versions go into the User-Agent, so they must be header
/// safe and must not break its `name/version; …` structure.
pub(super) fn check_token(field: &str, value: &str, max_len: usize) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::configuration(field, "must not be empty"));
    }
    if value.len() > max_len {
        return Err(Error::configuration(field, &format!("must be at most {max_len} characters")));
    }
    if !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-')) {
        return Err(Error::configuration(field, "may contain only letters, digits, '.', '_', '+' and '-'"));
    }
    Ok(())
}

pub(super) fn parse_proxy(text: &str) -> Result<Url, Error> {
    const FIELD: &str = "proxy";
    let url = Url::parse(text.trim()).map_err(|_| Error::configuration(FIELD, "is not a valid absolute URL"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::configuration(FIELD, "must use http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::configuration(FIELD, "must include a host"));
    }
    Ok(url)
}

/// An API version override must name a declared operation and a version segment (`v` and
/// digits).
pub(super) fn check_api_version(operation: &str, version: &str) -> Result<(), Error> {
    if !crate::operations::ALL.iter().any(|spec| spec.name == operation) {
        return Err(Error::configuration("api_versions", &format!("names no operation called {operation:?}")));
    }
    let digits = version.strip_prefix('v').unwrap_or("");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::configuration("api_versions", &format!("{version:?} is not a version such as v1 or v2")));
    }
    Ok(())
}

/// The certificates of a CA bundle: at least one PEM certificate the TLS stack accepts.
pub(super) fn parse_ca_bundle(pem: &str) -> Result<Vec<reqwest::Certificate>, Error> {
    match reqwest::Certificate::from_pem_bundle(pem.as_bytes()) {
        Ok(certificates) if !certificates.is_empty() => Ok(certificates),
        _ => Err(Error::configuration("ca_bundle_pem", "must hold one or more PEM certificates")),
    }
}

/// A client identity: a PEM certificate chain with its private key. The error never quotes
/// the text: it holds the key.
pub(super) fn parse_client_identity(pem: &str) -> Result<reqwest::Identity, Error> {
    let has_certificate = pem.contains("-----BEGIN CERTIFICATE-----");
    match reqwest::Identity::from_pem(pem.as_bytes()) {
        Ok(identity) if has_certificate => Ok(identity),
        _ => Err(Error::configuration("client_identity_pem", "must hold a PEM certificate chain and its private key")),
    }
}
