//! The app marketplace (reference §3.7, paths from the 2019 docs, the current ones uncertain):
//! the catalogue, installing an app in the tenant (one instance each: installing again changes
//! nothing), configuring it (any JSON object, kept as given), uninstalling it (refused while a
//! scheme names it: `APP_IN_USE`). A configured tenant starts with Stripe installed, as its
//! schemes name it. Readings listed in the README: the catalogue answered as `{apps:[…]}`, the
//! codes `APP_NOT_FOUND`, `APP_NOT_INSTALLED`, `APP_IN_USE`, `CONFIGURATION_FORMAT_NOT_RECOGNISED`,
//! install 200, configure and uninstall 204.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{json_ok, not_found};
use crate::SharedState;
use crate::auth::{Caller, Scope};
use crate::error::{ApiError, ErrorEntry};

const READ_ROLES: &[&str] = &["tenant-app-read", "tenant-admin"];
const WRITE_ROLES: &[&str] = &["tenant-app-write", "tenant-admin"];

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/{version}/marketplace/apps", get(list_apps))
        .route("/{version}/marketplace/apps/{app_id}", get(get_app))
        .route("/{version}/marketplace/apps/{app_id}/install", post(install))
        .route("/{version}/apps/installed/{app_id}/configuration", post(configure))
        .route("/{version}/apps/installed/{app_id}/uninstall", post(uninstall))
}

/// `(appId, name, tags, payment methods, countries, currencies)`.
type CatalogueEntry = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

/// The catalogue: apps the reference names, with what each supports.
const CATALOGUE: &[CatalogueEntry] = &[
    (
        "STRIPE",
        "Stripe",
        &["collect"],
        &["CARD", "APPLE_PAY", "GOOGLE_PAY"],
        &["GB", "IE", "DE", "FR", "US"],
        &["GBP", "EUR", "USD"],
    ),
    ("BRAINTREE_SDK", "Braintree", &["collect"], &["CARD", "PAYPAL"], &["GB", "US"], &["GBP", "USD"]),
    (
        "GOCARDLESS",
        "GoCardless",
        &["collect", "recurring"],
        &["BACS_DIRECT_DEBIT", "SEPA_DIRECT_DEBIT"],
        &["GB", "IE", "DE"],
        &["GBP", "EUR"],
    ),
    ("TANGOCARD_RAAS", "Tango Card", &["payout", "rewards"], &[], &["GB", "DE", "US"], &["GBP", "EUR", "USD"]),
];

fn app_view(entry: &CatalogueEntry) -> Value {
    let (app_id, name, tags, methods, countries, currencies) = *entry;
    let methods: Vec<Value> = methods
        .iter()
        .map(|m| {
            json!({"id": m, "name": m.replace('_', " "), "iconUrl": null, "tags": [], "isCreditCard": *m == "CARD",
                   "supportsDirectSale": true, "supportsRecurring": m.contains("DEBIT"), "providerWarningRequired": false})
        })
        .collect();
    json!({
        "developerId": "imburse", "developerName": "Imburse", "appId": app_id, "name": name,
        "iconUrl": format!("https://cdn.example.com/apps/{}.png", app_id.to_ascii_lowercase()),
        "description": format!("{name}, through Imburse."), "tags": tags, "supportedPaymentMethods": methods,
        "supportedCountries": countries, "supportedCurrencies": currencies,
    })
}

fn entry(app_id: &str) -> Option<&'static CatalogueEntry> {
    CATALOGUE.iter().find(|e| e.0.eq_ignore_ascii_case(app_id))
}

fn authorize(state: &SharedState, headers: &HeaderMap, roles: &[&str]) -> Result<Caller, ApiError> {
    state.auth.authorize(headers, Scope::Tenant, roles)
}

fn app_not_found(state: &SharedState, app_id: &str) -> ApiError {
    not_found(state.not_found_status(), "APP_NOT_FOUND", "App {appId} is not in the marketplace.", "appId", app_id)
}

fn not_installed(state: &SharedState, app_id: &str) -> ApiError {
    not_found(
        state.not_found_status(),
        "APP_NOT_INSTALLED",
        "App {appId} is not installed in the tenant.",
        "appId",
        app_id,
    )
}

/// Runs `f` on the tenant's installed apps, seeded on first use.
fn with_installed<T>(
    state: &SharedState,
    tenant_id: &str,
    f: impl FnOnce(&mut BTreeMap<String, Option<String>>) -> T,
) -> T {
    let seeded = !state.directory.configured_scheme_ids(tenant_id).is_empty();
    state.store.with_tenant(tenant_id, |tenant| {
        let installed = tenant.installed_apps.get_or_insert_with(|| {
            if seeded { BTreeMap::from([("STRIPE".to_string(), None)]) } else { BTreeMap::new() }
        });
        f(installed)
    })
}

async fn list_apps(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&state, &headers, READ_ROLES)?;
    let apps: Vec<Value> = CATALOGUE.iter().map(app_view).collect();
    Ok(json_ok(&json!({ "apps": apps })))
}

async fn get_app(
    State(state): State<SharedState>,
    Path((_, app_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&state, &headers, READ_ROLES)?;
    entry(&app_id).map(|e| json_ok(&app_view(e))).ok_or_else(|| app_not_found(&state, &app_id))
}

async fn install(
    State(state): State<SharedState>,
    Path((_, app_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, WRITE_ROLES)?;
    let app = entry(&app_id).ok_or_else(|| app_not_found(&state, &app_id))?;
    with_installed(&state, &caller.tenant_id, |installed| {
        installed.entry(app.0.to_string()).or_insert(None);
    });
    Ok(StatusCode::OK.into_response())
}

async fn configure(
    State(state): State<SharedState>,
    Path((_, app_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, WRITE_ROLES)?;
    if !matches!(serde_json::from_slice::<Value>(&body), Ok(Value::Object(_))) {
        return Err(ApiError::bad_request(vec![
            ErrorEntry::new("CONFIGURATION_FORMAT_NOT_RECOGNISED", "'{propertyName}' must be a JSON object.")
                .with("propertyName", "configuration"),
        ]));
    }
    let canonical = entry(&app_id).map(|e| e.0.to_string()).unwrap_or_else(|| app_id.to_ascii_uppercase());
    let text = String::from_utf8_lossy(&body).into_owned();
    let configured = with_installed(&state, &caller.tenant_id, |installed| match installed.get_mut(&canonical) {
        Some(slot) => {
            *slot = Some(text);
            true
        }
        None => false,
    });
    if configured { Ok(StatusCode::NO_CONTENT.into_response()) } else { Err(not_installed(&state, &app_id)) }
}

async fn uninstall(
    State(state): State<SharedState>,
    Path((_, app_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, WRITE_ROLES)?;
    let canonical = entry(&app_id).map(|e| e.0.to_string()).unwrap_or_else(|| app_id.to_ascii_uppercase());
    if super::schemes::app_ids_in_use(&state, &caller.tenant_id).iter().any(|a| a.eq_ignore_ascii_case(&canonical)) {
        return Err(ApiError::bad_request(vec![
            ErrorEntry::new(
                "APP_IN_USE",
                "App {appId} is named by a scheme of the tenant: remove it from the scheme first.",
            )
            .with("appId", &canonical),
        ]));
    }
    let removed = with_installed(&state, &caller.tenant_id, |installed| installed.remove(&canonical).is_some());
    if removed { Ok(StatusCode::NO_CONTENT.into_response()) } else { Err(not_installed(&state, &app_id)) }
}
