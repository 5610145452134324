//! Fault injection: making the emulator misbehave on purpose, so SDKs can be tested on a bad day.
//!
//! A test arms a [`FaultSpec`] ("the next N requests matching method and path pattern", or
//! "each matching request with probability p", for load tests) through the control API; the [`intercept`] layer then answers those requests with a status (5xx, 409,
//! 429 with `Retry-After`), a delay, a dropped connection (before the request is read, or after
//! it was read and processed: the case where the client cannot know whether its POST happened),
//! a truncated or corrupted body, an HTML error page, or an oversized body. The same layer
//! records every request in the [`RequestLog`](crate::request_log::RequestLog) so tests can
//! assert what was really sent and how often.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::SharedState;
use crate::correlation::{ConnectionContext, RequestIds};
use crate::error::{ApiError, ErrorEntry, classic_body, json_response};

/// What to do to the matching requests, and which requests match.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct FaultSpec {
    /// HTTP method to match (any when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Path pattern: `*` matches any run of characters, including `/`.
    #[serde(default = "any_path")]
    pub path: String,
    /// How many matching requests the fault applies to.
    #[serde(default = "one")]
    pub times: u32,
    /// How many matching requests pass untouched before it applies (e.g. `1`: the second page
    /// of a paged list, not the first).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub after: u32,
    /// With a probability, each matching request takes the fault with that chance (0..=1),
    /// until `times` requests have: faults sprinkled over a load test rather than the next N.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    /// Seeds the draws of a `probability` fault, so a run can be repeated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    #[serde(flatten)]
    pub action: FaultAction,
}

fn any_path() -> String {
    "*".into()
}

