//! Customer vault, wallet and financial instruments (reference §3.3).
//!
//! `GET /v1/customer-vault/{ref}` reads a customer; `GET /v2/...` creates it when absent
//! (get-or-create). `PUT /v2/...` replaces its metadata (202). Financial instruments are added
//! with `POST /v1/customer-vault/{ref}/mobile` (201 `{id}`) and read by id; the wallet lists
//! the instruments added to it. The wallet-add path was not captured in the reference: the
//! emulator serves `POST /v2/customer-vault/{ref}/wallet` (the version it is documented in) `{financialInstrumentId, reason}`
//! → 202, and the README marks it as an assumption. Forget a customer is the reference's
//! probable `DELETE /v2/customer-vault/{ref}` (tenant-admin only, 204, also when there was
//! nothing to forget). A transaction is read at the path an instruction's `_links` give.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{LINK_VERSION, Link, json_ok, links, not_found, parse_body};
use crate::SharedState;
use crate::auth::Scope;
use crate::clock;
use crate::error::{ApiError, ErrorEntry};
use crate::store::{Customer, FinancialInstrument};
use crate::validation::Validator;

const READ_ROLES: &[&str] = &["tenant-transaction-read", "tenant-admin"];
const V2_READ_ROLES: &[&str] = &["tenant-transaction-read", "tenant-admin", "tenant-bridge-read"];
const WRITE_ROLES: &[&str] = &["tenant-transaction-write", "tenant-admin"];
const WALLET_READ_ROLES: &[&str] = &["tenant-bridge-read", "tenant-transaction-read", "tenant-admin"];
const WALLET_WRITE_ROLES: &[&str] = &["tenant-bridge-write", "tenant-transaction-write", "tenant-admin"];
/// The reference: "Forget a customer", tenant-admin only.
const FORGET_ROLES: &[&str] = &["tenant-admin"];

pub fn routes() -> Router<SharedState> {
    let base = "/{version}/customer-vault/{customer_ref}";
    Router::new()
        .route(base, get(get_customer).put(update_customer).delete(forget_customer))
        .route(&format!("{base}/wallet"), get(get_wallet).post(add_to_wallet))
        .route(&format!("{base}/mobile"), post(add_mobile))
        .route(&format!("{base}/financial-instrument/{{financial_instrument_id}}"), get(get_financial_instrument))
        .route(
            &format!("{base}/financial-instrument/{{financial_instrument_id}}/transaction/{{transaction_id}}"),
            get(get_transaction),
        )
}

fn check_customer_ref(state: &SharedState, customer_ref: &str) -> Result<(), ApiError> {
    let mut v = Validator::new(&state.config.limits);
    if v.reference("CUSTOMER_REF", "customerRef", Some(customer_ref)) {
        Ok(())
    } else {
        Err(ApiError::bad_request(v.errors))
    }
}

fn customer_not_found(state: &SharedState, customer_ref: &str) -> ApiError {
    not_found(
        state.not_found_status(),
        "CUSTOMER_NOT_FOUND",
        "Customer {customerRef} was not found.",
        "customerRef",
        customer_ref,
    )
}

fn new_customer(customer_ref: &str) -> Customer {
    Customer {
        customer_ref: customer_ref.to_string(),
        metadata: BTreeMap::new(),
        financial_instruments: Vec::new(),
        created_ms: clock::now_ms(),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Capabilities {
    value_type: &'static str,
    usage_type: &'static str,
    can_credit: bool,
    can_debit: bool,
}

#[derive(Serialize)]
struct Wallet {
    enabled: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InstrumentView<'a> {
    #[serde(rename = "_links")]
    links: BTreeMap<&'static str, Link>,
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    status: &'static str,
    display_name: &'a str,
    created_timestamp: u64,
    authorization_source: &'static str,
    details: &'a BTreeMap<String, String>,
    capabilities: Capabilities,
    wallet: Wallet,
}

fn instrument_view<'a>(customer_ref: &str, fi: &'a FinancialInstrument) -> InstrumentView<'a> {
    InstrumentView {
        links: links([(
            "self",
            format!("/{LINK_VERSION}/customer-vault/{customer_ref}/financial-instrument/{}", fi.id),
        )]),
        id: &fi.id,
        kind: &fi.kind,
        status: "ACTIVE",
        display_name: &fi.display_name,
        created_timestamp: fi.created_ms,
        authorization_source: "WEB",
        details: &fi.details,
        capabilities: Capabilities {
            value_type: "VARIABLE",
            usage_type: "MULTIPLE",
            can_credit: true,
            can_debit: false,
        },
        wallet: Wallet { enabled: fi.in_wallet },
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CustomerView<'a> {
    #[serde(rename = "_links")]
    links: serde_json::Value,
    customer_ref: &'a str,
    status: &'static str,
    created: u64,
    metadata: &'a BTreeMap<String, String>,
    financial_instruments: Vec<InstrumentView<'a>>,
}

fn customer_view<'a>(c: &'a Customer) -> CustomerView<'a> {
    let instrument_links: Vec<_> = c
        .financial_instruments
        .iter()
        .map(|fi| {
            json!({
                "href": format!("/{LINK_VERSION}/customer-vault/{}/financial-instrument/{}", c.customer_ref, fi.id),
                "name": fi.display_name,
            })
        })
        .collect();
    CustomerView {
        links: json!({
            "self": {"href": format!("/{LINK_VERSION}/customer-vault/{}", c.customer_ref), "name": "self"},
            "financialInstruments": instrument_links,
        }),
        customer_ref: &c.customer_ref,
        status: "ACTIVE",
        created: c.created_ms,
        metadata: &c.metadata,
        financial_instruments: c.financial_instruments.iter().map(|fi| instrument_view(&c.customer_ref, fi)).collect(),
    }
}

