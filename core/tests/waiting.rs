//! `wait_for_instruction`: reads until a status is reached, spaced by the client's backoff,
//! one correlation id for the whole wait, a timeout naming the last status, and a wait that
//! stops reading once it is dropped.

use std::time::Duration;

use imburse::models::{Direction, NewInstruction, NewOrder};
use imburse::{CallOptions, Client, ClientConfig, ErrorKind};
use imburse_emulator::testing::TestEmulator;

fn client_for(emulator: &TestEmulator) -> Client {
    let info = emulator.info();
    let config = ClientConfig::builder()
        .base_url(&info.url)
        .public_key(&info.public_key)
        .private_key(&info.private_key)
        .account_id(&info.account_id)
        .tenant_id(&info.tenant_id)
        .backoff_base(Duration::from_millis(20))
        .backoff_cap(Duration::from_millis(40))
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

async fn order_with_one_instruction(client: &Client, order_ref: &str) {
    let order = NewOrder {
        order_ref: order_ref.into(),
        instructions: vec![NewInstruction {
            instruction_ref: "I-1".into(),
            customer_ref: "CUST-1".into(),
            direction: Direction::Debit,
            amount: "10.00".into(),
            currency: "GBP".into(),
            country: "GB".into(),
            settled_by_date: None,
            scheme_id: Some("654EB81FF7F07F7CF5A1EE3FF6972E90".into()),
            financial_instrument_id: Some("FI-1".into()),
            metadata: Default::default(),
        }],
        ..NewOrder::default()
    };
    client.create_order(&order, &CallOptions::new()).await.unwrap();
}

fn reads_of(emulator: &TestEmulator, order_ref: &str) -> Vec<imburse_emulator::testing::ReceivedRequest> {
    let path = format!("/v2/order-management/{order_ref}/instruction/I-1");
    emulator.requests().unwrap().into_iter().filter(|r| r.path == path).collect()
}

#[tokio::test]
async fn a_wait_reads_until_the_status_is_reached_under_one_correlation_id() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    order_with_one_instruction(&client, "W-1").await;
    let tenant = emulator.info().tenant_id;
    let statuses = ["SETTLED".to_string(), "FAILED".to_string()];
    let options = CallOptions::new();
    let wait = client.wait_for_instruction("W-1", "I-1", &statuses, &options);
    let settle = async {
        tokio::time::sleep(Duration::from_millis(150)).await;
        emulator.set_instruction_status(tenant, "W-1".into(), "I-1".into(), "SETTLED".into()).unwrap();
    };
    let (settled, ()) = tokio::join!(wait, settle);
    let settled = settled.unwrap();
    assert_eq!(settled.data.status, "SETTLED");
    let reads = reads_of(&emulator, "W-1");
    assert!(reads.len() >= 3, "read until settled: {} reads", reads.len());
    assert_eq!(settled.meta.attempts as usize, reads.len(), "attempts count every read");
    assert!(reads.iter().all(|r| r.client_correlation_id == reads[0].client_correlation_id), "one id");
    assert_eq!(reads[0].client_correlation_id.as_deref(), Some(settled.meta.client_correlation_id.as_str()));
    let gaps: Vec<i64> = reads.windows(2).map(|w| w[1].received_at_ms - w[0].received_at_ms).collect();
    assert!(gaps.iter().all(|gap| *gap >= 9), "spaced by the backoff (20 ms, half-jittered or not): {gaps:?}");
}

#[tokio::test]
async fn a_wait_past_its_deadline_is_a_timeout_naming_the_last_status() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    order_with_one_instruction(&client, "W-2").await;
    let options = CallOptions::new().timeout(Duration::from_millis(300)).correlation_id("wait-2");
    let statuses = ["SETTLED".to_string()];
    let error = client.wait_for_instruction("W-2", "I-1", &statuses, &options).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (ErrorKind::Timeout, Some("INSTRUCTION_STATUS_NOT_REACHED")));
    assert_eq!(error.errors()[0].metadata["status"], "READY");
    assert_eq!(error.client_correlation_id(), Some("wait-2"));
    let reads = reads_of(&emulator, "W-2");
    assert!(reads.len() >= 3 && reads.iter().all(|r| r.client_correlation_id.as_deref() == Some("wait-2")));
    assert_eq!(error.attempts() as usize, reads.len());
}

#[tokio::test]
async fn a_dropped_wait_reads_no_more() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    order_with_one_instruction(&client, "W-3").await;
    let statuses = ["SETTLED".to_string()];
    let options = CallOptions::new();
    let wait = client.wait_for_instruction("W-3", "I-1", &statuses, &options);
    assert!(tokio::time::timeout(Duration::from_millis(150), wait).await.is_err(), "still waiting");
    // A read already on the wire when the wait was dropped may reach the server a moment later;
    // a live wait would go on reading every 20 to 40 ms, well within the watch below.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let after_drop = reads_of(&emulator, "W-3").len();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(reads_of(&emulator, "W-3").len(), after_drop, "no read after the wait was dropped");
}

#[tokio::test]
async fn a_wait_for_nothing_is_refused_before_sending() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    let blank = [" ".to_string()];
    let error = client.wait_for_instruction("W-4", "I-1", &blank, &CallOptions::new()).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (ErrorKind::InvalidRequest, Some("STATUSES_IS_REQUIRED")));
    assert!(emulator.requests().unwrap().is_empty());
}
