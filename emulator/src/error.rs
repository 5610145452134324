//! The error bodies of the emulator's 4xx/5xx: Imburse's classic body
//! `{timestamp, correlationId, errors:[{errorCode, message, messageTemplate, metadata}]}`, and
//! for the Mandates API the validation shape the reference shows there (§4, shape 3:
//! `{title, detail, timestamp, correlationId, status, traceId, errors:[{title, detail, metadata}]}`).
//!
//! Handlers only say *what* went wrong (status, code, template, metadata). The correlation ids
//! and timestamp are filled in by one layer ([`render_error_bodies`]) that sees the request, so
//! every error, including unknown routes and fault-injected ones, carries them the same way.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::correlation::RequestIds;

/// One entry of the `errors` array.
#[derive(Clone, Debug)]
pub struct ErrorEntry {
    pub code: String,
    pub template: String,
    pub metadata: BTreeMap<String, String>,
}

impl ErrorEntry {
    pub fn new(code: impl Into<String>, template: impl Into<String>) -> Self {
        Self { code: code.into(), template: template.into(), metadata: BTreeMap::new() }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.metadata.insert(key.to_string(), value.to_string());
        self
    }

    /// The template with each `{name}` replaced by the metadata value of that name.
    pub fn render(&self, metadata: &BTreeMap<String, String>) -> String {
        let mut out = self.template.clone();
        for (key, value) in metadata {
            out = out.replace(&format!("{{{key}}}"), value);
        }
        out
    }
}

/// An error a handler returns; becomes a classic error body on the way out.
#[derive(Clone, Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub entries: Vec<ErrorEntry>,
    pub shape: BodyShape,
}

/// Which of the reference's error bodies an answer uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BodyShape {
    /// Order management, customer vault, configuration: `errors[].errorCode`.
    #[default]
    Classic,
    /// The Mandates API: `title` and `errors[].title`.
    Mandates,
}

impl ApiError {
    pub fn new(status: StatusCode, entry: ErrorEntry) -> Self {
        Self { status, entries: vec![entry], shape: BodyShape::Classic }
    }

    pub fn bad_request(entries: Vec<ErrorEntry>) -> Self {
        Self { status: StatusCode::BAD_REQUEST, entries, shape: BodyShape::Classic }
    }

    /// The same error in the Mandates API's body.
    pub fn in_mandates_shape(mut self) -> Self {
        self.shape = BodyShape::Mandates;
        self
    }

    pub fn unauthorized(code: &str, template: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ErrorEntry::new(code, template))
    }

    pub fn forbidden(entry: ErrorEntry) -> Self {
        Self::new(StatusCode::FORBIDDEN, entry)
    }

    /// A malformed or mistyped JSON body.
    pub fn invalid_body(detail: impl ToString) -> Self {
        Self::bad_request(vec![
            ErrorEntry::new("REQUEST_BODY_INVALID", "The request body could not be read: {detail}")
                .with("detail", detail),
        ])
    }

    /// The generic body for a status with no more specific cause (used by faults and
    /// fallbacks): e.g. 503 → `SERVICE_UNAVAILABLE`.
    pub fn for_status(status: StatusCode) -> Self {
        let reason = status.canonical_reason().unwrap_or("Error");
        let code = reason.to_ascii_uppercase().replace([' ', '-'], "_");
        Self::new(
            status,
            ErrorEntry::new(code, "{reason}. Please reference {correlationId} when contacting support.")
                .with("reason", reason),
        )
    }
}

/// Marker carried from a handler's response to [`render_error_bodies`].
#[derive(Clone)]
struct PendingErrorBody(Vec<ErrorEntry>, BodyShape);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(PendingErrorBody(self.entries, self.shape));
        response
    }
}

