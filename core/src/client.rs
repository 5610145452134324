//! The client and the path of one call through it: validate, resolve tenant and correlation id,
//! authenticate, send, classify, retry or stop, decode.
//!
//! Everything a binding exposes goes through [`Client::execute`], so headers, retries, the
//! single 401 refresh-and-replay, deadlines and per-attempt events behave the same in every
//! language. Resource methods (orders, customers) live in their own modules and only describe
//! their operations.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderValue};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::auth::HmacSigner;
use crate::auth::token::{AccessToken, TokenCache};
use crate::config::ClientConfig;
use crate::error::{Error, ErrorEntry, ErrorKind, InternalError};
use crate::events::{self, AttemptEvent, AttemptObserver, AttemptOutcomeKind};
use crate::foreign::{Interval, host_int};
use crate::operations::{self, OperationSpec, Scope};
use crate::retry::{self, RandomJitter, RetryDecision, RetryPolicy};
use crate::transport::{HttpRequest, HttpResponse, Transport};

const CORRELATION_HEADER: &str = "x-correlation-id";
const ACCOUNT_HEADER: &str = "x-account-id";
const TENANT_HEADER: &str = "x-tenant-id";
/// Longest caller-supplied correlation id accepted.
const CORRELATION_ID_MAX: usize = 200;

/// Per-call options: a correlation id of the caller's (otherwise a UUID is generated), a tenant
/// to act for instead of the client's default, and limits for this call instead of the
/// client's: the whole call's time (`timeout`), each attempt's (`attempt_timeout`) and the
/// number of attempts (`max_attempts`, 1 disables retries). A limit out of range is an
/// `InvalidRequest` error and nothing is sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// Sent as `X-Correlation-ID` on every attempt; a UUID is generated when absent.
    pub correlation_id: Option<String>,
    /// The tenant (a UUID) to act for instead of the client's default.
    pub tenant_id: Option<String>,
    /// The whole call's time: every attempt, token refresh and backoff.
    pub timeout: Option<Duration>,
    /// Each attempt's time, the body included.
    pub attempt_timeout: Option<Duration>,
    /// Attempts for this call, the first included (1 disables retries).
    pub max_attempts: Option<u32>,
}

impl CallOptions {
    /// No options: the client's defaults and a generated correlation id.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`CallOptions::correlation_id`].
    pub fn correlation_id(mut self, id: impl Into<String>) -> Self {
        self.correlation_id = Some(id.into());
        self
    }

    /// Sets [`CallOptions::tenant_id`].
    pub fn tenant_id(mut self, id: impl Into<String>) -> Self {
        self.tenant_id = Some(id.into());
        self
    }

    /// Sets [`CallOptions::timeout`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sets [`CallOptions::attempt_timeout`].
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// Sets [`CallOptions::max_attempts`].
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }
}

/// The limits one call runs under: the client's, with the call's own options applied.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CallLimits {
    pub call_timeout: Duration,
    pub attempt_timeout: Duration,
    pub policy: RetryPolicy,
}

impl CallLimits {
    fn of(config: &ClientConfig, options: &CallOptions) -> Result<CallLimits, Error> {
        let mut problems = Vec::new();
        let mut duration = |value: Option<Duration>, property: &str, default: Duration| match value {
            Some(d) if d.is_zero() || d > crate::config::MAX_DURATION => {
                problems.push(limit_problem(property, "must be more than zero and at most a day"));
                default
            }
            Some(d) => d,
            None => default,
        };
        let call_timeout = duration(options.timeout, "timeout", config.call_timeout());
        let attempt_timeout = duration(options.attempt_timeout, "attemptTimeout", config.attempt_timeout());
        let max_attempts = match options.max_attempts {
            Some(0) => {
                problems.push(limit_problem("maxAttempts", "must be at least 1"));
                1
            }
            Some(n) => n,
            None => config.retry_policy().max_attempts(),
        };
        if !problems.is_empty() {
            return Err(Error::invalid_request(problems));
        }
        let policy = config.retry_policy().for_call(max_attempts, call_timeout);
        Ok(CallLimits { call_timeout, attempt_timeout: attempt_timeout.min(call_timeout), policy })
    }
}

