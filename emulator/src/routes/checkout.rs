//! The hosted checkout (reference §3.5, "Whitelabel"): session tokens for the checkout and for
//! managing a mandate, and pay-by-links.
//!
//! The reference gives the bodies and answers but not the paths; the emulator serves
//! `POST /{v1,v2}/whitelabel/session-token`, `POST /v2/whitelabel/pay-by-link` (201) and
//! `POST /v1/whitelabel/mandate-management/session-token`. A token is a JWT (HS256, the
//! emulator's own key) carrying the session's id, tenant, order and instruction (or customer
//! and mandate), and the billing and customer fields, which the reference says are "not
//! stored, only embedded in the token"; v2 answers its `sessionId` too. The order and
//! instruction (or the customer's mandate) must exist in the caller's tenant.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::orders::{instruction_not_found, order_not_found};
use super::{json_ok, not_found, parse_body};
use crate::SharedState;
use crate::auth::Scope;
use crate::clock;
use crate::error::{ApiError, ErrorEntry};
use crate::validation::Validator;

const WRITE_ROLES: &[&str] = &["tenant-transaction-write", "tenant-admin"];
const MANDATE_ROLES: &[&str] = &["tenant-transaction-write", "tenant-mandate-write", "tenant-admin"];
/// Signs the session tokens (they are checked by the checkout, not by these routes).
const SESSION_KEY: &[u8] = b"imburse-emulator-checkout-session-key";
const CHANNEL_TYPES: [&str; 2] = ["Email", "SMS"];
const MANDATE_ACTIONS: [&str; 2] = ["Amendment", "Cancellation"];

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/{version}/whitelabel/session-token", post(create_session))
        .route("/{version}/whitelabel/pay-by-link", post(create_pay_by_link))
        .route("/{version}/whitelabel/mandate-management/session-token", post(create_mandate_session))
}

fn required(code: &str, property: &str) -> ErrorEntry {
    ErrorEntry::new(format!("{code}_IS_REQUIRED"), "'{propertyName}' must not be empty.").with("propertyName", property)
}

fn text(body: &Map<String, Value>, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::trim).filter(|v| !v.is_empty()).map(String::from)
}

/// `expirySeconds`: required, at least 1.
fn expiry(v: &mut Validator, body: &Map<String, Value>) -> i64 {
    match body.get("expirySeconds").and_then(Value::as_i64) {
        None => {
            v.push(required("EXPIRY_SECONDS", "expirySeconds"));
            0
        }
        Some(seconds) if seconds < 1 => {
            v.push(
                ErrorEntry::new("EXPIRY_SECONDS_OUT_OF_RANGE", "'{propertyName}' must be {min} or more.")
                    .with("propertyName", "expirySeconds")
                    .with("min", 1),
            );
            0
        }
        Some(seconds) => seconds,
    }
}

fn theme(v: &mut Validator, body: &Map<String, Value>) {
    if let Some(theme) = text(body, "themeId")
        && uuid::Uuid::parse_str(&theme).is_err()
    {
        v.push(
            ErrorEntry::new("THEME_ID_FORMAT_NOT_RECOGNISED", "'{propertyName}' must be a UUID.")
                .with("propertyName", "themeId"),
        );
    }
}

/// Each channel `{type: Email | SMS, destination}`; `required` when the operation needs one.
fn channels(v: &mut Validator, body: &Map<String, Value>, required_one: bool) {
    let list = body.get("channels").and_then(Value::as_array).cloned().unwrap_or_default();
    if required_one && list.is_empty() {
        v.push(required("CHANNELS", "channels"));
    }
    for (i, channel) in list.iter().enumerate() {
        let kind = channel.get("type").and_then(Value::as_str).unwrap_or_default();
        if !CHANNEL_TYPES.contains(&kind) {
            v.push(
                ErrorEntry::new("CHANNEL_TYPE_NOT_RECOGNISED", "'{propertyName}' must be Email or SMS, not '{type}'.")
                    .with("propertyName", format!("channels[{i}].type"))
                    .with("type", kind),
            );
        }
        if channel.get("destination").and_then(Value::as_str).is_none_or(|d| d.trim().is_empty()) {
            v.push(required("CHANNEL_DESTINATION", &format!("channels[{i}].destination")));
        }
    }
}

/// The order and instruction a checkout is for, checked to exist in the tenant.
fn check_instruction(
    state: &SharedState,
    tenant_id: &str,
    v: &mut Validator,
    body: &Map<String, Value>,
) -> Result<(String, String), ApiError> {
    let order_ref = text(body, "orderRef");
    let instruction_ref = text(body, "instructionRef");
    let order_ok = v.reference("ORDER_REF", "orderRef", order_ref.as_deref());
    let instruction_ok = v.reference("INSTRUCTION_REF", "instructionRef", instruction_ref.as_deref());
    let (Some(order_ref), Some(instruction_ref)) = (order_ref, instruction_ref) else { return Ok(Default::default()) };
    if !(order_ok && instruction_ok) {
        return Ok(Default::default());
    }
    let status = state.not_found_status();
    let now = clock::now_ms();
    state.store.with_tenant(tenant_id, |tenant| {
        let order = tenant.orders.get(&order_ref).ok_or_else(|| order_not_found(status, &order_ref))?;
        order
            .readable_instruction(&instruction_ref, now)
            .ok_or_else(|| instruction_not_found(status, &instruction_ref))?;
        Ok((order_ref, instruction_ref))
    })
}

