//! The TLS settings against an HTTPS emulator whose certificate authority is made for the run:
//! a client trusts it only through `ca_bundle_pem`, and a server that requires a client
//! certificate accepts the call only with `client_identity_pem`.

use std::time::Duration;

use imburse::models::NewOrder;
use imburse::{CallOptions, Client, ClientConfig, ClientConfigBuilder, ErrorKind};
use imburse_emulator::{EmulatorConfig, EmulatorHandle, StartupInfo};

async fn https(client_auth: bool) -> (EmulatorHandle, StartupInfo) {
    let emulator = EmulatorHandle::start_tls(EmulatorConfig::demo(), "127.0.0.1", 0, client_auth).await.unwrap();
    let info = emulator.startup_info();
    assert!(info.url.starts_with("https://localhost:"), "{}", info.url);
    (emulator, info)
}

fn config(info: &StartupInfo) -> ClientConfigBuilder {
    ClientConfig::builder()
        .base_url(&info.url)
        .public_key(&info.public_key)
        .private_key(&info.private_key)
        .account_id(&info.account_id)
        .tenant_id(&info.tenant_id)
        .use_env_proxy(false)
        .max_attempts(1)
        .attempt_timeout(Duration::from_secs(5))
        .call_timeout(Duration::from_secs(10))
}

async fn create_order(config: ClientConfigBuilder) -> Result<u16, imburse::Error> {
    let client = Client::new(config.build().unwrap()).unwrap();
    let order = NewOrder { order_ref: "ORDER-TLS".into(), ..Default::default() };
    client.create_order(&order, &CallOptions::new()).await.map(|r| r.data.status)
}

#[tokio::test]
async fn the_servers_authority_is_trusted_only_through_the_ca_bundle() {
    let (_emulator, info) = https(false).await;
    let refused = create_order(config(&info)).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Connection, "{refused}");
    assert_eq!(refused.attempts(), 1);
    let text = refused.to_string();
    assert!(text.contains("TLS handshake") && text.contains("UnknownIssuer") && text.contains("CA bundle"), "{text}");

    let ca = info.ca_pem.clone().unwrap();
    assert_eq!(create_order(config(&info).ca_bundle_pem(ca)).await.unwrap(), 201);
}

#[tokio::test]
async fn a_server_requiring_a_client_certificate_accepts_the_client_identity() {
    let (_emulator, info) = https(true).await;
    let ca = info.ca_pem.clone().unwrap();
    let identity = info.client_identity_pem.clone().unwrap();

    let refused = create_order(config(&info).ca_bundle_pem(ca.clone())).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Connection, "{refused}");
    assert!(refused.to_string().contains("client certificate"), "{refused}");

    let with_identity = config(&info).ca_bundle_pem(ca).client_identity_pem(identity.clone());
    let debug = format!("{:?} {:?}", with_identity, with_identity.clone().build().unwrap());
    let key_line = identity.lines().find(|l| !l.starts_with("-----") && identity.contains("PRIVATE KEY")).unwrap();
    assert!(!debug.contains("PRIVATE KEY") && !debug.contains(key_line), "the identity never shows: {debug}");
    assert_eq!(create_order(with_identity).await.unwrap(), 201);
}

#[test]
fn unusable_pem_is_a_configuration_error_naming_the_setting_and_never_quoting_it() {
    let info = StartupInfo {
        url: "https://localhost:1".into(),
        public_key: "a123456b-c12c-123d-1ab4-18bd8c8e88a3".into(),
        private_key: "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=".into(),
        account_id: "6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6".into(),
        tenant_id: "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c".into(),
        ca_pem: None,
        client_identity_pem: None,
    };
    for (builder, setting) in [
        (config(&info).ca_bundle_pem("not a certificate"), "ca_bundle_pem"),
        (config(&info).ca_bundle_pem(""), "ca_bundle_pem"),
        (
            config(&info)
                .client_identity_pem("-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleQ==\n-----END PRIVATE KEY-----\n"),
            "client_identity_pem",
        ),
    ] {
        let error = builder.build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Configuration);
        assert!(error.to_string().contains(setting), "{error}");
        assert!(!error.to_string().contains("c2VjcmV0"), "{error}");
    }
}
