//! `POST /v1/identity/hmac`: an HMAC-signed request in, an access token out (201).
//! Response body `{"accessToken": <JWT>, "expires": "<epoch ms as a string>"}` (reference §2.3).

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;

use crate::SharedState;
use crate::error::ApiError;

pub fn routes() -> Router<SharedState> {
    Router::new().route("/v1/identity/hmac", post(exchange))
}

async fn exchange(State(state): State<SharedState>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    let token = state.auth.exchange_hmac(&headers, &body)?;
    let body = json!({
        "accessToken": token.access_token,
        "expires": token.expires_ms.to_string(),
    });
    Ok((StatusCode::CREATED, super::json_ok(&body)).into_response())
}
