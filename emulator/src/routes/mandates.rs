//! Mandates and creditor profiles (reference §3.4, Transaction API v2): the paged lists, one
//! mandate, and creating and registering one.
//!
//! Readings, each here only: the list and create paths are the reference's probable ones
//! (`GET`/`POST /v2/mandates`), reading one mandate is `GET /v2/mandates/{mandateId}`; `from`
//! is the first row (0-based) and `currentPage` counts from 1; a mandate is `Active` once
//! registered, its bank details always verified; each mandate is also a financial instrument
//! of its customer (type `MANDATE:<network>`), usable in instructions. When the account's
//! licence does not enable mandates every route answers 405 `SERVICE_UNAVAILABLE` (a QA test
//! specification's reading). Errors use the Mandates API's body (§4, shape 3). The deprecated
//! network-specific routes are in [`super::network_mandates`].

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{json_ok, parse_body};
use crate::SharedState;
use crate::auth::{Caller, Scope};
use crate::clock;
use crate::error::{ApiError, ErrorEntry};
use crate::store::{CreditorProfile, Customer, FinancialInstrument, Mandate, TenantData};
use crate::validation::{MetadataInput, Validator};

pub(super) const READ_ROLES: &[&str] = &["tenant-mandate-read", "tenant-admin"];
pub(super) const WRITE_ROLES: &[&str] = &["tenant-mandate-write", "tenant-admin"];
/// The API's page size bounds and default (`take`).
const MAX_TAKE: i64 = 1000;
const DEFAULT_TAKE: i64 = 100;

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/{version}/mandates", get(list_mandates).post(create_mandate))
        .route("/{version}/mandates/creditor-profiles", get(list_creditor_profiles))
        .route("/{version}/mandates/{mandate_id}", get(get_mandate))
}

/// The caller, once its key may do this and its account's licence enables mandates.
pub(super) fn authorize(state: &SharedState, headers: &HeaderMap, roles: &[&str]) -> Result<Caller, ApiError> {
    let caller = state.auth.authorize(headers, Scope::Tenant, roles)?;
    let enabled = state.directory.with_account(&caller.account_id, |a| a.mandates_enabled).unwrap_or(false);
    if !enabled {
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorEntry::new("SERVICE_UNAVAILABLE", "Mandates are not enabled for this account."),
        )
        .in_mandates_shape());
    }
    Ok(caller)
}

/// `from` and `take` as sent (text, so a non-number gets its own answer).
#[derive(Deserialize)]
struct PageQuery {
    from: Option<String>,
    take: Option<String>,
}

/// The page asked for: its first row and its size, or every problem with the query.
fn page_bounds(query: &PageQuery) -> Result<(usize, usize), ApiError> {
    let mut problems = Vec::new();
    let mut number = |name: &str, value: &Option<String>, default: i64, range: std::ops::RangeInclusive<i64>| {
        let Some(text) = value else { return default };
        match text.trim().parse::<i64>() {
            Ok(n) if range.contains(&n) => n,
            Ok(_) => {
                let code = format!("{}_OUT_OF_RANGE", name.to_ascii_uppercase());
                let bounds = if *range.end() == i64::MAX {
                    format!("{} or more", range.start())
                } else {
                    format!("between {} and {}", range.start(), range.end())
                };
                problems.push(
                    ErrorEntry::new(code, "'{propertyName}' must be {bounds}.")
                        .with("propertyName", name)
                        .with("bounds", bounds)
                        .with("AttemptedValue", text),
                );
                default
            }
            Err(_) => {
                problems.push(
                    ErrorEntry::new(
                        format!("{}_FORMAT_NOT_RECOGNISED", name.to_ascii_uppercase()),
                        "'{propertyName}' must be a whole number.",
                    )
                    .with("propertyName", name)
                    .with("AttemptedValue", text),
                );
                default
            }
        }
    };
    let from = number("from", &query.from, 0, 0..=i64::MAX);
    let take = number("take", &query.take, DEFAULT_TAKE, 1..=MAX_TAKE);
    if !problems.is_empty() {
        return Err(ApiError::bad_request(problems).in_mandates_shape());
    }
    Ok((usize::try_from(from).unwrap_or(usize::MAX), take as usize))
}

/// The paged envelope: `{currentPage, pageCount, pageSize, rowCount, totalCount, results}`.
fn page<T: Serialize>(all: &[T], from: usize, take: usize) -> serde_json::Value {
    let results: Vec<&T> = all.iter().skip(from).take(take).collect();
    json!({
        "currentPage": from / take + 1,
        "pageCount": all.len().div_ceil(take),
        "pageSize": take,
        "rowCount": results.len(),
        "totalCount": all.len(),
        "results": results,
    })
}

