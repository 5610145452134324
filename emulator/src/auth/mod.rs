//! Who is calling, and may they do this?
//!
//! Two doors: the HMAC exchange at `POST /v1/identity/hmac` (signature, timestamp window,
//! single-use nonces per key), and the bearer check every other route runs through
//! [`Auth::authorize`]: a valid unexpired token, `x-account-id` equal to the key's account,
//! `x-tenant-id` on tenant-scoped routes naming a tenant the key may act for, and one of the
//! roles the route requires. The order of those checks decides 401 vs 400 vs 403, so it lives
//! in one place.

pub mod hmac;
pub mod token;

use std::collections::HashMap;
use std::sync::Mutex;

use axum::http::HeaderMap;
use std::sync::Arc;

use crate::clock;
use crate::config::EmulatorConfig;
use crate::directory::Directory;
use crate::error::{ApiError, ErrorEntry};
use token::{IssuedToken, TokenIssuer, TokenProblem};

/// Whether a route acts on an account or inside a tenant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Account,
    Tenant,
}

/// The authenticated caller of a resource route.
#[derive(Clone, Debug)]
pub struct Caller {
    pub public_key: String,
    pub account_id: String,
    /// Set on tenant-scoped routes: the tenant whose data the call sees.
    pub tenant_id: String,
}

pub struct Auth {
    /// Who exists: the keys the HMAC exchange checks against, as they are now.
    directory: Arc<Directory>,
    pub tokens: TokenIssuer,
    nonces: Mutex<NonceBook>,
    tolerance_seconds: f64,
    /// Whether a timestamp ahead of the clock passes whatever its distance (a reading).
    future_timestamps_accepted: bool,
    /// Seconds the emulator's clock runs ahead of the machine's (negative: behind), for tests of
    /// a client whose clock is off: the HMAC window and the `Date` header use it.
    clock_offset_seconds: std::sync::atomic::AtomicI64,
}

impl Auth {
    pub fn new(config: &EmulatorConfig, directory: Arc<Directory>) -> Self {
        Self {
            directory,
            tokens: TokenIssuer::new(config.token_ttl_seconds),
            nonces: Mutex::new(NonceBook::default()),
            tolerance_seconds: config.hmac_timestamp_tolerance_seconds as f64,
            future_timestamps_accepted: config.readings.future_hmac_timestamps
                == crate::config::FutureTimestamps::Accepted,
            clock_offset_seconds: std::sync::atomic::AtomicI64::new(0),
        }
    }

