//! Serving: the accept loop, one hyper HTTP/1.1 connection per socket, and a handle to start
//! and stop the emulator in-process.
//!
//! The loop is ours rather than `axum::serve` because two behaviours need the connection
//! itself: Imburse-style correlation ids are per connection, and the "drop the connection"
//! faults must be able to close a socket without writing a response. The loop also holds the
//! limits that keep one client from taking a shared server down ([`ConnectionLimits`]): a
//! bounded number of connections, bounded headers, and a deadline for sending them.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt as _;

use crate::config::{ConfigError, ConnectionLimits, EmulatorConfig};
use crate::correlation::{ConnectionContext, RequestIds};
use crate::error::{ErrorEntry, classic_body, json_response};
use crate::tls::TestPki;
use crate::{SharedState, StartupInfo, State};

/// A running emulator. Dropping the handle stops it too; [`EmulatorHandle::shutdown`] also
/// waits for the accept loop to end.
pub struct EmulatorHandle {
    state: SharedState,
    addr: SocketAddr,
    /// The authority and client identity, when serving HTTPS.
    tls: Option<(String, Option<String>)>,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl EmulatorHandle {
    /// Validates `config`, binds `host:port` (port 0 picks a free port) and starts serving.
    pub async fn start(config: EmulatorConfig, host: &str, port: u16) -> Result<Self, ConfigError> {
        Self::serve_on(config, host, port, None).await
    }

    /// As [`EmulatorHandle::start`], over HTTPS with a throwaway authority
    /// ([`crate::tls::TestPki`]); `client_auth` also requires a client certificate.
    pub async fn start_tls(
        config: EmulatorConfig,
        host: &str,
        port: u16,
        client_auth: bool,
    ) -> Result<Self, ConfigError> {
        Self::serve_on(config, host, port, Some(TestPki::generate(client_auth)?)).await
    }

    async fn serve_on(
        config: EmulatorConfig,
        host: &str,
        port: u16,
        pki: Option<TestPki>,
    ) -> Result<Self, ConfigError> {
        config.validate()?;
        let listener = TcpListener::bind((host, port))
            .await
            .map_err(|e| ConfigError(format!("cannot listen on {host}:{port}: {e}")))?;
        let addr = listener.local_addr().map_err(|e| ConfigError(e.to_string()))?;
        // The server certificate names `localhost` and `127.0.0.1`.
        let url = match &pki {
            Some(_) if addr.ip().is_loopback() => format!("https://localhost:{}", addr.port()),
            Some(_) => format!("https://{addr}"),
            None => format!("http://{addr}"),
        };
        let state = Arc::new(State::new(config, url)?);
        let (stop, stopped) = watch::channel(false);
        let app = crate::routes::app(state.clone());
        let tls = pki.as_ref().map(|p| (p.ca_pem.clone(), p.client_identity_pem.clone()));
        let acceptor = pki.map(|p| p.acceptor);
        let task = tokio::spawn(serve(listener, acceptor, app, state.clone(), stopped));
        Ok(Self { state, addr, tls, stop, task })
    }

    /// Starts the built-in demo configuration on a free loopback port.
    pub async fn start_demo() -> Result<Self, ConfigError> {
        Self::start(EmulatorConfig::demo(), "127.0.0.1", 0).await
    }

    pub fn url(&self) -> &str {
        &self.state.url
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The shared state, for in-process control (the same operations as the control API).
    pub fn state(&self) -> &SharedState {
        &self.state
    }

    pub fn startup_info(&self) -> StartupInfo {
        let mut info = self.state.startup_info();
        if let Some((ca_pem, client_identity_pem)) = &self.tls {
            info.ca_pem = Some(ca_pem.clone());
            info.client_identity_pem = client_identity_pem.clone();
        }
        info
    }

    /// Stops accepting, closes open connections and waits for the loop to end.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

async fn serve(
    listener: TcpListener,
    acceptor: Option<TlsAcceptor>,
    app: Router,
    state: SharedState,
    mut stopped: watch::Receiver<bool>,
) {
    let limits = state.config.connections.clone();
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopped.changed() => return,
        };
        let (stream, _peer) = match accepted {
            Ok(pair) => pair,
            Err(_) => {
                // Out of file descriptors or a reset during accept: back off briefly, go on.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let connection = Arc::new(ConnectionContext::new(state.connection_ids.next()));
        // Over the limit, the connection is still answered (503, then closed) so the client
        // learns why instead of seeing a reset.
        let (permit, app) = match permits.clone().try_acquire_owned() {
            Ok(permit) => (Some(permit), Some(app.clone())),
            Err(_) => (None, None),
        };
        let stopped = stopped.clone();
        let limits = limits.clone();
        match acceptor.clone() {
            None => {
                tokio::spawn(async move {
                    serve_connection(stream, connection, app, &limits, stopped).await;
                    drop(permit);
                });
            }
            Some(acceptor) => {
                tokio::spawn(async move {
                    // The handshake runs in the connection's task, never in the accept loop; a
                    // client that does not finish it in time is dropped.
                    let handshake =
                        tokio::time::timeout(TLS_HANDSHAKE_TIMEOUT, acceptor.accept(stream).into_fallible()).await;
                    match handshake {
                        Ok(Ok(tls)) => serve_connection(tls, connection, app, &limits, stopped).await,
                        Ok(Err((_refused, tcp))) => close_after_alert(tcp).await,
                        Err(_too_slow) => {}
                    }
                    drop(permit);
                });
            }
        }
    }
}

/// Time a client has to complete the TLS handshake.
const TLS_HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Longest wait, after a refused handshake, for the client to close its side.
const ALERT_LINGER: Duration = Duration::from_secs(2);

/// Closes a socket whose handshake was refused (the TLS alert already written) without a reset:
/// in TLS 1.3 a client whose certificate is refused has already sent its request, and closing
/// with that unread would reset the connection, discarding the alert that says why (the client
/// would report a dropped connection instead of the missing certificate). So the server stops
/// writing, reads until the client closes, then closes.
async fn close_after_alert(mut tcp: tokio::net::TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let _ = tcp.shutdown().await;
    let _ = tokio::time::timeout(ALERT_LINGER, async {
        let mut unread = [0u8; 4096];
        while matches!(tcp.read(&mut unread).await, Ok(n) if n > 0) {}
    })
    .await;
}

/// One HTTP/1.1 connection, plain or TLS, until it ends, a fault kills it, or the server stops.
/// Without an app (the connection limit was reached) every request is answered 503 and the
/// connection closed.
async fn serve_connection<IO>(
    io: IO,
    connection: Arc<ConnectionContext>,
    app: Option<Router>,
    limits: &ConnectionLimits,
    mut stopped: watch::Receiver<bool>,
) where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let context = connection.clone();
    let keep_alive = app.is_some();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(context.clone());
        let app = app.clone();
        let context = context.clone();
        async move {
            match app {
                Some(app) => app.oneshot(request).await,
                None => Ok(too_many_connections(&context, &request)),
            }
        }
    });
    let http = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .keep_alive(keep_alive)
        .max_buf_size(limits.max_header_bytes.max(8192))
        .max_header_size(limits.max_header_bytes)
        .max_headers(limits.max_headers)
        .header_read_timeout(Duration::from_millis(limits.header_read_timeout_ms))
        .serve_connection(TokioIo::new(io), service);
    // Dropping the connection future closes the socket without a response.
    tokio::select! {
        _ = http => {}
        _ = connection.kill.notified() => {}
        _ = stopped.changed() => {}
    }
}

fn too_many_connections<B>(connection: &ConnectionContext, request: &hyper::Request<B>) -> axum::response::Response {
    let client = request.headers().get("x-correlation-id").and_then(|v| v.to_str().ok()).map(str::to_string);
    let ids = RequestIds { server: connection.next_request_id(), client };
    let entry = ErrorEntry::new("TOO_MANY_CONNECTIONS", "The server is serving all the connections it allows.");
    let mut response = json_response(axum::http::StatusCode::SERVICE_UNAVAILABLE, &classic_body(&[entry], &ids));
    response.headers_mut().insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
    response
}