/// The tenant's creditor profiles, seeded on first use with its configured ones (a configured
/// SEPA or Bacs profile gets demo network fields).
pub(super) fn profiles<'t>(
    state: &crate::State,
    tenant_id: &str,
    tenant: &'t mut TenantData,
) -> &'t mut Vec<CreditorProfile> {
    tenant.creditor_profiles.get_or_insert_with(|| {
        let configured = state.config.accounts.iter().flat_map(|a| &a.tenants).find(|t| t.tenant_id == tenant_id);
        configured
            .map(|t| {
                t.creditor_profiles
                    .iter()
                    .map(|p| CreditorProfile {
                        creditor_profile_ref: p.creditor_profile_ref.clone(),
                        profile_name: p.profile_name.clone(),
                        network: p.network.clone(),
                        metadata: BTreeMap::new(),
                        created: "2026-01-01T00:00:00Z".into(),
                        network_fields: super::network_mandates::seeded_fields(&p.network),
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProfileView<'a> {
    creditor_profile_ref: &'a str,
    profile_name: &'a str,
    network: &'a str,
    metadata: &'a BTreeMap<String, String>,
    status: &'static str,
    created: &'a str,
}

async fn list_creditor_profiles(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Query(query): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, READ_ROLES)?;
    let (from, take) = page_bounds(&query)?;
    let body = state.store.with_tenant(&caller.tenant_id, |tenant| {
        let views: Vec<ProfileView> = profiles(&state, &caller.tenant_id, tenant)
            .iter()
            .map(|p| ProfileView {
                creditor_profile_ref: &p.creditor_profile_ref,
                profile_name: &p.profile_name,
                network: &p.network,
                metadata: &p.metadata,
                status: "Active",
                created: &p.created,
            })
            .collect();
        page(&views, from, take)
    });
    Ok(json_ok(&body))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MandateView<'a> {
    mandate_id: &'a str,
    mandate_ref: &'a str,
    network: &'a str,
    mandate_type: &'a str,
    customer_ref: &'a str,
    status: &'a str,
    creditor_profile_ref: &'a str,
    financial_instrument_id: &'a str,
    created: &'a str,
    metadata: &'a BTreeMap<String, String>,
}

fn mandate_view(m: &Mandate) -> MandateView<'_> {
    MandateView {
        mandate_id: &m.mandate_id,
        mandate_ref: &m.mandate_ref,
        network: &m.network,
        mandate_type: &m.mandate_type,
        customer_ref: &m.customer_ref,
        status: &m.status,
        creditor_profile_ref: &m.creditor_profile_ref,
        financial_instrument_id: &m.financial_instrument_id,
        created: &m.created,
        metadata: &m.metadata,
    }
}

async fn list_mandates(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Query(query): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, READ_ROLES)?;
    let (from, take) = page_bounds(&query)?;
    let body = state.store.with_tenant(&caller.tenant_id, |tenant| {
        let views: Vec<MandateView> = tenant.mandates.iter().map(mandate_view).collect();
        page(&views, from, take)
    });
    Ok(json_ok(&body))
}

async fn get_mandate(
    State(state): State<SharedState>,
    Path((_, mandate_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    read_mandate(&state, &headers, None, &mandate_id)
}

/// One mandate of the caller's tenant as the API shows it, of `network` only when given (the
/// deprecated network routes); any other is not found.
pub(super) fn read_mandate(
    state: &SharedState,
    headers: &HeaderMap,
    network: Option<&str>,
    mandate_id: &str,
) -> Result<Response, ApiError> {
    let caller = authorize(state, headers, READ_ROLES)?;
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let mandate = tenant
            .mandates
            .iter()
            .find(|m| network.is_none_or(|n| m.network == n) && m.mandate_id.eq_ignore_ascii_case(mandate_id))
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::NOT_FOUND,
                    ErrorEntry::new("MANDATE_NOT_FOUND", "Mandate '{mandateId}' was not found.")
                        .with("mandateId", mandate_id),
                )
                .in_mandates_shape()
            })?;
        Ok(json_ok(&mandate_view(mandate)))
    })
}

