//! Rust driver of the side-by-side benchmark (`bench/run.sh`).
//!
//! Measures the core's `get_instruction` against raw reqwest doing the same work by hand
//! (bearer token, account and tenant headers, status check, JSON decoded into a struct), with
//! wrk as the ceiling, sequentially and with many calls in flight; then the HMAC signature, a
//! token exchange, a call after the server expired the token and a call retried after a 503, each
//! on its own. Prints one JSON record per round on stdout (format in bench/README.md); the
//! orchestration script collects them and `bench/report.py` writes the table.

use std::collections::BTreeMap;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use imburse::{CallOptions, Client, ClientConfig, HmacSigner};
use serde::Deserialize;
use serde_json::json;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What the orchestration script passes to every driver.
struct Settings {
    url: String,
    token: String,
    account_id: String,
    tenant_id: String,
    public_key: String,
    private_key: String,
    order_ref: String,
    instruction_ref: String,
    calls: usize,
    rounds: usize,
    mem_calls: usize,
    concurrency: usize,
    wrk: Option<String>,
}

fn env(name: &str) -> Result<String, BoxError> {
    std::env::var(name).map_err(|_| format!("{name} is not set (run bench/run.sh)").into())
}

fn env_usize(name: &str, default: usize) -> Result<usize, BoxError> {
    match std::env::var(name) {
        Ok(v) => Ok(v.parse().map_err(|_| format!("{name}={v} is not a count"))?),
        Err(_) => Ok(default),
    }
}

impl Settings {
    fn from_env() -> Result<Self, BoxError> {
        Ok(Self {
            url: env("BENCH_URL")?.trim_end_matches('/').to_string(),
            token: env("BENCH_TOKEN")?,
            account_id: env("BENCH_ACCOUNT_ID")?,
            tenant_id: env("BENCH_TENANT_ID")?,
            public_key: env("BENCH_PUBLIC_KEY")?,
            private_key: env("BENCH_PRIVATE_KEY")?,
            order_ref: env("BENCH_ORDER")?,
            instruction_ref: env("BENCH_INSTRUCTION")?,
            calls: env_usize("BENCH_CALLS", 5000)?,
            rounds: env_usize("BENCH_ROUNDS", 5)?,
            mem_calls: env_usize("BENCH_MEM_CALLS", 100_000)?,
            concurrency: env_usize("BENCH_CONCURRENCY", 64)?,
            wrk: std::env::var("BENCH_WRK").ok().filter(|w| !w.is_empty()),
        })
    }

    fn instruction_url(&self) -> String {
        format!("{}/v2/order-management/{}/instruction/{}", self.url, self.order_ref, self.instruction_ref)
    }

    fn sdk_config(&self) -> imburse::ClientConfigBuilder {
        ClientConfig::builder()
            .base_url(self.url.as_str())
            .public_key(self.public_key.as_str())
            .private_key(self.private_key.as_str())
            .account_id(self.account_id.as_str())
            .tenant_id(self.tenant_id.as_str())
    }
}

/// User plus system CPU time of this process (`who` = RUSAGE_SELF) or of its reaped children.
fn cpu_seconds(who: libc::c_int) -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage only writes into the struct it is given.
    unsafe { libc::getrusage(who, &mut usage) };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn emit(record: serde_json::Value) {
    println!("{record}");
}

fn emit_round(case: &str, round: usize, calls: usize, wall: Duration, cpu: f64) {
    emit(json!({"case": case, "round": round, "calls": calls, "wall_s": wall.as_secs_f64(), "cpu_s": cpu}));
}

/// The fields a hand-written client would decode (the body carries a few more, skipped).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // decoded for the work it costs, not read
struct NativeInstruction {
    order_ref: String,
    instruction_ref: String,
    customer_ref: String,
    direction: String,
    status: String,
    amount: serde_json::Number,
    currency: String,
    country: String,
    #[serde(default)]
    metadata: BTreeMap<String, String>,
}

/// One way of making the measured call.
#[derive(Clone)]
enum Caller {
    Core(Client),
    Reqwest { http: reqwest::Client, url: String, token: String, account: String, tenant: String },
}

impl Caller {
    async fn call(&self, order_ref: &str, instruction_ref: &str) -> Result<(), BoxError> {
        match self {
            Caller::Core(client) => {
                let response = client.get_instruction(order_ref, instruction_ref, &CallOptions::new()).await?;
                std::hint::black_box(response);
            }
            Caller::Reqwest { http, url, token, account, tenant } => {
                let response = http
                    .get(url)
                    .bearer_auth(token)
                    .header("x-account-id", account)
                    .header("x-tenant-id", tenant)
                    .send()
                    .await?;
                if !response.status().is_success() {
                    return Err(format!("GET instruction answered {}", response.status()).into());
                }
                let instruction: NativeInstruction = response.json().await?;
                std::hint::black_box(instruction);
            }
        }
        Ok(())
    }
}

