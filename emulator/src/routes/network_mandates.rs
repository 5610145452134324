//! The network-specific mandate routes Imburse deprecated but still serves (reference §3.4):
//! SEPA and Bacs creditor profiles read by reference and created, and BECS Australia and New
//! Zealand mandates read by id.
//!
//! Readings, each here only: `GET/POST …/creditor-profiles/{sepa,bacs}[/{ref}]` reads a
//! profile by reference and creates one without (the server assigns its 32-hex reference and
//! answers 201 with the profile); a profile of another network is not found on a network's
//! route; the BECS NZ path is the AU one's twin (`becsnz`). A created profile is one of the
//! tenant's creditor profiles like any other (paged list, mandates). Roles, the licence switch
//! and the error body are the Mandates API's ([`super::mandates`]).

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::mandates::{
    AddressBody, READ_ROLES, WRITE_ROLES, authorize, profile_not_found, profiles, read_mandate, required, text,
};
use super::{json_ok, parse_body};
use crate::SharedState;
use crate::clock;
use crate::error::{ApiError, ErrorEntry};
use crate::store::CreditorProfile;
use crate::validation::{MetadataInput, Validator};

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/{version}/mandates/creditor-profiles/sepa", post(create_sepa_profile))
        .route("/{version}/mandates/creditor-profiles/sepa/{profile_ref}", get(get_sepa_profile))
        .route("/{version}/mandates/creditor-profiles/bacs", post(create_bacs_profile))
        .route("/{version}/mandates/creditor-profiles/bacs/{profile_ref}", get(get_bacs_profile))
        .route("/{version}/mandates/becsau/{mandate_id}", get(get_becs_au_mandate))
        .route("/{version}/mandates/becsnz/{mandate_id}", get(get_becs_nz_mandate))
}

/// The network fields a configured profile shows on its network's route (the demo's).
pub fn seeded_fields(network: &str) -> Map<String, Value> {
    let fields = match network {
        "SEPA" => json!({
            "identifier": "DE98ZZZ09999999999",
            "name": "Demo Company Ltd",
            "address": {"houseNumberOrName": "1", "streetAddress": "Hauptstrasse", "postcode": "10115",
                        "city": "Berlin", "country": "DE"},
        }),
        "BACS" => json!({"serviceUserNumber": "123456", "organizationName": "Demo Company Ltd"}),
        _ => json!({}),
    };
    match fields {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A profile as its network's route shows it: the common fields and its network's own.
fn profile_view(profile: &CreditorProfile) -> Value {
    let mut view = Map::new();
    view.insert("creditorProfileRef".into(), json!(profile.creditor_profile_ref));
    view.insert("profileName".into(), json!(profile.profile_name));
    view.extend(profile.network_fields.clone());
    view.insert("metadata".into(), json!(profile.metadata));
    Value::Object(view)
}

fn read_profile(
    state: &SharedState,
    headers: &HeaderMap,
    network: &str,
    profile_ref: &str,
) -> Result<Response, ApiError> {
    let caller = authorize(state, headers, READ_ROLES)?;
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let profile = profiles(state, &caller.tenant_id, tenant)
            .iter()
            .find(|p| p.network == network && p.creditor_profile_ref.eq_ignore_ascii_case(profile_ref))
            .ok_or_else(|| profile_not_found(profile_ref))?;
        Ok(json_ok(&profile_view(profile)))
    })
}