async fn get_customer(
    State(state): State<SharedState>,
    Path((version, customer_ref)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let create_when_absent = version == "v2";
    let roles = if create_when_absent { V2_READ_ROLES } else { READ_ROLES };
    let caller = state.auth.authorize(&headers, Scope::Tenant, roles)?;
    check_customer_ref(&state, &customer_ref)?;
    let customer = state.store.with_tenant(&caller.tenant_id, |tenant| {
        if create_when_absent {
            Some(tenant.customers.entry(customer_ref.clone()).or_insert_with(|| new_customer(&customer_ref)).clone())
        } else {
            tenant.customers.get(&customer_ref).cloned()
        }
    });
    let customer = customer.ok_or_else(|| customer_not_found(&state, &customer_ref))?;
    Ok(json_ok(&customer_view(&customer)))
}

async fn update_customer(
    State(state): State<SharedState>,
    Path((_, customer_ref)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    check_customer_ref(&state, &customer_ref)?;
    let metadata = super::metadata_body(&body, &state.config.limits)?;
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        tenant.customers.entry(customer_ref.clone()).or_insert_with(|| new_customer(&customer_ref)).metadata = metadata;
    });
    Ok(StatusCode::ACCEPTED.into_response())
}

/// Removes the customer's personal data (its metadata and financial instruments) for good. The
/// instructions and mandates that name the customer keep only its reference.
async fn forget_customer(
    State(state): State<SharedState>,
    Path((_, customer_ref)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, FORGET_ROLES)?;
    check_customer_ref(&state, &customer_ref)?;
    state.store.with_tenant(&caller.tenant_id, |tenant| tenant.customers.remove(&customer_ref));
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn get_wallet(
    State(state): State<SharedState>,
    Path((_, customer_ref)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WALLET_READ_ROLES)?;
    let customer = state
        .store
        .with_tenant(&caller.tenant_id, |tenant| tenant.customers.get(&customer_ref).cloned())
        .ok_or_else(|| customer_not_found(&state, &customer_ref))?;
    let instruments: Vec<_> = customer
        .financial_instruments
        .iter()
        .filter(|fi| fi.in_wallet)
        .map(|fi| instrument_view(&customer.customer_ref, fi))
        .collect();
    Ok(json_ok(&json!({
        "_links": {"self": {"href": format!("/{LINK_VERSION}/customer-vault/{customer_ref}/wallet"), "name": "self"}},
        "customerRef": customer.customer_ref,
        "financialInstruments": instruments,
    })))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AddToWalletBody {
    financial_instrument_id: Option<String>,
    #[allow(dead_code)]
    reason: Option<String>,
}

async fn add_to_wallet(
    State(state): State<SharedState>,
    Path((_, customer_ref)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WALLET_WRITE_ROLES)?;
    let body: AddToWalletBody = parse_body(&body)?;
    let Some(instrument_id) = body.financial_instrument_id.filter(|id| !id.is_empty()) else {
        return Err(ApiError::bad_request(vec![
            ErrorEntry::new("FINANCIAL_INSTRUMENT_ID_IS_REQUIRED", "'{propertyName}' must not be empty.")
                .with("propertyName", "financialInstrumentId"),
        ]));
    };
    let status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let customer =
            tenant.customers.get_mut(&customer_ref).ok_or_else(|| customer_not_found(&state, &customer_ref))?;
        let instrument = customer
            .financial_instruments
            .iter_mut()
            .find(|fi| fi.id == instrument_id)
            .ok_or_else(|| instrument_not_found(status, &instrument_id))?;
        instrument.in_wallet = true;
        Ok(StatusCode::ACCEPTED.into_response())
    })
}

