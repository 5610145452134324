//! Scheme drafts, payout options, the account's licence and IP allow list, and the app
//! marketplace against the emulator: what is sent (query strings, bodies) and what comes back.

mod common;

use common::{Harness, SCHEME};
use imburse::models::{
    IpAllowListUpdate, IpRange, LicenseUpgradeRequest, NewScheme, NewSchemeApp, NewSchemeRule, PayoutOptionsQuery,
};
use imburse::{CallOptions, Client, ClientConfig, ErrorKind};
use imburse_emulator::config::{DEMO_ACCOUNT_PRIVATE_KEY, DEMO_ACCOUNT_PUBLIC_KEY};

fn none() -> CallOptions {
    CallOptions::new()
}

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

fn rewards_scheme() -> NewScheme {
    NewScheme {
        name: "Rewards GB".into(),
        rules: vec![NewSchemeRule {
            currencies: vec!["GBP".into()],
            countries: vec!["GB".into()],
            apps: vec![NewSchemeApp { app_id: "TANGOCARD_RAAS".into(), excluded_payment_methods: vec![] }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn payout_options_send_the_lookup_as_a_query_string_and_read_exact_amounts() {
    let h = Harness::start().await;
    let client = h.client();
    let scheme = client.create_payout_scheme(&rewards_scheme(), &none()).await.unwrap().data;
    let query = PayoutOptionsQuery {
        amount: "10.00".into(),
        currency: "GBP".into(),
        country: "GB".into(),
        match_type: Some("Max".into()),
    };
    let options = client.get_payout_options(&scheme.scheme_id, &query, &none()).await.unwrap().data.options;
    let fixed = options.iter().find(|o| o.value_type.as_deref() == Some("FIXED_VALUE")).expect("the fixed reward");
    assert_eq!(fixed.fixed_value.as_ref().unwrap().as_str(), "10.00", "the exact digits");
    let seen = h.requests("GET", "/v1/schemes/payout/*/options").await;
    assert_eq!(seen[0]["query"], "amount=10.00&currency=GBP&country=GB&matchType=Max");

    let draft = client.get_payout_scheme_published_draft(&scheme.scheme_id, &none()).await.unwrap().data;
    assert_eq!(Some(&draft.draft_id), scheme.published_draft_id.as_ref());
    let latest = client.get_collect_scheme_latest_draft(SCHEME, &none()).await.unwrap().data;
    assert_eq!(latest.rules[0].apps[0].app_id, "STRIPE");
}

#[tokio::test]
async fn a_bad_lookup_or_allow_list_is_refused_before_sending() {
    let h = Harness::start().await;
    let query =
        PayoutOptionsQuery { amount: "-1".into(), currency: "GBP".into(), country: "GB".into(), match_type: None };
    let error = h.client().get_payout_options(SCHEME, &query, &none()).await.unwrap_err();
    assert_eq!(error.code(), Some("AMOUNT_OUT_OF_RANGE"));
    let update = IpAllowListUpdate {
        enabled: true,
        rules: vec![IpRange { name: "office".into(), ip_v4_start: "10.0.0.300".into(), ip_v4_end: "10.0.0.1".into() }],
    };
    let error = account_client(&h).update_ip_allow_list(&update, &none()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.code(), Some("IP_ADDRESS_FORMAT_NOT_RECOGNISED"));
    assert!(error.to_string().contains("rules[0].ipV4Start"), "{error}");
    assert!(h.requests("*", "/v1/*").await.is_empty(), "nothing sent");
}

#[tokio::test]
async fn the_allow_list_reads_back_and_an_upgrade_request_is_accepted_once() {
    let h = Harness::start().await;
    let account = account_client(&h);
    let update = IpAllowListUpdate {
        enabled: true,
        rules: vec![IpRange {
            name: "office".into(),
            ip_v4_start: "203.0.113.0".into(),
            ip_v4_end: "203.0.113.255".into(),
        }],
    };
    assert_eq!(account.update_ip_allow_list(&update, &none()).await.unwrap().status, 204);
    let list = account.get_ip_allow_list(&none()).await.unwrap().data;
    assert!(list.enabled);
    assert_eq!(list.rules[0].ip_v4_end, "203.0.113.255");
    assert!(list.last_updated.is_some());
    let sent = &h.requests("PUT", "/v1/account/ip-whitelist").await[0]["body"];
    assert_eq!(
        sent,
        r#"{"enabled":true,"rules":[{"name":"office","ipV4Start":"203.0.113.0","ipV4End":"203.0.113.255"}]}"#
    );

    h.arm(serde_json::json!({"method": "POST", "path": "/v1/account/license/upgrade", "times": 1, "action": "respond", "status": 500}))
        .await;
    let request =
        LicenseUpgradeRequest { email_address: "ops@example.com".into(), max_tenants: Some(-1), ..Default::default() };
    let error = account.request_license_upgrade(&request, &none()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.attempts(), 1, "after a 500 Imburse may have acted on it: not replayed");
    assert_eq!(account.request_license_upgrade(&request, &none()).await.unwrap().status, 202);
    let history = account.get_license_history(&none()).await.unwrap().data;
    assert_eq!(history.account_history[0].max_tenants, Some(-1));
}

#[tokio::test]
async fn an_app_is_installed_configured_and_uninstalled_unless_a_scheme_names_it() {
    let h = Harness::start().await;
    let client = h.client();
    let catalogue = client.list_marketplace_apps(&none()).await.unwrap().data.apps;
    assert!(catalogue.iter().any(|a| a.app_id == "BRAINTREE_SDK"));
    assert_eq!(client.install_app("BRAINTREE_SDK", &none()).await.unwrap().status, 200);
    assert_eq!(
        client.install_app("BRAINTREE_SDK", &none()).await.unwrap().status,
        200,
        "installing again changes nothing"
    );
    let configuration = r#"{"merchantId":"m-1","publicKey":"pk","privateKey":"sk-secret","settings":[]}"#;
    assert_eq!(client.configure_app("BRAINTREE_SDK", configuration, &none()).await.unwrap().status, 204);
    let sent = &h.requests("POST", "/v1/apps/installed/BRAINTREE_SDK/configuration").await[0]["body"];
    assert_eq!(sent, configuration, "sent as given");

    let refused = client.configure_app("BRAINTREE_SDK", "not json", &none()).await.unwrap_err();
    assert_eq!(refused.code(), Some("CONFIGURATION_FORMAT_NOT_RECOGNISED"));
    assert!(!refused.to_string().contains("not json"), "the configuration (often credentials) is not echoed");

    let in_use = client.uninstall_app("STRIPE", &none()).await.unwrap_err();
    assert_eq!(in_use.code(), Some("APP_IN_USE"));
    assert_eq!(client.uninstall_app("BRAINTREE_SDK", &none()).await.unwrap().status, 204);
    let gone = client.configure_app("BRAINTREE_SDK", "{}", &none()).await.unwrap_err();
    assert_eq!(gone.code(), Some("APP_NOT_INSTALLED"));
}
