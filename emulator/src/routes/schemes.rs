//! Collect and payout schemes (reference §3.6): list, read, create, delete, publish a draft.
//!
//! A tenant's configured scheme ids are its collect schemes from the start (one published
//! draft each), so the reference's example ids work in instructions as written; schemes
//! created here can be named by instructions at once, and a deleted one no longer can.
//! Responses expand currencies and countries to objects, as the reference's create response
//! does. Readings the reference leaves open, listed in the README: get and delete by id for
//! collect schemes (documented for payout), a create answering 201 with its first draft
//! published, a publish answering 204, the codes `SCHEME_NOT_FOUND`/`DRAFT_NOT_FOUND`, the
//! published and latest draft at `…/drafts/published` and `…/drafts/latest`, and payout options
//! answered as a bare list of the rewards the published draft's apps offer (Tango Card's
//! catalogue below), filtered by currency, country and amount.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::{json_ok, not_found, parse_body, route_not_found_error};
use crate::SharedState;
use crate::auth::{Caller, Scope};
use crate::clock;
use crate::error::{ApiError, ErrorEntry};
use crate::store::{Scheme, SchemeDraft, SchemeKind, SchemeRule, TenantData};
use crate::validation::{Validator, is_plain_decimal, normalise_decimal};

pub fn routes() -> Router<SharedState> {
    let base = "/{version}/schemes/{kind}";
    Router::new()
        .route(base, get(list_schemes).post(create_scheme))
        .route(&format!("{base}/{{scheme_id}}"), get(get_scheme).delete(delete_scheme))
        .route(&format!("{base}/{{scheme_id}}/drafts/{{draft_id}}/publish"), post(publish_draft))
        .route(&format!("{base}/{{scheme_id}}/drafts/published"), get(published_draft))
        .route(&format!("{base}/{{scheme_id}}/drafts/latest"), get(latest_draft))
        .route(&format!("{base}/{{scheme_id}}/options"), get(payout_options))
}

/// The path's kind, and the roles that may read and write it.
fn kind_of(kind: &str) -> Result<SchemeKind, ApiError> {
    match kind {
        "collect" => Ok(SchemeKind::Collect),
        "payout" => Ok(SchemeKind::Payout),
        other => Err(route_not_found_error(&format!("/…/schemes/{other}"))),
    }
}

fn roles(kind: SchemeKind, write: bool) -> &'static [&'static str] {
    match (kind, write) {
        (SchemeKind::Collect, false) => &["tenant-collect-scheme-read", "tenant-admin"],
        (SchemeKind::Collect, true) => &["tenant-collect-scheme-write", "tenant-admin"],
        (SchemeKind::Payout, false) => &["tenant-payout-scheme-read", "tenant-admin"],
        (SchemeKind::Payout, true) => &["tenant-payout-scheme-write", "tenant-admin"],
    }
}

fn authorize(
    state: &SharedState,
    headers: &HeaderMap,
    kind: &str,
    write: bool,
) -> Result<(SchemeKind, Caller), ApiError> {
    let kind = kind_of(kind)?;
    let caller = state.auth.authorize(headers, Scope::Tenant, roles(kind, write))?;
    Ok((kind, caller))
}

/// A scheme id as stored and compared: uppercase, without dashes.
fn canonical(scheme_id: &str) -> String {
    scheme_id.chars().filter(|c| *c != '-').collect::<String>().to_ascii_uppercase()
}

/// Runs `f` on the tenant's schemes, seeded on first use with its configured collect schemes.
fn with_schemes<T>(
    state: &SharedState,
    tenant_id: &str,
    f: impl FnOnce(&mut BTreeMap<(SchemeKind, String), Scheme>) -> T,
) -> T {
    state.store.with_tenant(tenant_id, |tenant: &mut TenantData| {
        let schemes = tenant.schemes.get_or_insert_with(|| seed(state, tenant_id));
        f(schemes)
    })
}

