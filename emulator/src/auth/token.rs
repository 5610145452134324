//! Access tokens: what `POST /v1/identity/hmac` buys and every other route checks.
//!
//! A signed JWT (HS256, a secret made fresh at start-up) carrying the account, the tenants the
//! key may act for, its roles and its expiry, like the Imburse tokens decoded in the reference
//! (§2.4). Checking one costs a MAC, not a lookup, which keeps authenticated routes fast.
//! Tests can shorten the lifetime, or expire every token issued so far, to exercise refresh.

use std::sync::atomic::{AtomicU64, Ordering};

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::clock;
use crate::config::KeyConfig;

const ISSUER: &str = "https://openid.imbursepayments.com/";
const AUDIENCE: &str = "management-api";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// The public key of the API key the token was bought with.
    pub sub: String,
    pub accountid: String,
    pub tenantids: Vec<String>,
    pub role: Vec<String>,
    pub iat: u64,
    pub exp: u64,
    /// Issuer generation: "expire everything issued so far" bumps it, exactly.
    pub generation: u64,
    pub jti: String,
}

/// Why a bearer token was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenProblem {
    Invalid,
    Expired,
}

pub struct TokenIssuer {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl_seconds: AtomicU64,
    /// Tokens of an older generation count as expired.
    generation: AtomicU64,
}

pub struct IssuedToken {
    pub access_token: String,
    pub expires_ms: u64,
}

impl TokenIssuer {
    pub fn new(ttl_seconds: u64) -> Self {
        let secret: [u8; 32] = rand::random();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        Self {
            encoding: EncodingKey::from_secret(&secret),
            decoding: DecodingKey::from_secret(&secret),
            validation,
            ttl_seconds: AtomicU64::new(ttl_seconds),
            generation: AtomicU64::new(0),
        }
    }

    pub fn ttl_seconds(&self) -> u64 {
        self.ttl_seconds.load(Ordering::Relaxed)
    }

    pub fn set_ttl_seconds(&self, ttl: u64) {
        self.ttl_seconds.store(ttl.max(1), Ordering::Relaxed);
    }

    /// Every token issued until now stops working; new ones work.
    pub fn expire_all_issued(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn issue(&self, key: &KeyConfig) -> IssuedToken {
        let now_ms = clock::now_ms();
        let exp = now_ms / 1000 + self.ttl_seconds();
        let claims = Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: key.public_key.clone(),
            accountid: key.account_id.clone(),
            tenantids: key.tenant_ids.clone(),
            role: key.roles.clone(),
            iat: now_ms / 1000,
            exp,
            generation: self.generation.load(Ordering::SeqCst),
            jti: uuid::Uuid::new_v4().to_string(),
        };
        let access_token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .expect("HS256 encoding of plain claims cannot fail");
        IssuedToken { access_token, expires_ms: exp * 1000 }
    }

    pub fn verify(&self, token: &str) -> Result<Claims, TokenProblem> {
        let data =
            jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation).map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => TokenProblem::Expired,
                _ => TokenProblem::Invalid,
            })?;
        if data.claims.generation < self.generation.load(Ordering::SeqCst) {
            return Err(TokenProblem::Expired);
        }
        Ok(data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::EmulatorConfig;

    #[test]
    fn issued_tokens_verify_and_carry_the_key() {
        let issuer = TokenIssuer::new(60);
        let config = EmulatorConfig::demo();
        let key = &config.keys[0];
        let token = issuer.issue(key);
        let claims = issuer.verify(&token.access_token).unwrap();
        assert_eq!(claims.accountid, key.account_id);
        assert_eq!(claims.tenantids, key.tenant_ids);
        assert_eq!(claims.role, key.roles);
        assert_eq!(token.expires_ms, claims.exp * 1000);
    }

    #[test]
    fn tampered_foreign_and_expired_tokens_are_refused() {
        let issuer = TokenIssuer::new(60);
        let config = EmulatorConfig::demo();
        let token = issuer.issue(&config.keys[0]).access_token;
        let mut tampered = token.clone();
        tampered.pop();
        assert_eq!(issuer.verify(&tampered).unwrap_err(), TokenProblem::Invalid);
        let foreign = TokenIssuer::new(60).issue(&config.keys[0]).access_token;
        assert_eq!(issuer.verify(&foreign).unwrap_err(), TokenProblem::Invalid);
        assert_eq!(issuer.verify("not.a.jwt").unwrap_err(), TokenProblem::Invalid);
        issuer.expire_all_issued();
        assert_eq!(issuer.verify(&token).unwrap_err(), TokenProblem::Expired);
        let fresh = issuer.issue(&config.keys[0]).access_token;
        assert!(issuer.verify(&fresh).is_ok(), "tokens issued afterwards work");
    }
}
