//! The client against the emulator: what users rely on when calls succeed, fail and are retried.

mod common;

use std::time::Duration;

use common::*;
use imburse::{CallOptions, ErrorKind};
use serde_json::json;

#[tokio::test]
async fn quickstart_flow_creates_an_order_and_reads_an_instruction_back_exactly() {
    let h = Harness::start().await;
    let client = h.client();
    let created = client
        .create_order(
            &order("O-1", vec![instruction("I-1", "210.00"), instruction("I-2", "0.10")]),
            &CallOptions::new(),
        )
        .await
        .unwrap();
    assert_eq!((created.data.status, created.data.reconciled), (202, false));
    assert_eq!(created.meta.attempts, 1);

    let read = client.get_instruction("O-1", "I-2", &CallOptions::new()).await.unwrap();
    assert_eq!(read.data.amount.as_str(), "0.10");
    assert_eq!(read.data.status, "READY");
    assert_eq!(read.data.direction, imburse::models::Direction::Debit);
    assert_eq!(read.data.metadata["invoice"], "INV-1");
    let stored = client.get_order("O-1", &CallOptions::new()).await.unwrap().data;
    let refs: Vec<_> = stored.instructions.iter().map(|i| i.instruction_ref.clone().unwrap()).collect();
    assert_eq!(refs, ["I-1", "I-2"]);
    assert_eq!(stored.instructions[0].amount.as_str(), "210.00");
}

#[tokio::test]
async fn every_request_carries_the_documented_headers_and_one_correlation_id_per_call() {
    let h = Harness::start().await;
    let client = h.client();
    h.arm(json!({"method": "GET", "times": 2, "action": "respond", "status": 503})).await;
    let response = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    assert_eq!(response.meta.attempts, 3);
    let seen = h.requests("GET", "/v2/customer-vault/C-1").await;
    assert_eq!(seen.len(), 3, "three attempts reached the server");
    let generated = &response.meta.client_correlation_id;
    assert!(is_uuid(generated));
    for request in &seen {
        let headers = &request["headers"];
        assert_eq!(headers["x-correlation-id"], generated.as_str(), "the same id on every attempt");
        assert_eq!(headers["authorization"], "Bearer <redacted>");
        assert_eq!(headers["x-account-id"], h.info.account_id.as_str());
        assert_eq!(headers["x-tenant-id"], h.info.tenant_id.as_str());
        assert!(headers["user-agent"].as_str().unwrap().starts_with("imburse-sdk/"));
    }
    let identity = h.requests("POST", "/v1/identity/hmac").await;
    assert_eq!(identity.len(), 1);
    assert_eq!(identity[0]["headers"]["x-account-id"], serde_json::Value::Null, "identity takes only the HMAC");
    assert_eq!(identity[0]["headers"]["x-correlation-id"], generated.as_str());

    let given = client.get_or_create_customer("C-1", &CallOptions::new().correlation_id("order-42")).await.unwrap();
    assert_eq!(given.meta.client_correlation_id, "order-42");
    let last = h.requests("GET", "/v2/customer-vault/C-1").await.pop().unwrap();
    assert_eq!(last["headers"]["x-correlation-id"], "order-42");
}

#[tokio::test]
async fn server_errors_exhaust_attempts_and_report_everything() {
    let h = Harness::start().await;
    let client = h.client();
    h.arm(json!({"action": "respond", "status": 503, "times": 3, "path": "/v2/customer-vault/*"})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new().correlation_id("cid-1")).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.code(), Some("SERVICE_UNAVAILABLE"));
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.client_correlation_id(), Some("cid-1"));
    let log = h.requests("GET", "/v2/customer-vault/C-1").await;
    assert_eq!(error.correlation_id(), log[2]["server_correlation_id"].as_str(), "the last attempt's server id");
    let line = error.to_string();
    assert!(!line.contains('\n'));
    assert!(line.contains("503") && line.contains("SERVICE_UNAVAILABLE") && line.contains("cid-1"), "{line}");
}

