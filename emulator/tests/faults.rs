//! Fault injection over real HTTP: each fault kind as a client experiences it, the request log
//! that shows what arrived, matching rules, and reset.

mod common;

use std::time::Duration;

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const INSTRUCTION_PATH: &str = "/v2/order-management/O-F/instruction/I-1";

/// An emulator with one order and instruction, and a token.
async fn with_order() -> (Harness, String) {
    let h = Harness::start().await;
    let token = h.token().await;
    let created = h.create_order(&token, json!({"orderRef": "O-F", "instructions": [instruction("I-1")]})).await;
    assert_eq!(created.status(), StatusCode::ACCEPTED);
    (h, token)
}

async fn get_instruction(h: &Harness, token: &str) -> reqwest::Result<reqwest::Response> {
    h.api(Method::GET, INSTRUCTION_PATH, token).send().await
}

#[tokio::test]
async fn respond_faults_apply_to_the_next_n_matching_requests_then_stop() {
    let (h, token) = with_order().await;
    h.arm(json!({"method": "GET", "path": "/v2/order-management/*", "times": 2, "action": "respond", "status": 503}))
        .await;
    // A POST does not match a GET fault.
    let post = h.create_order(&token, json!({"orderRef": "O-OTHER"})).await;
    assert_eq!(post.status(), StatusCode::CREATED);
    let mut statuses = vec![];
    for _ in 0..3 {
        statuses.push(get_instruction(&h, &token).await.unwrap().status().as_u16());
    }
    assert_eq!(statuses, [503, 503, 200]);
    let log = h.requests(&format!("?method=GET&path={INSTRUCTION_PATH}")).await;
    let seen: Vec<(Value, Value)> = log.iter().map(|e| (e["fault"].clone(), e["status"].clone())).collect();
    assert_eq!(seen, [(json!("respond"), json!(503)), (json!("respond"), json!(503)), (Value::Null, json!(200))]);
    let armed: Vec<Value> = h.http.get(h.url("/__emulator/faults")).send().await.unwrap().json().await.unwrap();
    assert!(armed.is_empty(), "a used-up fault disarms itself");
}

#[tokio::test]
async fn an_injected_server_error_has_the_classic_body_and_correlation_ids() {
    let (h, token) = with_order().await;
    h.arm(json!({"action": "respond", "status": 500})).await;
    let response =
        h.api(Method::GET, INSTRUCTION_PATH, &token).header("x-correlation-id", "cid-77").send().await.unwrap();
    let body = expect_error(response, StatusCode::INTERNAL_SERVER_ERROR, &["INTERNAL_SERVER_ERROR"]).await;
    assert_eq!(body["errors"][0]["metadata"]["correlationId"], "cid-77");
    let log = h.requests("?method=GET").await;
    assert_eq!(log[0]["server_correlation_id"], body["correlationId"]);
    assert_eq!(log[0]["client_correlation_id"], "cid-77");
}

#[tokio::test]
async fn rate_limits_and_conflicts_carry_retry_after_as_given() {
    let (h, token) = with_order().await;
    let date = "Wed, 21 Oct 2015 07:28:00 GMT";
    h.arm(json!({"action": "respond", "status": 429, "retry_after": 2})).await;
    h.arm(json!({"action": "respond", "status": 429, "retry_after": date})).await;
    h.arm(json!({"action": "respond", "status": 429})).await;
    h.arm(json!({"action": "respond", "status": 409, "error_code": "REQUEST_CONFLICT"})).await;
    let first = get_instruction(&h, &token).await.unwrap();
    assert_eq!(first.headers()["retry-after"], "2");
    expect_error(first, StatusCode::TOO_MANY_REQUESTS, &["TOO_MANY_REQUESTS"]).await;
    let second = get_instruction(&h, &token).await.unwrap();
    assert_eq!(second.headers()["retry-after"], date);
    let third = get_instruction(&h, &token).await.unwrap();
    assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(third.headers().get("retry-after").is_none());
    let conflict = get_instruction(&h, &token).await.unwrap();
    expect_error(conflict, StatusCode::CONFLICT, &["REQUEST_CONFLICT"]).await;
}

