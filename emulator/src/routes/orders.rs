//! Order management (reference §3.2): orders hold instructions, each one payment to or from a
//! customer. Create order answers 201 without instructions and 202 with them, both with an
//! empty body; create instruction answers 201; reads return the documented fields with epoch-ms
//! timestamps. The same handlers serve the `/v1` and `/v2` paths.

use std::collections::{BTreeMap, HashSet};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{LINK_VERSION, Link, links, not_found, parse_body};
use crate::SharedState;
use crate::auth::Scope;
use crate::clock;
use crate::error::{ApiError, ErrorEntry};
use crate::store::{CustomerDefault, Instruction, Order, Source};
use crate::validation::{MetadataInput, Validator};

pub const READ_ROLES: &[&str] = &["tenant-transaction-read", "tenant-admin"];
pub const WRITE_ROLES: &[&str] = &["tenant-transaction-write", "tenant-admin"];

pub fn routes() -> Router<SharedState> {
    let base = "/{version}/order-management";
    Router::new()
        .route(base, post(create_order))
        .route(&format!("{base}/{{order_ref}}"), get(get_order))
        // The reference marks this path uncertain ("PUT …/order-management/{orderRef}/metadata");
        // the emulator serves the documented reading.
        .route(&format!("{base}/{{order_ref}}/metadata"), put(update_order_metadata))
        // The reference lists the customer-default operations without paths: one default per
        // customer below the order (PUT replaces it, 202; DELETE removes it, 204).
        .route(
            &format!("{base}/{{order_ref}}/customer-defaults/{{customer_ref}}"),
            put(update_customer_default).delete(delete_customer_default),
        )
        .route(&format!("{base}/{{order_ref}}/instruction"), post(create_instruction))
        .route(&format!("{base}/{{order_ref}}/instruction/{{instruction_ref}}"), get(get_instruction))
        .route(&format!("{base}/{{order_ref}}/instruction/{{instruction_ref}}/cancel"), post(cancel_instruction))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct CreateOrderBody {
    order_ref: Option<String>,
    instructions: Option<Vec<InstructionBody>>,
    metadata: Option<MetadataInput>,
    customer_defaults: Option<BTreeMap<String, CustomerDefaultBody>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct InstructionBody {
    instruction_ref: Option<String>,
    customer_ref: Option<String>,
    direction: Option<String>,
    financial_instrument_id: Option<String>,
    amount: Option<Box<RawValue>>,
    currency: Option<String>,
    country: Option<String>,
    settled_by_date: Option<String>,
    scheme_id: Option<String>,
    metadata: Option<MetadataInput>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct CustomerDefaultBody {
    financial_instrument_id: Option<String>,
    scheme_id: Option<String>,
    metadata: Option<MetadataInput>,
}

#[derive(Deserialize, Default)]
struct CancelBody {
    reason: Option<String>,
}

fn validate_defaults(
    v: &mut Validator,
    input: Option<BTreeMap<String, CustomerDefaultBody>>,
    schemes: &[String],
) -> BTreeMap<String, CustomerDefault> {
    let mut defaults = BTreeMap::new();
    for (customer_ref, body) in input.unwrap_or_default() {
        let property = format!("customerDefaults[{customer_ref}]");
        v.reference("CUSTOMER_REF", &property, Some(&customer_ref));
        let default = validate_default(v, &format!("{property}."), body, schemes);
        defaults.insert(customer_ref, default);
    }
    defaults
}

/// One customer's default; `prefix` names where it sits in the body (`customerDefaults[C-1].`).
fn validate_default(v: &mut Validator, prefix: &str, body: CustomerDefaultBody, schemes: &[String]) -> CustomerDefault {
    let scheme_id =
        body.scheme_id.filter(|s| !s.is_empty()).and_then(|s| v.scheme_id(&format!("{prefix}schemeId"), &s, schemes));
    let metadata = v.metadata(&format!("{prefix}metadata"), body.metadata);
    let financial_instrument_id = body.financial_instrument_id.filter(|s| !s.is_empty());
    CustomerDefault { financial_instrument_id, scheme_id, metadata }
}

/// Validates one instruction and applies the order's customer defaults: a value the
/// instruction does not set is inherited; metadata merges per key, the instruction's own win.
fn build_instruction(
    v: &mut Validator,
    prefix: &str,
    body: InstructionBody,
    defaults: &BTreeMap<String, CustomerDefault>,
    schemes: &[String],
    scheme_required: bool,
    now_ms: u64,
) -> Option<Instruction> {
    let errors_before = v.errors.len();
    let p = |field: &str| format!("{prefix}{field}");
    v.reference("INSTRUCTION_REF", &p("instructionRef"), body.instruction_ref.as_deref());
    v.reference("CUSTOMER_REF", &p("customerRef"), body.customer_ref.as_deref());
    let direction = v.direction(&p("direction"), body.direction.as_deref());
    let amount = v.amount(&p("amount"), body.amount.as_deref());
    let currency = v.iso_code("CURRENCY", &p("currency"), body.currency.as_deref(), 3);
    let country = v.iso_code("COUNTRY", &p("country"), body.country.as_deref(), 2);
    let settled_by_date = v.settled_by_date(&p("settledByDate"), body.settled_by_date.as_deref());
    let own_metadata = v.metadata(&p("metadata"), body.metadata);
    let own_scheme = body.scheme_id.filter(|s| !s.is_empty()).and_then(|s| v.scheme_id(&p("schemeId"), &s, schemes));

    let customer_ref = body.customer_ref.unwrap_or_default();
    let default = defaults.get(&customer_ref);
    let (scheme_id, scheme_source) = match (own_scheme, default.and_then(|d| d.scheme_id.clone())) {
        (Some(own), _) => (Some(own), Source::ManuallySet),
        (None, Some(inherited)) => (Some(inherited), Source::CustomerDefault),
        (None, None) => (None, Source::None),
    };
    if scheme_id.is_none() && scheme_required && v.errors.len() == errors_before {
        v.push(
            ErrorEntry::new("SCHEME_IS_REQUIRED", "'{propertyName}' must not be empty.")
                .with("propertyName", p("schemeId")),
        );
    }
    let own_instrument = body.financial_instrument_id.filter(|s| !s.is_empty());
    let (financial_instrument_id, financial_instrument_source) =
        match (own_instrument, default.and_then(|d| d.financial_instrument_id.clone())) {
            (Some(own), _) => (Some(own), Source::ManuallySet),
            (None, Some(inherited)) => (Some(inherited), Source::CustomerDefault),
            (None, None) => (None, Source::None),
        };
    let mut metadata = default.map(|d| d.metadata.clone()).unwrap_or_default();
    metadata.extend(own_metadata);

    if v.errors.len() != errors_before {
        return None;
    }
    let amount = RawValue::from_string(amount?).ok()?;
    let status = if financial_instrument_id.is_some() { "READY" } else { "INCOMPLETE" };
    Some(Instruction {
        instruction_ref: body.instruction_ref?,
        customer_ref,
        direction: direction?,
        amount,
        currency: currency?,
        country: country?,
        settled_by_date,
        scheme_id,
        scheme_source,
        financial_instrument_id,
        financial_instrument_source,
        metadata,
        status: status.into(),
        cancel_reason: None,
        created_ms: now_ms,
        updated_ms: now_ms,
        readable_from_ms: now_ms,
        execution_ms: None,
        actual_settlement_date: None,
        transaction: None,
    })
}

fn too_many_instructions(max: usize) -> ErrorEntry {
    ErrorEntry::new("INSTRUCTIONS_COUNT_OUT_OF_RANGE", "An order may hold at most {maxInstructions} instructions.")
        .with("maxInstructions", max)
}

fn instruction_exists(property: &str, instruction_ref: &str) -> ErrorEntry {
    ErrorEntry::new("INSTRUCTION_ALREADY_EXISTS", "Instruction {instructionRef} already exists.")
        .with("propertyName", property)
        .with("instructionRef", instruction_ref)
}

async fn create_order(
    State(state): State<SharedState>,
    Path(_): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let body: CreateOrderBody = parse_body(&body)?;
    let limits = &state.config.limits;
    let schemes = super::schemes::known_scheme_ids(&state, &caller.tenant_id);
    let mut v = Validator::new(limits);
    v.reference("ORDER_REF", "orderRef", body.order_ref.as_deref());
    let metadata = v.metadata("metadata", body.metadata);
    let defaults = validate_defaults(&mut v, body.customer_defaults, &schemes);
    let inputs = body.instructions.unwrap_or_default();
    if inputs.len() > limits.max_instructions_per_order {
        v.push(too_many_instructions(limits.max_instructions_per_order));
    }
    let now = clock::now_ms();
    let mut instructions = Vec::with_capacity(inputs.len());
    let mut seen = HashSet::new();
    for (index, input) in inputs.into_iter().enumerate() {
        let prefix = format!("instructions[{index}].");
        if let Some(reference) = input.instruction_ref.clone()
            && !reference.is_empty()
            && !seen.insert(reference.clone())
        {
            v.push(instruction_exists(&format!("{prefix}instructionRef"), &reference));
        }
        if let Some(instruction) =
            build_instruction(&mut v, &prefix, input, &defaults, &schemes, state.config.readings.scheme_required, now)
        {
            instructions.push(instruction);
        }
    }
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    let order_ref = body.order_ref.expect("validated");
    let status = if instructions.is_empty() { StatusCode::CREATED } else { StatusCode::ACCEPTED };
    let readable_from_ms = now + state.store.async_instructions_ms();
    for instruction in &mut instructions {
        instruction.readable_from_ms = readable_from_ms;
    }
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        if tenant.orders.contains_key(&order_ref) {
            return Err(ApiError::bad_request(vec![
                ErrorEntry::new("ORDER_ALREADY_EXISTS", "Order {orderRef} already exists.")
                    .with("propertyName", "orderRef")
                    .with("orderRef", &order_ref),
            ]));
        }
        let order = Order {
            order_ref: order_ref.clone(),
            metadata,
            customer_defaults: defaults,
            instructions,
            created_ms: now,
            updated_ms: now,
        };
        tenant.orders.insert(order_ref, order);
        Ok(())
    })?;
    Ok(status.into_response())
}

async fn create_instruction(
    State(state): State<SharedState>,
    Path((_, order_ref)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let body: InstructionBody = parse_body(&body)?;
    let limits = &state.config.limits;
    let schemes = super::schemes::known_scheme_ids(&state, &caller.tenant_id);
    let not_found_status = state.not_found_status();
    let scheme_required = state.config.readings.scheme_required;
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let order = tenant.orders.get_mut(&order_ref).ok_or_else(|| order_not_found(not_found_status, &order_ref))?;
        let mut v = Validator::new(limits);
        let requested_ref = body.instruction_ref.clone().unwrap_or_default();
        let instruction =
            build_instruction(&mut v, "", body, &order.customer_defaults, &schemes, scheme_required, clock::now_ms());
        if !v.is_valid() {
            return Err(ApiError::bad_request(v.errors));
        }
        if order.instruction(&requested_ref).is_some() {
            return Err(ApiError::bad_request(vec![instruction_exists("instructionRef", &requested_ref)]));
        }
        if order.instructions.len() >= limits.max_instructions_per_order {
            return Err(ApiError::bad_request(vec![too_many_instructions(limits.max_instructions_per_order)]));
        }
        let mut instruction = instruction.expect("valid instruction");
        instruction.readable_from_ms += state.store.async_instructions_ms();
        order.updated_ms = instruction.created_ms;
        order.instructions.push(instruction);
        Ok(StatusCode::CREATED.into_response())
    })
}

