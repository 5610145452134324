//! The order and vault extras against the emulator: orders created on v2, customer defaults
//! changed after an order exists, a customer forgotten (tenant-admin only), and a transaction
//! read at the path its instruction's `_links` give.

mod common;

use common::{Harness, SCHEME, instruction, order};
use imburse::models::{ApiKeySettings, CustomerDefault, NewInstruction};
use imburse::{CallOptions, Client, ErrorKind};
use serde_json::{Value, json};

fn none() -> CallOptions {
    CallOptions::new()
}

/// An instruction for `customer_ref` that sets neither an instrument nor a scheme: what it has
/// comes from the order's customer default.
fn bare_instruction(reference: &str, customer_ref: &str) -> NewInstruction {
    NewInstruction {
        customer_ref: customer_ref.into(),
        scheme_id: None,
        financial_instrument_id: None,
        metadata: Default::default(),
        ..instruction(reference, "12.00")
    }
}

/// Moves an instruction over the control API and returns the transaction id it answers.
async fn settle(h: &Harness, order_ref: &str, instruction_ref: &str) -> String {
    let url = format!(
        "{}/__emulator/tenants/{}/orders/{order_ref}/instructions/{instruction_ref}/status",
        h.info.url, h.info.tenant_id
    );
    let answer: Value =
        reqwest::Client::new().put(url).json(&json!({"status": "SETTLED"})).send().await.unwrap().json().await.unwrap();
    assert_eq!(answer["status"], "SETTLED");
    answer["transactionId"].as_str().expect("a settled instruction has a transaction").to_string()
}

#[tokio::test]
async fn an_order_created_on_v2_is_sent_there_and_read_back_like_any_other() {
    let h = Harness::start().await;
    let client = h.client();
    let created = client.create_order_v2(&order("ORD-V2", vec![instruction("I-1", "3.00")]), &none()).await.unwrap();
    assert_eq!((created.data.status, created.data.reconciled), (202, false));
    assert_eq!(h.requests("POST", "/v2/order-management").await.len(), 1);
    assert!(h.requests("POST", "/v1/order-management").await.is_empty(), "nothing sent to v1");
    let read = client.get_order("ORD-V2", &none()).await.unwrap().data;
    assert_eq!(read.instructions.len(), 1);
    assert_eq!(read.instructions[0].amount.as_str(), "3.00");
}