fn limit_problem(property: &str, rule: &str) -> ErrorEntry {
    let code = match property {
        "timeout" => "TIMEOUT_OUT_OF_RANGE",
        "attemptTimeout" => "ATTEMPT_TIMEOUT_OUT_OF_RANGE",
        _ => "MAX_ATTEMPTS_OUT_OF_RANGE",
    };
    ErrorEntry {
        code: code.into(),
        message: format!("The call option {property} {rule}."),
        message_template: None,
        metadata: [("propertyName".to_string(), property.to_string())].into_iter().collect(),
    }
}

/// What a call returned, with how it went.
#[derive(Clone, Debug, PartialEq)]
pub struct Response<T> {
    /// The decoded body.
    pub data: T,
    /// The status, attempts and correlation id of the call.
    pub meta: ResponseMeta,
}

impl<T> Response<T> {
    /// The decoded body alone.
    pub fn into_data(self) -> T {
        self.data
    }
}

crate::foreign::response_models! {
/// How a successful call went: the final status, the attempts it took (a token refresh's
/// exchange not counted), and the `X-Correlation-ID` every attempt carried.
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, get_all, from_py_object, module = "imburse"))]
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "napi", napi_derive::napi(object, object_from_js = false, use_nullable = true))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResponseMeta {
    /// The HTTP status of the successful answer. (Figures every language receives are `i32`,
    /// the integer Java and Kotlin callers have.)
    pub status: i32,
    /// Attempts the call took, the successful one included.
    pub attempts: i32,
    /// The `X-Correlation-ID` every attempt carried.
    pub client_correlation_id: String,
}
}

/// One call of a declared operation, as a resource module prepares it.
pub(crate) struct Operation {
    pub spec: &'static OperationSpec,
    /// The path's segments, the caller's references filled in.
    pub path: Vec<String>,
    pub body: Option<Bytes>,
    /// Query parameters, in order (each name and value percent-encoded by the URL builder).
    pub query: Vec<(&'static str, String)>,
    /// What client-side validation refused, if anything: returned with the call's correlation
    /// id, and nothing is sent.
    pub invalid: Option<Error>,
}

impl Operation {
    /// A call of `spec` with its path's placeholders filled, in order, by `references`.
    pub fn new(spec: &'static OperationSpec, references: &[&str], body: Option<Bytes>, invalid: Option<Error>) -> Self {
        Operation { spec, path: spec.segments(references), body, query: Vec::new(), invalid }
    }

    /// The same call with these query parameters.
    pub fn with_query(mut self, query: Vec<(&'static str, String)>) -> Self {
        self.query = query;
        self
    }

    fn method(&self) -> Method {
        Method::from_bytes(self.spec.method.as_bytes()).expect("declared methods are valid")
    }
}

/// A call that got a 2xx answer.
pub(crate) struct Exchange {
    pub status: u16,
    pub body: Bytes,
    pub meta: ResponseMeta,
}

/// A call that failed, and whether some attempt's outcome was unknown (the server may have done
/// the work even though no answer arrived).
pub(crate) struct Failure {
    pub error: Error,
    pub outcome_unknown: bool,
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Error {
        failure.error
    }
}

enum Credentials {
    /// The identity exchange: a fresh HMAC signature per attempt.
    Hmac,
    /// Resource calls: the cached bearer token, refreshed once on a 401.
    Bearer,
}

/// The Imburse API client: cheap to clone, safe to share between tasks and threads, one
/// connection pool and one token cache per client.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: ClientConfig,
    transport: Transport,
    signer: HmacSigner,
    tokens: TokenCache,
    observer: Option<AttemptObserver>,
    /// Set by [`Client::close`]: calls that start later fail with [`ErrorKind::Closed`].
    closed: AtomicBool,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TokenBody {
    access_token: String,
    expires: Option<serde_json::Value>,
}

impl Client {
    /// A client for a validated configuration. Fails only if the HTTP stack cannot be built.
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        Self::build(config, None)
    }