fn seed(state: &SharedState, tenant_id: &str) -> BTreeMap<(SchemeKind, String), Scheme> {
    let ids = state.directory.configured_scheme_ids(tenant_id);
    ids.into_iter()
        .enumerate()
        .map(|(index, id)| {
            let draft = SchemeDraft {
                draft_id: uuid::Uuid::new_v4().to_string(),
                name: format!("Demo collect scheme {}", index + 1),
                code: Some(format!("DEMO-{}", index + 1)),
                agreement_type: Some("SingleUse".into()),
                rules: vec![SchemeRule {
                    currencies: vec!["GBP".into(), "EUR".into()],
                    countries: vec!["GB".into(), "IE".into()],
                    low_value_inclusive: Some("0.01".into()),
                    high_value_inclusive: Some("10000.00".into()),
                    apps: vec![("STRIPE".into(), Vec::new())],
                }],
                last_modified: clock::now_iso8601(),
            };
            let scheme = Scheme {
                scheme_id: canonical(&id),
                published_draft_id: Some(draft.draft_id.clone()),
                drafts: vec![draft],
            };
            ((SchemeKind::Collect, canonical(&id)), scheme)
        })
        .collect()
}

/// Every scheme id the tenant has, of either kind: what instructions may name.
pub fn known_scheme_ids(state: &SharedState, tenant_id: &str) -> Vec<String> {
    with_schemes(state, tenant_id, |schemes| schemes.keys().map(|(_, id)| id.clone()).collect())
}

fn scheme_not_found(state: &SharedState, scheme_id: &str) -> ApiError {
    not_found(state.not_found_status(), "SCHEME_NOT_FOUND", "Scheme {schemeId} was not found.", "schemeId", scheme_id)
}

// ------------------------------------------------------------------------ views

// Typed views, not `json!`: a `serde_json::Value` would turn the exact amounts into floats.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SchemeView {
    scheme_id: String,
    published_draft_id: Option<String>,
    drafts: Vec<DraftView>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DraftView {
    draft_id: String,
    name: String,
    code: Option<String>,
    agreement_type: Option<String>,
    rules: Vec<RuleView>,
    last_modified: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleView {
    priority: usize,
    currencies: Vec<Value>,
    countries: Vec<Value>,
    low_value_inclusive: Option<Box<RawValue>>,
    high_value_inclusive: Option<Box<RawValue>>,
    apps: Vec<Value>,
}

fn scheme_view(scheme: &Scheme) -> SchemeView {
    SchemeView {
        scheme_id: scheme.scheme_id.clone(),
        published_draft_id: scheme.published_draft_id.clone(),
        drafts: scheme.drafts.iter().map(draft_view).collect(),
    }
}

fn draft_view(draft: &SchemeDraft) -> DraftView {
    let rules = draft
        .rules
        .iter()
        .enumerate()
        .map(|(index, rule)| RuleView {
            priority: index + 1,
            currencies: rule.currencies.iter().map(|c| currency_view(c)).collect(),
            countries: rule.countries.iter().map(|c| country_view(c)).collect(),
            low_value_inclusive: rule.low_value_inclusive.as_deref().map(decimal),
            high_value_inclusive: rule.high_value_inclusive.as_deref().map(decimal),
            apps: rule
                .apps
                .iter()
                .map(|(app_id, excluded)| {
                    let available: Vec<&str> =
                        payment_methods(app_id).iter().copied().filter(|m| !excluded.iter().any(|e| e == m)).collect();
                    json!({"appId": app_id, "availablePaymentMethods": available, "excludedPaymentMethods": excluded})
                })
                .collect(),
        })
        .collect();
    DraftView {
        draft_id: draft.draft_id.clone(),
        name: draft.name.clone(),
        code: draft.code.clone(),
        agreement_type: draft.agreement_type.clone(),
        rules,
        last_modified: draft.last_modified.clone(),
    }
}

/// A validated amount as a JSON number with exactly its digits.
fn decimal(text: &str) -> Box<RawValue> {
    RawValue::from_string(text.to_string()).expect("validated decimal text is JSON")
}

fn payment_methods(app_id: &str) -> &'static [&'static str] {
    match app_id {
        "STRIPE" => &["CARD", "APPLE_PAY", "GOOGLE_PAY"],
        "BRAINTREE_SDK" => &["CARD", "PAYPAL"],
        "GOCARDLESS" => &["BACS_DIRECT_DEBIT", "SEPA_DIRECT_DEBIT"],
        _ => &["CARD"],
    }
}

