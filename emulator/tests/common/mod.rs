//! Shared test harness: an emulator on a free loopback port, a real HTTP client, and helpers
//! that sign, authenticate and check error bodies exactly as a client would see them.
#![allow(dead_code)]

use imburse_emulator::auth::hmac;
use imburse_emulator::config::KeyConfig;
use imburse_emulator::{EmulatorConfig, EmulatorHandle, StartupInfo};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};

pub struct Harness {
    pub emulator: EmulatorHandle,
    pub http: reqwest::Client,
    pub info: StartupInfo,
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

pub fn nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A key of the demo account with the given tenants and roles.
pub fn key(public_key: &str, tenant_ids: &[&str], roles: &[&str]) -> KeyConfig {
    KeyConfig {
        public_key: public_key.into(),
        private_key: "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY=".into(),
        account_id: imburse_emulator::config::DEMO_ACCOUNT_ID.into(),
        tenant_ids: tenant_ids.iter().map(|t| t.to_string()).collect(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        name: None,
    }
}

pub const OTHER_TENANT: &str = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
pub const READ_ONLY_KEY: &str = "11111111-1111-4111-8111-111111111111";
pub const TWO_TENANT_KEY: &str = "22222222-2222-4222-8222-222222222222";
pub const BRIDGE_READ_KEY: &str = "33333333-3333-4333-8333-333333333333";
pub const SCHEME: &str = "654EB81FF7F07F7CF5A1EE3FF6972E90";

/// The demo configuration plus a second tenant and keys with narrower roles.
pub fn test_config() -> EmulatorConfig {
    let mut config = EmulatorConfig::demo();
    let demo_tenant = imburse_emulator::config::DEMO_TENANT_ID;
    config.add_key(key(READ_ONLY_KEY, &[demo_tenant], &["tenant-transaction-read"]));
    config.add_key(key(TWO_TENANT_KEY, &[demo_tenant, OTHER_TENANT], &["tenant-admin"]));
    config.add_key(key(BRIDGE_READ_KEY, &[demo_tenant], &["tenant-bridge-read"]));
    config
}

impl Harness {
    pub async fn start() -> Self {
        Self::with_config(test_config()).await
    }

    pub async fn with_config(config: EmulatorConfig) -> Self {
        let emulator = EmulatorHandle::start(config, "127.0.0.1", 0).await.expect("emulator starts");
        let info = emulator.startup_info();
        Self { emulator, http: reqwest::Client::new(), info }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.info.url)
    }

    pub fn private_key_of(&self, public_key: &str) -> String {
        let config = &self.emulator.state().config;
        config.keys.iter().find(|k| k.public_key == public_key).unwrap().private_key.clone()
    }

    /// POSTs to the identity endpoint with the given Authorization header and body.
    pub async fn exchange(&self, authorization: &str, body: &'static str) -> Response {
        self.http
            .post(self.url("/v1/identity/hmac"))
            .header("authorization", authorization)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    pub fn sign_now(&self, public_key: &str) -> String {
        hmac::authorization_header(public_key, &self.private_key_of(public_key), &nonce(), &now_secs().to_string(), b"")
            .unwrap()
    }

    pub async fn token_for(&self, public_key: &str) -> String {
        let response = self.exchange(&self.sign_now(public_key), "").await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        body["accessToken"].as_str().unwrap().to_string()
    }

    pub async fn token(&self) -> String {
        self.token_for(&self.info.public_key.clone()).await
    }

    /// A request with the bearer token and the demo account and tenant headers.
    pub fn api(&self, method: Method, path: &str, token: &str) -> RequestBuilder {
        self.api_in(method, path, token, &self.info.tenant_id)
    }

    /// `GET path` with the demo headers, expected 200; its JSON body.
    pub async fn get_ok(&self, path: &str, token: &str) -> Value {
        let response = self.api(Method::GET, path, token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.unwrap()
    }

    pub fn api_in(&self, method: Method, path: &str, token: &str, tenant_id: &str) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .bearer_auth(token)
            .header("x-account-id", &self.info.account_id)
            .header("x-tenant-id", tenant_id)
    }

    pub async fn arm(&self, spec: Value) {
        let response = self.http.post(self.url("/__emulator/faults")).json(&spec).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "{}", response.text().await.unwrap());
    }

    pub async fn requests(&self, query: &str) -> Vec<Value> {
        let response = self.http.get(self.url(&format!("/__emulator/requests{query}"))).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    pub async fn reset(&self) {
        let response = self.http.post(self.url("/__emulator/reset")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }

    pub async fn create_order(&self, token: &str, body: Value) -> Response {
        self.create_order_raw(token, body).await.unwrap()
    }

    pub async fn create_order_raw(&self, token: &str, body: Value) -> reqwest::Result<Response> {
        self.api(Method::POST, "/v1/order-management", token).json(&body).send().await
    }
}

pub fn instruction(reference: &str) -> Value {
    json!({
        "instructionRef": reference,
        "customerRef": "CUST-1",
        "direction": "DEBIT",
        "financialInstrumentId": "5f0e2b8e-0b7a-4c41-9d7f-3c1f2e9a8b7c",
        "amount": 12.10,
        "currency": "GBP",
        "country": "GB",
        "settledByDate": "2026-12-31",
        "schemeId": SCHEME,
        "metadata": {"invoice": "INV-1"}
    })
}

/// `<13 base32 characters>:<8 characters>`: the documented Imburse correlation id form.
pub fn is_imburse_correlation_id(id: &str) -> bool {
    let Some((connection, counter)) = id.split_once(':') else { return false };
    connection.len() == 13
        && connection.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'V').contains(&b))
        && counter.len() == 8
        && counter.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Asserts a classic error body with this status and these codes (in order); returns the body.
pub async fn expect_error(response: Response, status: StatusCode, codes: &[&str]) -> Value {
    assert_eq!(response.status(), status);
    assert!(
        response.headers()["content-type"].to_str().unwrap().starts_with("application/json"),
        "error bodies are JSON"
    );
    let body: Value = response.json().await.unwrap();
    assert!(body["timestamp"].as_u64().is_some(), "timestamp: {body}");
    let outer = body["correlationId"].as_str().unwrap();
    assert!(is_imburse_correlation_id(outer), "outer correlation id {outer}");
    let got: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["errorCode"].as_str().unwrap()).collect();
    assert_eq!(got, codes, "{body}");
    for error in body["errors"].as_array().unwrap() {
        assert!(error["message"].is_string() && error["messageTemplate"].is_string());
        assert!(error["metadata"]["correlationId"].is_string());
        assert!(!error["message"].as_str().unwrap().contains('{'), "message is rendered: {error}");
    }
    body
}
