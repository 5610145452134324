//! The Rust "Testing your integration": an integration's tests with `#[tokio::test]` against
//! the in-process emulator (`imburse_emulator::testing::TestEmulator`), as a user writes them:
//! no network, the demo credentials, faults and the request log as typed calls.

use imburse::models::{Direction, NewInstruction, NewOrder};
use imburse::{CallOptions, Client, ClientConfig, ErrorKind};
use imburse_emulator::testing::{ControlError, TestEmulator};

fn client_for(emulator: &TestEmulator) -> Client {
    let info = emulator.info();
    let config = ClientConfig::builder()
        .base_url(&info.url)
        .public_key(&info.public_key)
        .private_key(&info.private_key)
        .account_id(&info.account_id)
        .tenant_id(&info.tenant_id)
        .build()
        .expect("the emulator's demo settings are valid");
    Client::new(config).expect("a client")
}

fn payout(order_ref: &str) -> NewOrder {
    NewOrder {
        order_ref: order_ref.into(),
        instructions: vec![NewInstruction {
            instruction_ref: "I-1".into(),
            customer_ref: "CUST-1".into(),
            direction: Direction::Credit,
            amount: "12.50".into(),
            currency: "GBP".into(),
            country: "GB".into(),
            settled_by_date: Some("2026-12-31".into()),
            scheme_id: Some("654EB81FF7F07F7CF5A1EE3FF6972E90".into()),
            financial_instrument_id: None,
            metadata: Default::default(),
        }],
        ..NewOrder::default()
    }
}

#[tokio::test]
async fn a_503_on_create_is_retried_once_without_a_duplicate() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    emulator
        .arm_fault(r#"{"action": "respond", "status": 503, "method": "POST", "path": "/v1/order-management"}"#.into())
        .unwrap();

    let created = client.create_order(&payout("PAYOUT-1"), &CallOptions::new()).await.unwrap();

    assert_eq!((created.data.status, created.meta.attempts), (202, 2));
    let creates: Vec<_> =
        emulator.requests().unwrap().into_iter().filter(|r| r.path == "/v1/order-management").collect();
    assert_eq!(creates.iter().map(|r| r.status).collect::<Vec<_>>(), [Some(503), Some(202)]);
    assert_eq!(creates[0].client_correlation_id, creates[1].client_correlation_id);
    emulator.stop().await;
}

#[tokio::test]
async fn a_settled_instruction_reads_as_settled_and_a_reset_forgets_it() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    client.create_order(&payout("PAYOUT-2"), &CallOptions::new()).await.unwrap();
    let tenant = emulator.info().tenant_id;
    emulator.set_instruction_status(tenant, "PAYOUT-2".into(), "I-1".into(), "SETTLED".into()).unwrap();

    let read = client.get_instruction("PAYOUT-2", "I-1", &CallOptions::new()).await.unwrap();
    assert_eq!(read.data.status, "SETTLED");

    emulator.reset().unwrap();
    let gone = client.get_order("PAYOUT-2", &CallOptions::new()).await.unwrap_err();
    assert_eq!((gone.kind(), gone.code()), (ErrorKind::BadRequest, Some("ORDER_NOT_FOUND")));
}

#[tokio::test]
async fn a_refund_of_a_settled_collection_shows_on_its_transaction() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    let mut collection = payout("COLLECT-1");
    collection.instructions[0].direction = Direction::Debit;
    collection.instructions[0].amount = "25.00".into();
    collection.instructions[0].financial_instrument_id = Some("FI-1".into());
    client.create_order(&collection, &CallOptions::new()).await.unwrap();
    let tenant = emulator.info().tenant_id;
    emulator.set_instruction_status(tenant.clone(), "COLLECT-1".into(), "I-1".into(), "SETTLED".into()).unwrap();
    let refund_id = emulator.refund_instruction(tenant, "COLLECT-1".into(), "I-1".into(), "4.50".into()).unwrap();

    let read = client.get_instruction("COLLECT-1", "I-1", &CallOptions::new()).await.unwrap().data;
    let transaction = read.transaction.expect("a settled instruction has its transaction");
    assert_eq!(transaction.net_amount.as_ref().map(|a| a.as_str()), Some("20.50"));
    assert_eq!(transaction.refunds.len(), 1);
    assert_eq!(transaction.refunds[0].refund_id.as_deref(), Some(refund_id.as_str()));
    assert_eq!(transaction.refunds[0].amount.as_ref().map(|a| a.as_str()), Some("4.50"));
    assert_eq!(transaction.app.and_then(|app| app.app_id).as_deref(), Some("STRIPE"));
}

#[tokio::test]
async fn an_expired_token_is_exchanged_again_once() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    client.authenticate(&CallOptions::new()).await.unwrap();
    emulator.expire_tokens().unwrap();

    client.create_order(&payout("PAYOUT-3"), &CallOptions::new()).await.unwrap();

    let exchanges = emulator.requests().unwrap().iter().filter(|r| r.path == "/v1/identity/hmac").count();
    assert_eq!(exchanges, 2);
}

#[tokio::test]
async fn refused_control_operations_say_why() {
    let emulator = TestEmulator::start().await.unwrap();
    assert!(
        emulator.arm_fault(r#"{"action": "explode"}"#.into()).unwrap_err().to_string().starts_with("invalid fault")
    );
    assert!(emulator.set_token_lifetime_seconds(0).is_err());
    let tenant = emulator.info().tenant_id;
    let missing = emulator.set_instruction_status(tenant, "NOPE".into(), "I-1".into(), "SETTLED".into());
    assert!(missing.unwrap_err().to_string().starts_with("no instruction"));
    assert_eq!(emulator.resets(), 0);
    emulator.reset().unwrap();
    assert_eq!(emulator.resets(), 1);
    emulator.stop().await;
    assert_eq!(emulator.reset(), Err(ControlError::Stopped));
}

#[tokio::test]
async fn a_test_configures_its_own_keys_and_roles() {
    let config = r#"{"keys": [{"public_key": "11111111-1111-4111-8111-111111111111",
        "private_key": "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=",
        "account_id": "6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6",
        "tenant_ids": ["0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c"], "roles": ["tenant-transaction-read"]}]}"#;
    let emulator = TestEmulator::start_with_json(Some(config.into())).await.unwrap();
    assert_eq!(emulator.info().public_key, "11111111-1111-4111-8111-111111111111");
    let refused = client_for(&emulator).create_order(&payout("PAYOUT-5"), &CallOptions::new()).await.unwrap_err();
    assert_eq!((refused.kind(), refused.code()), (ErrorKind::Forbidden, Some("INSUFFICIENT_ROLE")));
    let bad = TestEmulator::start_with_json(Some(r#"{"keys": "none"}"#.into())).await.unwrap_err();
    assert!(bad.to_string().starts_with("invalid emulator configuration"), "{bad}");
}

#[test]
fn an_emulator_without_a_runtime_serves_from_its_own_thread() {
    let emulator = TestEmulator::start_blocking(None).unwrap();
    assert!(emulator.info().url.starts_with("http://127.0.0.1:"));
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let created = runtime.block_on(client_for(&emulator).create_order(&payout("PAYOUT-4"), &CallOptions::new()));
    assert_eq!(created.unwrap().meta.attempts, 1);
    emulator.stop_blocking();
    emulator.stop_blocking();
    assert!(!emulator.running());
}