pub fn order_not_found(status: StatusCode, order_ref: &str) -> ApiError {
    not_found(status, "ORDER_NOT_FOUND", "Order {orderRef} was not found.", "orderRef", order_ref)
}

pub fn instruction_not_found(status: StatusCode, instruction_ref: &str) -> ApiError {
    not_found(
        status,
        "INSTRUCTION_NOT_FOUND",
        "Instruction {instructionRef} was not found.",
        "instructionRef",
        instruction_ref,
    )
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InstrumentView<'a> {
    financial_instrument_id: Option<&'a str>,
    source: &'static str,
    can_update: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SchemeView<'a> {
    scheme_id: Option<&'a str>,
    source: &'static str,
    can_update: bool,
}

/// The instruction's `_links`: itself, its order, and its transaction once it has one (a list,
/// as the reference's samples write `transactions[]`).
#[derive(Serialize)]
struct InstructionLinks {
    #[serde(rename = "self")]
    itself: Link,
    order: Link,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    transactions: Vec<Link>,
}

/// The money movement, as the reference's "Card Payment using Stripe with Refund" sample shows
/// it: amounts exact, timestamps epoch milliseconds.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TransactionView<'a> {
    transaction_id: &'a str,
    financial_instrument_id: Option<&'a str>,
    created_timestamp: u64,
    last_updated_timestamp: u64,
    amount: &'a RawValue,
    net_amount: Box<RawValue>,
    status: &'a str,
    additional_information: BTreeMap<&'static str, &'static str>,
    app: AppView<'a>,
    refunds: Vec<RefundView<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AppView<'a> {
    app_id: &'static str,
    app_transaction_id: &'a str,
    app_batch_id: Option<&'a str>,
    support_details: BTreeMap<&'static str, &'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RefundView<'a> {
    refund_id: &'a str,
    created_timestamp: u64,
    amount: Box<RawValue>,
    status: &'static str,
}