#[tokio::test]
async fn four_hundreds_are_not_retried() {
    let h = Harness::start().await;
    let client = h.client();
    for (status, kind) in [
        (400, ErrorKind::BadRequest),
        (402, ErrorKind::RequestFailed),
        (404, ErrorKind::NotFound),
        (409, ErrorKind::Conflict),
        (501, ErrorKind::Server),
    ] {
        h.arm(json!({"action": "respond", "status": status, "path": "/v2/*"})).await;
        let error = client.get_instruction("O-1", "I-1", &CallOptions::new()).await.unwrap_err();
        assert_eq!((error.kind(), error.status(), error.attempts()), (kind, Some(status), 1));
    }
}

#[tokio::test]
async fn retry_after_is_honoured_and_a_long_one_stops_retrying() {
    let h = Harness::start().await;
    let client = h.client();
    client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    h.arm(json!({"action": "respond", "status": 429, "retry_after": 1, "path": "/v2/*"})).await;
    let ok = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    assert_eq!(ok.meta.attempts, 2);
    let log = h.requests("GET", "/v2/customer-vault/C-1").await;
    let gap = log[2]["received_at_ms"].as_u64().unwrap() - log[1]["received_at_ms"].as_u64().unwrap();
    assert!(gap >= 1000, "the retry waited for Retry-After (gap {gap} ms)");

    h.arm(json!({"action": "respond", "status": 429, "retry_after": 30, "path": "/v2/*"})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(error.attempts(), 1, "30 s is above the 2 s cap: the caller decides");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
}

#[tokio::test]
async fn a_401_refreshes_the_token_once_and_replays_once() {
    let h = Harness::start().await;
    let client = h.client();
    client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    h.expire_tokens().await;
    let again = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    assert_eq!(again.meta.attempts, 2, "the refused attempt and its replay");
    assert_eq!(h.requests("POST", "/v1/identity/hmac").await.len(), 2);

    // A server that keeps refusing gets one replay, not a loop.
    h.arm(json!({"action": "respond", "status": 401, "times": 5, "path": "/v2/*"})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.attempts()), (ErrorKind::Unauthorized, 2));
    assert_eq!(h.requests("POST", "/v1/identity/hmac").await.len(), 3);
}

#[tokio::test]
async fn bad_credentials_fail_with_the_identity_endpoints_answer() {
    let h = Harness::start().await;
    let wrong_key =
        imburse::Client::new(h.config().private_key("c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=").build().unwrap())
            .unwrap();
    let error = wrong_key.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthorized);
    assert_eq!(error.code(), Some("HMAC_SIGNATURE_INVALID"));
    assert_eq!(h.requests("POST", "/v1/identity/hmac").await.len(), 1, "no retry of a refused key");
    assert!(h.requests("GET", "*").await.is_empty(), "nothing was sent without a token");
    let debug = format!("{error:?} {error} {wrong_key:?}");
    assert!(!debug.contains("c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY="), "no private key in {debug}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_calls_in_flight_share_one_token_refresh() {
    let h = Harness::start().await;
    let client = h.client();
    client.create_order(&order("O-1", vec![instruction("I-1", "1.00")]), &CallOptions::new()).await.unwrap();
    h.expire_tokens().await;
    let before = h.requests("POST", "/v1/identity/hmac").await.len();
    let calls = (0..100).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.get_instruction("O-1", "I-1", &CallOptions::new()).await })
    });
    for call in calls {
        call.await.unwrap().unwrap();
    }
    let after = h.requests("POST", "/v1/identity/hmac").await.len();
    assert_eq!(after - before, 1, "one refresh served all hundred calls");
}