#[tokio::test]
async fn the_three_documented_error_shapes_and_raw_bodies_can_be_served() {
    let (h, token) = with_order().await;
    h.arm(json!({"action": "respond", "status": 401, "body": "problem", "message": "Invalid token"})).await;
    h.arm(json!({"action": "respond", "status": 400, "body": "mandates", "error_code": "REQUIRED_ATTRIBUTE"})).await;
    h.arm(json!({"action": "respond", "status": 502, "body": "empty"})).await;
    h.arm(json!({"action": "respond", "status": 500, "body": "raw", "raw_body": "{\"errors\": [", "content_type": "application/json"})).await;

    let problem = get_instruction(&h, &token).await.unwrap();
    assert_eq!(problem.headers()["content-type"], "application/problem+json");
    let problem: Value = problem.json().await.unwrap();
    assert_eq!((problem["status"].as_u64(), problem["title"].as_str()), (Some(401), Some("Unauthorized")));
    assert_eq!(problem["detail"], "Invalid token");
    assert_eq!(problem["instance"], INSTRUCTION_PATH);
    assert!(is_imburse_correlation_id(problem["trace"]["requestId"].as_str().unwrap()));

    let mandates: Value = get_instruction(&h, &token).await.unwrap().json().await.unwrap();
    assert_eq!(mandates["title"], "BAD_REQUEST");
    assert_eq!(mandates["errors"][0]["title"], "REQUIRED_ATTRIBUTE");
    assert_eq!(mandates["status"], 400);
    assert_eq!(mandates["traceId"], mandates["correlationId"]);

    let empty = get_instruction(&h, &token).await.unwrap();
    assert_eq!(empty.status(), StatusCode::BAD_GATEWAY);
    assert!(empty.bytes().await.unwrap().is_empty());

    let raw = get_instruction(&h, &token).await.unwrap();
    assert_eq!(raw.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(raw.text().await.unwrap(), "{\"errors\": [");
}

#[tokio::test]
async fn a_delay_outlasts_a_short_client_timeout_and_then_the_request_succeeds() {
    let (h, token) = with_order().await;
    h.arm(json!({"action": "delay", "ms": 1500})).await;
    let impatient = h.api(Method::GET, INSTRUCTION_PATH, &token).timeout(Duration::from_millis(300)).send().await;
    assert!(impatient.unwrap_err().is_timeout());
    let patient = h.api(Method::GET, INSTRUCTION_PATH, &token).timeout(Duration::from_millis(300)).send().await;
    assert_eq!(patient.unwrap().status(), StatusCode::OK, "the delay applied to one request only");
}

#[tokio::test]
async fn drop_before_read_closes_without_answer_and_nothing_is_processed() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.arm(json!({"method": "POST", "path": "/v1/order-management", "action": "drop_before_read"})).await;
    let outcome = h.create_order_raw(&token, json!({"orderRef": "O-DROP"})).await;
    assert!(outcome.is_err(), "the client sees a connection error, not a status");
    let log = h.requests("?method=POST&path=/v1/order-management").await;
    assert_eq!(log.len(), 1, "exactly one attempt arrived");
    assert_eq!(log[0]["fault"], "drop_before_read");
    assert_eq!(log[0]["body"], Value::Null, "the body was never read");
    assert_eq!(log[0]["status"], Value::Null);
    let missing = h.api(Method::GET, "/v1/order-management/O-DROP", &token).send().await.unwrap();
    expect_error(missing, StatusCode::BAD_REQUEST, &["ORDER_NOT_FOUND"]).await;
}

