//! The emulator as a server shared between people: the control API can be refused, and no
//! client can take it down with too many connections, huge or slow headers, or malformed
//! bodies (each gets a clear answer, and the server goes on serving).

mod common;

use std::time::{Duration, Instant};

use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn connect(h: &Harness) -> TcpStream {
    TcpStream::connect(h.emulator.addr()).await.unwrap()
}

/// Sends raw bytes and reads what comes back until the server closes (or 5 s pass).
async fn exchange_raw(h: &Harness, request: &[u8]) -> String {
    let mut stream = connect(h).await;
    stream.write_all(request).await.unwrap();
    read_until_closed(&mut stream, Duration::from_secs(5)).await
}

async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> String {
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(limit, stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// The server still answers an ordinary request.
async fn assert_still_serving(h: &Harness) {
    let health = h.http.get(h.url("/__emulator/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn without_the_control_api_only_health_answers_and_the_api_works() {
    let mut config = test_config();
    config.control_api = false;
    let h = Harness::with_config(config).await;
    for (method, path) in [
        (Method::GET, "/__emulator/info"),
        (Method::POST, "/__emulator/faults"),
        (Method::POST, "/__emulator/reset"),
        (Method::GET, "/__emulator/requests"),
        (Method::PUT, "/__emulator/settings"),
    ] {
        let response = h.http.request(method.clone(), h.url(path)).body("{}").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{method} {path}");
        let text = response.text().await.unwrap();
        assert!(text.contains("--no-control"), "{text}");
        assert!(!text.contains(&h.info.private_key), "no credentials leak");
    }
    assert_still_serving(&h).await;
    let token = h.token().await;
    assert_eq!(h.create_order(&token, json!({"orderRef": "O-SHARED"})).await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn oversized_or_too_many_headers_are_refused_with_431() {
    let h = Harness::start().await;
    let big = format!("GET /v1/order-management/O HTTP/1.1\r\nhost: x\r\nx-big: {}\r\n\r\n", "a".repeat(80 * 1024));
    let answer = exchange_raw(&h, big.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:.80}");

    let many: String = (0..150).map(|i| format!("x-h{i}: v\r\n")).collect();
    let answer = exchange_raw(&h, format!("GET / HTTP/1.1\r\nhost: x\r\n{many}\r\n").as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer:.80}");
    assert_still_serving(&h).await;
}

#[tokio::test]
async fn a_client_that_sends_its_headers_too_slowly_is_disconnected() {
    let mut config = test_config();
    config.connections.header_read_timeout_ms = 300;
    let h = Harness::with_config(config).await;
    let mut stream = connect(&h).await;
    stream.write_all(b"GET /v1/order-management/O HTTP/1.1\r\nhost: x\r\n").await.unwrap();
    let started = Instant::now();
    let answer = read_until_closed(&mut stream, Duration::from_secs(5)).await;
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(250) && waited < Duration::from_secs(3), "closed after {waited:?}");
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "{answer:.80}");
    assert_still_serving(&h).await;
}

#[tokio::test]
async fn connections_past_the_limit_get_503_and_a_freed_slot_serves_again() {
    let mut config = test_config();
    config.connections.max_connections = 2;
    let h = Harness::with_config(config).await;
    // Two idle keep-alive connections hold both slots.
    let first = connect(&h).await;
    let second = connect(&h).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let answer = exchange_raw(&h, b"GET /__emulator/health HTTP/1.1\r\nhost: x\r\nx-correlation-id: c-1\r\n\r\n").await;
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer:.80}");
    assert!(answer.contains("TOO_MANY_CONNECTIONS") && answer.contains("c-1"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("connection: close"), "{answer}");
    drop(first);
    drop(second);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_still_serving(&h).await;
}

#[tokio::test]
async fn malformed_bodies_get_400_with_a_documented_shape_never_a_crash() {
    let h = Harness::start().await;
    let token = h.token().await;
    let post = |body: Vec<u8>| {
        h.api(Method::POST, "/v1/order-management", &token).header("content-type", "application/json").body(body).send()
    };
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        ("invalid UTF-8", b"{\"orderRef\": \"\xff\xfe\"}".to_vec()),
        ("invalid JSON", b"{\"orderRef\": ".to_vec()),
        ("a huge number", format!("{{\"orderRef\": {}}}", "9".repeat(5000)).into_bytes()),
        ("a huge exponent", br#"{"orderRef": "O-N", "instructions": [{"amount": 1e400}]}"#.to_vec()),
        ("deep nesting", format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes()),
        ("a JSON string", br#""orderRef""#.to_vec()),
    ];
    for (what, body) in bodies {
        let response = post(body).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{what}");
        let body: Value = response.json().await.unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(body["errors"][0]["errorCode"].is_string(), "{what}: {body}");
    }
    // A body over the limit is refused before it is read whole.
    let huge = vec![b' '; 5 * 1024 * 1024];
    assert_eq!(post(huge).await.unwrap().status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Invalid UTF-8 in a header value is answered, not a crash.
    let answer = exchange_raw(
        &h,
        b"GET /v1/order-management/O HTTP/1.1\r\nhost: x\r\nconnection: close\r\nx-correlation-id: \xff\xfe\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer:.80}");
    assert_still_serving(&h).await;
}