#[tokio::test]
async fn a_token_expiring_mid_run_is_replaced_before_it_is_refused() {
    let h = Harness::start().await;
    assert_eq!(h.control_put("/settings", json!({"token_ttl_seconds": 2})).await, 200);
    let client = h.client();
    client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(2300)).await;
    let later = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    assert_eq!(later.meta.attempts, 1, "refreshed ahead of expiry: no 401 round trip");
    assert_eq!(h.requests("POST", "/v1/identity/hmac").await.len(), 2);
    let refused: Vec<_> = h.requests("GET", "*").await.into_iter().filter(|r| r["status"] == 401).collect();
    assert!(refused.is_empty());
}

#[tokio::test]
async fn a_create_order_whose_answer_was_lost_is_reconciled_into_exactly_one_order() {
    let h = Harness::start().await;
    let client = h.client();
    h.arm(json!({"method": "POST", "path": "/v1/order-management", "action": "drop_after_read"})).await;
    let sent = order("O-LOST", vec![instruction("I-1", "99.99")]);
    let created = client.create_order(&sent, &CallOptions::new()).await.unwrap();
    assert_eq!((created.data.status, created.data.reconciled), (202, true));
    assert_eq!(created.meta.attempts, 2);
    let posts = h.requests("POST", "/v1/order-management").await;
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0]["status"], serde_json::Value::Null, "the first answer never arrived");
    assert_eq!(posts[1]["status"], 400, "the replay found the order");
    let stored = client.get_order("O-LOST", &CallOptions::new()).await.unwrap().data;
    assert_eq!(stored.instructions.len(), 1, "exactly one order, one instruction");

    // A different order under a taken reference is a real error, not a reconciliation.
    h.arm(json!({"method": "POST", "path": "/v1/order-management", "action": "drop_after_read", "process": false}))
        .await;
    let other = order("O-LOST", vec![instruction("I-1", "5.00")]);
    let error = client.create_order(&other, &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (ErrorKind::BadRequest, Some("ORDER_ALREADY_EXISTS")));
    let plain = client.create_order(&other, &CallOptions::new()).await.unwrap_err();
    assert_eq!((plain.code(), plain.attempts()), (Some("ORDER_ALREADY_EXISTS"), 1));
}

#[tokio::test]
async fn a_create_instruction_whose_answer_was_lost_is_reconciled() {
    let h = Harness::start().await;
    let client = h.client();
    client.create_order(&order("O-1", vec![]), &CallOptions::new()).await.unwrap();
    h.arm(json!({"method": "POST", "path": "*/instruction", "action": "drop_after_read"})).await;
    let created = client.create_instruction("O-1", &instruction("I-9", "7.50"), &CallOptions::new()).await.unwrap();
    assert_eq!((created.data.status, created.data.reconciled, created.meta.attempts), (201, true, 2));
    let stored = client.get_order("O-1", &CallOptions::new()).await.unwrap().data;
    assert_eq!(stored.instructions.len(), 1);
}

#[tokio::test]
async fn a_non_idempotent_create_is_not_replayed_after_an_unknown_outcome() {
    let h = Harness::start().await;
    let client = h.client();
    h.arm(json!({"method": "POST", "path": "*/mobile", "action": "drop_after_read"})).await;
    let mobile = imburse::models::NewMobileInstrument { country_code: "44".into(), phone_number: "07738620344".into() };
    let error = client.add_mobile_instrument("C-1", &mobile, &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.attempts()), (ErrorKind::Connection, 1));
    assert_eq!(h.requests("POST", "*/mobile").await.len(), 1, "sent once");
    // But a 503 (the server refused the work) is safe to retry.
    h.arm(json!({"method": "POST", "path": "*/mobile", "action": "respond", "status": 503})).await;
    let created = client.add_mobile_instrument("C-1", &mobile, &CallOptions::new()).await.unwrap();
    assert_eq!(created.meta.attempts, 2);
    let customer = client.get_customer("C-1", &CallOptions::new()).await.unwrap().data;
    assert_eq!(customer.financial_instruments.len(), 2, "the dropped one was processed; the 503 one was not");
}

