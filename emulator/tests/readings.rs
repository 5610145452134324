//! Fidelity where it matters to a client: each route only on the API versions the reference
//! documents it in, `_links` as its samples write them, and each place where the reference
//! allows two readings switched by the configuration's `readings`.

mod common;

use common::*;
use imburse_emulator::EmulatorConfig;
use imburse_emulator::auth::hmac;
use imburse_emulator::config::{ApiVersions, FutureTimestamps};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_route_asked_for_on_a_version_it_is_not_documented_in_is_a_missing_route() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.create_order(&token, json!({"orderRef": "O-1"})).await;
    // Documented in v1 only: the instruction create, the order read, the mobile instrument.
    for (method, path) in [
        (Method::POST, "/v2/order-management/O-1/instruction"),
        (Method::GET, "/v2/order-management/O-1"),
        (Method::POST, "/v2/customer-vault/C-1/mobile"),
        (Method::GET, "/v2/schemes/collect"),
        (Method::GET, "/v2/account/keys"),
        // Documented in v2 only.
        (Method::PUT, "/v1/customer-vault/C-1"),
        (Method::POST, "/v1/customer-vault/C-1/wallet"),
        // No such version.
        (Method::GET, "/v3/order-management/O-1/instruction/I-1"),
    ] {
        let response = h.api(method.clone(), path, &token).json(&json!({})).send().await.unwrap();
        let body = expect_error(response, StatusCode::NOT_FOUND, &["ROUTE_NOT_FOUND"]).await;
        assert_eq!(body["errors"][0]["metadata"]["path"], path, "{method} {path}");
    }
    // Nothing was created by the refused instruction create.
    let order = h.get_ok("/v1/order-management/O-1", &token).await;
    assert_eq!(order["instructions"], json!([]));
    // A path no documented route has is not served on any version.
    let options = h.api(Method::GET, "/v1/schemes/collect/S-1/options", &token).send().await.unwrap();
    expect_error(options, StatusCode::NOT_FOUND, &["ROUTE_NOT_FOUND"]).await;
}

#[tokio::test]
async fn the_any_reading_serves_every_route_on_both_versions() {
    let mut config = test_config();
    config.readings.api_versions = ApiVersions::Any;
    let h = Harness::with_config(config).await;
    let token = h.token().await;
    h.create_order(&token, json!({"orderRef": "O-1"})).await;
    let created =
        h.api(Method::POST, "/v2/order-management/O-1/instruction", &token).json(&instruction("I-1")).send().await;
    assert_eq!(created.unwrap().status(), StatusCode::CREATED);
    h.get_ok("/v2/order-management/O-1", &token).await;
    let v3 = h.api(Method::GET, "/v3/order-management/O-1", &token).send().await.unwrap();
    expect_error(v3, StatusCode::NOT_FOUND, &["ROUTE_NOT_FOUND"]).await;
}

#[tokio::test]
async fn links_in_v2_bodies_point_to_v1_paths_as_the_samples_do() {
    let h = Harness::start().await;
    let token = h.token().await;
    h.create_order(&token, json!({"orderRef": "O-1", "instructions": [instruction("I-1")]})).await;
    let instruction = h.get_ok("/v2/order-management/O-1/instruction/I-1", &token).await;
    assert_eq!(
        instruction["_links"],
        json!({
            "self": {"href": "/v1/order-management/O-1/instruction/I-1", "name": "self"},
            "order": {"href": "/v1/order-management/O-1", "name": "order"},
        })
    );
    let customer = h.get_ok("/v2/customer-vault/C-9", &token).await;
    assert_eq!(customer["_links"]["self"], json!({"href": "/v1/customer-vault/C-9", "name": "self"}));
}

fn sign_at(h: &Harness, timestamp: f64) -> String {
    let public_key = imburse_emulator::config::DEMO_PUBLIC_KEY;
    hmac::authorization_header(public_key, &h.private_key_of(public_key), &nonce(), &timestamp.to_string(), b"")
        .unwrap()
}

#[tokio::test]
async fn future_hmac_timestamps_are_refused_past_the_window_unless_the_reading_accepts_them() {
    let ahead = now_secs() as f64 + 3600.0;
    let strict = Harness::start().await;
    let refused = strict.exchange(&sign_at(&strict, ahead), "").await;
    expect_error(refused, StatusCode::UNAUTHORIZED, &["HMAC_TIMESTAMP_OUT_OF_RANGE"]).await;

    let mut config = test_config();
    config.readings.future_hmac_timestamps = FutureTimestamps::Accepted;
    let lenient = Harness::with_config(config).await;
    let header = sign_at(&lenient, ahead);
    assert_eq!(lenient.exchange(&header, "").await.status(), StatusCode::CREATED);
    // Still single-use, and an old timestamp is still refused.
    let replay = lenient.exchange(&header, "").await;
    expect_error(replay, StatusCode::UNAUTHORIZED, &["HMAC_NONCE_ALREADY_USED"]).await;
    let old = lenient.exchange(&sign_at(&lenient, now_secs() as f64 - 301.0), "").await;
    expect_error(old, StatusCode::UNAUTHORIZED, &["HMAC_TIMESTAMP_OUT_OF_RANGE"]).await;
}

