//! `NativeClient`: the core client behind `imburse.Client` and `imburse.AsyncClient`.
//!
//! Every operation exists twice, `name` (blocking, GIL released) and `name_async` (an asyncio
//! awaitable); both run the same core future. The client is safe to share between threads: the
//! core client is, and the little state kept here sits behind a mutex held only to clone or swap
//! it. After `os.fork()` the child cannot use the parent's connections, token lock or runtime, so
//! the first call in a new process builds a fresh core client from the same configuration.

use std::collections::VecDeque;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use imburse::config::{HostCallOptions, HostLanguage, HostSettings};
use imburse::{AttemptEvent, AttemptObserver, CallOptions, ClientConfig, ClientConfigBuilder};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::Deferred;
use crate::errors;
use crate::runtime;

/// Attempt events waiting to be logged. The core's observer runs on runtime threads, which must
/// not wait for the GIL; the package drains the queue from the calling thread when a call ends.
type EventQueue = Arc<Mutex<VecDeque<AttemptEvent>>>;

/// A core client and the process it was built in.
struct Live {
    pid: u32,
    client: imburse::Client,
    events: EventQueue,
}

#[pyclass(frozen, module = "imburse._native")]
pub struct NativeClient {
    config: ClientConfig,
    live: Mutex<Option<Live>>,
}

fn build_live(config: &ClientConfig) -> PyResult<Live> {
    let events: EventQueue = Arc::default();
    let queue = Arc::clone(&events);
    let observer: AttemptObserver = Arc::new(move |event: &AttemptEvent| {
        queue.lock().unwrap_or_else(PoisonError::into_inner).push_back(event.clone());
    });
    // The HTTP stack is built inside the runtime it will run on.
    let _entered = runtime::get()?.enter();
    let client = imburse::Client::with_attempt_observer(config.clone(), observer).map_err(errors::to_py)?;
    Ok(Live { pid: std::process::id(), client, events })
}

/// The core's call options for a method's keyword arguments (durations in seconds).
pub(crate) fn options(
    correlation_id: Option<String>,
    tenant_id: Option<String>,
    timeout: Option<f64>,
    attempt_timeout: Option<f64>,
    max_attempts: Option<i64>,
) -> CallOptions {
    let host = HostCallOptions { correlation_id, tenant_id, timeout, attempt_timeout, max_attempts };
    host.into_core(HostLanguage::Python)
}

impl NativeClient {
    /// The core client for this process (rebuilt after a fork), or an error once closed.
    pub(crate) fn core(&self) -> PyResult<imburse::Client> {
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(current) = live.as_mut() else {
            return Err(errors::to_py(imburse::Error::closed()));
        };
        if current.pid != std::process::id() {
            // The parent's client holds connections and tasks of a runtime whose threads do not
            // exist here; dropping it could wait on them, so it is leaked instead.
            let stale = std::mem::replace(current, build_live(&self.config)?);
            std::mem::forget(stale);
        }
        Ok(current.client.clone())
    }
}

impl Drop for NativeClient {
    fn drop(&mut self) {
        // A client inherited through fork() is leaked for the same reason as in `core`.
        let live = self.live.get_mut().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(live) = live
            && live.pid != std::process::id()
        {
            std::mem::forget(live);
        }
    }
}

/// Runs an operation's future for a blocking call and converts its result.
pub(crate) fn blocking<F>(py: Python<'_>, future: F) -> PyResult<Py<PyAny>>
where
    F: Future<Output = PyResult<Deferred>> + Send + 'static,
{
    Ok(runtime::block_on(py, future)?.into_pyobject(py)?.unbind())
}

/// What an operation hands to `blocking` or `runtime::awaitable`.
pub(crate) type Call = PyResult<std::pin::Pin<Box<dyn Future<Output = PyResult<Deferred>> + Send + 'static>>>;

/// Boxes the future of one core call, its error turned into `NativeError`.
pub(crate) fn call<F>(future: F) -> Call
where
    F: Future<Output = Result<Deferred, imburse::Error>> + Send + 'static,
{
    Ok(Box::pin(async move { future.await.map_err(errors::to_py) }))
}

/// The constructor's keyword arguments: the core's settings (`imburse::for_each_setting!`),
/// each `None` unless given, in the core's host types (durations float seconds).
macro_rules! constructor {
    ($($(#[$doc:meta])* $name:ident : $kind:ident => $js:literal,)*) => {
        #[pymethods]
        impl NativeClient {
            /// Builds the configuration (the core checks every setting) and the core client.
            /// Settings left as None keep the core's defaults, or with `from_env` what the
            /// `IMBURSE_*` variables say.
            #[new]
            #[pyo3(signature = (*, from_env, $($name),*))]
            #[allow(clippy::too_many_arguments)]
            fn new(from_env: bool, $($name: Option<imburse::host_setting_type!($kind)>),*) -> PyResult<Self> {
                let builder = if from_env { ClientConfigBuilder::from_env() } else { ClientConfig::builder() };
                let settings = HostSettings { $($name,)* };
                // `sys.version` starts with the version number, e.g. "3.11.7 (main, …)".
                let python_version = Python::version_str().split_whitespace().next().unwrap_or("unknown").to_string();
                let config = settings
                    .apply(builder.host("python", python_version), HostLanguage::Python)
                    .and_then(ClientConfigBuilder::build)
                    .map_err(errors::to_py)?;
                let live = build_live(&config)?;
                Ok(NativeClient { config, live: Mutex::new(Some(live)) })
            }
        }
    };
}

imburse::for_each_setting!(constructor);

#[pymethods]
impl NativeClient {
    /// The settings worth showing (no secret among them).
    #[pyo3(signature = () -> "dict[str, str | None]")]
    fn settings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = &self.config;
        let out = PyDict::new(py);
        out.set_item("environment", c.environment().name())?;
        out.set_item("base_url", c.base_url().as_str())?;
        out.set_item("public_key", c.public_key())?;
        out.set_item("account_id", c.account_id().to_string())?;
        out.set_item("tenant_id", c.tenant_id().map(|t| t.to_string()))?;
        out.set_item("user_agent", c.user_agent())?;
        Ok(out)
    }

    /// Closes the client as the core defines it: later calls fail with the `closed` kind;
    /// calls already made hold their own clone of the core client, so they finish, and the
    /// connection pool goes with the last of them.
    fn close(&self) {
        // Not the core's `close()`: an awaitable made before this may not have started its
        // task yet, and must still finish on its own clone of the core client.
        let closed = self.live.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(live) = closed
            && live.pid != std::process::id()
        {
            std::mem::forget(live);
        }
    }

    #[getter]
    fn closed(&self) -> bool {
        self.live.lock().unwrap_or_else(PoisonError::into_inner).is_none()
    }

    /// The attempt events recorded since the last call, oldest first, as the core's
    /// [`AttemptEvent`] dicts.
    #[pyo3(signature = () -> "list[dict[str, Any]]")]
    fn take_events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let pending: Vec<AttemptEvent> = {
            let live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
            match live.as_ref() {
                Some(current) if current.pid == std::process::id() => {
                    current.events.lock().unwrap_or_else(PoisonError::into_inner).drain(..).collect()
                }
                _ => Vec::new(),
            }
        };
        let out = PyList::empty(py);
        for event in pending {
            out.append(event)?;
        }
        Ok(out)
    }
}