#[tokio::test]
async fn client_side_validation_sends_nothing() {
    let h = Harness::start().await;
    let client = h.client();
    let mut bad = order("bad ref", vec![instruction("I-1", "12,50")]);
    bad.instructions[0].currency = "GBPX".into();
    let error = client.create_order(&bad, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    let codes: Vec<_> = error.errors().iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        ["ORDER_REF_CONTAINS_INVALID_CHARACTERS", "AMOUNT_FORMAT_NOT_RECOGNISED", "CURRENCY_LENGTH_OUT_OF_RANGE"]
    );
    assert_eq!(error.attempts(), 0);
    assert!(h.requests("*", "*").await.is_empty(), "not even a token was fetched");
}

#[tokio::test]
async fn attempt_timeouts_are_retried_and_the_call_deadline_is_kept() {
    let h = Harness::start().await;
    let client = imburse::Client::new(h.config().attempt_timeout(Duration::from_millis(300)).build().unwrap()).unwrap();
    client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    h.arm(json!({"method": "GET", "action": "delay", "ms": 1000})).await;
    let slow_once = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    assert_eq!(slow_once.meta.attempts, 2);

    h.arm(json!({"method": "GET", "action": "delay", "ms": 1000, "times": 3})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.attempts(), error.status()), (ErrorKind::Timeout, 3, None));

    let hurried = imburse::Client::new(
        h.config()
            .attempt_timeout(Duration::from_millis(300))
            .call_timeout(Duration::from_millis(500))
            .build()
            .unwrap(),
    )
    .unwrap();
    hurried.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    h.arm(json!({"method": "GET", "action": "delay", "ms": 1000, "times": 3})).await;
    let error = hurried.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(error.attempts() < 3, "the whole-call deadline stops retries ({} attempts)", error.attempts());
}

#[tokio::test]
async fn broken_bodies_truncated_is_retried_corrupt_and_oversized_are_invalid() {
    let h = Harness::start().await;
    let client = h.client();
    client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap();
    h.arm(json!({"method": "GET", "action": "truncate_body"})).await;
    assert_eq!(client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap().meta.attempts, 2);

    h.arm(json!({"method": "GET", "action": "corrupt_body"})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.attempts()), (ErrorKind::InvalidResponse, 1));

    h.arm(json!({"method": "GET", "action": "oversized_body", "bytes": 5_000_000})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidResponse);

    h.arm(json!({"method": "GET", "action": "oversized_body", "status": 500, "bytes": 5_000_000, "times": 3})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.status(), error.attempts()), (ErrorKind::Server, Some(500), 3));
    assert!(error.raw_body().unwrap().len() <= imburse::error::RAW_BODY_LIMIT);

    h.arm(json!({"method": "GET", "action": "html", "status": 502, "times": 3})).await;
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.status(), error.code()), (ErrorKind::Server, Some(502), None));
    assert!(error.raw_body().unwrap().contains("<html>"));
}

#[tokio::test]
async fn documented_error_shapes_are_parsed() {
    let h = Harness::start().await;
    let client = h.client();
    h.arm(json!({"method": "GET", "action": "respond", "status": 403, "body": "problem", "message": "Not for you"}))
        .await;
    let problem = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((problem.kind(), problem.code()), (ErrorKind::Forbidden, Some("Forbidden")));
    assert_eq!(problem.errors()[0].message, "Not for you");
    h.arm(json!({"method": "GET", "action": "respond", "status": 400, "body": "mandates", "error_code": "REQUIRED_ATTRIBUTE"})).await;
    let mandates = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!(mandates.code(), Some("REQUIRED_ATTRIBUTE"));
    assert!(mandates.correlation_id().is_some());
}

#[tokio::test]
async fn connection_refused_is_retried_then_reported() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let h = Harness::start().await;
    let client =
        imburse::Client::new(h.config().base_url(format!("http://127.0.0.1:{port}")).build().unwrap()).unwrap();
    let error = client.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.attempts()), (ErrorKind::Connection, 3));
}

