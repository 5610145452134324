//! Collect and payout schemes over real HTTP: the seeded demo schemes, create/read/delete,
//! roles per kind, tenant isolation, and instructions following the tenant's schemes.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const COLLECT_READ_KEY: &str = "44444444-4444-4444-8444-444444444444";

fn scheme_body() -> Value {
    json!({"name": "Cards", "agreementType": "SingleUse", "rules": [{
        "currencies": ["GBP"], "countries": ["GB"], "lowValueInclusive": "0.10", "highValueInclusive": 250,
        "apps": [{"appId": "STRIPE", "excludedPaymentMethods": ["APPLE_PAY"]}]}]})
}

#[tokio::test]
async fn the_demo_tenant_starts_with_its_configured_collect_schemes() {
    let h = Harness::start().await;
    let token = h.token().await;
    let listed: Value = h.api(Method::GET, "/v1/schemes/collect", &token).send().await.unwrap().json().await.unwrap();
    let ids: Vec<&str> =
        listed["schemes"].as_array().unwrap().iter().map(|s| s["schemeId"].as_str().unwrap()).collect();
    assert_eq!(ids, [SCHEME, "EEAB9BBF6F8FA16D711798D14B65E066"]);
    let scheme = &listed["schemes"][0];
    assert_eq!(scheme["publishedDraftId"], scheme["drafts"][0]["draftId"]);
    let rule = &scheme["drafts"][0]["rules"][0];
    assert_eq!(
        rule["currencies"][0],
        json!({"id": "GBP", "code": "GBP", "numeric": "826", "name": "Pound Sterling", "symbol": "£", "numberOfDecimalPlaces": 2})
    );
    assert_eq!(rule["countries"][1]["currency"], "EUR");
    let last_modified = scheme["drafts"][0]["lastModified"].as_str().unwrap();
    assert!(last_modified.len() == 20 && last_modified.ends_with('Z'), "ISO-8601: {last_modified}");
    let payout: Value = h.api(Method::GET, "/v2/schemes/payout", &token).send().await.unwrap().json().await.unwrap();
    assert_eq!(payout, json!({"schemes": []}));
}

#[tokio::test]
async fn a_created_scheme_reads_back_exactly_and_can_be_deleted() {
    let h = Harness::start().await;
    let token = h.token().await;
    let created = h.api(Method::POST, "/v1/schemes/payout", &token).json(&scheme_body()).send().await.unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let text = created.text().await.unwrap();
    assert!(text.contains(r#""lowValueInclusive":0.10,"highValueInclusive":250,"#), "exact digits: {text}");
    let scheme: Value = serde_json::from_str(&text).unwrap();
    let id = scheme["schemeId"].as_str().unwrap();
    assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase()), "{id}");
    assert_eq!(scheme["drafts"][0]["rules"][0]["apps"][0]["availablePaymentMethods"], json!(["CARD", "GOOGLE_PAY"]));

    let read = h.api(Method::GET, &format!("/v1/schemes/payout/{id}"), &token).send().await.unwrap();
    assert_eq!(read.json::<Value>().await.unwrap(), scheme);
    let as_collect = h.api(Method::GET, &format!("/v1/schemes/collect/{id}"), &token).send().await.unwrap();
    expect_error(as_collect, StatusCode::BAD_REQUEST, &["SCHEME_NOT_FOUND"]).await;

    let deleted = h.api(Method::DELETE, &format!("/v1/schemes/payout/{id}"), &token).send().await.unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let again = h.api(Method::DELETE, &format!("/v1/schemes/payout/{id}"), &token).send().await.unwrap();
    expect_error(again, StatusCode::BAD_REQUEST, &["SCHEME_NOT_FOUND"]).await;
}

#[tokio::test]
async fn a_bad_scheme_is_refused_with_every_problem() {
    let h = Harness::start().await;
    let token = h.token().await;
    let body =
        json!({"rules": [{"currencies": ["GB"], "countries": ["gb"], "highValueInclusive": "1e3", "apps": [{}]}]});
    let refused = h.api(Method::POST, "/v1/schemes/collect", &token).json(&body).send().await.unwrap();
    expect_error(
        refused,
        StatusCode::BAD_REQUEST,
        &[
            "NAME_IS_REQUIRED",
            "CURRENCY_LENGTH_OUT_OF_RANGE",
            "COUNTRY_FORMAT_NOT_RECOGNISED",
            "AMOUNT_FORMAT_NOT_RECOGNISED",
            "APP_ID_IS_REQUIRED",
        ],
    )
    .await;
}

#[tokio::test]
async fn each_kind_has_its_own_roles() {
    let mut config = test_config();
    config.add_key(key(COLLECT_READ_KEY, &[imburse_emulator::config::DEMO_TENANT_ID], &["tenant-collect-scheme-read"]));
    let h = Harness::with_config(config).await;
    let token = h.token_for(COLLECT_READ_KEY).await;
    let read = h.api(Method::GET, "/v1/schemes/collect", &token).send().await.unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    let write = h.api(Method::POST, "/v1/schemes/collect", &token).json(&scheme_body()).send().await.unwrap();
    let body = expect_error(write, StatusCode::FORBIDDEN, &["INSUFFICIENT_ROLE"]).await;
    assert_eq!(body["errors"][0]["metadata"]["requiredRole"], "tenant-collect-scheme-write");
    let payout = h.api(Method::GET, "/v1/schemes/payout", &token).send().await.unwrap();
    expect_error(payout, StatusCode::FORBIDDEN, &["INSUFFICIENT_ROLE"]).await;
    let transactions = h.token_for(READ_ONLY_KEY).await;
    let listed = h.api(Method::GET, "/v1/schemes/collect", &transactions).send().await.unwrap();
    expect_error(listed, StatusCode::FORBIDDEN, &["INSUFFICIENT_ROLE"]).await;
}

#[tokio::test]
async fn schemes_are_per_tenant_and_instructions_follow_them() {
    let h = Harness::start().await;
    let token = h.token_for(TWO_TENANT_KEY).await;
    let created: Value = h
        .api(Method::POST, "/v1/schemes/collect", &token)
        .json(&scheme_body())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["schemeId"].as_str().unwrap().to_string();
    let elsewhere =
        h.api_in(Method::GET, &format!("/v1/schemes/collect/{id}"), &token, OTHER_TENANT).send().await.unwrap();
    expect_error(elsewhere, StatusCode::BAD_REQUEST, &["SCHEME_NOT_FOUND"]).await;

    let mut with_new = instruction("I-1");
    with_new["schemeId"] = json!(id);
    let accepted = h.create_order(&token, json!({"orderRef": "O-NEW", "instructions": [with_new.clone()]})).await;
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    h.api(Method::DELETE, &format!("/v1/schemes/collect/{id}"), &token).send().await.unwrap();
    let refused = h.create_order(&token, json!({"orderRef": "O-OLD", "instructions": [with_new]})).await;
    expect_error(refused, StatusCode::BAD_REQUEST, &["SCHEME_ID_NOT_RECOGNISED"]).await;
}