/// An exact decimal as a JSON number with those digits.
fn number(text: &str) -> Box<RawValue> {
    RawValue::from_string(text.to_string()).expect("a plain decimal is a JSON number")
}

pub(crate) fn transaction_view<'a>(i: &'a Instruction, t: &'a crate::store::Transaction) -> TransactionView<'a> {
    TransactionView {
        transaction_id: &t.transaction_id,
        financial_instrument_id: i.financial_instrument_id.as_deref(),
        created_timestamp: t.created_ms,
        last_updated_timestamp: t.updated_ms,
        amount: &i.amount,
        net_amount: number(&i.net_amount()),
        status: &t.status,
        additional_information: BTreeMap::new(),
        app: AppView {
            app_id: "STRIPE",
            app_transaction_id: &t.app_transaction_id,
            app_batch_id: None,
            support_details: BTreeMap::from([("customerId", t.app_customer_id.as_str())]),
        },
        refunds: t
            .refunds
            .iter()
            .map(|r| RefundView {
                refund_id: &r.refund_id,
                created_timestamp: r.created_ms,
                amount: number(&r.amount),
                status: "SETTLED",
            })
            .collect(),
    }
}

/// The Get Instruction body (reference §3.2 field list); `transaction` is null until the
/// instruction is processed (the control API moves it, as settlement would).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InstructionView<'a> {
    #[serde(rename = "_links")]
    links: InstructionLinks,
    order_ref: &'a str,
    instruction_ref: &'a str,
    created: u64,
    last_updated: u64,
    direction: &'a str,
    status: &'a str,
    customer_ref: &'a str,
    amount: &'a RawValue,
    currency: &'a str,
    country: &'a str,
    settled_by_date: Option<&'a str>,
    forecasted_settlement_date: Option<&'a str>,
    actual_settlement_date: Option<&'a str>,
    execution_timestamp: Option<u64>,
    financial_instrument: InstrumentView<'a>,
    scheme: SchemeView<'a>,
    metadata: &'a BTreeMap<String, String>,
    transaction: Option<TransactionView<'a>>,
}

