//! Account and tenant management against the emulator: an account key manages the account, its
//! keys, tenants and their keys; a tenant key its own keys; a key the SDK creates works at once
//! for the roles it was given, and its private key never shows in a text form.

mod common;

use common::{Harness, instruction, order};
use imburse::models::{AccountUpdate, ApiKeySettings, TenantSettings};
use imburse::{CallOptions, Client, ClientConfig, ErrorKind};
use imburse_emulator::config::{DEMO_ACCOUNT_PRIVATE_KEY, DEMO_ACCOUNT_PUBLIC_KEY};

fn none() -> CallOptions {
    CallOptions::new()
}

/// A client signing with the demo account key: `x-account-id` only, no tenant.
fn account_client(h: &Harness) -> Client {
    let config = ClientConfig::builder()
        .base_url(&h.info.url)
        .public_key(DEMO_ACCOUNT_PUBLIC_KEY)
        .private_key(DEMO_ACCOUNT_PRIVATE_KEY)
        .account_id(&h.info.account_id)
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

/// A client signing with a key the SDK created.
fn client_for(h: &Harness, public_key: &str, private_key: &str, tenant_id: Option<&str>) -> Client {
    let mut config = ClientConfig::builder()
        .base_url(&h.info.url)
        .public_key(public_key)
        .private_key(private_key)
        .account_id(&h.info.account_id);
    if let Some(tenant_id) = tenant_id {
        config = config.tenant_id(tenant_id);
    }
    Client::new(config.build().unwrap()).unwrap()
}

fn settings(name: &str, roles: &[&str]) -> ApiKeySettings {
    ApiKeySettings { name: name.into(), roles: roles.iter().map(|r| r.to_string()).collect() }
}

#[tokio::test]
async fn an_account_key_reads_the_account_and_sends_no_tenant_header() {
    let h = Harness::start().await;
    let account = account_client(&h).get_account(&none()).await.unwrap();
    assert_eq!(account.data.account_id, h.info.account_id);
    assert_eq!(account.data.license.as_ref().unwrap().max_tenants, Some(-1), "the emulator's licence is unlimited");
    let seen = h.requests("GET", "/v1/account").await;
    assert_eq!(seen.len(), 1);
    let headers = &seen[0]["headers"];
    assert_eq!(headers["x-account-id"], h.info.account_id.as_str());
    assert!(headers.get("x-tenant-id").is_none(), "an account call sends x-account-id only: {headers}");

    let updated = account_client(&h)
        .update_account(&AccountUpdate { tenant_creation_approval_required: true }, &none())
        .await
        .unwrap();
    assert_eq!(updated.status, 204);
    let account = account_client(&h).get_account(&none()).await.unwrap();
    assert!(account.data.tenant_creation_approval_required);
}

#[tokio::test]
async fn a_tenant_key_may_not_manage_the_account_and_the_403_names_the_role() {
    let h = Harness::start().await;
    let error = h.client().get_account(&none()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden);
    assert_eq!(error.code(), Some("INSUFFICIENT_ROLE"));
    assert_eq!(error.required_roles(), ["account-admin"]);
    assert!(error.to_string().contains("needs the role account-admin"), "{error}");
}

#[tokio::test]
async fn a_tenant_and_its_key_created_by_the_account_work_at_once_for_their_roles() {
    let h = Harness::start().await;
    let account = account_client(&h);
    let tenant = account
        .create_tenant(
            &TenantSettings { name: "Shop EU".into(), country: Some("IE".into()), ..Default::default() },
            &none(),
        )
        .await
        .unwrap();
    assert_eq!(tenant.meta.status, 201);
    let tenant_id = tenant.data.tenant_id.clone();
    assert!(common::is_uuid(&tenant_id));
    let listed = account.list_tenants(&none()).await.unwrap();
    assert!(listed.data.tenants.iter().any(|t| t.tenant_id == tenant_id && t.name.as_deref() == Some("Shop EU")));

    let created = account
        .create_account_tenant_key(&tenant_id, &settings("shop-eu-orders", &["tenant-transaction-write"]), &none())
        .await
        .unwrap();
    assert_eq!(created.meta.status, 201);
    let key = created.data;
    assert_eq!(key.roles, ["tenant-transaction-write"]);
    assert!(!format!("{key:?}").contains(key.private_key.expose_secret()), "Debug never shows the private key");

    // The new key signs at once and acts in its own tenant, and only there.
    let shop = client_for(&h, &key.public_key, key.private_key.expose_secret(), Some(&tenant_id));
    let order = shop.create_order(&order("SHOP-EU-1", vec![]), &none()).await.unwrap();
    assert_eq!(order.data.status, 201);
    let demo_tenant = CallOptions::new().tenant_id(&h.info.tenant_id);
    let foreign = shop.get_order("SHOP-EU-1", &demo_tenant).await.unwrap_err();
    assert_eq!(foreign.code(), Some("TENANT_ID_NOT_PERMITTED"));

    let keys = account.list_account_tenant_keys(&tenant_id, &none()).await.unwrap();
    assert_eq!(keys.data.tenant_keys.len(), 1);
    assert_eq!(keys.data.tenant_keys[0].public_key, key.public_key);
    let raw = h.requests("*", "/v1/account/tenants/*/keys").await;
    assert!(!raw.is_empty());
}

#[tokio::test]
async fn a_tenant_key_creates_a_read_only_key_that_may_read_but_not_write() {
    let h = Harness::start().await;
    let admin = h.client();
    let created = admin.create_tenant_key(&settings("reporting", &["tenant-transaction-read"]), &none()).await.unwrap();
    let key = created.data;
    admin.create_order(&order("ORD-K-1", vec![instruction("INS-1", "5.00")]), &none()).await.unwrap();

    let reader = client_for(&h, &key.public_key, key.private_key.expose_secret(), Some(&h.info.tenant_id));
    let read = reader.get_instruction("ORD-K-1", "INS-1", &none()).await.unwrap();
    assert_eq!(read.data.amount.as_str(), "5.00");
    let refused = reader.create_order(&order("ORD-K-2", vec![]), &none()).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Forbidden);
    assert_eq!(refused.code(), Some("INSUFFICIENT_ROLE"));

    // Listed without its private key; updated roles apply to the next token; deleted, it no
    // longer signs.
    let listed = admin.list_tenant_keys(&none()).await.unwrap();
    let entry = listed.data.tenant_keys.iter().find(|k| k.public_key == key.public_key).expect("listed");
    assert_eq!(entry.name.as_deref(), Some("reporting"));
    let body: String = h.requests("GET", "/v1/tenant/keys").await.iter().map(|r| r.to_string()).collect();
    assert!(!body.contains(key.private_key.expose_secret()));
    let meta =
        admin.update_tenant_key(&key.public_key, &settings("reporting", &["tenant-admin"]), &none()).await.unwrap();
    assert_eq!(meta.status, 204);
    assert_eq!(admin.get_tenant_key(&key.public_key, &none()).await.unwrap().data.roles, ["tenant-admin"]);
    let meta = admin.delete_tenant_key(&key.public_key, &none()).await.unwrap();
    assert_eq!(meta.status, 204);
    let gone = client_for(&h, &key.public_key, key.private_key.expose_secret(), Some(&h.info.tenant_id));
    let error = gone.authenticate(&none()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthorized);
    assert_eq!(error.code(), Some("API_KEY_NOT_FOUND"));
}