/// 404 for a creditor profile the tenant does not have (on its network's route, or named by a
/// new mandate).
pub(super) fn profile_not_found(profile_ref: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorEntry::new("CREDITOR_PROFILE_NOT_FOUND", "Creditor profile '{creditorProfileRef}' was not found.")
            .with("creditorProfileRef", profile_ref),
    )
    .in_mandates_shape()
}

#[derive(Deserialize, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct AddressBody {
    house_number_or_name: Option<String>,
    street_address: Option<String>,
    postcode: Option<String>,
    city: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct DebtorBody {
    first_name: Option<String>,
    last_name: Option<String>,
    company_name: Option<String>,
    email: Option<String>,
    #[allow(dead_code)]
    language: Option<String>,
    address: Option<AddressBody>,
    account_holder_name: Option<String>,
    account_number: Option<String>,
    sort_code: Option<String>,
    iban: Option<String>,
    bsb_number: Option<String>,
    bank_name: Option<String>,
    signatory_name: Option<String>,
    routing_number: Option<String>,
    account_type: Option<String>,
    authorization_source: Option<String>,
    authorization_frequency: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct MandateBody {
    customer_ref: Option<String>,
    creditor_profile_ref: Option<String>,
    mandate_type: Option<String>,
    #[allow(dead_code)]
    agreement_type: Option<String>,
    debtor: Option<DebtorBody>,
    metadata: Option<MetadataInput>,
}

/// The mandate types and their networks (the reference's list; `BacsB2B?` read as B2B).
const MANDATE_TYPES: &[(&str, &str)] = &[
    ("BacsB2C", "BACS"),
    ("BacsB2B", "BACS"),
    ("SepaCoreB2C", "SEPA"),
    ("SepaB2B", "SEPA"),
    ("BecsAuB2C", "BECS_AU"),
    ("BecsNzB2C", "BECS_NZ"),
    ("AchB2C", "ACH"),
];

/// The debtor fields a mandate type requires (PascalCase, as the API names properties), each
/// with its digits when it is a number of fixed length.
fn required_debtor_fields(mandate_type: &str) -> &'static [(&'static str, Option<usize>)] {
    match mandate_type {
        "BacsB2C" => &[
            ("FirstName", None),
            ("LastName", None),
            ("AccountHolderName", None),
            ("AccountNumber", Some(8)),
            ("SortCode", Some(6)),
        ],
        "BacsB2B" => {
            &[("CompanyName", None), ("AccountHolderName", None), ("AccountNumber", Some(8)), ("SortCode", Some(6))]
        }
        "SepaCoreB2C" => &[("FirstName", None), ("LastName", None), ("Iban", None)],
        "SepaB2B" => &[("CompanyName", None), ("Iban", None)],
        "BecsAuB2C" => &[
            ("FirstName", None),
            ("LastName", None),
            ("AccountHolderName", None),
            ("BsbNumber", Some(6)),
            ("AccountNumber", None),
        ],
        "BecsNzB2C" => {
            &[("AccountHolderName", None), ("BankName", None), ("SignatoryName", None), ("AccountNumber", None)]
        }
        _ => &[
            ("FirstName", None),
            ("LastName", None),
            ("RoutingNumber", Some(9)),
            ("AccountNumber", None),
            ("AccountType", None),
            ("AuthorizationSource", None),
            ("AuthorizationFrequency", None),
        ],
    }
}

fn debtor_field<'a>(debtor: &'a DebtorBody, name: &str) -> Option<&'a str> {
    let value = match name {
        "FirstName" => &debtor.first_name,
        "LastName" => &debtor.last_name,
        "CompanyName" => &debtor.company_name,
        "AccountHolderName" => &debtor.account_holder_name,
        "AccountNumber" => &debtor.account_number,
        "SortCode" => &debtor.sort_code,
        "Iban" => &debtor.iban,
        "BsbNumber" => &debtor.bsb_number,
        "BankName" => &debtor.bank_name,
        "SignatoryName" => &debtor.signatory_name,
        "RoutingNumber" => &debtor.routing_number,
        "AccountType" => &debtor.account_type,
        "AuthorizationSource" => &debtor.authorization_source,
        _ => &debtor.authorization_frequency,
    };
    text(value)
}

