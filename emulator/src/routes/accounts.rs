//! Account management with an account key (the account, its keys, its tenants and their keys)
//! and tenant self-management with a tenant key (its own keys), reference §3.8–§3.9.
//!
//! Account routes take `x-account-id` only; `/v1/tenant/keys` is tenant-scoped. A created key
//! answers 201 with its private key, the only time it is shown, and signs the HMAC exchange at
//! once; lists never show a private key. Readings the reference leaves open, listed in the
//! README: the paths of the licence history (`/account/license/history`), the upgrade request
//! (`/account/license/upgrade`, 202) and the IP allow list (`/account/ip-whitelist`, stored but
//! not enforced), the tenants list wrapper `{tenants:[…]}`, the codes `API_KEY_NOT_FOUND`,
//! `TENANT_NOT_FOUND`, `ROLES_IS_REQUIRED`, `ROLE_NOT_RECOGNISED`, a key's roles checked
//! against the documented account or tenant roles, and updates and deletes answering 204.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};

use super::{json_ok, not_found, parse_body};
use crate::SharedState;
use crate::auth::{Caller, Scope};
use crate::directory::{ACCOUNT_ROLES, Address, Key, TENANT_ROLES, Tenant};
use crate::error::{ApiError, ErrorEntry};

const ACCOUNT_ADMIN: &[&str] = &["account-admin"];
const TENANT_READ: &[&str] = &["account-tenant-read", "account-tenant-write", "account-admin"];
const TENANT_WRITE: &[&str] = &["account-tenant-write", "account-admin"];
const TENANT_ADMIN: &[&str] = &["tenant-admin"];

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/{version}/account", get(get_account).put(update_account))
        .route("/{version}/account/license/history", get(license_history))
        .route("/{version}/account/license/upgrade", axum::routing::post(request_upgrade))
        .route("/{version}/account/ip-whitelist", get(get_ip_allow_list).put(update_ip_allow_list))
        .route("/{version}/account/keys", get(list_account_keys).post(create_account_key))
        .route(
            "/{version}/account/keys/{public_key}",
            get(get_account_key).put(update_account_key).delete(delete_account_key),
        )
        .route("/{version}/account/tenants", get(list_tenants).post(create_tenant))
        .route("/{version}/account/tenants/{tenant_id}", get(get_tenant).put(update_tenant))
        .route("/{version}/account/tenants/{tenant_id}/keys", get(list_tenant_keys_of).post(create_tenant_key_of))
        .route(
            "/{version}/account/tenants/{tenant_id}/keys/{public_key}",
            get(get_tenant_key_of).put(update_tenant_key_of).delete(delete_tenant_key_of),
        )
        .route("/{version}/tenant/keys", get(list_own_keys).post(create_own_key))
        .route("/{version}/tenant/keys/{public_key}", get(get_own_key).put(update_own_key).delete(delete_own_key))
}

fn authorize(state: &SharedState, headers: &HeaderMap, scope: Scope, roles: &[&str]) -> Result<Caller, ApiError> {
    state.auth.authorize(headers, scope, roles)
}

fn key_not_found(state: &SharedState, public_key: &str) -> ApiError {
    not_found(
        state.not_found_status(),
        "API_KEY_NOT_FOUND",
        "No API key with public key {publicKey} exists.",
        "publicKey",
        public_key,
    )
}

fn tenant_not_found(state: &SharedState, tenant_id: &str) -> ApiError {
    not_found(state.not_found_status(), "TENANT_NOT_FOUND", "Tenant {tenantId} was not found.", "tenantId", tenant_id)
}

fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