    /// A client that also hands every [`AttemptEvent`] to `observer` (bindings route these
    /// into their language's logging).
    pub fn with_attempt_observer(config: ClientConfig, observer: AttemptObserver) -> Result<Self, Error> {
        Self::build(config, Some(observer))
    }

    fn build(config: ClientConfig, observer: Option<AttemptObserver>) -> Result<Self, Error> {
        let transport = Transport::new(&config)?;
        let signer = HmacSigner::from_config(&config);
        let tokens = TokenCache::new(config.token_refresh_margin());
        let closed = AtomicBool::new(false);
        Ok(Self { inner: Arc::new(Inner { config, transport, signer, tokens, observer, closed }) })
    }

    /// The configuration the client was built with.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// Closes the client, the same in every language: calls that start afterwards fail with
    /// [`ErrorKind::Closed`] and send nothing; calls already running finish normally. The
    /// connection pool and the cached token are freed when the last clone of the client (a
    /// running call holds one) is dropped. Closing twice is harmless.
    pub fn close(&self) {
        self.inner.closed.store(true, Ordering::Release);
    }

    /// Whether [`Client::close`] was called.
    pub fn is_closed(&self) -> bool {
        self.inner.closed.load(Ordering::Acquire)
    }

    fn ensure_open(&self) -> Result<(), Error> {
        if self.is_closed() { Err(Error::closed()) } else { Ok(()) }
    }

    /// Makes sure a usable access token is cached (fetching one if needed), e.g. to fail fast
    /// on bad credentials at start-up.
    pub async fn authenticate(&self, options: &CallOptions) -> Result<(), Error> {
        self.ensure_open()?;
        let correlation_id = resolve_correlation_id(options)?;
        let limits =
            CallLimits::of(&self.inner.config, options).map_err(|e| e.with_call_context(Some(&correlation_id), 0))?;
        let deadline = Instant::now() + limits.call_timeout;
        self.token(&correlation_id, deadline, limits).await.map_err(|f| f.error)?;
        Ok(())
    }

    /// Runs an operation to a 2xx answer or a final error.
    pub(crate) async fn execute(&self, operation: Operation, options: &CallOptions) -> Result<Exchange, Failure> {
        let no_context = |error: Error| Failure { error, outcome_unknown: false };
        self.ensure_open().map_err(no_context)?;
        let correlation_id = resolve_correlation_id(options).map_err(no_context)?;
        if let Some(invalid) = operation.invalid {
            return Err(no_context(invalid.with_call_context(Some(&correlation_id), 0)));
        }
        let limits = CallLimits::of(&self.inner.config, options)
            .map_err(|e| no_context(e.with_call_context(Some(&correlation_id), 0)))?;
        let tenant_id = match operation.spec.scope {
            Scope::Tenant => Some(
                self.resolve_tenant(operation.spec, options)
                    .map_err(|e| no_context(e.with_call_context(Some(&correlation_id), 0)))?,
            ),
            Scope::Account if options.tenant_id.is_some() => {
                return Err(no_context(
                    Self::tenant_not_applicable(operation.spec).with_call_context(Some(&correlation_id), 0),
                ));
            }
            Scope::Account => None,
        };
        let mut headers = HeaderMap::new();
        headers.insert(ACCOUNT_HEADER, header_value(&self.inner.config.account_id().to_string()));
        if let Some(tenant_id) = &tenant_id {
            headers.insert(TENANT_HEADER, header_value(tenant_id));
        }
        let request = HttpRequest {
            method: operation.method(),
            url: self.url_of(&operation),
            headers,
            body: operation.body.clone(),
        };
        let deadline = Instant::now() + limits.call_timeout;
        self.run(&operation, request, Credentials::Bearer, &correlation_id, deadline, limits).await
    }

    /// The operation's URL below the configured base URL.
    fn url_of(&self, operation: &Operation) -> reqwest::Url {
        let mut segments: Vec<&str> = operation.path.iter().map(String::as_str).collect();
        // The first segment is the declared API version; the configuration may name another.
        segments[0] = self.inner.config.api_version_of(operation.spec);
        let mut url = self.inner.config.endpoint(&segments);
        if !operation.query.is_empty() {
            url.query_pairs_mut().extend_pairs(operation.query.iter().map(|(name, value)| (*name, value.as_str())));
        }
        url
    }