/// ISO 4217 facts for the currencies the emulator knows; others keep only their code.
fn currency_view(code: &str) -> Value {
    let known: Option<(u16, &str, &str, u8)> = match code {
        "GBP" => Some((826, "Pound Sterling", "£", 2)),
        "EUR" => Some((978, "Euro", "€", 2)),
        "USD" => Some((840, "US Dollar", "$", 2)),
        "AUD" => Some((36, "Australian Dollar", "$", 2)),
        "CAD" => Some((124, "Canadian Dollar", "$", 2)),
        "CHF" => Some((756, "Swiss Franc", "CHF", 2)),
        "SEK" => Some((752, "Swedish Krona", "kr", 2)),
        "JPY" => Some((392, "Yen", "¥", 0)),
        _ => None,
    };
    match known {
        Some((numeric, name, symbol, places)) => json!({
            "id": code, "code": code, "numeric": format!("{numeric:03}"), "name": name, "symbol": symbol,
            "numberOfDecimalPlaces": places,
        }),
        None => {
            json!({"id": code, "code": code, "numeric": null, "name": null, "symbol": null, "numberOfDecimalPlaces": null})
        }
    }
}

/// ISO 3166-1 facts for the countries the emulator knows; others keep only their code.
fn country_view(code: &str) -> Value {
    let known: Option<(u16, &str, &str)> = match code {
        "GB" => Some((826, "United Kingdom", "GBP")),
        "IE" => Some((372, "Ireland", "EUR")),
        "DE" => Some((276, "Germany", "EUR")),
        "FR" => Some((250, "France", "EUR")),
        "ES" => Some((724, "Spain", "EUR")),
        "NL" => Some((528, "Netherlands", "EUR")),
        "US" => Some((840, "United States", "USD")),
        "AU" => Some((36, "Australia", "AUD")),
        "CA" => Some((124, "Canada", "CAD")),
        _ => None,
    };
    match known {
        Some((numeric, name, currency)) => {
            json!({"id": code, "code": code, "numeric": format!("{numeric:03}"), "name": name, "currency": currency})
        }
        None => json!({"id": code, "code": code, "numeric": null, "name": null, "currency": null}),
    }
}

// ----------------------------------------------------------------------- routes

