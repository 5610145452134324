//! Bearer, account, tenant and role checks on resource routes, and tenant isolation.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn missing_and_invalid_tokens_are_401() {
    let h = Harness::start().await;
    let path = h.url("/v1/order-management/ANY");
    let no_token = h.http.get(&path).header("x-account-id", &h.info.account_id).send().await.unwrap();
    expect_error(no_token, StatusCode::UNAUTHORIZED, &["ACCESS_TOKEN_IS_REQUIRED"]).await;
    let garbage = h.api(Method::GET, "/v1/order-management/ANY", "not.a.token").send().await.unwrap();
    expect_error(garbage, StatusCode::UNAUTHORIZED, &["ACCESS_TOKEN_INVALID"]).await;
    let hmac_instead = h
        .http
        .get(&path)
        .header("authorization", h.sign_now(&h.info.public_key))
        .header("x-account-id", &h.info.account_id)
        .header("x-tenant-id", &h.info.tenant_id)
        .send()
        .await
        .unwrap();
    expect_error(hmac_instead, StatusCode::UNAUTHORIZED, &["ACCESS_TOKEN_IS_REQUIRED"]).await;
}

#[tokio::test]
async fn a_lowercase_bearer_scheme_is_accepted() {
    let h = Harness::start().await;
    let token = h.token().await;
    let response = h
        .http
        .get(h.url("/v2/customer-vault/C1"))
        .header("authorization", format!("bearer {token}"))
        .header("x-account-id", &h.info.account_id)
        .header("x-tenant-id", &h.info.tenant_id)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn tokens_expire_after_their_lifetime() {
    let h = Harness::start().await;
    let settings =
        h.http.put(h.url("/__emulator/settings")).json(&json!({"token_ttl_seconds": 1})).send().await.unwrap();
    assert_eq!(settings.status(), StatusCode::OK);
    let token = h.token().await;
    let ok = h.api(Method::GET, "/v2/customer-vault/C1", &token).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let expired = h.api(Method::GET, "/v2/customer-vault/C1", &token).send().await.unwrap();
    expect_error(expired, StatusCode::UNAUTHORIZED, &["ACCESS_TOKEN_EXPIRED"]).await;
}

#[tokio::test]
async fn the_control_api_can_expire_every_issued_token_at_once() {
    let h = Harness::start().await;
    let old = h.token().await;
    let response = h.http.post(h.url("/__emulator/tokens/expire")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let refused = h.api(Method::GET, "/v2/customer-vault/C1", &old).send().await.unwrap();
    expect_error(refused, StatusCode::UNAUTHORIZED, &["ACCESS_TOKEN_EXPIRED"]).await;
    let fresh = h.token().await;
    let ok = h.api(Method::GET, "/v2/customer-vault/C1", &fresh).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_account_header_must_be_present_and_match_the_key() {
    let h = Harness::start().await;
    let token = h.token().await;
    let missing = h
        .http
        .get(h.url("/v2/customer-vault/C1"))
        .bearer_auth(&token)
        .header("x-tenant-id", &h.info.tenant_id)
        .send()
        .await
        .unwrap();
    expect_error(missing, StatusCode::BAD_REQUEST, &["ACCOUNT_ID_IS_REQUIRED"]).await;
    let other = h
        .http
        .get(h.url("/v2/customer-vault/C1"))
        .bearer_auth(&token)
        .header("x-account-id", "99999999-9999-4999-8999-999999999999")
        .header("x-tenant-id", &h.info.tenant_id)
        .send()
        .await
        .unwrap();
    expect_error(other, StatusCode::FORBIDDEN, &["ACCOUNT_ID_NOT_PERMITTED"]).await;
}

#[tokio::test]
async fn tenant_scoped_routes_need_a_tenant_the_key_may_act_for() {
    let h = Harness::start().await;
    let token = h.token().await;
    let missing = h
        .http
        .get(h.url("/v2/customer-vault/C1"))
        .bearer_auth(&token)
        .header("x-account-id", &h.info.account_id)
        .header("x-correlation-id", "caller-id-1")
        .send()
        .await
        .unwrap();
    let body = expect_error(missing, StatusCode::BAD_REQUEST, &["TENANT_ID_IS_REQUIRED"]).await;
    assert_eq!(body["errors"][0]["metadata"]["correlationId"], "caller-id-1");
    let outer = body["correlationId"].as_str().unwrap();
    assert_eq!(
        body["errors"][0]["message"], "Please reference caller-id-1 when contacting support.",
        "the documented TENANT_ID_IS_REQUIRED message (outer id {outer})"
    );

    let foreign = h.api_in(Method::GET, "/v2/customer-vault/C1", &token, OTHER_TENANT).send().await.unwrap();
    let body = expect_error(foreign, StatusCode::FORBIDDEN, &["TENANT_ID_NOT_PERMITTED"]).await;
    assert_eq!(body["errors"][0]["metadata"]["tenantId"], OTHER_TENANT);
}

#[tokio::test]
async fn a_missing_role_is_403_and_names_the_role_required() {
    let h = Harness::start().await;
    let token = h.token_for(READ_ONLY_KEY).await;
    let create = h.create_order(&token, json!({"orderRef": "O-ROLE"})).await;
    let body = expect_error(create, StatusCode::FORBIDDEN, &["INSUFFICIENT_ROLE"]).await;
    assert_eq!(body["errors"][0]["metadata"]["requiredRole"], "tenant-transaction-write");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("tenant-transaction-write"));

    // The read role is enough to read.
    let admin = h.token().await;
    assert_eq!(h.create_order(&admin, json!({"orderRef": "O-ROLE"})).await.status(), StatusCode::CREATED);
    let read = h.api(Method::GET, "/v1/order-management/O-ROLE", &token).send().await.unwrap();
    assert_eq!(read.status(), StatusCode::OK);

    // tenant-bridge-read may use the v2 customer vault but not order management.
    let bridge = h.token_for(BRIDGE_READ_KEY).await;
    let vault = h.api(Method::GET, "/v2/customer-vault/C9", &bridge).send().await.unwrap();
    assert_eq!(vault.status(), StatusCode::OK);
    let orders = h.api(Method::GET, "/v1/order-management/O-ROLE", &bridge).send().await.unwrap();
    expect_error(orders, StatusCode::FORBIDDEN, &["INSUFFICIENT_ROLE"]).await;
}

#[tokio::test]
async fn tenants_never_see_each_others_data() {
    let h = Harness::start().await;
    let token = h.token_for(TWO_TENANT_KEY).await;
    let tenant_a = h.info.tenant_id.clone();
    let create = h
        .api_in(Method::POST, "/v1/order-management", &token, &tenant_a)
        .json(&json!({"orderRef": "SHARED-REF", "metadata": {"tenant": "A"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(create.status(), StatusCode::CREATED);

    let from_b = h.api_in(Method::GET, "/v1/order-management/SHARED-REF", &token, OTHER_TENANT).send().await.unwrap();
    let body = expect_error(from_b, StatusCode::BAD_REQUEST, &["ORDER_NOT_FOUND"]).await;
    assert_eq!(body["errors"][0]["metadata"]["orderRef"], "SHARED-REF");

    // The same reference is free in tenant B, and each tenant reads its own order.
    let create_b = h
        .api_in(Method::POST, "/v1/order-management", &token, OTHER_TENANT)
        .json(&json!({"orderRef": "SHARED-REF", "metadata": {"tenant": "B"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(create_b.status(), StatusCode::CREATED);
    for (tenant, expected) in [(tenant_a.as_str(), "A"), (OTHER_TENANT, "B")] {
        let order: Value = h
            .api_in(Method::GET, "/v1/order-management/SHARED-REF", &token, tenant)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(order["metadata"]["tenant"], expected);
    }
}

#[tokio::test]
async fn the_not_found_status_is_configurable() {
    let mut config = test_config();
    config.not_found_status = 404;
    let h = Harness::with_config(config).await;
    let token = h.token().await;
    let response = h.api(Method::GET, "/v1/order-management/NOPE", &token).send().await.unwrap();
    expect_error(response, StatusCode::NOT_FOUND, &["ORDER_NOT_FOUND"]).await;
}