    /// Verifies an HMAC `Authorization` header over `body` and issues a token.
    pub fn exchange_hmac(&self, headers: &HeaderMap, body: &[u8]) -> Result<IssuedToken, ApiError> {
        let value = headers.get("authorization").and_then(|v| v.to_str().ok()).ok_or_else(|| {
            ApiError::unauthorized(
                "AUTHORIZATION_HEADER_IS_REQUIRED",
                "An Authorization header of the form 'Hmac publicKey:nonce:timestamp:signature' is required.",
            )
        })?;
        let token = hmac::parse_authorization(value).ok_or_else(|| {
            ApiError::unauthorized(
                "AUTHORIZATION_HEADER_INVALID",
                "The Authorization header must be 'Hmac publicKey:nonce:timestamp:signature'.",
            )
        })?;
        let key = self.directory.key(token.public_key).ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::UNAUTHORIZED,
                ErrorEntry::new("API_KEY_NOT_FOUND", "No API key with public key {publicKey} exists.")
                    .with("publicKey", token.public_key),
            )
        })?;
        if !hmac::verify(&token, &key.secret, body) {
            return Err(ApiError::unauthorized(
                "HMAC_SIGNATURE_INVALID",
                "The HMAC signature does not match the request.",
            ));
        }
        let now = self.now_secs_f64();
        let timestamp = hmac::parse_timestamp(token.timestamp).ok_or_else(|| {
            ApiError::unauthorized("HMAC_TIMESTAMP_INVALID", "The HMAC timestamp must be epoch seconds.")
        })?;
        let ahead = timestamp > now && self.future_timestamps_accepted;
        if !ahead && (now - timestamp).abs() > self.tolerance_seconds {
            return Err(ApiError::new(
                axum::http::StatusCode::UNAUTHORIZED,
                ErrorEntry::new(
                    "HMAC_TIMESTAMP_OUT_OF_RANGE",
                    "The HMAC timestamp is more than {toleranceSeconds} seconds away from the server time.",
                )
                .with("toleranceSeconds", self.tolerance_seconds),
            ));
        }
        let fresh = self.nonces.lock().expect("nonce book lock").record(
            token.public_key,
            token.nonce,
            // Remembered until its own timestamp is too old to pass, so a timestamp far ahead
            // (accepted under that reading) cannot be replayed once the book is pruned.
            now.max(timestamp),
            self.tolerance_seconds,
        );
        if !fresh {
            return Err(ApiError::unauthorized(
                "HMAC_NONCE_ALREADY_USED",
                "The HMAC nonce has already been used with this key.",
            ));
        }
        Ok(self.tokens.issue(&key.config))
    }

    /// The bearer, account, tenant and role checks of a resource route, in that order.
    pub fn authorize(&self, headers: &HeaderMap, scope: Scope, roles: &[&str]) -> Result<Caller, ApiError> {
        let header =
            |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty());
        let bearer = header("authorization")
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "ACCESS_TOKEN_IS_REQUIRED",
                    "An Authorization header of the form 'Bearer accessToken' is required.",
                )
            })?;
        let claims = self.tokens.verify(bearer).map_err(|problem| match problem {
            TokenProblem::Expired => ApiError::unauthorized("ACCESS_TOKEN_EXPIRED", "The access token has expired."),
            TokenProblem::Invalid => ApiError::unauthorized("ACCESS_TOKEN_INVALID", "The access token is not valid."),
        })?;
        let account_id = header("x-account-id").ok_or_else(|| {
            ApiError::bad_request(vec![ErrorEntry::new(
                "ACCOUNT_ID_IS_REQUIRED",
                "The x-account-id header is required.",
            )])
        })?;
        if !account_id.eq_ignore_ascii_case(&claims.accountid) {
            return Err(ApiError::forbidden(
                ErrorEntry::new("ACCOUNT_ID_NOT_PERMITTED", "The API key may not act for account {accountId}.")
                    .with("accountId", account_id),
            ));
        }
        let tenant_id = match scope {
            Scope::Account => String::new(),
            Scope::Tenant => {
                let tenant_id = header("x-tenant-id").ok_or_else(|| {
                    ApiError::bad_request(vec![ErrorEntry::new(
                        "TENANT_ID_IS_REQUIRED",
                        "Please reference {correlationId} when contacting support.",
                    )])
                })?;
                let allowed = claims.tenantids.iter().find(|t| t.eq_ignore_ascii_case(tenant_id));
                allowed.cloned().ok_or_else(|| {
                    ApiError::forbidden(
                        ErrorEntry::new("TENANT_ID_NOT_PERMITTED", "The API key may not act for tenant {tenantId}.")
                            .with("tenantId", tenant_id),
                    )
                })?
            }
        };
        if !roles.iter().any(|required| claims.role.iter().any(|r| r == required)) {
            return Err(ApiError::forbidden(
                ErrorEntry::new(
                    "INSUFFICIENT_ROLE",
                    "This operation requires the role {requiredRole} (or one of: {acceptedRoles}).",
                )
                .with("requiredRole", roles.first().copied().unwrap_or_default())
                .with("acceptedRoles", roles.join(", ")),
            ));
        }
        Ok(Caller { public_key: claims.sub, account_id: claims.accountid, tenant_id })
    }

    /// The server's time: the machine's, moved by the clock offset.
    pub fn now_secs_f64(&self) -> f64 {
        clock::now_secs_f64() + self.clock_offset_seconds() as f64
    }

    pub fn clock_offset_seconds(&self) -> i64 {
        self.clock_offset_seconds.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn set_clock_offset_seconds(&self, offset: i64) {
        self.clock_offset_seconds.store(offset, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn forget_nonces(&self) {
        *self.nonces.lock().expect("nonce book lock") = NonceBook::default();
    }
}

/// Nonces seen per key. A nonce only needs remembering while its timestamp could still pass
/// the window check, so old entries are pruned as new ones arrive.
#[derive(Default)]
struct NonceBook {
    seen: HashMap<String, HashMap<String, f64>>,
    inserts_since_prune: usize,
}

impl NonceBook {
    /// Records the nonce; false when this key used it before.
    fn record(&mut self, public_key: &str, nonce: &str, now: f64, tolerance: f64) -> bool {
        self.inserts_since_prune += 1;
        if self.inserts_since_prune >= 4096 {
            self.inserts_since_prune = 0;
            let horizon = now - 2.0 * tolerance;
            for nonces in self.seen.values_mut() {
                nonces.retain(|_, seen_at| *seen_at >= horizon);
            }
        }
        let nonces = self.seen.entry(public_key.to_string()).or_default();
        if nonces.contains_key(nonce) {
            return false;
        }
        nonces.insert(nonce.to_string(), now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_single_use_per_key() {
        let mut book = NonceBook::default();
        assert!(book.record("k1", "n", 100.0, 300.0));
        assert!(!book.record("k1", "n", 101.0, 300.0));
        assert!(book.record("k2", "n", 101.0, 300.0), "another key may use the same nonce");
    }
}