/// A text field of a body: `None` when absent or blank (then required).
pub(super) fn text(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub(super) fn required(property: &str) -> ErrorEntry {
    ErrorEntry::new("REQUIRED_ATTRIBUTE", "The attribute {propertyName} is required").with("propertyName", property)
}

async fn create_mandate(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, WRITE_ROLES)?;
    let body: MandateBody = parse_body(&body).map_err(ApiError::in_mandates_shape)?;
    let mut v = Validator::new(&state.config.limits);
    let customer_ref = body.customer_ref.clone().unwrap_or_default();
    let profile_ref = body.creditor_profile_ref.clone().unwrap_or_default();
    if customer_ref.is_empty() {
        v.push(required("CustomerRef"));
    } else {
        v.reference("CUSTOMER_REF", "customerRef", Some(&customer_ref));
    }
    if profile_ref.is_empty() {
        v.push(required("CreditorProfileRef"));
    }
    let network = match body.mandate_type.as_deref().filter(|t| !t.is_empty()) {
        None => {
            v.push(required("MandateType"));
            None
        }
        Some(kind) => match MANDATE_TYPES.iter().find(|(name, _)| name.eq_ignore_ascii_case(kind)) {
            Some((name, network)) => Some((*name, *network)),
            None => {
                v.push(
                    ErrorEntry::new(
                        "INVALID_ATTRIBUTE",
                        "The attribute {propertyName} is not a known mandate type: {AttemptedValue}",
                    )
                    .with("propertyName", "MandateType")
                    .with("AttemptedValue", kind),
                );
                None
            }
        },
    };
    let debtor = body.debtor.unwrap_or_default();
    if let Some((kind, _)) = network {
        for (field, digits) in required_debtor_fields(kind) {
            match (debtor_field(&debtor, field), digits) {
                (None, _) => v.push(required(&format!("Debtor.{field}"))),
                (Some(value), Some(digits))
                    if !(value.len() == *digits && value.bytes().all(|b| b.is_ascii_digit())) =>
                {
                    v.push(
                        ErrorEntry::new("INVALID_ATTRIBUTE", "The attribute {propertyName} must be {digits} digits")
                            .with("propertyName", format!("Debtor.{field}"))
                            .with("digits", digits),
                    );
                }
                _ => {}
            }
        }
    }
    let metadata = v.metadata("metadata", body.metadata);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors).in_mandates_shape());
    }
    let (mandate_type, network) = network.expect("checked above");
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let profile = profiles(&state, &caller.tenant_id, tenant)
            .iter()
            .find(|p| p.creditor_profile_ref == profile_ref)
            .cloned()
            .ok_or_else(|| profile_not_found(&profile_ref))?;
        if profile.network != network {
            return Err(ApiError::bad_request(vec![
                ErrorEntry::new(
                    "INVALID_ATTRIBUTE",
                    "The attribute {propertyName} names a {network} profile, not one for {mandateType}",
                )
                .with("propertyName", "CreditorProfileRef")
                .with("network", &profile.network)
                .with("mandateType", mandate_type),
            ])
            .in_mandates_shape());
        }
        let mandate = register(tenant, &customer_ref, &profile, mandate_type, &debtor, metadata);
        let answer = json!({
            "financialInstrumentId": mandate.financial_instrument_id,
            "mandateId": mandate.mandate_id,
            "verificationCheck": {"status": "VERIFIED", "reason": null},
        });
        tenant.mandates.push(mandate);
        Ok((StatusCode::CREATED, json_ok(&answer)).into_response())
    })
}