fn instruction_view<'a>(order_ref: &'a str, i: &'a Instruction) -> InstructionView<'a> {
    let self_href = format!("/{LINK_VERSION}/order-management/{order_ref}/instruction/{}", i.instruction_ref);
    let can_update = i.can_update();
    let link = |name: &str, href: String| Link { href, name: name.into() };
    let transactions = match (&i.transaction, &i.financial_instrument_id) {
        (Some(t), Some(fi)) => vec![link(
            &t.transaction_id,
            format!(
                "/{LINK_VERSION}/customer-vault/{}/financial-instrument/{fi}/transaction/{}",
                i.customer_ref, t.transaction_id
            ),
        )],
        _ => Vec::new(),
    };
    InstructionView {
        links: InstructionLinks {
            itself: link("self", self_href),
            order: link("order", format!("/{LINK_VERSION}/order-management/{order_ref}")),
            transactions,
        },
        order_ref,
        instruction_ref: &i.instruction_ref,
        created: i.created_ms,
        last_updated: i.updated_ms,
        direction: &i.direction,
        status: &i.status,
        customer_ref: &i.customer_ref,
        amount: &i.amount,
        currency: &i.currency,
        country: &i.country,
        settled_by_date: i.settled_by_date.as_deref(),
        forecasted_settlement_date: None,
        actual_settlement_date: i.actual_settlement_date.as_deref(),
        execution_timestamp: i.execution_ms,
        financial_instrument: InstrumentView {
            financial_instrument_id: i.financial_instrument_id.as_deref(),
            source: i.financial_instrument_source.as_str(),
            can_update,
        },
        scheme: SchemeView { scheme_id: i.scheme_id.as_deref(), source: i.scheme_source.as_str(), can_update },
        metadata: &i.metadata,
        transaction: i.transaction.as_ref().map(|t| transaction_view(i, t)),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CustomerDefaultView<'a> {
    financial_instrument: Option<InstrumentIdView<'a>>,
    scheme: Option<SchemeIdView<'a>>,
    metadata: &'a BTreeMap<String, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InstrumentIdView<'a> {
    financial_instrument_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SchemeIdView<'a> {
    scheme_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OrderView<'a> {
    #[serde(rename = "_links")]
    links: BTreeMap<&'static str, Link>,
    order_ref: &'a str,
    created: u64,
    last_updated: u64,
    metadata: &'a BTreeMap<String, String>,
    customer_defaults: BTreeMap<&'a str, CustomerDefaultView<'a>>,
    instructions: Vec<InstructionView<'a>>,
}

async fn get_order(
    State(state): State<SharedState>,
    Path((_, order_ref)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, READ_ROLES)?;
    let not_found_status = state.not_found_status();
    let order = state
        .store
        .with_tenant(&caller.tenant_id, |tenant| tenant.orders.get(&order_ref).cloned())
        .ok_or_else(|| order_not_found(not_found_status, &order_ref))?;
    let view = OrderView {
        links: links([("self", format!("/{LINK_VERSION}/order-management/{}", order.order_ref))]),
        order_ref: &order.order_ref,
        created: order.created_ms,
        last_updated: order.updated_ms,
        metadata: &order.metadata,
        customer_defaults: order
            .customer_defaults
            .iter()
            .map(|(customer_ref, d)| {
                let view = CustomerDefaultView {
                    financial_instrument: d
                        .financial_instrument_id
                        .as_deref()
                        .map(|id| InstrumentIdView { financial_instrument_id: id }),
                    scheme: d.scheme_id.as_deref().map(|id| SchemeIdView { scheme_id: id }),
                    metadata: &d.metadata,
                };
                (customer_ref.as_str(), view)
            })
            .collect(),
        instructions: order
            .readable_instructions(clock::now_ms())
            .map(|i| instruction_view(&order.order_ref, i))
            .collect(),
    };
    Ok(super::json_ok(&view))
}

async fn get_instruction(
    State(state): State<SharedState>,
    Path((_, order_ref, instruction_ref)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, READ_ROLES)?;
    let not_found_status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let order = tenant.orders.get(&order_ref).ok_or_else(|| order_not_found(not_found_status, &order_ref))?;
        let instruction = order
            .readable_instruction(&instruction_ref, clock::now_ms())
            .ok_or_else(|| instruction_not_found(not_found_status, &instruction_ref))?;
        Ok(super::json_ok(&instruction_view(&order.order_ref, instruction)))
    })
}