// -------------------------------------------------------------------------- account

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AccountView {
    account_id: String,
    imburse_account_ref: String,
    company_name: String,
    billing_contact_first_name: &'static str,
    billing_contact_last_name: &'static str,
    tenant_creation_approval_required: bool,
    billing_contact_address: Address,
    license: LicenseView,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LicenseView {
    license_id: &'static str,
    license_name: &'static str,
    max_tenants: i64,
    max_transactions: i64,
    max_collect_apps: i64,
    max_payout_apps: i64,
    license_period_start_date: &'static str,
    license_period_end_date: &'static str,
    tenant_usage: i64,
    enable_mandates: bool,
}

async fn get_account(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, ACCOUNT_ADMIN)?;
    let view = state
        .directory
        .with_account(&caller.account_id, |a| AccountView {
            account_id: a.account_id.clone(),
            imburse_account_ref: format!("ACC-{}", &a.account_id[..8].to_ascii_uppercase()),
            company_name: a.company_name.clone(),
            billing_contact_first_name: "Dana",
            billing_contact_last_name: "Demo",
            tenant_creation_approval_required: a.tenant_creation_approval_required,
            billing_contact_address: Address {
                street_address: Some("1 Demo Street".into()),
                locality: Some("London".into()),
                post_code: Some("EC1A 1AA".into()),
                country: Some("GB".into()),
                ..Address::default()
            },
            // The emulator's licence is unlimited (-1), as the reference writes it.
            license: LicenseView {
                license_id: "EMULATOR",
                license_name: "Emulator (unlimited)",
                max_tenants: -1,
                max_transactions: -1,
                max_collect_apps: -1,
                max_payout_apps: -1,
                license_period_start_date: "2026-01-01T00:00:00Z",
                license_period_end_date: "2099-12-31T23:59:59Z",
                tenant_usage: a.tenants.len() as i64,
                enable_mandates: a.mandates_enabled,
            },
        })
        .ok_or_else(|| {
            ApiError::forbidden(ErrorEntry::new("ACCOUNT_ID_NOT_PERMITTED", "The account does not exist."))
        })?;
    Ok(json_ok(&view))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AccountUpdateBody {
    tenant_creation_approval_required: Option<bool>,
}

async fn update_account(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, ACCOUNT_ADMIN)?;
    let body: AccountUpdateBody = parse_body(&body)?;
    let required = body.tenant_creation_approval_required.ok_or_else(|| {
        ApiError::bad_request(vec![required_entry(
            "TENANT_CREATION_APPROVAL_REQUIRED_IS_REQUIRED",
            "tenantCreationApprovalRequired",
        )])
    })?;
    state.directory.with_account(&caller.account_id, |a| a.tenant_creation_approval_required = required);
    Ok(no_content())
}

async fn license_history(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&state, &headers, Scope::Account, ACCOUNT_ADMIN)?;
    // One licence since the emulator's account began: the one get account shows.
    let entry = serde_json::json!({
        "timestamp": "2026-01-01T00:00:00Z", "licenseId": "EMULATOR", "licenseName": "Emulator (unlimited)",
        "maxTenants": -1, "maxTransactions": -1, "maxCollectApps": -1, "maxPayoutApps": -1,
    });
    Ok(json_ok(&serde_json::json!({ "accountHistory": [entry] })))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct UpgradeBody {
    email_address: Option<String>,
    max_tenants: Option<i64>,
    max_transactions: Option<i64>,
    #[allow(dead_code)]
    reason: Option<String>,
}

async fn request_upgrade(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, ACCOUNT_ADMIN)?;
    let body: UpgradeBody = parse_body(&body)?;
    let mut errors = Vec::new();
    if !body.email_address.as_deref().is_some_and(|e| e.contains('@')) {
        errors.push(required_entry("EMAIL_ADDRESS_IS_REQUIRED", "emailAddress"));
    }
    for (property, value) in [("maxTenants", body.max_tenants), ("maxTransactions", body.max_transactions)] {
        if value.is_some_and(|v| v < -1) {
            let code =
                if property == "maxTenants" { "MAX_TENANTS_OUT_OF_RANGE" } else { "MAX_TRANSACTIONS_OUT_OF_RANGE" };
            errors.push(
                ErrorEntry::new(code, "'{propertyName}' must be -1 (unlimited) or more.")
                    .with("propertyName", property),
            );
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::bad_request(errors));
    }
    state.directory.with_account(&caller.account_id, |a| a.upgrade_requests += 1);
    Ok(StatusCode::ACCEPTED.into_response())
}