#[tokio::test]
async fn drop_after_read_processes_the_request_then_hangs_up() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.arm(json!({"method": "POST", "action": "drop_after_read"})).await;
    let outcome = h.create_order_raw(&token, json!({"orderRef": "O-LOST-REPLY"})).await;
    assert!(outcome.is_err(), "no answer reached the client");
    let log = h.requests("?method=POST&path=/v1/order-management").await;
    assert_eq!(log.len(), 1, "exactly one attempt arrived");
    assert_eq!(log[0]["fault"], "drop_after_read");
    assert_eq!(log[0]["body"], r#"{"orderRef":"O-LOST-REPLY"}"#, "the server read the body");
    let order = h.api(Method::GET, "/v1/order-management/O-LOST-REPLY", &token).send().await.unwrap();
    assert_eq!(order.status(), StatusCode::OK, "but the order was created");

    h.arm(json!({"method": "POST", "action": "drop_after_read", "process": false})).await;
    assert!(h.create_order_raw(&token, json!({"orderRef": "O-NOT-DONE"})).await.is_err());
    let missing = h.api(Method::GET, "/v1/order-management/O-NOT-DONE", &token).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn drop_after_read_can_process_the_request_later_unless_the_emulator_is_reset() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.arm(json!({"method": "POST", "action": "drop_after_read", "process_after_ms": 300})).await;
    assert!(h.create_order_raw(&token, json!({"orderRef": "O-LATE"})).await.is_err(), "the connection drops");
    let get = || h.api(Method::GET, "/v1/order-management/O-LATE", &token).send();
    assert_eq!(get().await.unwrap().status(), StatusCode::BAD_REQUEST, "not processed yet");
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(get().await.unwrap().status(), StatusCode::OK, "processed after the drop");

    // Work scheduled before a reset never lands in the next test's state.
    h.arm(json!({"method": "POST", "action": "drop_after_read", "process_after_ms": 300})).await;
    assert!(h.create_order_raw(&token, json!({"orderRef": "O-STALE"})).await.is_err());
    h.reset().await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let token = h.token().await;
    let stale = h.api(Method::GET, "/v1/order-management/O-STALE", &token).send().await.unwrap();
    assert_eq!(stale.status(), StatusCode::BAD_REQUEST);

    let refused = h
        .http
        .post(h.url("/__emulator/faults"))
        .json(&json!({"action": "drop_after_read", "process": false, "process_after_ms": 5}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "processing later needs processing");
}

#[tokio::test]
async fn truncated_and_corrupted_bodies_are_not_json() {
    let (h, token) = with_order().await;
    h.arm(json!({"action": "truncate_body"})).await;
    let truncated = get_instruction(&h, &token).await.unwrap();
    assert_eq!(truncated.status(), StatusCode::OK, "status and headers arrive");
    let declared: usize = truncated.headers()["content-length"].to_str().unwrap().parse().unwrap();
    assert!(declared > 100);
    assert!(truncated.bytes().await.is_err(), "the body is cut before its declared length");

    h.arm(json!({"action": "corrupt_body"})).await;
    let corrupted = get_instruction(&h, &token).await.unwrap();
    assert_eq!(corrupted.status(), StatusCode::OK);
    let bytes = corrupted.bytes().await.unwrap();
    assert!(serde_json::from_slice::<Value>(&bytes).is_err());

    let fine = get_instruction(&h, &token).await.unwrap();
    assert!(fine.json::<Value>().await.is_ok(), "the next response is whole again");
}

#[tokio::test]
async fn an_html_error_page_can_stand_in_for_a_proxy() {
    let (h, token) = with_order().await;
    h.arm(json!({"action": "html", "status": 504})).await;
    let response = get_instruction(&h, &token).await.unwrap();
    assert_eq!(response.status(), StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(response.headers()["content-type"], "text/html");
    assert!(response.text().await.unwrap().contains("<h1>504 Gateway Timeout</h1>"));
}

#[tokio::test]
async fn oversized_bodies_for_errors_and_successes() {
    let (h, token) = with_order().await;
    h.arm(json!({"action": "oversized_body", "status": 500, "bytes": 3_000_000})).await;
    let error = get_instruction(&h, &token).await.unwrap();
    assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(error.bytes().await.unwrap().len() > 3_000_000);

    h.arm(json!({"action": "oversized_body", "bytes": 2_000_000})).await;
    let success = get_instruction(&h, &token).await.unwrap();
    assert_eq!(success.status(), StatusCode::OK);
    let body: Value = success.json().await.unwrap();
    assert_eq!(body["instructionRef"], "I-1", "the real body is still there");
    assert_eq!(body["padding"].as_str().unwrap().len(), 2_000_000);
}

#[tokio::test]
async fn the_request_log_masks_credentials_and_records_what_was_sent() {
    let (h, token) = with_order().await;
    h.api(Method::GET, INSTRUCTION_PATH, &token).header("x-correlation-id", "abc-123").send().await.unwrap();
    let log = h.requests("").await;
    let hmac = &log[0];
    assert_eq!(hmac["path"], "/v1/identity/hmac");
    let authorization = hmac["headers"]["authorization"].as_str().unwrap();
    assert!(authorization.starts_with(&format!("Hmac {}:", h.info.public_key)));
    assert!(authorization.ends_with(":<redacted>"));
    let get = log.last().unwrap();
    assert_eq!(get["headers"]["authorization"], "Bearer <redacted>");
    assert!(!serde_json::to_string(&log).unwrap().contains(&token), "the token never appears");
    assert_eq!(get["headers"]["x-account-id"], h.info.account_id.as_str());
    assert_eq!(get["client_correlation_id"], "abc-123");
    assert!(get["received_at_ms"].as_u64().unwrap() > 1_600_000_000_000);
}

#[tokio::test]
async fn requests_on_one_connection_share_its_correlation_prefix() {
    let (h, token) = with_order().await;
    // One keep-alive connection: the reqwest client pool reuses it for sequential requests.
    for _ in 0..3 {
        get_instruction(&h, &token).await.unwrap().bytes().await.unwrap();
    }
    let log = h.requests("?method=GET").await;
    let ids: Vec<&str> = log.iter().map(|e| e["server_correlation_id"].as_str().unwrap()).collect();
    let prefixes: std::collections::BTreeSet<&str> = ids.iter().map(|id| id.split(':').next().unwrap()).collect();
    assert_eq!(prefixes.len(), 1, "{ids:?}");
    let counters: Vec<u32> =
        ids.iter().map(|id| u32::from_str_radix(id.split(':').nth(1).unwrap(), 16).unwrap()).collect();
    assert!(counters.windows(2).all(|w| w[1] == w[0] + 1), "{ids:?}");
}

#[tokio::test]
async fn reset_forgets_data_faults_and_the_log() {
    let (h, token) = with_order().await;
    h.arm(json!({"action": "respond", "status": 500, "times": 5})).await;
    h.reset().await;
    assert!(h.requests("").await.is_empty());
    let gone = get_instruction(&h, &token).await.unwrap();
    expect_error(gone, StatusCode::BAD_REQUEST, &["ORDER_NOT_FOUND"]).await;
}

#[tokio::test]
async fn invalid_fault_specs_are_refused() {
    let h = Harness::start().await;
    for spec in [json!({"action": "respond", "status": 700}), json!({"action": "explode"}), json!({"action": "delay"})]
    {
        let response = h.http.post(h.url("/__emulator/faults")).json(&spec).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{spec}");
        let body: Value = response.json().await.unwrap();
        assert!(body["error"].as_str().unwrap().starts_with("invalid fault"));
    }
}

#[tokio::test]
async fn many_concurrent_authenticated_requests_all_succeed() {
    let (h, token) = with_order().await;
    let calls = (0..200).map(|_| get_instruction(&h, &token));
    let results = futures::future::join_all(calls).await;
    assert!(results.into_iter().all(|r| r.unwrap().status() == StatusCode::OK));
}

#[tokio::test]
async fn a_probability_fault_strikes_about_that_share_of_requests_and_repeats_with_its_seed() {
    let (h, token) = with_order().await;
    let mut runs = Vec::new();
    for _ in 0..2 {
        h.arm(json!({"method": "GET", "path": "/v2/*", "times": 1000, "probability": 0.2, "seed": 7,
                     "action": "respond", "status": 503}))
            .await;
        let mut statuses = Vec::new();
        for _ in 0..200 {
            statuses.push(get_instruction(&h, &token).await.unwrap().status().as_u16());
        }
        h.http.delete(h.url("/__emulator/faults")).send().await.unwrap();
        runs.push(statuses);
    }
    let struck = runs[0].iter().filter(|s| **s == 503).count();
    assert!((20..=60).contains(&struck), "{struck} of 200 at p = 0.2");
    assert!(runs[0].iter().all(|s| *s == 503 || *s == 200));
    assert_eq!(runs[0], runs[1], "the same seed strikes the same requests");

    let refused =
        h.http.post(h.url("/__emulator/faults")).json(&json!({"probability": 1.5, "action": "delay", "ms": 1}));
    assert_eq!(refused.send().await.unwrap().status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_control_api_lists_a_tenants_orders_with_every_instruction() {
    let (h, token) = with_order().await;
    h.create_order(&token, json!({"orderRef": "O-A"})).await;
    let tenant = imburse_emulator::config::DEMO_TENANT_ID;
    let orders: Value =
        h.http.get(h.url(&format!("/__emulator/tenants/{tenant}/orders"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(orders[0]["order_ref"], "O-A");
    assert_eq!(orders[0]["instructions"], json!([]));
    assert_eq!(orders[1]["order_ref"], "O-F");
    assert_eq!(orders[1]["instructions"][0]["instruction_ref"], "I-1");
    assert_eq!(orders[1]["instructions"][0]["status"], "READY");
    assert!(orders[1]["instructions"][0]["amount"].is_string());
}