/// Replaces an order's metadata (202), with the same limits as when it was created.
async fn update_order_metadata(
    State(state): State<SharedState>,
    Path((_, order_ref)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let metadata = super::metadata_body(&body, &state.config.limits)?;
    let not_found_status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let order = tenant.orders.get_mut(&order_ref).ok_or_else(|| order_not_found(not_found_status, &order_ref))?;
        order.metadata = metadata;
        order.updated_ms = clock::now_ms();
        Ok(StatusCode::ACCEPTED.into_response())
    })
}

/// Replaces one customer's default (202): instructions created from now on inherit it; those
/// already created keep what they were given.
async fn update_customer_default(
    State(state): State<SharedState>,
    Path((_, order_ref, customer_ref)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let body: CustomerDefaultBody = parse_body(&body)?;
    let schemes = super::schemes::known_scheme_ids(&state, &caller.tenant_id);
    let mut v = Validator::new(&state.config.limits);
    v.reference("CUSTOMER_REF", "customerRef", Some(&customer_ref));
    let default = validate_default(&mut v, "", body, &schemes);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    let not_found_status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let order = tenant.orders.get_mut(&order_ref).ok_or_else(|| order_not_found(not_found_status, &order_ref))?;
        order.customer_defaults.insert(customer_ref, default);
        order.updated_ms = clock::now_ms();
        Ok(StatusCode::ACCEPTED.into_response())
    })
}