#[tokio::test]
async fn tenant_override_and_tenant_errors() {
    let h = Harness::start().await;
    let client = h.client();
    let other = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    let error = client.get_or_create_customer("C-1", &CallOptions::new().tenant_id(other)).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (ErrorKind::Forbidden, Some("TENANT_ID_NOT_PERMITTED")));
    // A 403 shows the roles the operation's declaration names, next to the server's answer.
    assert_eq!(error.required_roles(), ["tenant-transaction-read", "tenant-bridge-read", "tenant-admin"]);
    assert!(
        error
            .to_string()
            .contains("(the operation needs the role tenant-transaction-read or tenant-bridge-read or tenant-admin)"),
        "{error}"
    );
    let no_tenant = imburse::Client::new(
        imburse::ClientConfig::builder()
            .base_url(&h.info.url)
            .public_key(&h.info.public_key)
            .private_key(&h.info.private_key)
            .account_id(&h.info.account_id)
            .build()
            .unwrap(),
    )
    .unwrap();
    // A tenant-scoped call without a tenant is refused before sending, naming what is missing.
    let requests_before = h.requests("GET", "/v2/customer-vault/C-1").await.len();
    let error = no_tenant.get_or_create_customer("C-1", &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (ErrorKind::InvalidRequest, Some("TENANT_ID_IS_REQUIRED")));
    assert_eq!(error.attempts(), 0);
    assert!(error.to_string().contains("get_or_create_customer acts inside a tenant"), "{error}");
    assert_eq!(h.requests("GET", "/v2/customer-vault/C-1").await.len(), requests_before, "nothing was sent");
    let ok = no_tenant.get_or_create_customer("C-1", &CallOptions::new().tenant_id(&h.info.tenant_id)).await;
    assert!(ok.is_ok());
    let error = client.get_or_create_customer("C-1", &CallOptions::new().tenant_id("nope")).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (ErrorKind::InvalidRequest, Some("TENANT_ID_INVALID")));
}

#[tokio::test]
async fn customers_wallet_and_instruments() {
    let h = Harness::start().await;
    let client = h.client();
    let missing = client.get_customer("C-7", &CallOptions::new()).await.unwrap_err();
    assert_eq!(missing.code(), Some("CUSTOMER_NOT_FOUND"));
    let metadata = [("tier".to_string(), "gold".to_string())].into_iter().collect();
    assert_eq!(client.update_customer_metadata("C-7", &metadata, &CallOptions::new()).await.unwrap().status, 202);
    let customer = client.get_customer("C-7", &CallOptions::new()).await.unwrap().data;
    assert_eq!(customer.metadata, metadata);
    let mobile = imburse::models::NewMobileInstrument { country_code: "44".into(), phone_number: "07700900123".into() };
    let id = client.add_mobile_instrument("C-7", &mobile, &CallOptions::new()).await.unwrap().data.id;
    let instrument = client.get_financial_instrument("C-7", &id, &CallOptions::new()).await.unwrap().data;
    assert_eq!((instrument.kind.as_deref(), instrument.in_wallet), (Some("MOBILE"), Some(false)));
    assert_eq!(client.add_to_wallet("C-7", &id, Some("consent"), &CallOptions::new()).await.unwrap().status, 202);
    let wallet = client.get_wallet("C-7", &CallOptions::new()).await.unwrap().data;
    assert_eq!(wallet.financial_instruments[0].id, id);
    let cancel = client.cancel_instruction("NOPE", "I-1", None, &CallOptions::new()).await.unwrap_err();
    assert_eq!(cancel.code(), Some("ORDER_NOT_FOUND"));
}