async fn get_ip_allow_list(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, ACCOUNT_ADMIN)?;
    let list = state.directory.with_account(&caller.account_id, |a| a.ip_allow_list.clone()).unwrap_or_default();
    Ok(json_ok(&list))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AllowListBody {
    enabled: Option<bool>,
    rules: Option<Vec<RuleBody>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RuleBody {
    name: Option<String>,
    ip_v4_start: Option<String>,
    ip_v4_end: Option<String>,
}

async fn update_ip_allow_list(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, ACCOUNT_ADMIN)?;
    let body: AllowListBody = parse_body(&body)?;
    let mut errors = Vec::new();
    let mut rules = Vec::new();
    for (i, rule) in body.rules.unwrap_or_default().into_iter().enumerate() {
        let mut address = |field: &str, value: Option<String>| -> Option<std::net::Ipv4Addr> {
            let parsed = value.as_deref().and_then(|v| v.parse::<std::net::Ipv4Addr>().ok());
            if parsed.is_none() {
                errors.push(
                    ErrorEntry::new("IP_ADDRESS_FORMAT_NOT_RECOGNISED", "'{propertyName}' must be an IPv4 address.")
                        .with("propertyName", format!("rules[{i}].{field}")),
                );
            }
            parsed
        };
        let start = address("ipV4Start", rule.ip_v4_start);
        let end = address("ipV4End", rule.ip_v4_end);
        if let (Some(start), Some(end)) = (start, end) {
            if start > end {
                errors.push(
                    ErrorEntry::new(
                        "IP_RANGE_OUT_OF_ORDER",
                        "'{propertyName}' must not come after the range's last address.",
                    )
                    .with("propertyName", format!("rules[{i}].ipV4Start")),
                );
            }
            rules.push(crate::directory::IpRule {
                name: rule.name.unwrap_or_default(),
                ip_v4_start: start.to_string(),
                ip_v4_end: end.to_string(),
            });
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::bad_request(errors));
    }
    let list = crate::directory::IpAllowList {
        enabled: body.enabled.unwrap_or(false),
        last_updated: Some(crate::clock::now_iso8601()),
        rules,
    };
    state.directory.with_account(&caller.account_id, |a| a.ip_allow_list = list);
    Ok(no_content())
}

fn required_entry(code: &str, property: &str) -> ErrorEntry {
    ErrorEntry::new(code, "'{propertyName}' must not be empty.").with("propertyName", property)
}

// ----------------------------------------------------------------------------- keys

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct KeyView {
    identity: String,
    name: Option<String>,
    public_key: String,
    roles: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenant_id: Option<String>,
    /// Only in the answer to a create.
    #[serde(skip_serializing_if = "Option::is_none")]
    private_key: Option<String>,
}

impl KeyView {
    fn of(key: &Key) -> Self {
        KeyView {
            identity: key.identity.clone(),
            name: key.config.name.clone(),
            public_key: key.config.public_key.clone(),
            roles: key.config.roles.clone(),
            tenant_id: key.config.tenant_ids.first().cloned(),
            private_key: None,
        }
    }

    fn created(key: &Key) -> Self {
        KeyView { private_key: Some(key.config.private_key.clone()), ..KeyView::of(key) }
    }
}

#[derive(Deserialize, Default)]
struct KeyBody {
    name: Option<String>,
    roles: Option<Vec<String>>,
}

/// A key body's name and roles, every problem listed; roles must be of the key's kind.
fn key_settings(body: &[u8], allowed: &[&str]) -> Result<(String, Vec<String>), ApiError> {
    let body: KeyBody = parse_body(body)?;
    let mut errors = Vec::new();
    let name = body.name.unwrap_or_default();
    if name.trim().is_empty() {
        errors.push(required_entry("NAME_IS_REQUIRED", "name"));
    }
    let roles = body.roles.unwrap_or_default();
    if roles.is_empty() {
        errors.push(required_entry("ROLES_IS_REQUIRED", "roles"));
    }
    for (i, role) in roles.iter().enumerate() {
        if !allowed.contains(&role.as_str()) {
            errors.push(
                ErrorEntry::new("ROLE_NOT_RECOGNISED", "'{propertyName}' is not a role this key may hold: {role}.")
                    .with("propertyName", format!("roles[{i}]"))
                    .with("role", role),
            );
        }
    }
    if errors.is_empty() { Ok((name, roles)) } else { Err(ApiError::bad_request(errors)) }
}

/// Which keys a route family sees: the account's own keys, or one tenant's.
#[derive(Clone)]
enum Owner {
    Account(String),
    Tenant { account_id: String, tenant_id: String },
}

impl Owner {
    fn owns(&self, key: &Key) -> bool {
        match self {
            Owner::Account(account_id) => {
                key.is_account_key() && key.config.account_id.eq_ignore_ascii_case(account_id)
            }
            Owner::Tenant { account_id, tenant_id } => {
                key.config.account_id.eq_ignore_ascii_case(account_id)
                    && key.config.tenant_ids.iter().any(|t| t.eq_ignore_ascii_case(tenant_id))
            }
        }
    }

    fn roles(&self) -> &'static [&'static str] {
        match self {
            Owner::Account(_) => ACCOUNT_ROLES,
            Owner::Tenant { .. } => TENANT_ROLES,
        }
    }

    /// The list's JSON wrapper: `{accountKeys:[…]}` or `{tenantKeys:[…]}`.
    fn list_field(&self) -> &'static str {
        match self {
            Owner::Account(_) => "accountKeys",
            Owner::Tenant { .. } => "tenantKeys",
        }
    }
}

