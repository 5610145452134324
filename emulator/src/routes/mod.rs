//! The HTTP surface: the Imburse routes, the emulator's control API, and what they share.
//!
//! Request flow (outermost first): connection context (from the accept loop) → correlation ids
//! and error rendering → request log and fault injection → the route's documented versions
//! ([`versions`]) → route. The control API sits under
//! [`control::PREFIX`], a path no Imburse route uses, and bypasses logging and faults.

pub mod accounts;
pub mod apps;
pub mod checkout;
pub mod control;
pub mod customers;
pub mod identity;
pub mod mandates;
pub mod network_mandates;
pub mod orders;
pub mod schemes;
pub mod versions;

use std::collections::BTreeMap;

use axum::Router;
use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::Response;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::SharedState;
use crate::config::Limits;
use crate::error::{self, ApiError, ErrorEntry};
use crate::validation::{Metadata, MetadataInput, Validator};

/// Builds the whole application.
pub fn app(state: SharedState) -> Router {
    let api = Router::new()
        .merge(identity::routes())
        .merge(orders::routes())
        .merge(customers::routes())
        .merge(schemes::routes())
        .merge(accounts::routes())
        .merge(apps::routes())
        .merge(mandates::routes())
        .merge(network_mandates::routes())
        .merge(checkout::routes())
        .route_layer(middleware::from_fn_with_state(state.clone(), versions::enforce))
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), crate::faults::intercept))
        .layer(middleware::from_fn(error::render_error_bodies))
        .layer(middleware::from_fn_with_state(state.clone(), server_date));
    let control = if state.config.control_api { control::routes() } else { control::refused() };
    Router::new().nest(control::PREFIX, control).merge(api).with_state(state)
}

/// Every answer's `Date` header is the emulator's clock (which a test may move), so a client
/// can tell how far its own clock is off. Unmoved, the server's own `Date` is already that.
async fn server_date(
    axum::extract::State(state): axum::extract::State<SharedState>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> Response {
    let mut response = next.run(request).await;
    if state.auth.clock_offset_seconds() == 0 {
        return response;
    }
    let now = std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(state.auth.now_secs_f64().max(0.0));
    if let Ok(value) = axum::http::HeaderValue::from_str(&httpdate::fmt_http_date(now)) {
        response.headers_mut().insert(axum::http::header::DATE, value);
    }
    response
}

/// The version `_links` point to, whichever version was asked: the reference's v2 samples link
/// to `/v1/…` paths (§1, "many v2 response bodies still contain `_links` that point to `/v1/...`").
pub const LINK_VERSION: &str = "v1";

/// A HAL-like link, as in Imburse's `_links`: `{href, name}`.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub href: String,
    pub name: String,
}

pub fn links<const N: usize>(items: [(&'static str, String); N]) -> BTreeMap<&'static str, Link> {
    items.into_iter().map(|(name, href)| (name, Link { href, name: name.into() })).collect()
}

/// Reads a JSON body; an empty body counts as `{}` so missing fields get their own codes.
pub fn parse_body<T: DeserializeOwned + Default>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(body).map_err(ApiError::invalid_body)
}

/// The `{metadata}` body of the metadata updates (order and customer): parsed, then checked
/// against the same limits as at creation, every problem at once.
pub fn metadata_body(body: &[u8], limits: &Limits) -> Result<Metadata, ApiError> {
    #[derive(serde::Deserialize, Default)]
    struct MetadataBody {
        metadata: Option<MetadataInput>,
    }
    let body: MetadataBody = parse_body(body)?;
    let mut v = Validator::new(limits);
    let metadata = v.metadata("metadata", body.metadata);
    if !v.is_valid() {
        return Err(ApiError::bad_request(v.errors));
    }
    Ok(metadata)
}

pub fn json_ok<T: Serialize>(value: &T) -> Response {
    let body = serde_json::to_vec(value).expect("views serialize");
    let mut response = Response::new(axum::body::Body::from(body));
    response.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

pub fn not_found(status: StatusCode, code: &str, template: &str, key: &str, value: &str) -> ApiError {
    ApiError::new(status, ErrorEntry::new(code, template).with(key, value))
}

pub fn route_not_found_error(path: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorEntry::new("ROUTE_NOT_FOUND", "No API route matches {path}.").with("path", path),
    )
}

async fn route_not_found(uri: Uri) -> ApiError {
    route_not_found_error(uri.path())
}

async fn method_not_allowed(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorEntry::new("METHOD_NOT_ALLOWED", "The method is not allowed on {path}.").with("path", uri.path()),
    )
}
