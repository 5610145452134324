//! Customer vault over real HTTP: v1 read vs v2 get-or-create, metadata updates, mobile
//! financial instruments and the wallet.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn v1_reads_only_v2_creates_when_absent() {
    let h = Harness::start().await;
    let token = h.token().await;
    let missing = h.api(Method::GET, "/v1/customer-vault/CUST-1", &token).send().await.unwrap();
    let body = expect_error(missing, StatusCode::BAD_REQUEST, &["CUSTOMER_NOT_FOUND"]).await;
    assert_eq!(body["errors"][0]["metadata"]["customerRef"], "CUST-1");

    let created = h.api(Method::GET, "/v2/customer-vault/CUST-1", &token).send().await.unwrap();
    assert_eq!(created.status(), StatusCode::OK);
    let customer: Value = created.json().await.unwrap();
    assert_eq!(customer["status"], "ACTIVE");
    assert_eq!(customer["customerRef"], "CUST-1");
    assert_eq!(customer["metadata"], json!({}));
    assert_eq!(customer["financialInstruments"], json!([]));
    assert_eq!(customer["_links"]["self"]["href"], "/v1/customer-vault/CUST-1", "the samples' links name /v1 paths");

    let now_there = h.api(Method::GET, "/v1/customer-vault/CUST-1", &token).send().await.unwrap();
    assert_eq!(now_there.status(), StatusCode::OK);
    let bad_ref = h.api(Method::GET, "/v2/customer-vault/bad%20ref", &token).send().await.unwrap();
    expect_error(bad_ref, StatusCode::BAD_REQUEST, &["CUSTOMER_REF_CONTAINS_INVALID_CHARACTERS"]).await;
}

#[tokio::test]
async fn updating_metadata_is_202_and_validated() {
    let h = Harness::start().await;
    let token = h.token().await;
    let put = |body: Value| h.api(Method::PUT, "/v2/customer-vault/CUST-2", &token).json(&body).send();
    let accepted = put(json!({"metadata": {"tier": "gold"}})).await.unwrap();
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    let customer: Value =
        h.api(Method::GET, "/v1/customer-vault/CUST-2", &token).send().await.unwrap().json().await.unwrap();
    assert_eq!(customer["metadata"], json!({"tier": "gold"}));

    let refused = put(json!({"metadata": {"k".repeat(101): "v"}})).await.unwrap();
    let body = expect_error(refused, StatusCode::BAD_REQUEST, &["METADATA_KEY_SIZE_OUT_OF_RANGE"]).await;
    assert_eq!(
        body["errors"][0]["message"],
        format!("Metadata key {} must not exceed 100 in length.", "k".repeat(101))
    );
}

#[tokio::test]
async fn a_mobile_instrument_is_created_read_and_added_to_the_wallet() {
    let h = Harness::start().await;
    let token = h.token().await;
    let created = h
        .api(Method::POST, "/v1/customer-vault/CUST-3/mobile", &token)
        .json(&json!({"countryCode": "44", "phoneNumber": "07738620344"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    assert!(uuid::Uuid::parse_str(&id).is_ok());

    let path = format!("/v1/customer-vault/CUST-3/financial-instrument/{id}");
    let instrument: Value = h.api(Method::GET, &path, &token).send().await.unwrap().json().await.unwrap();
    assert_eq!(instrument["id"], id.as_str());
    assert_eq!(instrument["type"], "MOBILE");
    assert_eq!(instrument["status"], "ACTIVE");
    assert_eq!(instrument["wallet"]["enabled"], false);
    assert!(!instrument.to_string().contains("07738620344"), "the full number is not echoed");
    assert!(instrument["createdTimestamp"].as_u64().is_some());

    let wallet_path = "/v2/customer-vault/CUST-3/wallet";
    let empty: Value = h.api(Method::GET, wallet_path, &token).send().await.unwrap().json().await.unwrap();
    assert_eq!(empty["financialInstruments"], json!([]));
    let add = h
        .api(Method::POST, wallet_path, &token)
        .json(&json!({"financialInstrumentId": id, "reason": "customer consent"}))
        .send()
        .await
        .unwrap();
    assert_eq!(add.status(), StatusCode::ACCEPTED);
    let wallet: Value = h.api(Method::GET, wallet_path, &token).send().await.unwrap().json().await.unwrap();
    assert_eq!(wallet["financialInstruments"][0]["id"], id.as_str());
    assert_eq!(wallet["financialInstruments"][0]["wallet"]["enabled"], true);

    let unknown = h
        .api(Method::POST, wallet_path, &token)
        .json(&json!({"financialInstrumentId": "00000000-0000-4000-8000-000000000000"}))
        .send()
        .await
        .unwrap();
    expect_error(unknown, StatusCode::BAD_REQUEST, &["FINANCIAL_INSTRUMENT_NOT_FOUND"]).await;
    let bad_phone = h
        .api(Method::POST, "/v1/customer-vault/CUST-3/mobile", &token)
        .json(&json!({"countryCode": "+44"}))
        .send()
        .await
        .unwrap();
    expect_error(
        bad_phone,
        StatusCode::BAD_REQUEST,
        &["COUNTRY_CODE_FORMAT_NOT_RECOGNISED", "PHONE_NUMBER_IS_REQUIRED"],
    )
    .await;
}