/// The Mandates API's error body: the first entry's code as the outer `title` when there is
/// one entry (`BAD_REQUEST` with "See validation errors." for several, as the reference's
/// sample), each entry's metadata under the API's PascalCase `PropertyName`.
pub fn mandates_body(status: StatusCode, entries: &[ErrorEntry], ids: &RequestIds) -> serde_json::Value {
    let errors: Vec<_> = entries
        .iter()
        .map(|entry| {
            let metadata: BTreeMap<String, String> = entry
                .metadata
                .iter()
                .map(|(k, v)| (if k == "propertyName" { "PropertyName".to_string() } else { k.clone() }, v.clone()))
                .collect();
            json!({ "title": entry.code, "detail": entry.render(&entry.metadata), "metadata": metadata })
        })
        .collect();
    let (title, detail) = match entries {
        [one] if status != StatusCode::BAD_REQUEST => (one.code.clone(), one.render(&one.metadata)),
        _ => ("BAD_REQUEST".to_string(), "See validation errors.".to_string()),
    };
    json!({
        "title": title,
        "detail": detail,
        "timestamp": crate::clock::now_iso8601(),
        "correlationId": ids.server,
        "status": status.as_u16(),
        "traceId": ids.server,
        "errors": errors,
    })
}

/// Builds the classic JSON error body. The outer `correlationId` is always the emulator's own;
/// the inner one is the caller's `X-Correlation-ID` when it sent one (documented behaviour).
pub fn classic_body(entries: &[ErrorEntry], ids: &RequestIds) -> serde_json::Value {
    let inner_id = ids.client.as_deref().unwrap_or(&ids.server);
    let errors: Vec<_> = entries
        .iter()
        .map(|entry| {
            let mut metadata = entry.metadata.clone();
            metadata.insert("correlationId".into(), inner_id.to_string());
            json!({
                "errorCode": entry.code,
                "message": entry.render(&metadata),
                "messageTemplate": entry.template,
                "metadata": metadata,
            })
        })
        .collect();
    json!({
        "timestamp": crate::clock::now_ms(),
        "correlationId": ids.server,
        "errors": errors,
    })
}

pub fn json_response(status: StatusCode, body: &serde_json::Value) -> Response {
    let mut response = Response::new(Body::from(body.to_string()));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    response
}

/// Middleware: gives every request its correlation ids and turns [`ApiError`]s into bodies.
pub async fn render_error_bodies(mut request: Request, next: Next) -> Response {
    let ids = RequestIds::for_request(&request);
    request.extensions_mut().insert(ids.clone());
    let mut response = next.run(request).await;
    match response.extensions_mut().remove::<PendingErrorBody>() {
        Some(PendingErrorBody(entries, shape)) => {
            let body = match shape {
                BodyShape::Classic => classic_body(&entries, &ids),
                BodyShape::Mandates => mandates_body(response.status(), &entries, &ids),
            };
            let mut rendered = json_response(response.status(), &body);
            // Keep headers a handler set deliberately (e.g. Retry-After).
            for (name, value) in response.headers() {
                if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                    rendered.headers_mut().insert(name.clone(), value.clone());
                }
            }
            rendered
        }
        None => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_correlation_id_is_the_callers_when_sent() {
        let entry = ErrorEntry::new("TENANT_ID_IS_REQUIRED", "Please reference {correlationId}.");
        let ids = RequestIds { server: "0HLPSRAQ7S0I6:00000002".into(), client: Some("abc".into()) };
        let body = classic_body(std::slice::from_ref(&entry), &ids);
        assert_eq!(body["correlationId"], "0HLPSRAQ7S0I6:00000002");
        assert_eq!(body["errors"][0]["metadata"]["correlationId"], "abc");
        assert_eq!(body["errors"][0]["message"], "Please reference abc.");
        assert_eq!(body["errors"][0]["messageTemplate"], "Please reference {correlationId}.");

        let ids = RequestIds { server: "0HLPSRAQ7S0I6:00000003".into(), client: None };
        let body = classic_body(&[entry], &ids);
        assert_eq!(body["errors"][0]["metadata"]["correlationId"], "0HLPSRAQ7S0I6:00000003");
    }

    #[test]
    fn status_codes_get_a_generic_code() {
        let e = ApiError::for_status(StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(e.entries[0].code, "SERVICE_UNAVAILABLE");
        let e = ApiError::for_status(StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(e.entries[0].code, "TOO_MANY_REQUESTS");
    }
}