#[tokio::test]
async fn bad_key_settings_are_refused_before_sending_and_a_foreign_role_by_the_server() {
    let h = Harness::start().await;
    let account = account_client(&h);
    let error = account.create_account_key(&settings(" ", &[]), &none()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    let codes: Vec<&str> = error.errors().iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["NAME_IS_REQUIRED", "ROLES_IS_REQUIRED"]);
    assert_eq!(error.attempts(), 0);
    assert!(h.requests("POST", "/v1/account/keys").await.is_empty(), "nothing sent");

    let error = account.create_account_key(&settings("ops", &["tenant-admin"]), &none()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadRequest);
    assert_eq!(error.code(), Some("ROLE_NOT_RECOGNISED"));
    assert_eq!(error.attempts(), 1, "a create is not replayed");

    let missing = account.get_tenant("00000000-0000-4000-8000-000000000000", &none()).await.unwrap_err();
    assert_eq!(missing.code(), Some("TENANT_NOT_FOUND"));
    let empty = account.get_account_key("", &none()).await.unwrap_err();
    assert_eq!(empty.code(), Some("PUBLIC_KEY_IS_REQUIRED"));
}

#[tokio::test]
async fn an_account_key_created_by_the_sdk_manages_the_account_and_lists_without_secrets() {
    let h = Harness::start().await;
    let account = account_client(&h);
    let created = account.create_account_key(&settings("rotation", &["account-admin"]), &none()).await.unwrap().data;
    let rotated = client_for(&h, &created.public_key, created.private_key.expose_secret(), None);
    let keys = rotated.list_account_keys(&none()).await.unwrap().data.account_keys;
    let public_keys: Vec<&str> = keys.iter().map(|k| k.public_key.as_str()).collect();
    assert_eq!(public_keys, [DEMO_ACCOUNT_PUBLIC_KEY, created.public_key.as_str()]);
    // A tenant-scoped call on an account key without a tenant is refused before sending.
    let error = rotated.list_collect_schemes(&none()).await.unwrap_err();
    assert_eq!(error.code(), Some("TENANT_ID_IS_REQUIRED"));
    assert_eq!(rotated.delete_account_key(&created.public_key, &none()).await.unwrap().status, 204);
    let gone = account.get_account_key(&created.public_key, &none()).await.unwrap_err();
    assert_eq!(gone.code(), Some("API_KEY_NOT_FOUND"));
}