/// `calls` calls with `in_flight` of them running at once, each on its own task.
async fn run_calls(s: &Arc<Settings>, caller: &Caller, calls: usize, in_flight: usize) -> Result<(), BoxError> {
    if in_flight <= 1 {
        for _ in 0..calls {
            caller.call(&s.order_ref, &s.instruction_ref).await?;
        }
        return Ok(());
    }
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::with_capacity(in_flight);
    for _ in 0..in_flight {
        let (s, caller, next) = (s.clone(), caller.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            while next.fetch_add(1, Ordering::Relaxed) < calls {
                caller.call(&s.order_ref, &s.instruction_ref).await?;
            }
            Ok::<(), BoxError>(())
        }));
    }
    for task in tasks {
        task.await??;
    }
    Ok(())
}

async fn timed(
    s: &Arc<Settings>,
    caller: &Caller,
    calls: usize,
    in_flight: usize,
) -> Result<(Duration, f64), BoxError> {
    let cpu = cpu_seconds(libc::RUSAGE_SELF);
    let start = Instant::now();
    run_calls(s, caller, calls, in_flight).await?;
    Ok((start.elapsed(), cpu_seconds(libc::RUSAGE_SELF) - cpu))
}

/// wrk for about `seconds`, one thread and `connections` keep-alive connections; returns the
/// requests it made, their wall time (from its rate) and wrk's CPU time (reaped-children usage).
/// Blocking on purpose: nothing else runs on this process's runtime meanwhile.
fn wrk_round(s: &Settings, wrk: &str, connections: usize, seconds: u64) -> Result<(usize, f64, f64), BoxError> {
    let cpu = cpu_seconds(libc::RUSAGE_CHILDREN);
    let output = std::process::Command::new(wrk)
        .args(["-t1", &format!("-c{connections}"), &format!("-d{seconds}s")])
        .args(["-H", &format!("Authorization: Bearer {}", s.token)])
        .args(["-H", &format!("x-account-id: {}", s.account_id)])
        .args(["-H", &format!("x-tenant-id: {}", s.tenant_id)])
        .arg(s.instruction_url())
        .stderr(Stdio::inherit())
        .output()?;
    let cpu = cpu_seconds(libc::RUSAGE_CHILDREN) - cpu;
    let report = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() || report.contains("Non-2xx") {
        return Err(format!("wrk failed or saw non-2xx answers:\n{report}").into());
    }
    let requests: usize = report
        .lines()
        .find(|l| l.contains("requests in"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("no request count in wrk's report:\n{report}"))?;
    let rate: f64 = report
        .lines()
        .find(|l| l.starts_with("Requests/sec:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("no rate in wrk's report:\n{report}"))?;
    Ok((requests, requests as f64 / rate, cpu))
}

/// The core against reqwest (and wrk) at one level of concurrency, in interleaved rounds.
async fn compare_get(s: &Arc<Settings>, core: &Caller, native: &Caller, in_flight: usize) -> Result<(), BoxError> {
    let mode = if in_flight <= 1 { "seq".to_string() } else { format!("c{in_flight}") };
    for round in 0..s.rounds {
        let (wall, cpu) = timed(s, core, s.calls, in_flight).await?;
        emit_round(&format!("rust.core.{mode}"), round, s.calls, wall, cpu);
        let (wall, cpu) = timed(s, native, s.calls, in_flight).await?;
        emit_round(&format!("rust.reqwest.{mode}"), round, s.calls, wall, cpu);
        if let Some(wrk) = &s.wrk {
            // About as long as the core's round, at least the one second wrk can do.
            let seconds = wall.as_secs_f64().round().max(1.0) as u64;
            let (requests, wall_s, cpu) = wrk_round(s, wrk, in_flight.max(1), seconds)?;
            emit(
                json!({"case": format!("rust.wrk.{mode}"), "round": round, "calls": requests, "wall_s": wall_s, "cpu_s": cpu}),
            );
        }
    }
    Ok(())
}

/// RSS before and after `mem_calls` sequential calls of the core.
async fn memory(s: &Arc<Settings>, core: &Caller) -> Result<(), BoxError> {
    let before = rss_kb();
    run_calls(s, core, s.mem_calls, 1).await?;
    let after = rss_kb();
    emit(json!({"case": "rust.core.seq", "rss_calls": s.mem_calls, "rss_before_kb": before, "rss_after_kb": after}));
    Ok(())
}

/// The HMAC `Authorization` header for an empty body (nonce and timestamp included), alone.
fn hmac(s: &Settings) -> Result<(), BoxError> {
    let signer = HmacSigner::new(&s.public_key, &s.private_key)?;
    let per_round = s.calls * 10;
    for round in 0..s.rounds {
        let cpu = cpu_seconds(libc::RUSAGE_SELF);
        let start = Instant::now();
        for _ in 0..per_round {
            std::hint::black_box(signer.authorization(std::hint::black_box(b"")));
        }
        emit_round("rust.hmac.sign", round, per_round, start.elapsed(), cpu_seconds(libc::RUSAGE_SELF) - cpu);
    }
    Ok(())
}

/// Accumulates the wall and CPU time of individually timed calls.
#[derive(Default)]
struct Tally {
    wall: Duration,
    cpu: f64,
}

impl Tally {
    async fn time<F: std::future::Future<Output = Result<T, BoxError>>, T>(&mut self, call: F) -> Result<T, BoxError> {
        let cpu = cpu_seconds(libc::RUSAGE_SELF);
        let start = Instant::now();
        let out = call.await;
        self.wall += start.elapsed();
        self.cpu += cpu_seconds(libc::RUSAGE_SELF) - cpu;
        out
    }
}

async fn control(http: &reqwest::Client, url: String, body: Option<serde_json::Value>) -> Result<(), BoxError> {
    let request = http.post(url);
    let request = match body {
        Some(body) => request.json(&body),
        None => request,
    };
    let response = request.send().await?;
    if !response.status().is_success() {
        return Err(format!("control API answered {}", response.status()).into());
    }
    Ok(())
}

/// Token exchange on a fresh client, a call after the server expired every token (401, refresh,
/// replay) and a call retried once after a 503, each timed on its own between untimed set-up,
/// interleaved with a plain call timed the same way as the baseline. Runs last: expiring tokens
/// also expires the one the hand-written clients were given.
async fn singles(s: &Arc<Settings>) -> Result<(), BoxError> {
    let per_round = (s.calls / 25).max(20);
    let http = reqwest::Client::new();
    let options = CallOptions::new();
    let plain = Client::new(s.sdk_config().build()?)?;
    // Backoff as short as the core allows, so the retry costs its extra attempt and little else.
    let retrying = Client::new(
        s.sdk_config().backoff_base(Duration::from_millis(1)).backoff_cap(Duration::from_millis(1)).build()?,
    )?;
    let refreshing = Client::new(s.sdk_config().build()?)?;
    for client in [&plain, &retrying, &refreshing] {
        client.get_instruction(&s.order_ref, &s.instruction_ref, &options).await?;
    }
    let fault =
        json!({"method": "GET", "path": "/v2/order-management/*", "times": 1, "action": "respond", "status": 503});
    for round in 0..s.rounds {
        let (mut single, mut exchange, mut refresh, mut retry) =
            (Tally::default(), Tally::default(), Tally::default(), Tally::default());
        for _ in 0..per_round {
            single.time(async { Ok(plain.get_instruction(&s.order_ref, &s.instruction_ref, &options).await?) }).await?;

            let fresh = Client::new(s.sdk_config().build()?)?;
            exchange.time(async { Ok(fresh.authenticate(&options).await?) }).await?;
            drop(fresh);

            control(&http, format!("{}/__emulator/tokens/expire", s.url), None).await?;
            refresh
                .time(async { Ok(refreshing.get_instruction(&s.order_ref, &s.instruction_ref, &options).await?) })
                .await?;
            // Expiry hit every token: let the other clients refresh theirs outside the timings.
            plain.get_instruction(&s.order_ref, &s.instruction_ref, &options).await?;
            retrying.get_instruction(&s.order_ref, &s.instruction_ref, &options).await?;

            control(&http, format!("{}/__emulator/faults", s.url), Some(fault.clone())).await?;
            let response = retry
                .time(async { Ok(retrying.get_instruction(&s.order_ref, &s.instruction_ref, &options).await?) })
                .await?;
            if response.meta.attempts != 2 {
                return Err(format!("the retried call made {} attempts, not 2", response.meta.attempts).into());
            }
        }
        for (case, tally) in [
            ("rust.core.single", &single),
            ("rust.token.exchange", &exchange),
            ("rust.token.refresh", &refresh),
            ("rust.retry.503", &retry),
        ] {
            emit_round(case, round, per_round, tally.wall, tally.cpu);
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let s = Arc::new(Settings::from_env()?);
    emit(json!({"info": "rust", "versions": {"imburse": imburse::VERSION, "reqwest": "0.13 (the core's)"}}));
    let core = Caller::Core(Client::new(s.sdk_config().build()?)?);
    let native = Caller::Reqwest {
        http: reqwest::Client::new(),
        url: s.instruction_url(),
        token: s.token.clone(),
        account: s.account_id.clone(),
        tenant: s.tenant_id.clone(),
    };
    if s.wrk.is_none() {
        emit(json!({"skip": "rust.wrk", "reason": "wrk is not installed"}));
    }
    // Warm-up: connections, the core's token, allocator and caches.
    run_calls(&s, &core, s.calls / 5 + 1, s.concurrency).await?;
    run_calls(&s, &native, s.calls / 5 + 1, s.concurrency).await?;
    compare_get(&s, &core, &native, 1).await?;
    compare_get(&s, &core, &native, s.concurrency).await?;
    memory(&s, &core).await?;
    hmac(&s)?;
    singles(&s).await?;
    Ok(())
}