fn one() -> u32 {
    1
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn yes() -> bool {
    true
}

fn bad_gateway() -> u16 {
    502
}

fn sixteen_mib() -> usize {
    16 * 1024 * 1024
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum FaultAction {
    /// Answer with this status without processing the request.
    Respond {
        status: u16,
        /// `Retry-After` header value: delta-seconds (`2`) or an HTTP date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_after: Option<RetryAfter>,
        #[serde(default)]
        body: BodyShape,
        /// Error code for the classic and mandates shapes (default: from the status).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error_code: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
        /// The body for the `raw` shape.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        raw_body: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content_type: Option<String>,
    },
    /// Wait, then process the request normally.
    Delay { ms: u64 },
    /// Close the connection without reading the request or answering.
    DropBeforeRead,
    /// Read the request, process it (unless `process` is false), then close the connection
    /// without answering. With `process_after_ms`, the connection closes at once and the
    /// request is processed that much later, in the background: a create's effect appears
    /// after the client saw the connection drop (and perhaps after its retry arrived).
    DropAfterRead {
        #[serde(default = "yes")]
        process: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        process_after_ms: Option<u64>,
    },
    /// Process normally; announce the full `Content-Length` but send half the body and close.
    TruncateBody,
    /// Process normally; replace the body with bytes that are not JSON.
    CorruptBody,
    /// Answer with an HTML error page (as a proxy would) without processing the request.
    Html {
        #[serde(default = "bad_gateway")]
        status: u16,
    },
    /// With `status`: answer that status with an error body of `bytes` bytes, unprocessed.
    /// Without: process normally and pad the JSON body to `bytes` bytes.
    OversizedBody {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<u16>,
        #[serde(default = "sixteen_mib")]
        bytes: usize,
    },
}

impl FaultAction {
    pub fn name(&self) -> &'static str {
        match self {
            FaultAction::Respond { .. } => "respond",
            FaultAction::Delay { .. } => "delay",
            FaultAction::DropBeforeRead => "drop_before_read",
            FaultAction::DropAfterRead { .. } => "drop_after_read",
            FaultAction::TruncateBody => "truncate_body",
            FaultAction::CorruptBody => "corrupt_body",
            FaultAction::Html { .. } => "html",
            FaultAction::OversizedBody { .. } => "oversized_body",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(untagged)]
pub enum RetryAfter {
    Seconds(u64),
    Text(String),
}

impl RetryAfter {
    fn header_value(&self) -> String {
        match self {
            RetryAfter::Seconds(s) => s.to_string(),
            RetryAfter::Text(t) => t.clone(),
        }
    }
}

/// Which documented error body shape a `respond` fault uses (reference §4).
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BodyShape {
    #[default]
    Classic,
    Problem,
    Mandates,
    Empty,
    Raw,
}

impl FaultSpec {
    /// Refuses specs that cannot be served, with the reason.
    pub fn validate(&self) -> Result<(), String> {
        if self.times == 0 {
            return Err("times must be at least 1".into());
        }
        if let Some(p) = self.probability
            && !(p.is_finite() && (0.0..=1.0).contains(&p))
        {
            return Err("probability must be between 0 and 1".into());
        }
        if self.seed.is_some() && self.probability.is_none() {
            return Err("seed needs probability".into());
        }
        if !(self.path.starts_with('*') || self.path.starts_with('/')) {
            return Err("path must start with '/' or '*'".into());
        }
        if let Some(method) = &self.method {
            Method::from_bytes(method.as_bytes()).map_err(|_| format!("bad method {method:?}"))?;
        }
        let status_ok = |s: u16| (200..=599).contains(&s);
        match &self.action {
            FaultAction::Respond { status, body, raw_body, retry_after, .. } => {
                if !status_ok(*status) {
                    return Err(format!("status {status} is not 200..=599"));
                }
                if *body == BodyShape::Raw && raw_body.is_none() {
                    return Err("body \"raw\" needs raw_body".into());
                }
                if let Some(RetryAfter::Text(t)) = retry_after
                    && HeaderValue::from_str(t).is_err()
                {
                    return Err("retry_after is not a valid header value".into());
                }
            }
            FaultAction::Html { status } if !status_ok(*status) => {
                return Err(format!("status {status} is not 200..=599"));
            }
            FaultAction::OversizedBody { status, bytes } => {
                if status.is_some_and(|s| !status_ok(s)) {
                    return Err("status is not 200..=599".into());
                }
                if *bytes > 256 * 1024 * 1024 {
                    return Err("bytes may be at most 256 MiB".into());
                }
            }
            FaultAction::Delay { ms } if *ms > 600_000 => {
                return Err("delay may be at most 600000 ms".into());
            }
            FaultAction::DropAfterRead { process, process_after_ms: Some(ms) } => {
                if !process {
                    return Err("process_after_ms needs process".into());
                }
                if *ms > 600_000 {
                    return Err("process_after_ms may be at most 600000".into());
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn matches(&self, method: &Method, path: &str) -> bool {
        self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method.as_str())) && glob_match(&self.path, path)
    }
}

/// `*` matches any run of characters (including none and `/`); everything else literally.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[derive(Clone, Debug, Serialize)]
pub struct ArmedFault {
    pub id: u64,
    pub remaining: u32,
    #[serde(flatten)]
    pub spec: FaultSpec,
    /// The draws of a `probability` fault.
    #[serde(skip)]
    draws: Option<StdRng>,
    /// Matching requests let through so far (up to `after`).
    #[serde(skip)]
    passed: u32,
}

/// Armed faults, matched first-armed first.
#[derive(Default)]
pub struct FaultBook {
    faults: Mutex<Vec<ArmedFault>>,
    /// Lets the hot path skip the lock when nothing is armed.
    armed: AtomicUsize,
    next_id: AtomicU64,
}

impl FaultBook {
    pub fn arm(&self, spec: FaultSpec) -> Result<ArmedFault, String> {
        spec.validate()?;
        let draws = spec.probability.map(|_| match spec.seed {
            Some(seed) => StdRng::seed_from_u64(seed),
            None => StdRng::from_os_rng(),
        });
        let fault = ArmedFault {
            id: self.next_id.fetch_add(1, Ordering::Relaxed) + 1,
            remaining: spec.times,
            spec,
            draws,
            passed: 0,
        };
        let mut faults = self.faults.lock().expect("fault lock");
        faults.push(fault.clone());
        self.armed.store(faults.len(), Ordering::Release);
        Ok(fault)
    }

    pub fn list(&self) -> Vec<ArmedFault> {
        self.faults.lock().expect("fault lock").clone()
    }

    pub fn clear(&self) {
        self.faults.lock().expect("fault lock").clear();
        self.armed.store(0, Ordering::Release);
    }

    /// Takes one use of the first fault matching the request.
    fn take(&self, method: &Method, path: &str) -> Option<FaultAction> {
        if self.armed.load(Ordering::Acquire) == 0 {
            return None;
        }
        let mut faults = self.faults.lock().expect("fault lock");
        // A probability fault that does not strike lets the request go on to later faults.
        // So does one still letting its first `after` matching requests through.
        let index = faults.iter_mut().position(|f| {
            if !f.spec.matches(method, path) {
                return false;
            }
            if f.passed < f.spec.after {
                f.passed += 1;
                return false;
            }
            match (f.spec.probability, f.draws.as_mut()) {
                (Some(p), Some(draws)) => draws.random_bool(p),
                _ => true,
            }
        })?;
        let fault = &mut faults[index];
        fault.remaining -= 1;
        let action = fault.spec.action.clone();
        if fault.remaining == 0 {
            faults.remove(index);
        }
        self.armed.store(faults.len(), Ordering::Release);
        Some(action)
    }
}

/// Middleware: logs every API request and applies the first matching armed fault.
pub async fn intercept(State(state): State<SharedState>, request: Request, next: Next) -> Response {
    let fault = state.faults.take(request.method(), request.uri().path());
    let fault_name = fault.as_ref().map(FaultAction::name);
    let connection = request.extensions().get::<Arc<ConnectionContext>>().cloned();

    if let Some(FaultAction::DropBeforeRead) = fault {
        state.log.record(&request, None, fault_name);
        return drop_connection(connection).await;
    }

    let (parts, body) = request.into_parts();
    let body = match to_bytes(body, state.config.limits.max_body_bytes).await {
        Ok(body) => body,
        Err(_) => {
            let request = Request::from_parts(parts, Body::empty());
            let seq = state.log.record(&request, None, fault_name);
            let error = ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorEntry::new("REQUEST_BODY_TOO_LARGE", "The request body exceeds {maxBytes} bytes.")
                    .with("maxBytes", state.config.limits.max_body_bytes),
            );
            state.log.set_status(seq, StatusCode::PAYLOAD_TOO_LARGE);
            return error.into_response();
        }
    };
    let request = Request::from_parts(parts, Body::from(body.clone()));
    let seq = state.log.record(&request, Some(&body), fault_name);
    let ids =
        request.extensions().get::<RequestIds>().cloned().unwrap_or(RequestIds { server: String::new(), client: None });
    let path = request.uri().path().to_string();

    let response = match fault {
        None => next.run(request).await,
        Some(FaultAction::Respond { status, retry_after, body, error_code, message, raw_body, content_type }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = shaped_response(status, body, error_code, message, raw_body, content_type, &path, &ids);
            if let Some(retry_after) = retry_after
                && let Ok(value) = HeaderValue::from_str(&retry_after.header_value())
            {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Some(FaultAction::Delay { ms }) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(request).await
        }
        Some(FaultAction::DropAfterRead { process: true, process_after_ms: Some(ms) }) => {
            let generation = state.generation.load(Ordering::Acquire);
            let state = state.clone();
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                if state.generation.load(Ordering::Acquire) != generation {
                    return;
                }
                let response = next.run(request).await;
                let _ = to_bytes(response.into_body(), usize::MAX).await;
            });
            return drop_connection(connection).await;
        }
        Some(FaultAction::DropAfterRead { process, .. }) => {
            if process {
                // Let the route finish its work (the order really is created) before hanging up.
                let response = next.run(request).await;
                let _ = to_bytes(response.into_body(), usize::MAX).await;
            }
            return drop_connection(connection).await;
        }
        Some(FaultAction::TruncateBody) => {
            let (parts, body) = next.run(request).await.into_parts();
            let body = to_bytes(body, usize::MAX).await.unwrap_or_default();
            truncated(parts, body)
        }
        Some(FaultAction::CorruptBody) => {
            let (mut parts, body) = next.run(request).await.into_parts();
            let body = to_bytes(body, usize::MAX).await.unwrap_or_default();
            let mut corrupted = body[..body.len() / 2].to_vec();
            corrupted.extend_from_slice(b"\xff\xfe<corrupted>{\"");
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(corrupted))
        }
        Some(FaultAction::Html { status }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            let reason = status.canonical_reason().unwrap_or("Error");
            let html = format!(
                "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} {reason}</h1></center>\r\n</body>\r\n</html>\r\n",
                code = status.as_u16()
            );
            let mut response = (status, html).into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            response
        }
        Some(FaultAction::OversizedBody { status: Some(status), bytes }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let entry = ErrorEntry::new("OVERSIZED", "{padding}").with("padding", "x".repeat(bytes));
            json_response(status, &classic_body(&[entry], &ids))
        }
        Some(FaultAction::OversizedBody { status: None, bytes }) => {
            let (mut parts, body) = next.run(request).await.into_parts();
            let body = to_bytes(body, usize::MAX).await.unwrap_or_default();
            let mut value: serde_json::Value = serde_json::from_slice(&body).unwrap_or(json!({}));
            if !value.is_object() {
                value = json!({ "value": value });
            }
            value["padding"] = json!("x".repeat(bytes));
            parts.headers.remove(header::CONTENT_LENGTH);
            parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
            Response::from_parts(parts, Body::from(value.to_string()))
        }
        Some(FaultAction::DropBeforeRead) => unreachable!("handled before reading the body"),
    };
    state.log.set_status(seq, response.status());
    response
}

#[allow(clippy::too_many_arguments)]
fn shaped_response(
    status: StatusCode,
    shape: BodyShape,
    error_code: Option<String>,
    message: Option<String>,
    raw_body: Option<String>,
    content_type: Option<String>,
    path: &str,
    ids: &RequestIds,
) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error");
    let code = error_code.unwrap_or_else(|| ApiError::for_status(status).entries[0].code.clone());
    let message = message.unwrap_or_else(|| format!("{reason}."));
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    match shape {
        BodyShape::Classic => {
            let entry = ErrorEntry::new(code, "{detail} Please reference {correlationId} when contacting support.")
                .with("detail", message);
            json_response(status, &classic_body(&[entry], ids))
        }
        BodyShape::Problem => {
            let mut response = json_response(
                status,
                &json!({
                    "status": status.as_u16(),
                    "title": reason,
                    "detail": message,
                    "instance": path,
                    "trace": {"timestamp": now, "requestId": ids.server},
                }),
            );
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
            response
        }
        BodyShape::Mandates => json_response(
            status,
            &json!({
                "title": reason.to_ascii_uppercase().replace(' ', "_"),
                "detail": "See validation errors.",
                "timestamp": now,
                "correlationId": ids.server,
                "status": status.as_u16(),
                "traceId": ids.server,
                "errors": [{
                    "title": code,
                    "detail": message,
                    "metadata": {"PropertyName": "", "AttemptedValue": "null", "ErrorMessage": message},
                }],
            }),
        ),
        BodyShape::Empty => status.into_response(),
        BodyShape::Raw => {
            let mut response = (status, raw_body.unwrap_or_default()).into_response();
            let content_type = content_type.unwrap_or_else(|| "text/plain".into());
            if let Ok(value) = HeaderValue::from_str(&content_type) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
        }
    }
}

/// Announces the whole body but sends only its first half, then fails the stream so the
/// connection is cut mid-body. The pause lets the head and first half reach the client first.
fn truncated(mut parts: axum::http::response::Parts, body: Bytes) -> Response {
    use futures_util::StreamExt as _;
    let declared = body.len().max(2);
    let half = body.slice(..body.len() / 2);
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(declared));
    let first = futures_util::stream::once(async move { Ok::<_, std::io::Error>(half) });
    let cut = futures_util::stream::once(async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "truncated by fault"))
    });
    Response::from_parts(parts, Body::from_stream(first.chain(cut)))
}

