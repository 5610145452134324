//! `POST /v1/identity/hmac` over real HTTP: the documented algorithm is accepted (including
//! the reference's two test vectors) and every way of getting it wrong is refused with 401.

mod common;

use base64::Engine as _;
use common::*;
use imburse_emulator::EmulatorConfig;
use imburse_emulator::auth::hmac;
use reqwest::StatusCode;
use serde_json::Value;

const PUB: &str = imburse_emulator::config::DEMO_PUBLIC_KEY;
const PRIV: &str = imburse_emulator::config::DEMO_PRIVATE_KEY;

#[tokio::test]
async fn a_signed_request_buys_a_token_with_the_documented_shape() {
    let h = Harness::start().await;
    let response = h.exchange(&h.sign_now(PUB), "").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    let expires: u64 = body["expires"].as_str().expect("expires is a string").parse().unwrap();
    let now_ms = now_secs() * 1000;
    assert!(expires > now_ms + 3_500_000 && expires <= now_ms + 3_601_000, "one hour of epoch ms");

    // The JWT carries account, tenant, roles and expiry.
    let token = body["accessToken"].as_str().unwrap();
    let payload = token.split('.').nth(1).unwrap();
    let claims: Value =
        serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    assert_eq!(claims["accountid"], h.info.account_id.as_str());
    assert_eq!(claims["tenantids"][0], h.info.tenant_id.as_str());
    assert_eq!(claims["role"][0], "tenant-admin");
    assert_eq!(claims["exp"].as_u64().unwrap() * 1000, expires);
}

#[tokio::test]
async fn the_reference_test_vectors_verify_over_http() {
    // The vectors were signed in 2018: widen the timestamp window so only the signature counts.
    let mut config = EmulatorConfig::demo();
    config.hmac_timestamp_tolerance_seconds = 20 * 365 * 24 * 3600;
    let h = Harness::with_config(config).await;
    let empty = format!("Hmac {PUB}:randomuniquestring123:1535617532:JYDZ7e7Y36oeJJ3E5UB7tF9VBAwIv1B5HTPNw9iaV6Y=");
    assert_eq!(h.exchange(&empty, "").await.status(), StatusCode::CREATED);
    h.reset().await; // same nonce again: forget the first use
    let with_body = format!("Hmac {PUB}:randomuniquestring123:1535617532:T7naIriRKluH8/UaBSvMOrT6QzrSrN5eddbQ3TmPFRg=");
    assert_eq!(h.exchange(&with_body, r#"{"orderRef":"REF1"}"#).await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn decimal_timestamps_and_an_uppercase_scheme_are_accepted() {
    let h = Harness::start().await;
    let ts = format!("{}.456", now_secs());
    let header = hmac::authorization_header(PUB, PRIV, &nonce(), &ts, b"").unwrap();
    assert_eq!(h.exchange(&header, "").await.status(), StatusCode::CREATED);
    let header = h.sign_now(PUB).replacen("Hmac", "HMAC", 1);
    assert_eq!(h.exchange(&header, "").await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn every_bad_signature_is_refused_with_401_and_its_code() {
    let h = Harness::start().await;
    let now = now_secs();
    let sign = |public: &str, nonce: &str, ts: u64, body: &[u8]| {
        hmac::authorization_header(public, PRIV, nonce, &ts.to_string(), body).unwrap()
    };
    let unknown = sign("99999999-9999-4999-8999-999999999999", &nonce(), now, b"");
    let wrong_key = hmac::authorization_header(
        PUB,
        "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=",
        &nonce(),
        &now.to_string(),
        b"",
    )
    .unwrap();
    let body_not_signed = sign(PUB, &nonce(), now, b"");
    let too_old = sign(PUB, &nonce(), now - 301, b"");
    let too_new = sign(PUB, &nonce(), now + 301, b"");
    let cases: [(&str, String, &'static str, &str); 7] = [
        ("unknown public key", unknown, "", "API_KEY_NOT_FOUND"),
        ("signed with another private key", wrong_key, "", "HMAC_SIGNATURE_INVALID"),
        ("a body that was not signed", body_not_signed, "{}", "HMAC_SIGNATURE_INVALID"),
        ("timestamp 5 min + 1 s old", too_old, "", "HMAC_TIMESTAMP_OUT_OF_RANGE"),
        ("timestamp 5 min + 1 s ahead", too_new, "", "HMAC_TIMESTAMP_OUT_OF_RANGE"),
        ("not the Hmac scheme", "Basic abc".into(), "", "AUTHORIZATION_HEADER_INVALID"),
        ("a token missing a part", format!("Hmac {PUB}:n:{now}"), "", "AUTHORIZATION_HEADER_INVALID"),
    ];
    for (what, header, body, code) in cases {
        let response = h.exchange(&header, body).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{what}");
        expect_error(response, StatusCode::UNAUTHORIZED, &[code]).await;
    }
    let response = h.http.post(h.url("/v1/identity/hmac")).send().await.unwrap();
    expect_error(response, StatusCode::UNAUTHORIZED, &["AUTHORIZATION_HEADER_IS_REQUIRED"]).await;
}

#[tokio::test]
async fn a_nonce_is_single_use_per_key() {
    let h = Harness::start().await;
    let header = h.sign_now(PUB);
    assert_eq!(h.exchange(&header, "").await.status(), StatusCode::CREATED);
    let replay = h.exchange(&header, "").await;
    expect_error(replay, StatusCode::UNAUTHORIZED, &["HMAC_NONCE_ALREADY_USED"]).await;

    // The same nonce under another key is a different nonce.
    let nonce = header.split(':').nth(1).unwrap().to_string();
    let other = hmac::authorization_header(
        READ_ONLY_KEY,
        &h.private_key_of(READ_ONLY_KEY),
        &nonce,
        &now_secs().to_string(),
        b"",
    )
    .unwrap();
    assert_eq!(h.exchange(&other, "").await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_bad_signature_does_not_burn_the_nonce() {
    let h = Harness::start().await;
    let nonce = nonce();
    let ts = now_secs().to_string();
    let good = hmac::authorization_header(PUB, PRIV, &nonce, &ts, b"").unwrap();
    let forged = format!("{}AAAA=", &good[..good.len() - 4]);
    expect_error(h.exchange(&forged, "").await, StatusCode::UNAUTHORIZED, &["HMAC_SIGNATURE_INVALID"]).await;
    assert_eq!(h.exchange(&good, "").await.status(), StatusCode::CREATED);
}
