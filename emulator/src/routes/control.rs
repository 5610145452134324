//! The control API: how tests (in any language) steer the emulator over HTTP.
//!
//! Under `/__emulator`, a prefix no Imburse route uses; never logged, never faulted, no auth
//! (the emulator listens on loopback by default). It arms and lists faults, reads and clears the
//! request log, resets state between tests, shortens token lifetimes or expires every token, moves
//! the emulator's clock against the machine's (a client with a wrong clock), and moves an
//! instruction to another status (as settlement would). A server shared between people turns
//! it off (`--no-control`, config `control_api: false`): then only `/health` answers.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Deserialize;
use serde_json::json;

use crate::SharedState;
use crate::faults::{FaultSpec, glob_match};
use crate::store::STATUSES;

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
    if let Some(ttl) = settings.token_ttl_seconds {
        if ttl == 0 {
            return refuse(StatusCode::BAD_REQUEST, "token_ttl_seconds must be at least 1");
        }
        state.auth.tokens.set_ttl_seconds(ttl);
    }
    if let Some(offset) = settings.clock_offset_seconds {
        state.auth.set_clock_offset_seconds(offset);
    }
    if let Some(ms) = settings.async_instructions_ms {
        if ms > 600_000 {
            return refuse(StatusCode::BAD_REQUEST, "async_instructions_ms may be at most 600000");
        }
        state.store.set_async_instructions_ms(ms);
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
    if !STATUSES.contains(&change.status.as_str()) {
        return refuse(StatusCode::BAD_REQUEST, format!("status must be one of {STATUSES:?}"));
    }
    let found = state.store.with_tenant(&tenant_id, |tenant| {
        let instruction = tenant.orders.get_mut(&order_ref).and_then(|o| o.instruction_mut(&instruction_ref))?;
        instruction.status = change.status;
        instruction.updated_ms = crate::clock::now_ms();
        Some(())
    });
    match found {
        Some(()) => StatusCode::NO_CONTENT.into_response(),
        None => refuse(StatusCode::NOT_FOUND, "no such instruction in that tenant"),
    }
}
