//! The Rust driver of the load-with-faults run (`tests/load/run.py` starts the emulator, arms
//! the faults and judges; this only does the flows): create an order with one instruction and
//! read the instruction back, `LOAD_CONCURRENCY` flows in flight on one shared client.
//!
//! `python3 tests/load/run.py --name rust --flows 1000 -- target/debug/examples/load_flows`

use std::sync::Arc;
use std::time::{Duration, Instant};

use imburse::models::{Direction, NewInstruction, NewOrder};
use imburse::{CallOptions, Client, ClientConfigBuilder, Error};
use serde_json::json;
use tokio::sync::Semaphore;

fn setting(name: &str) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{name} is not set"))
}

fn ms(name: &str) -> Duration {
    Duration::from_millis(setting(name))
}

/// File descriptors, threads and resident memory of this process, from /proc.
fn sample(flows: u64) -> serde_json::Value {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    let fds = std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0);
    json!({"sample": {"flows": flows, "rss_kb": field("VmRSS:"), "threads": field("Threads:"), "fds": fds}})
}

async fn flow(client: &Client, prefix: &str, amount: &str, i: u64) -> serde_json::Value {
    let started = Instant::now();
    let order_ref = format!("{prefix}-{i}");
    let order = NewOrder {
        order_ref: order_ref.clone(),
        instructions: vec![NewInstruction {
            instruction_ref: "INS-1".into(),
            customer_ref: format!("CUST-{i}"),
            direction: Direction::Debit,
            amount: amount.into(),
            currency: "GBP".into(),
            country: "GB".into(),
            settled_by_date: None,
            scheme_id: Some("654EB81FF7F07F7CF5A1EE3FF6972E90".into()),
            financial_instrument_id: None,
            metadata: Default::default(),
        }],
        ..NewOrder::default()
    };
    let failed = |e: Error| json!({"flow": i, "ok": false, "kind": e.kind().as_str(), "code": e.code(), "message": e.to_string()});
    let created = match client.create_order(&order, &CallOptions::new()).await {
        Ok(created) => created,
        Err(e) => return failed(e),
    };
    let read = match client.get_instruction(&order_ref, "INS-1", &CallOptions::new()).await {
        Ok(read) => read,
        Err(e) => return failed(e),
    };
    if read.data.amount.to_string() != amount || read.data.instruction_ref.as_deref() != Some("INS-1") {
        return json!({"flow": i, "ok": false, "kind": "mismatch", "code": "MISMATCH", "message": format!("{:?}", read.data)});
    }
    let attempts = created.meta.attempts + read.meta.attempts;
    json!({"flow": i, "ok": true, "attempts": attempts, "ms": started.elapsed().as_secs_f64() * 1000.0})
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let flows = setting("LOAD_FLOWS");
    let concurrency = setting("LOAD_CONCURRENCY") as usize;
    let every = setting("LOAD_SAMPLE_EVERY").max(1);
    let duration = Duration::from_secs(setting("LOAD_DURATION_S"));
    let prefix: Arc<str> = std::env::var("LOAD_PREFIX")?.into();
    let amount: Arc<str> = std::env::var("LOAD_AMOUNT")?.into();
    let config = ClientConfigBuilder::from_env()
        .max_attempts(setting("LOAD_MAX_ATTEMPTS") as u32)
        .backoff_base(ms("LOAD_BACKOFF_BASE_MS"))
        .backoff_cap(ms("LOAD_BACKOFF_CAP_MS"))
        .attempt_timeout(ms("LOAD_ATTEMPT_TIMEOUT_MS"))
        .call_timeout(ms("LOAD_CALL_TIMEOUT_MS"))
        .build()?;
    let client = Client::new(config)?;
    client.authenticate(&CallOptions::new()).await?;
    println!("{}", sample(0));

    let started = Instant::now();
    let slots = Arc::new(Semaphore::new(concurrency));
    let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
    let mut next = 0u64;
    let mut done = 0u64;
    loop {
        // One batch of `flows`; with a duration, more batches until it has passed.
        let batch_end = next + flows;
        while next < batch_end {
            let permit = slots.clone().acquire_owned().await?;
            let (client, prefix, amount, done_tx) = (client.clone(), prefix.clone(), amount.clone(), done_tx.clone());
            let i = next;
            tokio::spawn(async move {
                let record = flow(&client, &prefix, &amount, i).await;
                drop(permit);
                let _ = done_tx.send(record);
            });
            next += 1;
            while let Ok(record) = done_rx.try_recv() {
                done += 1;
                println!("{record}");
                if done % every == 0 {
                    println!("{}", sample(done));
                }
            }
        }
        while done < next {
            let record = done_rx.recv().await.ok_or("a flow task ended without reporting")?;
            done += 1;
            println!("{record}");
            if done % every == 0 {
                println!("{}", sample(done));
            }
        }
        if started.elapsed() >= duration {
            break;
        }
    }
    if done % every != 0 {
        println!("{}", sample(done));
    }
    client.close();
    Ok(())
}
