//! An operation's API version, overridden in the client's configuration: the request goes to
//! the declared path on the chosen version, and only for that operation.

mod common;

use common::Harness;
use imburse::{CallOptions, ErrorKind};

#[tokio::test]
async fn an_overridden_operation_is_sent_on_the_chosen_version_and_only_it() {
    let harness = Harness::start().await;
    let client = imburse::Client::new(harness.config().api_version("get_order", "v3").build().unwrap()).unwrap();
    let options = CallOptions::new();
    // The emulator serves get_order on v1 only, as the reference documents it.
    let error = client.get_order("ORDER-V", &options).await.unwrap_err();
    assert_eq!(error.status(), Some(404), "{error}");
    assert_eq!(harness.requests("GET", "/v3/order-management/ORDER-V").await.len(), 1);
    assert!(harness.requests("GET", "/v1/order-management/ORDER-V").await.is_empty());
    // Other operations keep their declared version.
    client.get_or_create_customer("CUST-V", &options).await.unwrap();
    assert_eq!(harness.requests("GET", "/v2/customer-vault/CUST-V").await.len(), 1);
}

#[test]
fn an_override_names_a_declared_operation_and_a_version() {
    let base = || {
        imburse::ClientConfig::builder()
            .public_key("a123456b-c12c-123d-1ab4-18bd8c8e88a3")
            .private_key("AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=")
            .account_id("6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6")
    };
    for (operation, version, says) in
        [("get_orders", "v2", "get_orders"), ("get_order", "2", "\"2\""), ("get_order", "v2/../x", "v2/../x")]
    {
        let error = base().api_version(operation, version).build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Configuration);
        assert!(error.to_string().contains("api_versions") && error.to_string().contains(says), "{error}");
    }
    let config = base().api_version("get_order", "v2").build().unwrap();
    assert_eq!(config.api_version_of(&imburse::operations::GET_ORDER), "v2");
    assert_eq!(config.api_version_of(&imburse::operations::GET_INSTRUCTION), "v2");
    assert_eq!(config.api_version_of(&imburse::operations::CREATE_ORDER), "v1");
}
