//! The hosted checkout against the emulator: a session token that is a secret (redacted in
//! `Debug` and `Display`) carrying the instruction, pay-by-links never replayed, and the
//! reference's rules checked before sending.

use imburse::models::{
    CheckoutChannel, Direction, NewCheckoutSession, NewInstruction, NewMandateSession, NewOrder, NewPayByLink,
};
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
        .backoff_base(std::time::Duration::from_millis(5))
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

async fn order(client: &Client, order_ref: &str) {
    let instruction = NewInstruction {
        instruction_ref: "I-1".into(),
        customer_ref: "CUST-1".into(),
        direction: Direction::Debit,
        amount: "49.99".into(),
        currency: "GBP".into(),
        country: "GB".into(),
        settled_by_date: None,
        scheme_id: Some("654EB81FF7F07F7CF5A1EE3FF6972E90".into()),
        financial_instrument_id: None,
        metadata: Default::default(),
    };
    let order = NewOrder { order_ref: order_ref.into(), instructions: vec![instruction], ..NewOrder::default() };
    client.create_order(&order, &CallOptions::new()).await.unwrap();
}

#[tokio::test]
async fn a_session_token_is_a_secret_carrying_the_instruction_and_the_customer() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    order(&client, "ORDER-C1").await;
    let session = NewCheckoutSession {
        order_ref: "ORDER-C1".into(),
        instruction_ref: "I-1".into(),
        expiry_seconds: 900,
        customer_type: Some("B2C".into()),
        customer_first_name: Some("Ada".into()),
        customer_last_name: Some("Lovelace".into()),
        channels: vec![CheckoutChannel { kind: "Email".into(), destination: "ada@example.com".into() }],
        ..NewCheckoutSession::default()
    };
    let created = client.create_checkout_session(&session, &CallOptions::new()).await.unwrap();
    let data = created.data;
    let token = data.session_token.expose_secret().to_string();
    assert_eq!(token.split('.').count(), 3, "a JWT");
    assert!(!format!("{data:?}").contains(&token), "Debug never shows the token");
    assert_eq!(data.session_token.to_string(), "[redacted]");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!((now + 890..=now + 910).contains(&data.expires), "epoch seconds: {}", data.expires);
    assert!(data.session_id.is_some());
    // What the server received: the channel's kind as the API's `type`.
    let sent = emulator.requests().unwrap().into_iter().find(|r| r.path == "/v2/whitelabel/session-token").unwrap();
    let body: serde_json::Value = serde_json::from_str(sent.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["channels"], serde_json::json!([{"type": "Email", "destination": "ada@example.com"}]));
    assert_eq!(body["expirySeconds"], 900);
    assert!(body.get("billingCity").is_none(), "fields left out are not sent: {body}");
}

#[tokio::test]
async fn the_references_expiry_and_names_are_checked_before_sending() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    let session = NewCheckoutSession {
        order_ref: "".into(),
        instruction_ref: "I-1".into(),
        expiry_seconds: 0,
        customer_type: Some("B2B".into()),
        ..NewCheckoutSession::default()
    };
    let error = client.create_checkout_session(&session, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    let codes: Vec<&str> = error.errors().iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["ORDER_REF_IS_REQUIRED", "EXPIRY_SECONDS_OUT_OF_RANGE", "COMPANY_NAME_IS_REQUIRED"]);
    let link = NewPayByLink {
        order_ref: "O".into(),
        instruction_ref: "I".into(),
        expiry_seconds: 60,
        ..NewPayByLink::default()
    };
    let error = client.create_pay_by_link(&link, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.code(), Some("CHANNELS_IS_REQUIRED"));
    assert!(emulator.requests().unwrap().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_pay_by_link_whose_answer_was_lost_is_not_sent_again() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    order(&client, "ORDER-P1").await;
    let link = NewPayByLink {
        order_ref: "ORDER-P1".into(),
        instruction_ref: "I-1".into(),
        expiry_seconds: 86_400,
        channels: vec![CheckoutChannel { kind: "SMS".into(), destination: "+447700900123".into() }],
        theme_id: None,
    };
    let sent = client.create_pay_by_link(&link, &CallOptions::new()).await.unwrap();
    assert_eq!(sent.meta.status, 201);
    assert!(uuid::Uuid::parse_str(&sent.data.pay_by_link_id).is_ok());
    emulator.arm_fault(r#"{"action": "drop_after_read", "path": "/v2/whitelabel/pay-by-link"}"#.into()).unwrap();
    let error = client.create_pay_by_link(&link, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connection);
    assert_eq!(error.attempts(), 1, "never replayed: the customer would get the link twice");
}

#[tokio::test]
async fn a_mandate_session_is_for_the_customers_own_mandate() {
    let emulator = TestEmulator::start().await.unwrap();
    let client = client_for(&emulator);
    emulator.add_mandates(emulator.info().tenant_id, 1).unwrap();
    let mandate = client.get_mandates_page(None, None, &CallOptions::new()).await.unwrap().data.results.remove(0);
    let session = NewMandateSession {
        customer_ref: "SEED-CUST-1".into(),
        mandate_id: mandate.mandate_id.clone(),
        action: "Amendment".into(),
        expiry_seconds: 600,
    };
    let created = client.create_mandate_session(&session, &CallOptions::new()).await.unwrap().data;
    assert_eq!(created.session_token.expose_secret().split('.').count(), 3);
    assert_eq!(created.session_id, None, "v1 answers no session id");
    let other = NewMandateSession { customer_ref: "SEED-CUST-2".into(), ..session };
    let error = client.create_mandate_session(&other, &CallOptions::new()).await.unwrap_err();
    assert_eq!(error.code(), Some("MANDATE_NOT_FOUND"));
}