    /// A per-call tenant on an operation that acts for the account: refused rather than
    /// ignored, since the caller meant something the call would not do.
    fn tenant_not_applicable(spec: &OperationSpec) -> Error {
        Error::invalid_request(vec![ErrorEntry {
            code: "TENANT_ID_NOT_APPLICABLE".into(),
            message: format!(
                "{} acts for the account, not inside a tenant: leave the call's tenant id out.",
                spec.name
            ),
            message_template: None,
            metadata: [("propertyName".to_string(), "tenantId".to_string())].into_iter().collect(),
        }])
    }

    /// The tenant a tenant-scoped call acts for: the call's, else the client's. Without either
    /// (an account key's client) the call is refused before anything is sent.
    fn resolve_tenant(&self, spec: &OperationSpec, options: &CallOptions) -> Result<String, Error> {
        match &options.tenant_id {
            Some(tenant) => match uuid::Uuid::parse_str(tenant.trim()) {
                Ok(id) => Ok(id.to_string()),
                Err(_) => Err(Error::invalid_request(vec![ErrorEntry {
                    code: "TENANT_ID_INVALID".into(),
                    message: "The tenant id must be a UUID.".into(),
                    message_template: None,
                    metadata: [("propertyName".to_string(), "tenantId".to_string())].into_iter().collect(),
                }])),
            },
            None => self.inner.config.tenant_id().map(|t| t.to_string()).ok_or_else(|| {
                Error::invalid_request(vec![ErrorEntry {
                    code: "TENANT_ID_IS_REQUIRED".into(),
                    message: format!(
                        "{} acts inside a tenant: give the client a tenant id, or the call one.",
                        spec.name
                    ),
                    message_template: None,
                    metadata: [("propertyName".to_string(), "tenantId".to_string())].into_iter().collect(),
                }])
            }),
        }
    }

