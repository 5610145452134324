//! Test harness: an emulator on a free loopback port, a client configured for it with short
//! backoffs, and the emulator's control API (faults, request log) over HTTP.
#![allow(dead_code)]

use std::time::Duration;

use imburse::models::{Direction, NewInstruction, NewOrder};
use imburse::{Client, ClientConfig, ClientConfigBuilder};
use imburse_emulator::{EmulatorConfig, EmulatorHandle, StartupInfo};
use serde_json::{Value, json};

pub const SCHEME: &str = "654EB81FF7F07F7CF5A1EE3FF6972E90";

pub struct Harness {
    pub emulator: EmulatorHandle,
    pub info: StartupInfo,
    control: reqwest::Client,
}

impl Harness {
    pub async fn start() -> Self {
        Self::with_config(EmulatorConfig::demo()).await
    }

    pub async fn with_config(config: EmulatorConfig) -> Self {
        let emulator = EmulatorHandle::start(config, "127.0.0.1", 0).await.expect("emulator starts");
        Self::around(emulator)
    }

    /// The demo over HTTPS with a throwaway authority (`info.ca_pem`); `client_auth` also
    /// requires a client certificate (`info.client_identity_pem`).
    pub async fn start_tls(client_auth: bool) -> Self {
        let emulator = EmulatorHandle::start_tls(EmulatorConfig::demo(), "127.0.0.1", 0, client_auth)
            .await
            .expect("emulator starts");
        Self::around(emulator)
    }

    fn around(emulator: EmulatorHandle) -> Self {
        let info = emulator.startup_info();
        // The control API is served over HTTPS too; it trusts the run's authority.
        let mut control = reqwest::Client::builder();
        if let Some(ca) = &info.ca_pem {
            control = control.tls_certs_merge([reqwest::Certificate::from_pem(ca.as_bytes()).unwrap()]);
        }
        Self { emulator, info, control: control.build().unwrap() }
    }

    /// Demo credentials, fast retries (10 ms base, 40 ms cap), short attempt timeout.
    pub fn config(&self) -> ClientConfigBuilder {
        ClientConfig::builder()
            .base_url(&self.info.url)
            .public_key(&self.info.public_key)
            .private_key(&self.info.private_key)
            .account_id(&self.info.account_id)
            .tenant_id(&self.info.tenant_id)
            .backoff_base(Duration::from_millis(10))
            .backoff_cap(Duration::from_millis(40))
            .retry_after_cap(Duration::from_secs(2))
            .attempt_timeout(Duration::from_secs(2))
            .call_timeout(Duration::from_secs(15))
    }

    pub fn client(&self) -> Client {
        Client::new(self.config().build().expect("valid config")).expect("client")
    }

    pub async fn arm(&self, spec: Value) {
        let response =
            self.control.post(format!("{}/__emulator/faults", self.info.url)).json(&spec).send().await.unwrap();
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    }

    /// The emulator's request log, filtered by method and path pattern.
    pub async fn requests(&self, method: &str, path: &str) -> Vec<Value> {
        let mut params = vec![("path", path)];
        if method != "*" {
            params.push(("method", method));
        }
        let url = url::Url::parse_with_params(&format!("{}/__emulator/requests", self.info.url), &params).unwrap();
        self.control.get(url).send().await.unwrap().json().await.unwrap()
    }

    pub async fn control_post(&self, path: &str, body: Value) -> reqwest::StatusCode {
        self.control.post(format!("{}/__emulator{path}", self.info.url)).json(&body).send().await.unwrap().status()
    }

    pub async fn control_put(&self, path: &str, body: Value) -> reqwest::StatusCode {
        self.control.put(format!("{}/__emulator{path}", self.info.url)).json(&body).send().await.unwrap().status()
    }

    pub async fn expire_tokens(&self) {
        assert_eq!(self.control_post("/tokens/expire", json!({})).await, 204);
    }
}

pub fn instruction(reference: &str, amount: &str) -> NewInstruction {
    NewInstruction {
        instruction_ref: reference.into(),
        customer_ref: "CUST-1".into(),
        direction: Direction::Debit,
        amount: amount.into(),
        currency: "GBP".into(),
        country: "GB".into(),
        settled_by_date: Some("2026-12-31".into()),
        scheme_id: Some(SCHEME.into()),
        financial_instrument_id: Some("fi-1".into()),
        metadata: [("invoice".to_string(), "INV-1".to_string())].into_iter().collect(),
    }
}

pub fn order(reference: &str, instructions: Vec<NewInstruction>) -> NewOrder {
    NewOrder { order_ref: reference.into(), instructions, ..NewOrder::default() }
}

pub fn is_uuid(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok()
}
