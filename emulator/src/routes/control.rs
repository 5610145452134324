//! The control API: how tests (in any language) steer the emulator over HTTP.
//!
//! Under `/__emulator`, a prefix no Imburse route uses; never logged, never faulted, no auth
//! (the emulator listens on loopback by default). It arms and lists faults, reads and clears the
//! request log, resets state between tests, shortens token lifetimes or expires every token, moves
//! the emulator's clock against the machine's (a client with a wrong clock), and moves an
//! instruction to another status or refunds it (as settlement would). The operations the typed
//! testing entry points also offer are the same functions ([`crate::testing`]'s). A server
//! shared between people turns it off (`--no-control`, config `control_api: false`): then only
//! `/health` answers.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Deserialize;
use serde_json::json;

use crate::SharedState;
use crate::faults::{FaultSpec, glob_match};
use crate::testing::ControlError;
use crate::testing::controls;

pub const PREFIX: &str = "/__emulator";

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/health", get(health))
        .route("/info", get(info))
        .route("/faults", post(arm_fault).get(list_faults).delete(clear_faults))
        .route("/requests", get(list_requests).delete(clear_requests))
        .route("/reset", post(reset))
        .route("/tokens/expire", post(expire_tokens))
        .route("/settings", put(update_settings).get(settings))
        .route("/tenants/{tenant_id}/orders", get(list_orders))
        .route(
            "/tenants/{tenant_id}/orders/{order_ref}/instructions/{instruction_ref}/status",
            put(set_instruction_status),
        )
        .route(
            "/tenants/{tenant_id}/orders/{order_ref}/instructions/{instruction_ref}/refunds",
            post(refund_instruction),
        )
        .route("/tenants/{tenant_id}/mandates", post(add_mandates))
        .route("/accounts/{account_id}/mandates-enabled", put(set_mandates_enabled))
}

/// With the control API off (a shared server): only health answers; everything else, the
/// demo credentials in `/info` included, is refused.
pub fn refused() -> Router<SharedState> {
    Router::new().route("/health", get(health)).fallback(|| async {
        refuse(StatusCode::FORBIDDEN, "the control API is disabled on this server (--no-control)")
    })
}

async fn health() -> Response {
    axum::Json(json!({"status": "ok"})).into_response()
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, axum::Json(json!({ "error": message.into() }))).into_response()
}

/// A refused control operation as the control API answers it: 400 with the reason.
fn refused_by(error: ControlError) -> Response {
    refuse(StatusCode::BAD_REQUEST, error.to_string())
}

async fn info(State(state): State<SharedState>) -> Response {
    axum::Json(state.startup_info()).into_response()
}

async fn arm_fault(State(state): State<SharedState>, body: axum::body::Bytes) -> Response {
    let spec: FaultSpec = match serde_json::from_slice(&body) {
        Ok(spec) => spec,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("invalid fault: {e}")),
    };
    match state.faults.arm(spec) {
        Ok(armed) => (StatusCode::CREATED, axum::Json(armed)).into_response(),
        Err(reason) => refuse(StatusCode::BAD_REQUEST, format!("invalid fault: {reason}")),
    }
}

async fn list_faults(State(state): State<SharedState>) -> Response {
    axum::Json(state.faults.list()).into_response()
}

async fn clear_faults(State(state): State<SharedState>) -> StatusCode {
    state.faults.clear();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct RequestFilter {
    method: Option<String>,
    path: Option<String>,
}

async fn list_requests(State(state): State<SharedState>, Query(filter): Query<RequestFilter>) -> Response {
    let entries: Vec<_> = state
        .log
        .entries()
        .into_iter()
        .filter(|e| filter.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(&e.method)))
        .filter(|e| filter.path.as_deref().is_none_or(|p| glob_match(p, &e.path)))
        .collect();
    axum::Json(entries).into_response()
}

async fn clear_requests(State(state): State<SharedState>) -> StatusCode {
    state.log.clear();
    StatusCode::NO_CONTENT
}

async fn reset(State(state): State<SharedState>) -> StatusCode {
    state.reset();
    StatusCode::NO_CONTENT
}

async fn expire_tokens(State(state): State<SharedState>) -> StatusCode {
    state.auth.tokens.expire_all_issued();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    token_ttl_seconds: Option<u64>,
    /// Moves the emulator's clock (HMAC window, `Date` header) against the machine's.
    clock_offset_seconds: Option<i64>,
    /// Serve orders the way an asynchronous server does: the 202 comes at once, the
    /// instructions become readable this many milliseconds later (0: at once).
    async_instructions_ms: Option<u64>,
}

