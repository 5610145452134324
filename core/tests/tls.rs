//! The TLS settings against an HTTPS emulator whose certificate authority is made for the run:
//! a client trusts it only through `ca_bundle_pem`, and a server that requires a client
//! certificate accepts the call only with `client_identity_pem`.

mod common;

use common::Harness;
use imburse::models::NewOrder;
use imburse::{CallOptions, Client, ClientConfigBuilder, ErrorKind};

/// The harness's settings, one attempt, no proxy from the environment.
fn config(harness: &Harness) -> ClientConfigBuilder {
    assert!(harness.info.url.starts_with("https://localhost:"), "{}", harness.info.url);
    harness.config().use_env_proxy(false).max_attempts(1)
}

async fn create_order(config: ClientConfigBuilder) -> Result<i32, imburse::Error> {
    let client = Client::new(config.build().unwrap()).unwrap();
    let order = NewOrder { order_ref: "ORDER-TLS".into(), ..Default::default() };
    client.create_order(&order, &CallOptions::new()).await.map(|r| r.data.status)
}

#[tokio::test]
async fn the_servers_authority_is_trusted_only_through_the_ca_bundle() {
    let harness = Harness::start_tls(false).await;
    let refused = create_order(config(&harness)).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Connection, "{refused}");
    assert_eq!(refused.attempts(), 1);
    let text = refused.to_string();
    assert!(text.contains("TLS handshake") && text.contains("UnknownIssuer") && text.contains("CA bundle"), "{text}");

    let ca = harness.info.ca_pem.clone().unwrap();
    assert_eq!(create_order(config(&harness).ca_bundle_pem(ca)).await.unwrap(), 201);
}

#[tokio::test]
async fn a_server_requiring_a_client_certificate_accepts_the_client_identity() {
    let harness = Harness::start_tls(true).await;
    let ca = harness.info.ca_pem.clone().unwrap();
    let identity = harness.info.client_identity_pem.clone().unwrap();

    let refused = create_order(config(&harness).ca_bundle_pem(ca.clone())).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Connection, "{refused}");
    assert!(refused.to_string().contains("client certificate"), "{refused}");

    let with_identity = config(&harness).ca_bundle_pem(ca).client_identity_pem(identity.clone());
    let debug = format!("{:?} {:?}", with_identity, with_identity.clone().build().unwrap());
    let key_line = identity.lines().find(|l| !l.starts_with("-----") && identity.contains("PRIVATE KEY")).unwrap();
    assert!(!debug.contains("PRIVATE KEY") && !debug.contains(key_line), "the identity never shows: {debug}");
    assert_eq!(create_order(with_identity).await.unwrap(), 201);
}

#[tokio::test]
async fn unusable_pem_is_a_configuration_error_naming_the_setting_and_never_quoting_it() {
    let harness = Harness::start_tls(false).await;
    let key = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleQ==\n-----END PRIVATE KEY-----\n";
    for (builder, setting) in [
        (config(&harness).ca_bundle_pem("not a certificate"), "ca_bundle_pem"),
        (config(&harness).ca_bundle_pem(""), "ca_bundle_pem"),
        (config(&harness).client_identity_pem(key), "client_identity_pem"),
    ] {
        let error = builder.build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Configuration);
        assert!(error.to_string().contains(setting), "{error}");
        assert!(!error.to_string().contains("c2VjcmV0"), "{error}");
    }
}