/// A signed session token and its expiry (epoch seconds).
fn token(claims: Map<String, Value>, expiry_seconds: i64) -> (String, i64) {
    let now = clock::now_secs_f64() as i64;
    let expires = now.saturating_add(expiry_seconds);
    let mut claims = claims;
    claims.insert("iat".into(), json!(now));
    claims.insert("exp".into(), json!(expires));
    let token = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(SESSION_KEY),
    )
    .expect("a JSON object signs");
    (token, expires)
}

/// The fields a checkout token carries as given (billing and customer details).
const EMBEDDED: &[&str] = &[
    "themeId",
    "customerType",
    "customerFirstName",
    "customerLastName",
    "companyName",
    "customerEmail",
    "customerMobilePhone",
    "cardholderName",
    "billingHouseNumber",
    "billingStreet1",
    "billingStreet2",
    "billingCity",
    "billingState",
    "billingCountry",
    "billingPostCode",
    "authorizationSource",
    "authorizationFrequency",
];

#[derive(Deserialize, Default)]
struct AnyBody(Map<String, Value>);

async fn create_session(
    State(state): State<SharedState>,
    Path(version): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let AnyBody(body) = parse_body(&body)?;
    let mut v = Validator::new(&state.config.limits);
    let expiry_seconds = expiry(&mut v, &body);
    theme(&mut v, &body);
    match text(&body, "customerType").as_deref() {
        None => {}
        Some("B2C") => {
            for (code, property) in
                [("CUSTOMER_FIRST_NAME", "customerFirstName"), ("CUSTOMER_LAST_NAME", "customerLastName")]
            {
                if text(&body, property).is_none() {
                    v.push(required(code, property));
                }
            }
        }
        Some("B2B") => {
            if text(&body, "companyName").is_none() {
                v.push(required("COMPANY_NAME", "companyName"));
            }
        }
        Some(other) => v.push(
            ErrorEntry::new(
                "CUSTOMER_TYPE_NOT_RECOGNISED",
                "'{propertyName}' must be B2C or B2B, not '{customerType}'.",
            )
            .with("propertyName", "customerType")
            .with("customerType", other),
        ),
    }
    channels(&mut v, &body, false);
    let references = check_instruction(&state, &caller.tenant_id, &mut v, &body);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    let (order_ref, instruction_ref) = references?;
    let session_id = uuid::Uuid::new_v4().to_string();
    let mut claims: Map<String, Value> =
        EMBEDDED.iter().filter_map(|key| body.get(*key).map(|value| (key.to_string(), value.clone()))).collect();
    claims.insert("sid".into(), json!(session_id));
    claims.insert("tenantId".into(), json!(caller.tenant_id));
    claims.insert("orderRef".into(), json!(order_ref));
    claims.insert("instructionRef".into(), json!(instruction_ref));
    let (token, expires) = token(claims, expiry_seconds);
    let answer = if version == "v1" {
        json!({"sessionToken": token, "expires": expires})
    } else {
        json!({"sessionToken": token, "expires": expires, "sessionId": session_id})
    };
    Ok(json_ok(&answer))
}

async fn create_pay_by_link(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let AnyBody(body) = parse_body(&body)?;
    let mut v = Validator::new(&state.config.limits);
    expiry(&mut v, &body);
    theme(&mut v, &body);
    channels(&mut v, &body, true);
    let references = check_instruction(&state, &caller.tenant_id, &mut v, &body);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    references?;
    let answer = json!({"payByLinkId": uuid::Uuid::new_v4().to_string()});
    Ok((StatusCode::CREATED, json_ok(&answer)).into_response())
}

async fn create_mandate_session(
    State(state): State<SharedState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, MANDATE_ROLES)?;
    let AnyBody(body) = parse_body(&body)?;
    let mut v = Validator::new(&state.config.limits);
    let customer_ref = text(&body, "customerRef");
    let customer_ok = v.reference("CUSTOMER_REF", "customerRef", customer_ref.as_deref());
    let mandate_id = text(&body, "mandateId");
    if mandate_id.is_none() {
        v.push(required("MANDATE_ID", "mandateId"));
    }
    match text(&body, "action") {
        None => v.push(required("ACTION", "action")),
        Some(action) if !MANDATE_ACTIONS.contains(&action.as_str()) => v.push(
            ErrorEntry::new("ACTION_NOT_RECOGNISED", "'{propertyName}' must be one of {actions}, not '{action}'.")
                .with("propertyName", "action")
                .with("actions", MANDATE_ACTIONS.join(", "))
                .with("action", action),
        ),
        Some(_) => {}
    }
    let expiry_seconds = expiry(&mut v, &body);
    if !v.is_valid() || !customer_ok {
        return Err(ApiError::bad_request(v.errors));
    }
    let (customer_ref, mandate_id) = (customer_ref.unwrap_or_default(), mandate_id.unwrap_or_default());
    let status = state.not_found_status();
    let known = state.store.with_tenant(&caller.tenant_id, |tenant| {
        tenant.mandates.iter().any(|m| m.mandate_id.eq_ignore_ascii_case(&mandate_id) && m.customer_ref == customer_ref)
    });
    if !known {
        return Err(not_found(
            status,
            "MANDATE_NOT_FOUND",
            "Mandate '{mandateId}' was not found.",
            "mandateId",
            &mandate_id,
        ));
    }
    let mut claims = Map::new();
    claims.insert("sid".into(), json!(uuid::Uuid::new_v4().to_string()));
    claims.insert("tenantId".into(), json!(caller.tenant_id));
    claims.insert("customerRef".into(), json!(customer_ref));
    claims.insert("mandateId".into(), json!(mandate_id));
    claims.insert("action".into(), body.get("action").cloned().unwrap_or(Value::Null));
    let (token, expires) = token(claims, expiry_seconds);
    Ok(json_ok(&json!({"sessionToken": token, "expires": expires})))
}
