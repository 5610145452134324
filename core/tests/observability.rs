//! What the SDK tells the host application: one tracing event per attempt, without secrets.
//! Alone in its own test binary: tracing caches per call site whether anyone listens, so a test
//! running beside it without a subscriber could hide events from this one.

mod common;

use std::sync::{Arc, Mutex};

use common::*;
use imburse::CallOptions;
use serde_json::json;
use tracing_subscriber::layer::SubscriberExt;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn one_event_per_attempt_with_correlation_ids_and_no_secrets() {
    let h = Harness::start().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().json().with_writer(move || writer.clone()));
    let _guard = tracing::subscriber::set_default(subscriber);

    let client = h.client();
    h.arm(json!({"method": "GET", "action": "respond", "status": 503})).await;
    client.get_or_create_customer("C-1", &CallOptions::new().correlation_id("trace-me")).await.unwrap();

    let text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let events: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|e: &serde_json::Value| e["target"] == "imburse")
        .collect();
    let summary: Vec<(String, u64, Option<u64>)> = events
        .iter()
        .map(|e| {
            let f = &e["fields"];
            (f["operation"].as_str().unwrap().to_string(), f["attempt"].as_u64().unwrap(), f["status"].as_u64())
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("authenticate".to_string(), 1, Some(201)),
            ("get_or_create_customer".to_string(), 1, Some(503)),
            ("get_or_create_customer".to_string(), 2, Some(200)),
        ]
    );
    for event in &events {
        assert_eq!(event["fields"]["client_correlation_id"], "trace-me");
        assert!(event["fields"]["elapsed_ms"].as_u64().is_some());
        assert!(["ok", "http_error"].contains(&event["fields"]["outcome"].as_str().unwrap()));
        assert!(event["fields"]["method"].is_string());
    }
    let server_id = events[1]["fields"]["server_correlation_id"].as_str().unwrap();
    assert_eq!(server_id.len(), 22, "the 503's Imburse correlation id: {server_id}");
    assert!(!text.contains(&h.info.private_key), "no private key in logs");
    assert!(!text.contains("Bearer ") && !text.contains("eyJ"), "no token in logs");
}