    /// The current bearer token, fetched (single flight) when needed. Returns a boxed future
    /// because the attempt loop calls it and the exchange runs the attempt loop: naming the
    /// type breaks that cycle.
    fn token<'a>(
        &'a self,
        correlation_id: &'a str,
        deadline: Instant,
        limits: CallLimits,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Arc<AccessToken>, Failure>> + Send + 'a>> {
        Box::pin(async move {
            let fetched = self
                .inner
                .tokens
                .get(|| async {
                    // Another token is harmless: the exchange may be replayed (its declared class).
                    let identity = Operation::new(&operations::AUTHENTICATE, &[], None, None);
                    let request = HttpRequest {
                        method: identity.method(),
                        url: self.url_of(&identity),
                        headers: HeaderMap::new(),
                        body: None,
                    };
                    let exchange = self
                        .run(&identity, request, Credentials::Hmac, correlation_id, deadline, limits)
                        .await
                        .map_err(|f| f.error)?;
                    parse_token(&exchange)
                })
                .await;
            fetched.map_err(|error| Failure { error, outcome_unknown: false })
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        operation: &Operation,
        path: &str,
        attempt: u32,
        status: Option<u16>,
        elapsed: Duration,
        client_correlation_id: &str,
        server_correlation_id: Option<&str>,
        outcome: AttemptOutcomeKind,
        detail: String,
    ) {
        let event = AttemptEvent {
            operation: self.inner.config.operation_name(operation.spec.name),
            method: operation.spec.method.to_string(),
            path: path.to_string(),
            attempt: host_int(attempt),
            status: status.map(i32::from),
            elapsed: Interval(elapsed),
            client_correlation_id: client_correlation_id.to_string(),
            server_correlation_id: server_correlation_id.map(str::to_string),
            outcome: outcome.as_str().to_string(),
            detail,
        };
        events::emit(&event, self.inner.observer.as_ref());
    }

    /// The attempt loop: one place for headers, deadlines, the 401 replay and the retry table.
    async fn run(
        &self,
        operation: &Operation,
        mut request: HttpRequest,
        credentials: Credentials,
        correlation_id: &str,
        deadline: Instant,
        limits: CallLimits,
    ) -> Result<Exchange, Failure> {
        let started = Instant::now();
        let path = request.url.path().to_string();
        request.headers.insert(CORRELATION_HEADER, header_value(correlation_id));
        let mut attempts = 0u32;
        let mut replayed_unauthorized = false;
        let mut outcome_unknown = false;
        let fail = |internal: InternalError, attempts: u32, unknown: bool| Failure {
            error: internal.into_public(Some(correlation_id), attempts),
            outcome_unknown: unknown,
        };
        loop {
            let call_timeout = InternalError::CallTimeout(limits.call_timeout);
            let token = match credentials {
                Credentials::Hmac => {
                    let signature = self.inner.signer.authorization(request.body.as_deref().unwrap_or_default());
                    request.headers.insert(reqwest::header::AUTHORIZATION, header_value(&signature));
                    None
                }
                Credentials::Bearer => {
                    let token =
                        match tokio::time::timeout_at(deadline.into(), self.token(correlation_id, deadline, limits))
                            .await
                        {
                            Ok(Ok(token)) => token,
                            Ok(Err(failure)) => return Err(failure),
                            Err(_) => return Err(fail(call_timeout, attempts, outcome_unknown)),
                        };
                    let mut bearer = header_value(&format!("Bearer {}", token.bearer()));
                    bearer.set_sensitive(true);
                    request.headers.insert(reqwest::header::AUTHORIZATION, bearer);
                    Some(token)
                }
            };
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(fail(call_timeout, attempts, outcome_unknown));
            }
            attempts += 1;
            let attempt_started = Instant::now();
            let bounded_by_call = remaining < limits.attempt_timeout;
            let result = self.inner.transport.send(&request, limits.attempt_timeout.min(remaining)).await;
            let elapsed = attempt_started.elapsed();
            let failure = match result {
                Ok(response) if (200..300).contains(&response.status) => {
                    self.report(
                        operation,
                        &path,
                        attempts,
                        Some(response.status),
                        elapsed,
                        correlation_id,
                        None,
                        AttemptOutcomeKind::Ok,
                        "ok".to_string(),
                    );
                    return Ok(Exchange {
                        status: response.status,
                        body: response.body,
                        meta: ResponseMeta {
                            status: i32::from(response.status),
                            attempts: host_int(attempts),
                            client_correlation_id: correlation_id.to_string(),
                        },
                    });
                }
                Ok(HttpResponse { status, retry_after, server_date, body }) => {
                    InternalError::Status { status, retry_after, server_date, body: body.to_vec() }
                }
                Err(internal) => internal,
            };
            // Everything the retry decision needs is read first; then the failure becomes the
            // public error once, and the event reports its server correlation id.
            let outcome = failure.attempt_outcome();
            outcome_unknown |= outcome_is_unknown(&failure);
            // An attempt cut short by the call's remaining time is the call's timeout, reported
            // with the call's limit (the attempt still timed out, as its event says).
            let failure = match failure {
                InternalError::AttemptTimeout(_) if bounded_by_call => InternalError::CallTimeout(limits.call_timeout),
                other => other,
            };
            let status = match &failure {
                InternalError::Status { status, .. } => Some(*status),
                _ => None,
            };
            let detail = failure.to_string();
            let mut error = failure.into_public(Some(correlation_id), attempts);
            if status == Some(403) {
                error = error.with_required_roles(operation.spec.roles);
            }
            let kind = outcome.as_ref().map_or(AttemptOutcomeKind::InvalidResponse, AttemptOutcomeKind::of);
            self.report(
                operation,
                &path,
                attempts,
                status,
                elapsed,
                correlation_id,
                error.correlation_id(),
                kind,
                detail,
            );
            let stop = |error: Error| Err(Failure { error, outcome_unknown });
            // A refused token is refreshed once and the request replayed once, never in a loop.
            if let (Some(token), Some(401)) = (&token, status)
                && !replayed_unauthorized
            {
                replayed_unauthorized = true;
                self.inner.tokens.invalidate(token);
                continue;
            }
            let Some(outcome) = outcome else {
                return stop(error);
            };
            let decision = retry::decide(
                &limits.policy,
                &outcome,
                operation.spec.idempotency,
                attempts,
                started.elapsed(),
                &mut RandomJitter,
            );
            match decision {
                RetryDecision::RetryAfter(delay) if Instant::now() + delay < deadline => {
                    tokio::time::sleep(delay).await;
                }
                RetryDecision::RetryAfter(_) | RetryDecision::Stop(_) => return stop(error),
            }
        }
    }
}

/// Failures after which the server may or may not have done the work.
fn outcome_is_unknown(failure: &InternalError) -> bool {
    match failure {
        InternalError::StaleConnection(_)
        | InternalError::AttemptTimeout(_)
        | InternalError::BodyRead(_)
        | InternalError::Io(_) => true,
        InternalError::Status { status, .. } => matches!(status, 500 | 502 | 504),
        _ => false,
    }
}

fn header_value(text: &str) -> HeaderValue {
    // Callers pass validated ASCII (UUIDs, checked ids, base64); anything else is dropped rather
    // than sent mangled.
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn resolve_correlation_id(options: &CallOptions) -> Result<String, Error> {
    match &options.correlation_id {
        None => Ok(uuid::Uuid::new_v4().to_string()),
        Some(id) => {
            let id = id.trim();
            let printable = id.bytes().all(|b| (0x21..0x7f).contains(&b));
            if id.is_empty() || id.len() > CORRELATION_ID_MAX || !printable {
                return Err(Error::invalid_request(vec![ErrorEntry {
                    code: "CORRELATION_ID_INVALID".into(),
                    message: format!(
                        "The correlation id must be 1 to {CORRELATION_ID_MAX} printable ASCII characters without spaces."
                    ),
                    message_template: None,
                    metadata: [("propertyName".to_string(), "correlationId".to_string())].into_iter().collect(),
                }]));
            }
            Ok(id.to_string())
        }
    }
}

fn parse_token(exchange: &Exchange) -> Result<AccessToken, Error> {
    token_from_answer(exchange.status, &exchange.body).map_err(|e| {
        e.with_call_context(Some(&exchange.meta.client_correlation_id), exchange.meta.attempts.unsigned_abs())
    })
}

/// The token in the identity endpoint's answer, or an `InvalidResponse` error.
pub(crate) fn token_from_answer(status: u16, answer: &[u8]) -> Result<AccessToken, Error> {
    let invalid = |message: &str| Error::new(ErrorKind::InvalidResponse, message.to_string()).with_status(status);
    let body: TokenBody = serde_json::from_slice(answer)
        .map_err(|_| invalid("the identity endpoint answered without an access token"))?;
    if body.access_token.is_empty() {
        return Err(invalid("the identity endpoint answered with an empty access token"));
    }
    let now = SystemTime::now();
    // `expires` is epoch milliseconds as a string (documented); a number is accepted too.
    let expires_ms = match &body.expires {
        Some(serde_json::Value::String(s)) => s.trim().parse::<u64>().ok(),
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    let expires_at = match expires_ms {
        Some(ms) => UNIX_EPOCH + Duration::from_millis(ms),
        // Undocumented absence: assume a short life so the token is refreshed soon.
        None => now + Duration::from_secs(300),
    };
    Ok(AccessToken::new(body.access_token, now, expires_at))
}

/// Decodes a 2xx JSON body into `T`, or an `InvalidResponse` error that keeps the call context.
pub(crate) fn decode<T: DeserializeOwned>(exchange: &Exchange) -> Result<T, Error> {
    serde_json::from_slice(&exchange.body).map_err(|e| {
        Error::new(ErrorKind::InvalidResponse, format!("the response body could not be decoded: {e}"))
            .with_status(exchange.status)
            .with_call_context(Some(&exchange.meta.client_correlation_id), exchange.meta.attempts.unsigned_abs())
    })
}

/// Serialises a request body.
pub(crate) fn encode<T: serde::Serialize>(value: &T) -> Result<Bytes, Error> {
    serde_json::to_vec(value)
        .map(Bytes::from)
        .map_err(|e| Error::new(ErrorKind::InvalidRequest, format!("the request could not be encoded: {e}")))
}
