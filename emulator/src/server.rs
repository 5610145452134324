//! Serving: the accept loop, one hyper HTTP/1.1 connection per socket, and a handle to start
//! and stop the emulator in-process.
//!
//! The loop is ours rather than `axum::serve` because two behaviours need the connection
//! itself: Imburse-style correlation ids are per connection, and the "drop the connection"
//! faults must be able to close a socket without writing a response.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt as _;

use crate::config::{ConfigError, EmulatorConfig};
use crate::correlation::ConnectionContext;
use crate::{SharedState, StartupInfo, State};

/// A running emulator. Dropping the handle stops it too; [`EmulatorHandle::shutdown`] also
/// waits for the accept loop to end.
pub struct EmulatorHandle {
    state: SharedState,
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl EmulatorHandle {
    /// Validates `config`, binds `host:port` (port 0 picks a free port) and starts serving.
    pub async fn start(config: EmulatorConfig, host: &str, port: u16) -> Result<Self, ConfigError> {
        config.validate()?;
        let listener = TcpListener::bind((host, port))
            .await
            .map_err(|e| ConfigError(format!("cannot listen on {host}:{port}: {e}")))?;
        let addr = listener.local_addr().map_err(|e| ConfigError(e.to_string()))?;
        let state = Arc::new(State::new(config, format!("http://{addr}"))?);
        let (stop, stopped) = watch::channel(false);
        let app = crate::routes::app(state.clone());
        let task = tokio::spawn(serve(listener, app, state.clone(), stopped));
        Ok(Self { state, addr, stop, task })
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
        self.state.startup_info()
    }

    /// Stops accepting, closes open connections and waits for the loop to end.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

async fn serve(listener: TcpListener, app: Router, state: SharedState, mut stopped: watch::Receiver<bool>) {
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
        let app = app.clone();
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let context = connection.clone();
            let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
                request.extensions_mut().insert(context.clone());
                app.clone().oneshot(request)
            });
            let http = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service);
            // Dropping the connection future closes the socket without a response.
            tokio::select! {
                _ = http => {}
                _ = connection.kill.notified() => {}
                _ = stopped.changed() => {}
            }
        });
    }
}