fn instrument_not_found(status: StatusCode, id: &str) -> ApiError {
    not_found(
        status,
        "FINANCIAL_INSTRUMENT_NOT_FOUND",
        "Financial instrument {financialInstrumentId} was not found.",
        "financialInstrumentId",
        id,
    )
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct MobileBody {
    country_code: Option<String>,
    phone_number: Option<String>,
}

/// Digits only, within a length range: the shape of a dialling code or a phone number.
fn digits_field(
    v: &mut Validator,
    prefix: &str,
    property: &str,
    value: Option<&str>,
    lengths: std::ops::RangeInclusive<usize>,
) {
    match value.filter(|s| !s.is_empty()) {
        None => v.push(
            ErrorEntry::new(format!("{prefix}_IS_REQUIRED"), "'{propertyName}' must not be empty.")
                .with("propertyName", property),
        ),
        Some(s) if !(s.bytes().all(|b| b.is_ascii_digit()) && lengths.contains(&s.len())) => v.push(
            ErrorEntry::new(
                format!("{prefix}_FORMAT_NOT_RECOGNISED"),
                "'{propertyName}' must be {minLength} to {maxLength} digits.",
            )
            .with("propertyName", property)
            .with("minLength", lengths.start())
            .with("maxLength", lengths.end()),
        ),
        Some(_) => {}
    }
}

async fn add_mobile(
    State(state): State<SharedState>,
    Path((_, customer_ref)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WALLET_WRITE_ROLES)?;
    check_customer_ref(&state, &customer_ref)?;
    let body: MobileBody = parse_body(&body)?;
    let mut v = Validator::new(&state.config.limits);
    digits_field(&mut v, "COUNTRY_CODE", "countryCode", body.country_code.as_deref(), 1..=4);
    digits_field(&mut v, "PHONE_NUMBER", "phoneNumber", body.phone_number.as_deref(), 4..=15);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    let (country_code, phone_number) = (body.country_code.unwrap_or_default(), body.phone_number.unwrap_or_default());
    let last_four = &phone_number[phone_number.len() - 4..];
    let instrument = FinancialInstrument {
        id: uuid::Uuid::new_v4().to_string(),
        kind: "MOBILE".into(),
        display_name: format!("+{country_code} ******{last_four}"),
        details: [
            ("countryCode".to_string(), country_code.clone()),
            ("phoneNumber".to_string(), format!("******{last_four}")),
        ]
        .into_iter()
        .collect(),
        in_wallet: false,
        created_ms: clock::now_ms(),
    };
    let id = instrument.id.clone();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        tenant
            .customers
            .entry(customer_ref.clone())
            .or_insert_with(|| new_customer(&customer_ref))
            .financial_instruments
            .push(instrument);
    });
    Ok((StatusCode::CREATED, json_ok(&json!({ "id": id }))).into_response())
}

async fn get_financial_instrument(
    State(state): State<SharedState>,
    Path((_, customer_ref, instrument_id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WALLET_READ_ROLES)?;
    let status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let customer = tenant.customers.get(&customer_ref).ok_or_else(|| customer_not_found(&state, &customer_ref))?;
        let instrument = customer
            .financial_instruments
            .iter()
            .find(|fi| fi.id == instrument_id)
            .ok_or_else(|| instrument_not_found(status, &instrument_id))?;
        Ok(json_ok(&instrument_view(&customer.customer_ref, instrument)))
    })
}

/// The transaction of an instruction paid with the customer's instrument, as Get Instruction
/// shows it.
async fn get_transaction(
    State(state): State<SharedState>,
    Path((_, customer_ref, instrument_id, transaction_id)): Path<(String, String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WALLET_READ_ROLES)?;
    let status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let found = tenant.orders.values().flat_map(|order| &order.instructions).find_map(|i| {
            let t = i.transaction.as_ref()?;
            let paid_with =
                i.customer_ref == customer_ref && i.financial_instrument_id.as_deref() == Some(&instrument_id);
            (paid_with && t.transaction_id == transaction_id).then(|| super::orders::transaction_view(i, t))
        });
        let view = found.ok_or_else(|| {
            not_found(
                status,
                "TRANSACTION_NOT_FOUND",
                "Transaction {transactionId} was not found.",
                "transactionId",
                &transaction_id,
            )
        })?;
        Ok(json_ok(&view))
    })
}