fn current_settings(state: &SharedState) -> Response {
    axum::Json(json!({
        "token_ttl_seconds": state.auth.tokens.ttl_seconds(),
        "clock_offset_seconds": state.auth.clock_offset_seconds(),
        "async_instructions_ms": state.store.async_instructions_ms(),
    }))
    .into_response()
}

async fn settings(State(state): State<SharedState>) -> Response {
    current_settings(&state)
}

async fn update_settings(State(state): State<SharedState>, body: axum::body::Bytes) -> Response {
    let settings: Settings = match serde_json::from_slice(&body) {
        Ok(s) => s,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("invalid settings: {e}")),
    };
    let wide = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    if let Some(ttl) = settings.token_ttl_seconds
        && let Err(e) = controls::set_token_lifetime_seconds(&state, wide(ttl))
    {
        return refused_by(e);
    }
    if let Some(offset) = settings.clock_offset_seconds {
        state.auth.set_clock_offset_seconds(offset);
    }
    if let Some(ms) = settings.async_instructions_ms
        && let Err(e) = controls::set_async_instructions_ms(&state, wide(ms))
    {
        return refused_by(e);
    }
    current_settings(&state)
}

/// Every order the tenant holds, with all its instructions (readable yet or not): what a test
/// checks for lost or duplicated writes after a run. References sorted.
async fn list_orders(State(state): State<SharedState>, Path(tenant_id): Path<String>) -> Response {
    let orders = state.store.with_tenant(&tenant_id, |tenant| {
        let mut orders: Vec<_> = tenant
            .orders
            .values()
            .map(|order| {
                let instructions: Vec<_> = order
                    .instructions
                    .iter()
                    .map(|i| {
                        json!({
                            "instruction_ref": i.instruction_ref,
                            "amount": i.amount.get(),
                            "status": i.status,
                        })
                    })
                    .collect();
                json!({"order_ref": order.order_ref, "instructions": instructions})
            })
            .collect();
        orders.sort_by(|a, b| a["order_ref"].as_str().cmp(&b["order_ref"].as_str()));
        orders
    });
    axum::Json(orders).into_response()
}

#[derive(Deserialize)]
struct StatusChange {
    status: String,
}

async fn set_instruction_status(
    State(state): State<SharedState>,
    Path((tenant_id, order_ref, instruction_ref)): Path<(String, String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let change: StatusChange = match serde_json::from_slice(&body) {
        Ok(c) => c,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("invalid status change: {e}")),
    };
    let status = change.status.clone();
    match controls::move_instruction(&state, tenant_id, order_ref, instruction_ref, change.status) {
        Ok(transaction_id) => axum::Json(json!({ "status": status, "transactionId": transaction_id })).into_response(),
        Err(e) => refused_by(e),
    }
}

#[derive(Deserialize)]
struct RefundRequest {
    amount: serde_json::Value,
}

/// `{"amount": "4.50"}` (or a number) → 201 `{"refundId"}`.
async fn refund_instruction(
    State(state): State<SharedState>,
    Path((tenant_id, order_ref, instruction_ref)): Path<(String, String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let amount = match serde_json::from_slice::<RefundRequest>(&body).map(|r| r.amount) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(number @ serde_json::Value::Number(_)) => number.to_string(),
        Ok(_) => return refuse(StatusCode::BAD_REQUEST, "amount must be a decimal string or number"),
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("invalid refund: {e}")),
    };
    match controls::refund_instruction(&state, tenant_id, order_ref, instruction_ref, amount) {
        Ok(refund_id) => (StatusCode::CREATED, axum::Json(json!({ "refundId": refund_id }))).into_response(),
        Err(e) => refused_by(e),
    }
}

#[derive(serde::Deserialize)]
struct MandatesRequest {
    count: i64,
}

async fn add_mandates(
    State(state): State<SharedState>,
    Path(tenant_id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let count = match serde_json::from_slice::<MandatesRequest>(&body) {
        Ok(request) => request.count,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("expected {{\"count\": N}}: {e}")),
    };
    match controls::add_mandates(&state, tenant_id, count) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused_by(e),
    }
}

#[derive(serde::Deserialize)]
struct MandatesEnabledRequest {
    enabled: bool,
}

async fn set_mandates_enabled(
    State(state): State<SharedState>,
    Path(account_id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let enabled = match serde_json::from_slice::<MandatesEnabledRequest>(&body) {
        Ok(request) => request.enabled,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, format!("expected {{\"enabled\": true|false}}: {e}")),
    };
    match controls::set_mandates_enabled(&state, account_id, enabled) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => refused_by(e),
    }
}
