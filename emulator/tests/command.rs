//! The `imburse-emulator` command: the start-up JSON line a harness in any language reads, the
//! `--key` flag, and clear refusals of bad configuration.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use imburse_emulator::auth::hmac;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_imburse-emulator");

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(args: &[&str]) -> (Running, Value) {
    let mut child = Command::new(BIN).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let info: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
    (Running(child), info)
}

#[tokio::test]
async fn prints_one_json_line_with_how_to_connect_and_serves_there() {
    let (_running, info) = start(&["--port", "0"]);
    for field in ["url", "public_key", "private_key", "account_id", "tenant_id"] {
        assert!(info[field].as_str().is_some_and(|v| !v.is_empty()), "{field} in {info}");
    }
    assert_eq!(info["public_key"], imburse_emulator::config::DEMO_PUBLIC_KEY);
    assert_eq!(info["account_id"], imburse_emulator::config::DEMO_ACCOUNT_ID);
    assert_eq!(info["tenant_id"], imburse_emulator::config::DEMO_TENANT_ID);
    let url = info["url"].as_str().unwrap();
    assert!(url.starts_with("http://127.0.0.1:") && !url.ends_with(":0"));

    let header = hmac::authorization_header(
        info["public_key"].as_str().unwrap(),
        info["private_key"].as_str().unwrap(),
        &common::nonce(),
        &common::now_secs().to_string(),
        b"",
    )
    .unwrap();
    let response = reqwest::Client::new()
        .post(format!("{url}/v1/identity/hmac"))
        .header("authorization", header)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn a_key_flag_adds_a_key_that_can_authenticate() {
    let public = "44444444-4444-4444-8444-444444444444";
    let private = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let account = "55555555-5555-4555-8555-555555555555";
    let tenant = "66666666-6666-4666-8666-666666666666";
    let flag = format!("{public}:{private}:{account}:{tenant}:tenant-transaction-read");
    let (_running, info) = start(&["--key", &flag]);
    let url = info["url"].as_str().unwrap();
    let header = hmac::authorization_header(public, private, "n1", &common::now_secs().to_string(), b"").unwrap();
    let response = reqwest::Client::new()
        .post(format!("{url}/v1/identity/hmac"))
        .header("authorization", header)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
}

#[test]
fn bad_configuration_exits_non_zero_with_the_reason() {
    let dir = std::env::temp_dir().join(format!("emulator-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_json = dir.join("bad.json");
    std::fs::write(&bad_json, "{\"keys\": [").unwrap();
    let unknown_field = dir.join("unknown.json");
    std::fs::write(&unknown_field, "{\"token_ttl\": 5}").unwrap();
    let cases: [(&[&str], &str); 8] = [
        (&["--config", bad_json.to_str().unwrap()], "bad.json"),
        (&["--config", unknown_field.to_str().unwrap()], "unknown field"),
        (&["--config", "/nonexistent/emulator.json"], "cannot read"),
        (&["--key", "only:three:parts"], "--key expects"),
        (&["--not-found-status", "200"], "not_found_status"),
        (&["--no-such-flag"], "unexpected argument '--no-such-flag'"),
        (&["--port", "not-a-port"], "invalid value 'not-a-port'"),
        (&["--tls-client-auth"], "--tls"),
    ];
    for (args, expected) in cases {
        let output = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "no start-up line on failure");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let output = Command::new(BIN).args(["--port", &port]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot listen"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn help_and_the_configuration_schema_are_printed_and_succeed() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in ["--no-control", "--host", "--config", "--print-config-schema"] {
        assert!(text.contains(flag), "{flag} in --help: {text}");
    }
    let schema = Command::new(BIN).arg("--print-config-schema").output().unwrap();
    assert_eq!(schema.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&schema.stdout).unwrap();
    let checked_in: Value =
        serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config.schema.json"))).unwrap();
    assert_eq!(printed, checked_in, "--print-config-schema prints emulator/config.schema.json");
}

#[tokio::test]
async fn no_control_refuses_the_control_api_and_a_public_bind_is_warned_about() {
    let (mut running, info) = start(&["--no-control", "--host", "0.0.0.0"]);
    let mut warning = String::new();
    BufReader::new(running.0.stderr.take().unwrap()).read_line(&mut warning).unwrap();
    assert!(warning.contains("warning") && warning.contains("0.0.0.0"), "{warning}");
    assert!(warning.contains("control API is off"), "{warning}");
    let url = info["url"].as_str().unwrap().replace("0.0.0.0", "127.0.0.1");
    let http = reqwest::Client::new();
    let reset = http.post(format!("{url}/__emulator/reset")).send().await.unwrap();
    assert_eq!(reset.status(), 403);
    let health = http.get(format!("{url}/__emulator/health")).send().await.unwrap();
    assert_eq!(health.status(), 200);

    let (mut open, _) = start(&["--host", "0.0.0.0"]);
    let mut warning = String::new();
    BufReader::new(open.0.stderr.take().unwrap()).read_line(&mut warning).unwrap();
    assert!(warning.contains("add --no-control"), "{warning}");
}