#[tokio::test]
async fn a_changed_default_is_inherited_by_later_instructions_and_a_deleted_one_by_none() {
    let h = Harness::start().await;
    let client = h.client();
    client.create_order(&order("ORD-CD", vec![]), &none()).await.unwrap();
    let default = CustomerDefault {
        financial_instrument_id: Some("fi-default".into()),
        scheme_id: Some(SCHEME.into()),
        metadata: [("tier".to_string(), "gold".to_string())].into_iter().collect(),
    };
    let meta = client.update_customer_default("ORD-CD", "CUST-D", &default, &none()).await.unwrap();
    assert_eq!(meta.status, 202);
    let sent = h.requests("PUT", "/v1/order-management/ORD-CD/customer-defaults/CUST-D").await;
    assert_eq!(sent.len(), 1);
    let body: Value = serde_json::from_str(sent[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body, json!({"financialInstrumentId": "fi-default", "schemeId": SCHEME, "metadata": {"tier": "gold"}}));

    client.create_instruction("ORD-CD", &bare_instruction("I-1", "CUST-D"), &none()).await.unwrap();
    let inherited = client.get_instruction("ORD-CD", "I-1", &none()).await.unwrap().data;
    let instrument = inherited.financial_instrument.expect("an instrument");
    assert_eq!(instrument.financial_instrument_id.as_deref(), Some("fi-default"));
    assert_eq!(instrument.source.as_deref(), Some("CUSTOMER_DEFAULT"));
    assert_eq!(inherited.metadata.get("tier").map(String::as_str), Some("gold"));
    assert_eq!(inherited.status, "READY");

    assert_eq!(client.delete_customer_default("ORD-CD", "CUST-D", &none()).await.unwrap().status, 204);
    assert_eq!(
        client.delete_customer_default("ORD-CD", "CUST-D", &none()).await.unwrap().status,
        204,
        "deleting again is harmless"
    );
    let order = client.get_order("ORD-CD", &none()).await.unwrap().data;
    assert!(order.customer_defaults.is_empty());
    // Without the default the instruction must name its own scheme; its instrument stays unset.
    let own_scheme = NewInstruction { scheme_id: Some(SCHEME.into()), ..bare_instruction("I-2", "CUST-D") };
    client.create_instruction("ORD-CD", &own_scheme, &none()).await.unwrap();
    let plain = client.get_instruction("ORD-CD", "I-2", &none()).await.unwrap().data;
    assert_eq!(plain.status, "INCOMPLETE", "nothing inherited any more");
    let earlier = client.get_instruction("ORD-CD", "I-1", &none()).await.unwrap().data;
    assert_eq!(earlier.status, "READY", "an instruction keeps what it inherited");
}

#[tokio::test]
async fn a_bad_reference_in_a_default_is_refused_before_sending() {
    let h = Harness::start().await;
    let error =
        h.client().update_customer_default("ORD 1", "", &CustomerDefault::default(), &none()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    let codes: Vec<_> = error.errors().iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["ORDER_REF_CONTAINS_INVALID_CHARACTERS", "CUSTOMER_REF_IS_REQUIRED"]);
    assert!(h.requests("*", "*").await.is_empty(), "nothing sent, not even the token exchange");
}

#[tokio::test]
async fn only_a_tenant_admin_forgets_a_customer_and_then_the_customer_is_gone() {
    let h = Harness::start().await;
    let admin = h.client();
    let metadata = [("email".to_string(), "ada@example.com".to_string())].into_iter().collect();
    admin.update_customer_metadata("CUST-F", &metadata, &none()).await.unwrap();

    let roles = ["tenant-transaction-read", "tenant-transaction-write"].map(String::from).to_vec();
    let key = admin.create_tenant_key(&ApiKeySettings { name: "shop".into(), roles }, &none()).await.unwrap().data;
    let config = h.config().public_key(&key.public_key).private_key(key.private_key.expose_secret()).build().unwrap();
    let writer = Client::new(config).unwrap();
    let refused = writer.forget_customer("CUST-F", &none()).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Forbidden);
    assert_eq!(refused.code(), Some("INSUFFICIENT_ROLE"));
    assert_eq!(refused.attempts(), 1, "a refusal is not retried");
    assert!(admin.get_customer("CUST-F", &none()).await.is_ok(), "the customer is still there");

    assert_eq!(admin.forget_customer("CUST-F", &none()).await.unwrap().status, 204);
    assert_eq!(h.requests("DELETE", "/v2/customer-vault/CUST-F").await.len(), 2);
    let gone = admin.get_customer("CUST-F", &none()).await.unwrap_err();
    assert_eq!(gone.code(), Some("CUSTOMER_NOT_FOUND"));
    let fresh = admin.get_or_create_customer("CUST-F", &none()).await.unwrap().data;
    assert!(fresh.metadata.is_empty(), "nothing of the forgotten customer comes back");
}

#[tokio::test]
async fn a_transaction_is_read_where_its_instruction_links_to() {
    let h = Harness::start().await;
    let client = h.client();
    client.create_order(&order("ORD-T", vec![instruction("I-1", "10.00")]), &none()).await.unwrap();
    let transaction_id = settle(&h, "ORD-T", "I-1").await;
    let refund = reqwest::Client::new()
        .post(format!("{}/__emulator/tenants/{}/orders/ORD-T/instructions/I-1/refunds", h.info.url, h.info.tenant_id))
        .json(&json!({"amount": "2.50"}))
        .send()
        .await
        .unwrap();
    assert_eq!(refund.status(), 201);

    let instruction = client.get_instruction("ORD-T", "I-1", &none()).await.unwrap().data;
    let link = &instruction.links["transactions[0]"].href;
    assert_eq!(link, &format!("/v1/customer-vault/CUST-1/financial-instrument/fi-1/transaction/{transaction_id}"));

    let read = client.get_transaction("CUST-1", "fi-1", &transaction_id, &none()).await.unwrap();
    assert_eq!(h.requests("GET", link).await.len(), 1, "the call went to the linked path");
    let t = read.data;
    assert_eq!(t.transaction_id.as_deref(), Some(transaction_id.as_str()));
    assert_eq!(t.status.as_deref(), Some("SETTLED"));
    assert_eq!(t.amount.as_ref().map(|a| a.as_str()), Some("10.00"));
    assert_eq!(t.net_amount.as_ref().map(|a| a.as_str()), Some("7.50"));
    assert_eq!(t.refunds.len(), 1);
    assert_eq!(t.refunds[0].amount.as_ref().map(|a| a.as_str()), Some("2.50"));
    assert_eq!(t.app.and_then(|a| a.app_id).as_deref(), Some("STRIPE"));
    assert_eq!(
        Some(&t.refunds),
        instruction.transaction.as_ref().map(|i| &i.refunds),
        "the same as the instruction shows"
    );

    let elsewhere = client.get_transaction("CUST-2", "fi-1", &transaction_id, &none()).await.unwrap_err();
    assert_eq!(elsewhere.code(), Some("TRANSACTION_NOT_FOUND"), "only under its own customer and instrument");
}