async fn list_schemes(
    State(state): State<SharedState>,
    Path((_, kind)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (kind, caller) = authorize(&state, &headers, &kind, false)?;
    let views: Vec<SchemeView> = with_schemes(&state, &caller.tenant_id, |schemes| {
        schemes.iter().filter(|((k, _), _)| *k == kind).map(|(_, s)| scheme_view(s)).collect()
    });
    #[derive(Serialize)]
    struct SchemeList {
        schemes: Vec<SchemeView>,
    }
    Ok(json_ok(&SchemeList { schemes: views }))
}

async fn get_scheme(
    State(state): State<SharedState>,
    Path((_, kind, scheme_id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (kind, caller) = authorize(&state, &headers, &kind, false)?;
    let view =
        with_schemes(&state, &caller.tenant_id, |schemes| schemes.get(&(kind, canonical(&scheme_id))).map(scheme_view));
    view.map(|v| json_ok(&v)).ok_or_else(|| scheme_not_found(&state, &scheme_id))
}

async fn delete_scheme(
    State(state): State<SharedState>,
    Path((_, kind, scheme_id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (kind, caller) = authorize(&state, &headers, &kind, true)?;
    let removed = with_schemes(&state, &caller.tenant_id, |schemes| schemes.remove(&(kind, canonical(&scheme_id))));
    match removed {
        Some(_) => Ok(StatusCode::NO_CONTENT.into_response()),
        None => Err(scheme_not_found(&state, &scheme_id)),
    }
}

async fn publish_draft(
    State(state): State<SharedState>,
    Path((_, kind, scheme_id, draft_id)): Path<(String, String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (kind, caller) = authorize(&state, &headers, &kind, true)?;
    let outcome = with_schemes(&state, &caller.tenant_id, |schemes| {
        let scheme = schemes.get_mut(&(kind, canonical(&scheme_id)))?;
        let found = scheme.drafts.iter().any(|d| d.draft_id.eq_ignore_ascii_case(&draft_id));
        if found {
            scheme.published_draft_id = Some(draft_id.to_ascii_lowercase());
        }
        Some(found)
    });
    match outcome {
        None => Err(scheme_not_found(&state, &scheme_id)),
        Some(false) => Err(draft_not_found(&state, &draft_id)),
        Some(true) => Ok(StatusCode::NO_CONTENT.into_response()),
    }
}

fn draft_not_found(state: &SharedState, draft_id: &str) -> ApiError {
    not_found(state.not_found_status(), "DRAFT_NOT_FOUND", "Draft {draftId} was not found.", "draftId", draft_id)
}

/// The draft `pick` chooses of a scheme: the published one, or the newest.
fn read_draft(
    state: &SharedState,
    headers: &HeaderMap,
    (_, kind, scheme_id): (String, String, String),
    pick: fn(&Scheme) -> Option<&SchemeDraft>,
    which: &str,
) -> Result<Response, ApiError> {
    let (kind, caller) = authorize(state, headers, &kind, false)?;
    let found = with_schemes(state, &caller.tenant_id, |schemes| {
        schemes.get(&(kind, canonical(&scheme_id))).map(|scheme| pick(scheme).map(draft_view))
    });
    match found {
        None => Err(scheme_not_found(state, &scheme_id)),
        Some(None) => Err(draft_not_found(state, which)),
        Some(Some(view)) => Ok(json_ok(&view)),
    }
}

async fn published_draft(
    State(state): State<SharedState>,
    Path(path): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    fn published(s: &Scheme) -> Option<&SchemeDraft> {
        s.drafts.iter().find(|d| Some(&d.draft_id) == s.published_draft_id.as_ref())
    }
    read_draft(&state, &headers, path, published, "published")
}

async fn latest_draft(
    State(state): State<SharedState>,
    Path(path): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    read_draft(&state, &headers, path, |s| s.drafts.last(), "latest")
}

/// A reward an app pays out: `(rewardId, rewardName, currency, countries, FIXED (value) or
/// VARIABLE (min, max))`.
type Reward = (&'static str, &'static str, &'static str, &'static [&'static str], RewardValue);

#[derive(Clone, Copy)]
enum RewardValue {
    Fixed(&'static str),
    Variable(&'static str, &'static str),
}

/// The rewards each payout app offers (Tango Card's catalogue, abridged).
fn rewards(app_id: &str) -> &'static [Reward] {
    match app_id {
        "TANGOCARD_RAAS" | "TANGOCARD" => &[
            ("U563017", "Amazon.co.uk Gift Card", "GBP", &["GB"], RewardValue::Variable("1.00", "500.00")),
            ("U882133", "Starbucks Card", "GBP", &["GB"], RewardValue::Fixed("10.00")),
            ("U194526", "Amazon.de Gutschein", "EUR", &["DE"], RewardValue::Variable("1.00", "500.00")),
        ],
        _ => &[],
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OptionsQuery {
    amount: Option<String>,
    currency: Option<String>,
    country: Option<String>,
    match_type: Option<String>,
}

const OPTIONS_ROLES: &[&str] = &["tenant-payout-scheme-read", "tenant-transaction-read", "tenant-admin"];

async fn payout_options(
    State(state): State<SharedState>,
    Path((version, kind, scheme_id)): Path<(String, String, String)>,
    axum::extract::Query(query): axum::extract::Query<OptionsQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if kind_of(&kind)? != SchemeKind::Payout {
        return Err(route_not_found_error(&format!("/{version}/schemes/{kind}/{scheme_id}/options")));
    }
    let caller = state.auth.authorize(&headers, Scope::Tenant, OPTIONS_ROLES)?;
    let mut v = Validator::new(&state.config.limits);
    let amount = query.amount.filter(|a| is_plain_decimal(a) && !a.starts_with('-'));
    if amount.is_none() {
        v.push(
            ErrorEntry::new("AMOUNT_FORMAT_NOT_RECOGNISED", "'{propertyName}' must be a decimal amount.")
                .with("propertyName", "amount"),
        );
    }
    let currency = v.iso_code("CURRENCY", "currency", query.currency.as_deref(), 3);
    let country = v.iso_code("COUNTRY", "country", query.country.as_deref(), 2);
    let exact = match query.match_type.as_deref() {
        None | Some("Exact") => true,
        Some("Max") => false,
        Some(_) => {
            v.push(
                ErrorEntry::new("MATCH_TYPE_NOT_RECOGNISED", "'{propertyName}' must be Exact or Max.")
                    .with("propertyName", "matchType"),
            );
            true
        }
    };
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    let (amount, currency, country) =
        (amount.unwrap_or_default(), currency.unwrap_or_default(), country.unwrap_or_default());
    let value: f64 = amount.parse().unwrap_or_default();
    let apps = with_schemes(&state, &caller.tenant_id, |schemes| {
        let scheme = schemes.get(&(SchemeKind::Payout, canonical(&scheme_id)))?;
        let draft = scheme.drafts.iter().find(|d| Some(&d.draft_id) == scheme.published_draft_id.as_ref());
        let rules = draft.map(|d| d.rules.clone()).unwrap_or_default();
        let covers = |list: &[String], code: &str| list.is_empty() || list.iter().any(|c| c == code);
        Some(
            rules
                .iter()
                .filter(|r| covers(&r.currencies, &currency) && covers(&r.countries, &country))
                .flat_map(|r| r.apps.iter().map(|(app_id, _)| app_id.clone()))
                .collect::<Vec<_>>(),
        )
    })
    .ok_or_else(|| scheme_not_found(&state, &scheme_id))?;
    let number = |text: &str| text.parse::<f64>().unwrap_or_default();
    let mut options = Vec::new();
    for app_id in apps {
        for (reward_id, name, reward_currency, countries, reward_value) in rewards(&app_id) {
            if *reward_currency != currency || !countries.contains(&country.as_str()) {
                continue;
            }
            let (matches, value_type, fixed, min, max) = match *reward_value {
                RewardValue::Fixed(fixed) => {
                    let ok = if exact { number(fixed) == value } else { number(fixed) <= value };
                    (ok, "FIXED_VALUE", Some(decimal(fixed)), None, None)
                }
                RewardValue::Variable(min, max) => {
                    let ok = if exact { number(min) <= value && value <= number(max) } else { number(min) <= value };
                    (ok, "VARIABLE_VALUE", None, Some(decimal(min)), Some(decimal(max)))
                }
            };
            if matches {
                options.push(PayoutOptionView {
                    reward_id,
                    reward_name: name,
                    reward_type: "gift card",
                    status: "ACTIVE",
                    countries,
                    currency_code: reward_currency,
                    value_type,
                    fixed_value: fixed,
                    min_value: min,
                    max_value: max,
                    redemption_instructions: "Redeem online with the code sent by e-mail.",
                    app: json!({"appId": app_id, "name": "Tango Card"}),
                });
            }
        }
    }
    Ok(json_ok(&options))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PayoutOptionView {
    reward_id: &'static str,
    reward_name: &'static str,
    reward_type: &'static str,
    status: &'static str,
    countries: &'static [&'static str],
    currency_code: &'static str,
    value_type: &'static str,
    fixed_value: Option<Box<RawValue>>,
    min_value: Option<Box<RawValue>>,
    max_value: Option<Box<RawValue>>,
    redemption_instructions: &'static str,
    app: Value,
}

/// Every app the tenant's schemes name, of either kind: an app in use cannot be uninstalled.
pub fn app_ids_in_use(state: &SharedState, tenant_id: &str) -> Vec<String> {
    with_schemes(state, tenant_id, |schemes| {
        schemes
            .values()
            .flat_map(|s| {
                s.drafts.iter().flat_map(|d| d.rules.iter().flat_map(|r| r.apps.iter().map(|(a, _)| a.clone())))
            })
            .collect()
    })
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SchemeBody {
    name: Option<String>,
    code: Option<String>,
    agreement_type: Option<String>,
    rules: Option<Vec<RuleBody>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RuleBody {
    currencies: Option<Vec<String>>,
    countries: Option<Vec<String>>,
    low_value_inclusive: Option<Box<RawValue>>,
    high_value_inclusive: Option<Box<RawValue>>,
    apps: Option<Vec<AppBody>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AppBody {
    app_id: Option<String>,
    excluded_payment_methods: Option<Vec<String>>,
}

/// A rule's bound: a plain decimal of zero or more, as a JSON number or string.
fn bound(v: &mut Validator, property: &str, raw: Option<&RawValue>) -> Option<String> {
    let raw = raw?.get().trim();
    if raw == "null" {
        return None;
    }
    let text = if raw.starts_with('"') { serde_json::from_str::<String>(raw).unwrap_or_default() } else { raw.into() };
    if !is_plain_decimal(&text) || text.starts_with('-') {
        v.push(
            ErrorEntry::new("AMOUNT_FORMAT_NOT_RECOGNISED", "'{propertyName}' value {value} is not a decimal amount.")
                .with("propertyName", property)
                .with("value", &text),
        );
        return None;
    }
    Some(normalise_decimal(&text))
}

async fn create_scheme(
    State(state): State<SharedState>,
    Path((_, kind)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (kind, caller) = authorize(&state, &headers, &kind, true)?;
    let body: SchemeBody = parse_body(&body)?;
    let mut v = Validator::new(&state.config.limits);
    let name = body.name.filter(|n| !n.trim().is_empty());
    if name.is_none() {
        v.push(ErrorEntry::new("NAME_IS_REQUIRED", "'{propertyName}' must not be empty.").with("propertyName", "name"));
    }
    let mut rules = Vec::new();
    for (r, rule) in body.rules.unwrap_or_default().into_iter().enumerate() {
        let mut codes = |prefix: &str, field: &str, values: Option<Vec<String>>, len: usize| -> Vec<String> {
            let values = values.unwrap_or_default();
            values
                .iter()
                .enumerate()
                .filter_map(|(i, value)| v.iso_code(prefix, &format!("rules[{r}].{field}[{i}]"), Some(value), len))
                .collect()
        };
        let currencies = codes("CURRENCY", "currencies", rule.currencies, 3);
        let countries = codes("COUNTRY", "countries", rule.countries, 2);
        let low = bound(&mut v, &format!("rules[{r}].lowValueInclusive"), rule.low_value_inclusive.as_deref());
        let high = bound(&mut v, &format!("rules[{r}].highValueInclusive"), rule.high_value_inclusive.as_deref());
        let mut apps = Vec::new();
        for (a, app) in rule.apps.unwrap_or_default().into_iter().enumerate() {
            match app.app_id.filter(|id| !id.trim().is_empty()) {
                Some(app_id) => apps.push((app_id, app.excluded_payment_methods.unwrap_or_default())),
                None => v.push(
                    ErrorEntry::new("APP_ID_IS_REQUIRED", "'{propertyName}' must not be empty.")
                        .with("propertyName", format!("rules[{r}].apps[{a}].appId")),
                ),
            }
        }
        rules.push(SchemeRule { currencies, countries, low_value_inclusive: low, high_value_inclusive: high, apps });
    }
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    let draft = SchemeDraft {
        draft_id: uuid::Uuid::new_v4().to_string(),
        name: name.unwrap_or_default(),
        code: body.code,
        agreement_type: body.agreement_type,
        rules,
        last_modified: clock::now_iso8601(),
    };
    let scheme_id = canonical(&uuid::Uuid::new_v4().simple().to_string());
    let scheme =
        Scheme { scheme_id: scheme_id.clone(), published_draft_id: Some(draft.draft_id.clone()), drafts: vec![draft] };
    let view = scheme_view(&scheme);
    with_schemes(&state, &caller.tenant_id, |schemes| schemes.insert((kind, scheme_id), scheme));
    Ok((StatusCode::CREATED, json_ok(&view)).into_response())
}