async fn get_sepa_profile(
    State(state): State<SharedState>,
    Path((_, profile_ref)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    read_profile(&state, &headers, "SEPA", &profile_ref)
}

async fn get_bacs_profile(
    State(state): State<SharedState>,
    Path((_, profile_ref)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    read_profile(&state, &headers, "BACS", &profile_ref)
}

fn invalid(property: &str, template: &str) -> ErrorEntry {
    ErrorEntry::new("INVALID_ATTRIBUTE", template).with("propertyName", property)
}

/// A SEPA creditor identifier's shape: country, check digits, business code, national id
/// (at most 35 characters).
fn is_sepa_creditor_identifier(id: &str) -> bool {
    let b = id.as_bytes();
    (8..=35).contains(&b.len())
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Stores a new profile of `network` with its fields and answers it (201).
fn add_profile(
    state: &SharedState,
    tenant_id: &str,
    network: &str,
    profile_name: &str,
    metadata: BTreeMap<String, String>,
    network_fields: Map<String, Value>,
) -> Response {
    let profile = CreditorProfile {
        creditor_profile_ref: uuid::Uuid::new_v4().simple().to_string(),
        profile_name: profile_name.to_string(),
        network: network.to_string(),
        metadata,
        created: clock::now_iso8601(),
        network_fields,
    };
    let view = profile_view(&profile);
    state.store.with_tenant(tenant_id, |tenant| profiles(state, tenant_id, tenant).push(profile));
    (StatusCode::CREATED, json_ok(&view)).into_response()
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SepaProfileBody {
    profile_name: Option<String>,
    identifier: Option<String>,
    name: Option<String>,
    address: Option<AddressBody>,
    metadata: Option<MetadataInput>,
}

async fn create_sepa_profile(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, WRITE_ROLES)?;
    let body: SepaProfileBody = parse_body(&body).map_err(ApiError::in_mandates_shape)?;
    let mut v = Validator::new(&state.config.limits);
    let profile_name = text(&body.profile_name);
    if profile_name.is_none() {
        v.push(required("ProfileName"));
    }
    match text(&body.identifier) {
        None => v.push(required("Identifier")),
        Some(id) if !is_sepa_creditor_identifier(id) => v.push(
            invalid("Identifier", "The attribute {propertyName} is not a SEPA creditor identifier: {AttemptedValue}")
                .with("AttemptedValue", id),
        ),
        Some(_) => {}
    }
    let name = text(&body.name);
    if name.is_none() {
        v.push(required("Name"));
    }
    let metadata = v.metadata("metadata", body.metadata);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors).in_mandates_shape());
    }
    let mut fields = Map::new();
    fields.insert("identifier".into(), json!(text(&body.identifier)));
    fields.insert("name".into(), json!(name));
    fields.insert("address".into(), serde_json::to_value(&body.address).unwrap_or(Value::Null));
    Ok(add_profile(&state, &caller.tenant_id, "SEPA", profile_name.unwrap_or_default(), metadata, fields))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct BacsProfileBody {
    profile_name: Option<String>,
    service_user_number: Option<String>,
    organization_name: Option<String>,
    metadata: Option<MetadataInput>,
}

async fn create_bacs_profile(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, WRITE_ROLES)?;
    let body: BacsProfileBody = parse_body(&body).map_err(ApiError::in_mandates_shape)?;
    let mut v = Validator::new(&state.config.limits);
    let profile_name = text(&body.profile_name);
    if profile_name.is_none() {
        v.push(required("ProfileName"));
    }
    match text(&body.service_user_number) {
        None => v.push(required("ServiceUserNumber")),
        Some(sun) if !(sun.len() == 6 && sun.bytes().all(|b| b.is_ascii_digit())) => v.push(
            invalid("ServiceUserNumber", "The attribute {propertyName} must be {digits} digits").with("digits", 6),
        ),
        Some(_) => {}
    }
    let organization_name = text(&body.organization_name);
    if organization_name.is_none() {
        v.push(required("OrganizationName"));
    }
    let metadata = v.metadata("metadata", body.metadata);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors).in_mandates_shape());
    }
    let mut fields = Map::new();
    fields.insert("serviceUserNumber".into(), json!(text(&body.service_user_number)));
    fields.insert("organizationName".into(), json!(organization_name));
    Ok(add_profile(&state, &caller.tenant_id, "BACS", profile_name.unwrap_or_default(), metadata, fields))
}

async fn get_becs_au_mandate(
    State(state): State<SharedState>,
    Path((_, mandate_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    read_mandate(&state, &headers, Some("BECS_AU"), &mandate_id)
}

async fn get_becs_nz_mandate(
    State(state): State<SharedState>,
    Path((_, mandate_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    read_mandate(&state, &headers, Some("BECS_NZ"), &mandate_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sepa_creditor_identifier_is_country_check_digits_and_alphanumerics() {
        for good in ["DE98ZZZ09999999999", "GB98ZZZSDDBARC0000007495895", "NL12ZZZ1"] {
            assert!(is_sepa_creditor_identifier(good), "{good}");
        }
        for bad in ["", "DE98", "de98ZZZ0999", "DE9XZZZ09999", "DE98ZZZ-9999", &format!("DE98{}", "Z".repeat(32))] {
            assert!(!is_sepa_creditor_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn seeded_profiles_show_their_networks_fields() {
        assert_eq!(seeded_fields("BACS")["serviceUserNumber"], "123456");
        assert!(is_sepa_creditor_identifier(seeded_fields("SEPA")["identifier"].as_str().unwrap()));
        assert!(seeded_fields("ACH").is_empty());
    }
}