fn list_keys(state: &SharedState, owner: &Owner) -> Response {
    let keys: Vec<KeyView> = state.directory.keys(|k| owner.owns(k)).iter().map(KeyView::of).collect();
    json_ok(&serde_json::json!({ owner.list_field(): keys }))
}

fn get_key(state: &SharedState, owner: &Owner, public_key: &str) -> Result<Response, ApiError> {
    let key =
        state.directory.key(public_key).filter(|k| owner.owns(k)).ok_or_else(|| key_not_found(state, public_key))?;
    Ok(json_ok(&KeyView::of(&key)))
}

fn create_key(state: &SharedState, owner: &Owner, body: &[u8]) -> Result<Response, ApiError> {
    let (name, roles) = key_settings(body, owner.roles())?;
    let key = match owner {
        Owner::Account(account_id) => state.directory.create_key(account_id, vec![], name, roles),
        Owner::Tenant { account_id, tenant_id } => {
            state.directory.create_key(account_id, vec![tenant_id.clone()], name, roles)
        }
    };
    Ok((StatusCode::CREATED, json_ok(&KeyView::created(&key))).into_response())
}

fn update_key(state: &SharedState, owner: &Owner, public_key: &str, body: &[u8]) -> Result<Response, ApiError> {
    let (name, roles) = key_settings(body, owner.roles())?;
    if state.directory.update_key(public_key, |k| owner.owns(k), name, roles) {
        Ok(no_content())
    } else {
        Err(key_not_found(state, public_key))
    }
}

fn delete_key(state: &SharedState, owner: &Owner, public_key: &str) -> Result<Response, ApiError> {
    if state.directory.delete_key(public_key, |k| owner.owns(k)) {
        Ok(no_content())
    } else {
        Err(key_not_found(state, public_key))
    }
}

/// The account's own keys: an account key with `account-admin`.
fn account_owner(state: &SharedState, headers: &HeaderMap) -> Result<Owner, ApiError> {
    let caller = authorize(state, headers, Scope::Account, ACCOUNT_ADMIN)?;
    Ok(Owner::Account(caller.account_id))
}

/// A tenant's keys as its account manages them: the tenant must be the account's.
fn tenant_owner(state: &SharedState, headers: &HeaderMap, tenant_id: &str, roles: &[&str]) -> Result<Owner, ApiError> {
    let caller = authorize(state, headers, Scope::Account, roles)?;
    let tenant =
        state.directory.tenant(&caller.account_id, tenant_id).ok_or_else(|| tenant_not_found(state, tenant_id))?;
    Ok(Owner::Tenant { account_id: caller.account_id, tenant_id: tenant.tenant_id })
}

/// The calling tenant's own keys: a tenant key with `tenant-admin`.
fn own_owner(state: &SharedState, headers: &HeaderMap) -> Result<Owner, ApiError> {
    let caller = authorize(state, headers, Scope::Tenant, TENANT_ADMIN)?;
    Ok(Owner::Tenant { account_id: caller.account_id, tenant_id: caller.tenant_id })
}

async fn list_account_keys(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(list_keys(&state, &account_owner(&state, &headers)?))
}

async fn create_account_key(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    create_key(&state, &account_owner(&state, &headers)?, &body)
}

