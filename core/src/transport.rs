//! One HTTP attempt: send a request on the client's connection pool and say precisely how it
//! went.
//!
//! The retry table needs to know more than "it failed": was the request never sent (connect
//! refused, DNS, TLS), did a connection close before any response byte (a stale keep-alive, or
//! a server that read the request and hung up), did the attempt time out, did the body break
//! off? This module turns reqwest's errors into those [`InternalError`] cases and caps how much
//! of a response body is read, so a hostile or broken server cannot exhaust memory.

use std::error::Error as StdError;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, Url};

use crate::config::ClientConfig;
use crate::error::{Error, ErrorKind, InternalError};
use crate::retry::parse_retry_after;

/// The most a response body may hold; success bodies beyond it are refused as invalid, error
/// bodies are cut (the error keeps a capped copy anyway).
pub(crate) const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

pub(crate) struct Transport {
    http: reqwest::Client,
}

/// A fully built request; the body is shared so every attempt sends the same bytes.
pub(crate) struct HttpRequest {
    pub method: Method,
    pub url: Url,
    pub headers: HeaderMap,
    pub body: Option<Bytes>,
}

pub(crate) struct HttpResponse {
    pub status: u16,
    pub retry_after: Option<Duration>,
    /// The server's clock, from its `Date` header: what a refused HMAC timestamp is
    /// compared with.
    pub server_date: Option<std::time::SystemTime>,
    pub body: Bytes,
}

impl Transport {
    pub(crate) fn new(config: &ClientConfig) -> Result<Self, Error> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout())
            .user_agent(config.user_agent())
            .redirect(reqwest::redirect::Policy::none())
            .tcp_nodelay(true)
            .pool_idle_timeout(Duration::from_secs(60));
        if let Some(proxy) = config.proxy() {
            let proxy = reqwest::Proxy::all(proxy.as_str())
                .map_err(|_| Error::new(ErrorKind::Configuration, "proxy: not a usable proxy URL"))?;
            builder = builder.proxy(proxy);
        } else if !config.use_env_proxy() {
            builder = builder.no_proxy();
        }
        if !config.tls_roots().is_empty() {
            builder = builder.tls_certs_merge(config.tls_roots().iter().cloned());
        }
        if let Some(identity) = config.tls_identity() {
            builder = builder.identity(identity.clone());
        }
        let http = builder
            .build()
            .map_err(|e| Error::new(ErrorKind::Configuration, format!("the HTTP client could not be built: {e}")))?;
        Ok(Self { http })
    }

    /// Sends one attempt. `timeout` bounds the whole exchange, body included.
    pub(crate) async fn send(&self, request: &HttpRequest, timeout: Duration) -> Result<HttpResponse, InternalError> {
        let mut builder = self
            .http
            .request(request.method.clone(), request.url.clone())
            .headers(request.headers.clone())
            .timeout(timeout);
        if let Some(body) = &request.body {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body.clone());
        }
        let response = builder.send().await.map_err(|e| classify_send_error(e, timeout))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, std::time::SystemTime::now()));
        let server_date = response
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok());
        let (body, overflow) = read_capped(response, timeout).await?;
        if overflow && (200..300).contains(&status) {
            return Err(InternalError::InvalidResponse {
                status: Some(status),
                message: format!("the response body is larger than {MAX_RESPONSE_BYTES} bytes"),
                source: None,
            });
        }
        Ok(HttpResponse { status, retry_after, server_date, body })
    }
}

/// Reads at most [`MAX_RESPONSE_BYTES`]; reports whether more was on offer.
async fn read_capped(mut response: reqwest::Response, timeout: Duration) -> Result<(Bytes, bool), InternalError> {
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = MAX_RESPONSE_BYTES - body.len();
                if chunk.len() > room {
                    body.extend_from_slice(&chunk[..room]);
                    return Ok((Bytes::from(body), true));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok((Bytes::from(body), false)),
            Err(e) if e.is_timeout() => return Err(InternalError::AttemptTimeout(timeout)),
            Err(e) => return Err(InternalError::BodyRead(Box::new(e))),
        }
    }
}

/// Sorts a failure before any response into what the retry table needs to know.
fn classify_send_error(error: reqwest::Error, timeout: Duration) -> InternalError {
    if error.is_connect() {
        // Includes connect timeouts, DNS and TLS failures: nothing was sent.
        if let Some(reason) = tls_failure(&error) {
            return InternalError::Tls { reason, source: Box::new(error) };
        }
        return InternalError::Connect(Box::new(error));
    }
    if error.is_timeout() {
        return InternalError::AttemptTimeout(timeout);
    }
    // In TLS 1.3 a server refuses the client's certificate after the client has finished its
    // side of the handshake: the refusal arrives as the request is sent. The server never read
    // the request, so this is a handshake failure like the others.
    if let Some(reason) = tls_failure(&error) {
        return InternalError::Tls { reason, source: Box::new(error) };
    }
    if closed_before_response(&error) {
        return InternalError::StaleConnection(Box::new(error));
    }
    InternalError::Io(Box::new(error))
}

/// What went wrong in the TLS handshake, in a few words, when that is why the connection failed.
/// The TLS library's own text names the problem (`invalid peer certificate: UnknownIssuer`,
/// `received fatal alert: CertificateRequired`); it never holds key material.
fn tls_failure(error: &reqwest::Error) -> Option<String> {
    let mut source: Option<&(dyn StdError + 'static)> = error.source();
    while let Some(cause) = source {
        if let Some(tls) = cause.downcast_ref::<rustls::Error>() {
            let hint = match tls {
                rustls::Error::InvalidCertificate(_) => {
                    " (is the server's certificate authority, e.g. a TLS-inspecting proxy's, in the CA bundle setting?)"
                }
                rustls::Error::AlertReceived(_) => " (does the server require a client certificate?)",
                _ => "",
            };
            return Some(format!("{tls}{hint}"));
        }
        // An `io::Error` reports its wrapped error's source, not the wrapped error: go inside.
        source = match cause.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            Some(wrapped) => Some(wrapped as &(dyn StdError + 'static)),
            None => cause.source(),
        };
    }
    None
}

/// True when the connection was closed or reset before any byte of the response arrived: a
/// keep-alive connection the server had dropped, or a server that hung up after reading.
fn closed_before_response(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn StdError + 'static)> = error.source();
    while let Some(cause) = source {
        if let Some(hyper_error) = cause.downcast_ref::<hyper::Error>()
            && (hyper_error.is_incomplete_message() || hyper_error.is_canceled() || hyper_error.is_closed())
        {
            return true;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>()
            && matches!(
                io.kind(),
                std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::ConnectionAborted
                    | std::io::ErrorKind::BrokenPipe
                    | std::io::ErrorKind::UnexpectedEof
            )
        {
            return true;
        }
        source = cause.source();
    }
    false
}