/// Hangs up without answering: the connection task drops the connection when told to.
async fn drop_connection(connection: Option<Arc<ConnectionContext>>) -> Response {
    match connection {
        Some(connection) => {
            connection.kill.notify_one();
            std::future::pending::<Response>().await
        }
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_patterns() {
        let cases = [
            ("*", "/anything/at/all", true),
            ("/v1/order-management", "/v1/order-management", true),
            ("/v1/order-management", "/v1/order-management/x", false),
            ("/v1/order-management*", "/v1/order-management/x", true),
            ("/*/order-management/*/instruction", "/v2/order-management/O1/instruction", true),
            ("/*/order-management/*/instruction", "/v2/order-management/O1/instruction/I1", false),
            ("*/cancel", "/v1/order-management/O/instruction/I/cancel", true),
            ("/v1/*", "/v2/x", false),
            ("/a*b*c", "/abc", true),
            ("/a*b*c", "/acb", false),
        ];
        for (pattern, path, expected) in cases {
            assert_eq!(glob_match(pattern, path), expected, "{pattern} vs {path}");
        }
    }

    #[test]
    fn a_fault_lets_its_first_matching_requests_through() {
        let book = FaultBook::default();
        let spec: FaultSpec =
            serde_json::from_str(r#"{"action": "respond", "status": 503, "path": "/v2/mandates", "after": 2}"#)
                .unwrap();
        book.arm(spec).unwrap();
        let get = Method::GET;
        assert!(book.take(&get, "/v2/other").is_none(), "not matching: not counted");
        assert!(book.take(&get, "/v2/mandates").is_none());
        assert!(book.take(&get, "/v2/mandates").is_none());
        assert!(book.take(&get, "/v2/mandates").is_some(), "the third matching request");
        assert!(book.take(&get, "/v2/mandates").is_none(), "used up");
    }

    #[test]
    fn faults_are_taken_in_order_and_used_up() {
        let book = FaultBook::default();
        let spec = |times, status| FaultSpec {
            method: Some("GET".into()),
            path: "/v1/*".into(),
            times,
            after: 0,
            probability: None,
            seed: None,
            action: FaultAction::Respond {
                status,
                retry_after: None,
                body: BodyShape::Classic,
                error_code: None,
                message: None,
                raw_body: None,
                content_type: None,
            },
        };
        book.arm(spec(2, 503)).unwrap();
        book.arm(spec(1, 500)).unwrap();
        let status = |a: Option<FaultAction>| match a {
            Some(FaultAction::Respond { status, .. }) => Some(status),
            _ => None,
        };
        assert_eq!(status(book.take(&Method::POST, "/v1/x")), None, "method must match");
        assert_eq!(status(book.take(&Method::GET, "/v1/x")), Some(503));
        assert_eq!(status(book.take(&Method::GET, "/v1/x")), Some(503));
        assert_eq!(status(book.take(&Method::GET, "/v1/x")), Some(500));
        assert_eq!(status(book.take(&Method::GET, "/v1/x")), None);
    }

    #[test]
    fn specs_parse_from_json_and_bad_ones_are_refused() {
        let spec: FaultSpec = serde_json::from_str(
            r#"{"method":"GET","path":"/v2/*","times":2,"action":"respond","status":429,"retry_after":"Wed, 21 Oct 2015 07:28:00 GMT"}"#,
        )
        .unwrap();
        assert!(spec.validate().is_ok());
        let spec: FaultSpec = serde_json::from_str(r#"{"action":"drop_after_read"}"#).unwrap();
        assert!(matches!(spec.action, FaultAction::DropAfterRead { process: true, process_after_ms: None }));
        assert_eq!(spec.path, "*");
        for bad in [
            r#"{"action":"respond","status":99}"#,
            r#"{"action":"respond","status":500,"times":0}"#,
            r#"{"action":"respond","status":500,"path":"v1"}"#,
            r#"{"action":"respond","status":500,"body":"raw"}"#,
        ] {
            let spec: FaultSpec = serde_json::from_str(bad).unwrap();
            assert!(spec.validate().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<FaultSpec>(r#"{"action":"explode"}"#).is_err());
    }
}