async fn get_account_key(
    State(state): State<SharedState>,
    Path((_, public_key)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    get_key(&state, &account_owner(&state, &headers)?, &public_key)
}

async fn update_account_key(
    State(state): State<SharedState>,
    Path((_, public_key)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    update_key(&state, &account_owner(&state, &headers)?, &public_key, &body)
}

async fn delete_account_key(
    State(state): State<SharedState>,
    Path((_, public_key)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    delete_key(&state, &account_owner(&state, &headers)?, &public_key)
}

async fn list_tenant_keys_of(
    State(state): State<SharedState>,
    Path((_, tenant_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(list_keys(&state, &tenant_owner(&state, &headers, &tenant_id, TENANT_READ)?))
}

async fn create_tenant_key_of(
    State(state): State<SharedState>,
    Path((_, tenant_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    create_key(&state, &tenant_owner(&state, &headers, &tenant_id, TENANT_WRITE)?, &body)
}

async fn get_tenant_key_of(
    State(state): State<SharedState>,
    Path((_, tenant_id, public_key)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    get_key(&state, &tenant_owner(&state, &headers, &tenant_id, TENANT_READ)?, &public_key)
}

async fn update_tenant_key_of(
    State(state): State<SharedState>,
    Path((_, tenant_id, public_key)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    update_key(&state, &tenant_owner(&state, &headers, &tenant_id, TENANT_WRITE)?, &public_key, &body)
}

async fn delete_tenant_key_of(
    State(state): State<SharedState>,
    Path((_, tenant_id, public_key)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    delete_key(&state, &tenant_owner(&state, &headers, &tenant_id, TENANT_WRITE)?, &public_key)
}

async fn list_own_keys(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(list_keys(&state, &own_owner(&state, &headers)?))
}

async fn create_own_key(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    create_key(&state, &own_owner(&state, &headers)?, &body)
}

async fn get_own_key(
    State(state): State<SharedState>,
    Path((_, public_key)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    get_key(&state, &own_owner(&state, &headers)?, &public_key)
}

async fn update_own_key(
    State(state): State<SharedState>,
    Path((_, public_key)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    update_key(&state, &own_owner(&state, &headers)?, &public_key, &body)
}

async fn delete_own_key(
    State(state): State<SharedState>,
    Path((_, public_key)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    delete_key(&state, &own_owner(&state, &headers)?, &public_key)
}

// -------------------------------------------------------------------------- tenants

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TenantView {
    tenant_id: String,
    account_id: String,
    name: String,
    address: Address,
}

fn tenant_view(account_id: &str, tenant: &Tenant) -> TenantView {
    TenantView {
        tenant_id: tenant.tenant_id.clone(),
        account_id: account_id.to_string(),
        name: tenant.name.clone(),
        address: tenant.address.clone(),
    }
}

/// The reference's flat tenant body (2019): a name and the address fields.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct TenantBody {
    name: Option<String>,
    street_address: Option<String>,
    extended_street_address: Option<String>,
    locality: Option<String>,
    region: Option<String>,
    post_code: Option<String>,
    country: Option<String>,
}

fn tenant_settings(body: &[u8]) -> Result<(String, Address), ApiError> {
    let body: TenantBody = parse_body(body)?;
    let mut errors = Vec::new();
    let name = body.name.unwrap_or_default();
    if name.trim().is_empty() {
        errors.push(required_entry("NAME_IS_REQUIRED", "name"));
    }
    if let Some(country) = &body.country
        && (country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()))
    {
        errors.push(
            ErrorEntry::new("COUNTRY_LENGTH_OUT_OF_RANGE", "'{propertyName}' must be 2 characters in length.")
                .with("propertyName", "country"),
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::bad_request(errors));
    }
    let address = Address {
        street_address: body.street_address,
        extended_address: body.extended_street_address,
        locality: body.locality,
        region: body.region,
        post_code: body.post_code,
        country: body.country,
    };
    Ok((name, address))
}

async fn list_tenants(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, TENANT_READ)?;
    let tenants: Vec<TenantView> = state
        .directory
        .with_account(&caller.account_id, |a| a.tenants.iter().map(|t| tenant_view(&a.account_id, t)).collect())
        .unwrap_or_default();
    Ok(json_ok(&serde_json::json!({ "tenants": tenants })))
}

async fn get_tenant(
    State(state): State<SharedState>,
    Path((_, tenant_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, TENANT_READ)?;
    let tenant =
        state.directory.tenant(&caller.account_id, &tenant_id).ok_or_else(|| tenant_not_found(&state, &tenant_id))?;
    Ok(json_ok(&tenant_view(&caller.account_id, &tenant)))
}

async fn create_tenant(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, TENANT_WRITE)?;
    let (name, address) = tenant_settings(&body)?;
    let tenant = Tenant { tenant_id: uuid::Uuid::new_v4().to_string(), name, address, scheme_ids: Vec::new() };
    let view = tenant_view(&caller.account_id, &tenant);
    state.directory.with_account(&caller.account_id, |a| a.tenants.push(tenant));
    Ok((StatusCode::CREATED, json_ok(&view)).into_response())
}

async fn update_tenant(
    State(state): State<SharedState>,
    Path((_, tenant_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = authorize(&state, &headers, Scope::Account, TENANT_WRITE)?;
    let (name, address) = tenant_settings(&body)?;
    let updated = state
        .directory
        .with_account(&caller.account_id, |a| {
            a.tenants.iter_mut().find(|t| t.tenant_id.eq_ignore_ascii_case(&tenant_id)).map(|t| {
                t.name = name;
                t.address = address;
            })
        })
        .flatten();
    match updated {
        Some(()) => Ok(no_content()),
        None => Err(tenant_not_found(&state, &tenant_id)),
    }
}