/// Removes one customer's default (204, also when there was none: a retried delete stays a
/// success).
async fn delete_customer_default(
    State(state): State<SharedState>,
    Path((_, order_ref, customer_ref)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let not_found_status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let order = tenant.orders.get_mut(&order_ref).ok_or_else(|| order_not_found(not_found_status, &order_ref))?;
        if order.customer_defaults.remove(&customer_ref).is_some() {
            order.updated_ms = clock::now_ms();
        }
        Ok(StatusCode::NO_CONTENT.into_response())
    })
}

async fn cancel_instruction(
    State(state): State<SharedState>,
    Path((_, order_ref, instruction_ref)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let caller = state.auth.authorize(&headers, Scope::Tenant, WRITE_ROLES)?;
    let body: CancelBody = parse_body(&body)?;
    let not_found_status = state.not_found_status();
    state.store.with_tenant(&caller.tenant_id, |tenant| {
        let order = tenant.orders.get_mut(&order_ref).ok_or_else(|| order_not_found(not_found_status, &order_ref))?;
        let instruction = order
            .readable_instruction_mut(&instruction_ref, clock::now_ms())
            .ok_or_else(|| instruction_not_found(not_found_status, &instruction_ref))?;
        // Cancelling twice is harmless: a retried cancel must not turn into an error.
        if instruction.status != "VOID" {
            if !instruction.can_update() {
                return Err(ApiError::bad_request(vec![
                    ErrorEntry::new(
                        "INSTRUCTION_CANNOT_BE_CANCELLED",
                        "Instruction {instructionRef} is {status} and can no longer be cancelled.",
                    )
                    .with("instructionRef", &instruction_ref)
                    .with("status", &instruction.status),
                ]));
            }
            instruction.status = "VOID".into();
            instruction.cancel_reason = body.reason;
            instruction.updated_ms = clock::now_ms();
        }
        Ok(StatusCode::ACCEPTED.into_response())
    })
}
