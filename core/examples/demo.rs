//! A payment flow against the embedded emulator: authenticate with the HMAC key, create an
//! order with two instructions, read one back, then survive a 503 injected into the next read.
//!
//! `cargo run -p imburse --example demo`

use imburse::models::{Direction, NewInstruction, NewOrder};
use imburse::{CallOptions, Client, ClientConfig};
use imburse_emulator::{EmulatorHandle, FaultSpec};

fn instruction(reference: &str, customer: &str, amount: &str) -> NewInstruction {
    NewInstruction {
        instruction_ref: reference.into(),
        customer_ref: customer.into(),
        direction: Direction::Debit,
        amount: amount.into(),
        currency: "GBP".into(),
        country: "GB".into(),
        settled_by_date: Some("2026-12-31".into()),
        scheme_id: Some("654EB81FF7F07F7CF5A1EE3FF6972E90".into()),
        financial_instrument_id: Some("5f0e2b8e-0b7a-4c41-9d7f-3c1f2e9a8b7c".into()),
        metadata: [("invoice".to_string(), format!("INV-{reference}"))].into_iter().collect(),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let emulator = EmulatorHandle::start_demo().await?;
    let info = emulator.startup_info();
    println!("emulator listening on {}", info.url);

    let client = Client::new(
        ClientConfig::builder()
            .base_url(&info.url)
            .public_key(&info.public_key)
            .private_key(&info.private_key)
            .account_id(&info.account_id)
            .tenant_id(&info.tenant_id)
            .build()?,
    )?;

    client.authenticate(&CallOptions::new()).await?;
    println!("1. exchanged the HMAC key for an access token");

    let order = NewOrder {
        order_ref: "DEMO-ORDER-1".into(),
        instructions: vec![instruction("I-1", "CUST-1", "49.99"), instruction("I-2", "CUST-2", "0.10")],
        metadata: [("channel".to_string(), "demo".to_string())].into_iter().collect(),
        ..NewOrder::default()
    };
    let created = client.create_order(&order, &CallOptions::new()).await?;
    println!("2. created order DEMO-ORDER-1 with 2 instructions: HTTP {}", created.data.status);

    let read = client.get_instruction("DEMO-ORDER-1", "I-2", &CallOptions::new()).await?;
    let i = &read.data;
    println!(
        "3. read instruction I-2 back: {} {} {} for {} ({}), status {}",
        i.direction.as_str(),
        i.amount,
        i.currency,
        i.customer_ref.as_deref().unwrap_or("?"),
        i.metadata.get("invoice").map(String::as_str).unwrap_or(""),
        i.status
    );

    let fault: FaultSpec = serde_json::from_value(serde_json::json!({
        "method": "GET", "path": "/v2/order-management/*", "action": "respond", "status": 503
    }))?;
    emulator.state().faults.arm(fault)?;
    let survived =
        client.get_instruction("DEMO-ORDER-1", "I-1", &CallOptions::new().correlation_id("demo-503")).await?;
    println!(
        "4. the server answered 503 once; the call retried and succeeded after {} attempts (correlation id {} on both)",
        survived.meta.attempts, survived.meta.client_correlation_id
    );
    let seen = emulator.state().log.entries();
    let statuses: Vec<String> = seen
        .iter()
        .filter(|r| r.client_correlation_id.as_deref() == Some("demo-503"))
        .map(|r| r.status.map_or("dropped".to_string(), |s| s.to_string()))
        .collect();
    println!("   the emulator saw: {}", statuses.join(" then "));

    emulator.shutdown().await;
    Ok(())
}