/// A registered mandate and the financial instrument that stands for it in the vault.
fn register(
    tenant: &mut TenantData,
    customer_ref: &str,
    profile: &CreditorProfile,
    mandate_type: &str,
    debtor: &DebtorBody,
    metadata: BTreeMap<String, String>,
) -> Mandate {
    let mandate_id = uuid::Uuid::new_v4().to_string();
    let instrument_id = uuid::Uuid::new_v4().to_string();
    let number = debtor.account_number.as_deref().or(debtor.iban.as_deref()).unwrap_or_default();
    let last_four: String = number.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    let name = match (&debtor.first_name, &debtor.last_name, &debtor.company_name) {
        (Some(first), Some(last), _) => format!("{first} {last}"),
        (_, _, Some(company)) => company.clone(),
        _ => debtor.account_holder_name.clone().unwrap_or_default(),
    };
    let mandate_ref = format!("IMB{}", &mandate_id.replace('-', "")[..12].to_ascii_uppercase());
    let mut details: BTreeMap<String, String> = [
        ("financialInstrumentType", format!("MANDATE:{}", profile.network)),
        ("mandateReference", mandate_ref.clone()),
        ("debtorName", name.clone()),
        ("debtorAccountNumber", format!("****{last_four}")),
        ("creditorName", profile.profile_name.clone()),
        ("creditorIdentifier", profile.creditor_profile_ref.clone()),
        ("imburseMandateId", mandate_id.clone()),
        ("hasFirstTransactionBeenSent", "false".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if let Some(email) = &debtor.email {
        details.insert("debtorEmail".into(), email.clone());
    }
    if let Some(address) = &debtor.address {
        let parts = [
            &address.house_number_or_name,
            &address.street_address,
            &address.city,
            &address.postcode,
            &address.country,
        ];
        let line: Vec<&str> = parts.iter().filter_map(|p| p.as_deref()).collect();
        details.insert("debtorAddress".into(), line.join(", "));
    }
    let now = clock::now_ms();
    let customer = tenant.customers.entry(customer_ref.to_string()).or_insert_with(|| Customer {
        customer_ref: customer_ref.to_string(),
        metadata: BTreeMap::new(),
        financial_instruments: Vec::new(),
        created_ms: now,
    });
    customer.financial_instruments.push(FinancialInstrument {
        id: instrument_id.clone(),
        kind: format!("MANDATE:{}", profile.network),
        display_name: format!("{name} ****{last_four}"),
        details,
        in_wallet: false,
        created_ms: now,
    });
    Mandate {
        mandate_id,
        mandate_ref,
        network: profile.network.clone(),
        mandate_type: mandate_type.to_string(),
        customer_ref: customer_ref.to_string(),
        status: "Active".into(),
        creditor_profile_ref: profile.creditor_profile_ref.clone(),
        financial_instrument_id: instrument_id,
        metadata,
        created: clock::now_iso8601(),
    }
}

/// `count` registered Bacs mandates for customers `SEED-CUST-1`…, under the tenant's first Bacs
/// profile (a control for tests of long lists).
pub fn add_seeded_mandates(state: &crate::State, tenant_id: &str, count: usize) -> Result<(), String> {
    state.store.with_tenant(tenant_id, |tenant| {
        let profile = profiles(state, tenant_id, tenant)
            .iter()
            .find(|p| p.network == "BACS")
            .cloned()
            .ok_or_else(|| format!("tenant {tenant_id} has no BACS creditor profile"))?;
        let start = tenant.mandates.len();
        for n in start + 1..=start + count {
            let debtor = DebtorBody {
                first_name: Some("Seed".into()),
                last_name: Some(format!("Customer {n}")),
                account_holder_name: Some(format!("Seed Customer {n}")),
                account_number: Some(format!("{:08}", n % 100_000_000)),
                sort_code: Some("200000".into()),
                ..DebtorBody::default()
            };
            let mandate = register(tenant, &format!("SEED-CUST-{n}"), &profile, "BacsB2C", &debtor, BTreeMap::new());
            tenant.mandates.push(mandate);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(from: Option<&str>, take: Option<&str>) -> PageQuery {
        PageQuery { from: from.map(String::from), take: take.map(String::from) }
    }

    #[test]
    fn from_and_take_default_to_0_and_100_and_are_bounded() {
        assert_eq!(page_bounds(&query(None, None)).unwrap(), (0, 100));
        assert_eq!(page_bounds(&query(Some("250"), Some("1000"))).unwrap(), (250, 1000));
        for (from, take, codes) in [
            (None, Some("0"), vec!["TAKE_OUT_OF_RANGE"]),
            (None, Some("1001"), vec!["TAKE_OUT_OF_RANGE"]),
            (Some("-1"), Some("x"), vec!["FROM_OUT_OF_RANGE", "TAKE_FORMAT_NOT_RECOGNISED"]),
        ] {
            let error = page_bounds(&query(from, take)).unwrap_err();
            assert_eq!(error.status, StatusCode::BAD_REQUEST);
            assert_eq!(error.shape, crate::error::BodyShape::Mandates);
            assert_eq!(error.entries.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), codes);
        }
    }

    #[test]
    fn the_envelope_counts_pages_from_one_and_rows_of_this_page() {
        let all: Vec<u32> = (1..=5).collect();
        let page = page(&all, 4, 2);
        assert_eq!(page["currentPage"], 3);
        assert_eq!(page["pageCount"], 3);
        assert_eq!(page["pageSize"], 2);
        assert_eq!(page["rowCount"], 1);
        assert_eq!(page["totalCount"], 5);
        assert_eq!(page["results"], json!([5]));
        assert_eq!(super::page(&all, 10, 2)["rowCount"], 0);
    }
}