#[test]
fn the_blocking_client_runs_the_same_flow() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let h = runtime.block_on(Harness::start());
    let client = imburse::blocking::Client::new(h.config().build().unwrap()).unwrap();
    let created = client.create_order(&order("O-B", vec![instruction("I-1", "3.30")]), &CallOptions::new()).unwrap();
    assert_eq!(created.data.status, 202);
    let read = client.get_instruction("O-B", "I-1", &CallOptions::new()).unwrap();
    assert_eq!(read.data.amount.as_str(), "3.30");
    drop(client);
    runtime.block_on(h.emulator.shutdown());
}

#[tokio::test]
async fn an_explicit_proxy_carries_every_request() {
    let h = Harness::start().await;
    // The emulator answers absolute-form proxy requests by path, so it can stand in for the proxy.
    let client =
        imburse::Client::new(h.config().base_url("http://imburse-api.invalid").proxy(&h.info.url).build().unwrap())
            .unwrap();
    let customer = client.get_or_create_customer("C-PROXY", &CallOptions::new()).await.unwrap();
    assert_eq!(customer.data.customer_ref, "C-PROXY");
    let seen = h.requests("GET", "/v2/customer-vault/C-PROXY").await;
    assert_eq!(seen[0]["headers"]["host"], "imburse-api.invalid", "the request was addressed through the proxy");
}

#[tokio::test]
async fn an_attempt_observer_sees_every_attempt() {
    let h = Harness::start().await;
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = seen.clone();
    let observer: imburse::AttemptObserver = std::sync::Arc::new(move |event: &imburse::AttemptEvent| {
        sink.lock().unwrap().push(event.clone());
    });
    let client = imburse::Client::with_attempt_observer(h.config().build().unwrap(), observer).unwrap();
    h.arm(json!({"method": "GET", "action": "respond", "status": 502})).await;
    client.get_or_create_customer("C-1", &CallOptions::new().correlation_id("obs-1")).await.unwrap();
    let events = seen.lock().unwrap().clone();
    let summary: Vec<_> =
        events.iter().map(|e| (e.operation.as_str(), e.attempt, e.status, e.outcome.as_str())).collect();
    assert_eq!(
        summary,
        [
            ("authenticate", 1, Some(201), "ok"),
            ("get_or_create_customer", 1, Some(502), "http_error"),
            ("get_or_create_customer", 2, Some(200), "ok")
        ]
    );
    assert_eq!(events[1].detail, "the server answered with HTTP 502");
    assert!(events.iter().all(|e| e.client_correlation_id == "obs-1"));
    assert_eq!(events[1].path, "/v2/customer-vault/C-1");
    assert!(events[1].server_correlation_id.is_some());
}

#[tokio::test]
async fn a_closed_client_refuses_new_calls_and_finishes_running_ones() {
    let h = Harness::start().await;
    let client = h.client();
    h.arm(json!({"method": "GET", "path": "/v2/customer-vault/*", "action": "delay", "ms": 300})).await;
    let running = {
        let client = client.clone();
        tokio::spawn(async move { client.get_or_create_customer("C-RUNNING", &CallOptions::new()).await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    client.close();
    client.close();
    let refused = client.get_order("O-1", &CallOptions::new().correlation_id("after-close")).await.unwrap_err();
    assert_eq!(refused.kind(), imburse::ErrorKind::Closed);
    assert_eq!(refused.attempts(), 0);
    assert_eq!(running.await.unwrap().unwrap().data.customer_ref, "C-RUNNING");
    assert!(h.requests("GET", "/v1/order-management/O-1").await.is_empty(), "nothing was sent after close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_blocking_client_works_from_inside_an_async_runtime() {
    let h = Harness::start().await;
    // As from an attempt observer or a host language's callback thread, which are runtime
    // workers: built, called and dropped there, with no panic.
    let client = imburse::blocking::Client::new(h.config().build().unwrap()).unwrap();
    let customer = client.get_or_create_customer("C-NESTED", &CallOptions::new()).unwrap();
    assert_eq!(customer.data.customer_ref, "C-NESTED");
    drop(client);
}