#[tokio::test]
async fn an_instruction_without_a_scheme_is_refused_unless_the_reading_makes_it_optional() {
    let mut body = instruction("I-1");
    body.as_object_mut().unwrap().remove("schemeId");
    let strict = Harness::start().await;
    let token = strict.token().await;
    let refused = strict.create_order(&token, json!({"orderRef": "O-1", "instructions": [body.clone()]})).await;
    expect_error(refused, StatusCode::BAD_REQUEST, &["SCHEME_IS_REQUIRED"]).await;

    let mut config = test_config();
    config.readings.scheme_required = false;
    let lenient = Harness::with_config(config).await;
    let token = lenient.token().await;
    let accepted = lenient.create_order(&token, json!({"orderRef": "O-1", "instructions": [body]})).await;
    assert_eq!(accepted.status(), StatusCode::ACCEPTED);
    let read = lenient.get_ok("/v2/order-management/O-1/instruction/I-1", &token).await;
    assert_eq!(read["scheme"], json!({"schemeId": null, "source": "NONE", "canUpdate": true}));
}

#[test]
fn readings_are_read_from_the_configuration_file_and_unknown_ones_refused() {
    let config = EmulatorConfig::from_json(
        r#"{"readings": {"api_versions": "any", "future_hmac_timestamps": "accepted", "scheme_required": false}}"#,
    )
    .unwrap();
    assert_eq!(config.readings.api_versions, ApiVersions::Any);
    assert_eq!(config.readings.future_hmac_timestamps, FutureTimestamps::Accepted);
    assert!(!config.readings.scheme_required);
    let defaults = EmulatorConfig::from_json("{}").unwrap().readings;
    assert_eq!(
        (defaults.api_versions, defaults.future_hmac_timestamps, defaults.scheme_required),
        (ApiVersions::Documented, FutureTimestamps::Window, true)
    );
    let wrong = EmulatorConfig::from_json(r#"{"readings": {"api_versions": "v3"}}"#).unwrap_err().to_string();
    assert!(wrong.contains("api_versions") || wrong.contains("unknown variant"), "{wrong}");
    let unknown = EmulatorConfig::from_json(r#"{"readings": {"scheme_optional": true}}"#).unwrap_err().to_string();
    assert!(unknown.contains("scheme_optional"), "{unknown}");
}

#[test]
fn the_checked_in_schema_is_the_configurations_own() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config.schema.json");
    let expected = format!("{}\n", EmulatorConfig::json_schema());
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == expected,
        "emulator/config.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p imburse-emulator --test readings"
    );
    // Every section of the configuration is described, with its defaults.
    let schema: serde_json::Value = serde_json::from_str(&checked_in).unwrap();
    for section in ["accounts", "keys", "limits", "connections", "readings", "not_found_status", "control_api"] {
        assert!(schema["properties"][section].is_object(), "{section} in the schema");
    }
    assert_eq!(schema["properties"]["not_found_status"]["default"], 400);
    assert_eq!(schema["$defs"]["ApiVersions"]["oneOf"].as_array().map(Vec::len), Some(2), "{}", schema["$defs"]);
}

const BEGIN: &str = "<!-- versions table: generated from imburse_emulator::routes::versions::ROUTES -->\n";
const END: &str = "<!-- end of the versions table -->\n";

fn versions_table() -> String {
    let mut out = String::from("| Route | Versions | The reference |\n|---|---|---|\n");
    for route in imburse_emulator::routes::versions::ROUTES {
        out.push_str(&format!(
            "| `{} /{{v}}/{}` | {} | {} |\n",
            route.method,
            route.path,
            route.versions.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", "),
            route.source.replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn the_readme_lists_the_documented_versions_and_every_reading() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(BEGIN).expect("the versions table's start marker") + BEGIN.len();
    let end = readme[start..].find(END).expect("the versions table's end marker") + start;
    let expected = versions_table();
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(path, format!("{}{expected}{}", &readme[..start], &readme[end..])).unwrap();
    } else {
        assert!(
            readme[start..end] == expected,
            "the emulator README's versions table is stale: run UPDATE_README=1 cargo test -p imburse-emulator --test readings"
        );
    }
    // Each switchable reading is in the table of guesses.
    let schema: serde_json::Value = serde_json::from_str(&EmulatorConfig::json_schema()).unwrap();
    for reading in schema["$defs"]["Readings"]["properties"].as_object().unwrap().keys() {
        assert!(readme.contains(&format!("`readings.{reading}")), "readings.{reading} in the README's guesses");
    }
}
