//! The tokio runtime the core runs on, one per process, and the two ways Python waits for it:
//! blocking (GIL released, Ctrl-C still honoured) and asyncio (a real awaitable).
//!
//! A forked child inherits the parent's runtime object but none of its threads, so anything
//! scheduled on it would wait forever. The runtime is therefore keyed by process id: the first
//! use in a new process builds a fresh one, and the dead copy is leaked rather than dropped
//! (dropping it would try to join threads that do not exist in the child).
//!
//! Awaitables made here (the fallback of [`crate::awaitable`], for loops that cannot watch a
//! socket) deliver their results from runtime threads that briefly take the GIL. A thread doing
//! so while the interpreter finalizes aborts the process, so at exit ([`shutdown`], run by
//! `atexit`) no new delivery starts, the ones under way are waited for, and an awaitable created
//! later is refused with an error instead of never completing.

use std::cell::OnceCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{ContextExt, Runtime as GenericRuntime};
use tokio::runtime::Runtime;

/// How often a blocking call takes the GIL back to let Python run its signal handlers.
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(50);

/// Longest wait at exit for results being handed to Python.
const EXIT_GRACE: Duration = Duration::from_secs(2);

static RUNTIME: Mutex<Option<(u32, &'static Runtime)>> = Mutex::new(None);

/// Set at interpreter exit: runtime threads no longer take the GIL.
static EXITING: AtomicBool = AtomicBool::new(false);
/// Runtime threads currently inside Python (delivering an awaitable's result).
static IN_PYTHON: AtomicUsize = AtomicUsize::new(0);

/// This process's runtime, built on first use (and again in a forked child).
pub fn get() -> PyResult<&'static Runtime> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, runtime)) = *slot
        && owner == pid
    {
        return Ok(runtime);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .thread_name("imburse-runtime")
        .enable_all()
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start the imburse runtime: {e}")))?;
    let runtime: &'static Runtime = Box::leak(Box::new(runtime));
    *slot = Some((pid, runtime));
    Ok(runtime)
}

/// Runs `future` to completion for a blocking call, on the calling thread (a spawned task would
/// cost two more thread hops per call). The GIL is released while it runs; every
/// [`SIGNAL_CHECK_INTERVAL`] the GIL is taken back briefly so that Ctrl-C (or any signal handler
/// that raises) interrupts the call, which is then dropped.
pub fn block_on<T, F>(py: Python<'_>, future: F) -> PyResult<T>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: Send + 'static,
{
    let runtime = get()?;
    let mut future = std::pin::pin!(future);
    loop {
        // The timer is created inside `block_on`, where the runtime's clock is reachable.
        let finished =
            py.detach(|| runtime.block_on(async { tokio::time::timeout(SIGNAL_CHECK_INTERVAL, &mut future).await }));
        match finished {
            Ok(result) => return result,
            Err(_still_running) => py.check_signals()?,
        }
    }
}

/// Turns `future` into a Python awaitable driven by this process's runtime, its result handed
/// over by a runtime thread; cancelling the awaitable drops the future (and with it the call).
pub fn awaitable<'py, T, F>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    if EXITING.load(Ordering::SeqCst) {
        // Its result could never be delivered (see `shutdown`): refuse rather than hang.
        return Err(PyRuntimeError::new_err(
            "the interpreter is exiting: imburse awaitables can no longer complete (use imburse.Client here)",
        ));
    }
    get()?;
    pyo3_async_runtimes::generic::future_into_py::<ProcessRuntime, F, T>(py, future)
}

/// pyo3-async-runtimes' view of [`get`]: where awaitables spawn their futures.
pub struct ProcessRuntime;

tokio::task_local! {
    static TASK_LOCALS: OnceCell<TaskLocals>;
}

impl GenericRuntime for ProcessRuntime {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = tokio::task::JoinHandle<()>;

    fn spawn<F>(future: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        // `awaitable` has built the runtime already, so this cannot fail in practice.
        get().expect("the imburse runtime is running").spawn(future)
    }

    /// pyo3-async-runtimes hands results to Python through this; each such function takes the
    /// GIL, so it is counted, and skipped once the interpreter is exiting.
    fn spawn_blocking<F>(function: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        get().expect("the imburse runtime is running").spawn_blocking(move || {
            let _counted = InPython::enter();
            // Checked after counting, so `shutdown` either sees this thread or stops it here.
            if !EXITING.load(Ordering::SeqCst) {
                function();
            }
        })
    }
}

impl ContextExt for ProcessRuntime {
    fn scope<F, R>(locals: TaskLocals, future: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = OnceCell::new();
        let _ = cell.set(locals);
        Box::pin(TASK_LOCALS.scope(cell, future))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS.try_with(|cell| cell.get().cloned()).unwrap_or_default()
    }
}

/// Counts a runtime thread inside Python for as long as it lives (panics included).
struct InPython;

impl InPython {
    fn enter() -> Self {
        IN_PYTHON.fetch_add(1, Ordering::SeqCst);
        InPython
    }
}

impl Drop for InPython {
    fn drop(&mut self) {
        IN_PYTHON.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Called at interpreter exit: stops runtime threads from entering Python and waits (GIL
/// released, at most [`EXIT_GRACE`]) for those already inside to leave.
#[pyfunction]
pub fn shutdown(py: Python<'_>) {
    EXITING.store(true, Ordering::SeqCst);
    let ours =
        RUNTIME.lock().unwrap_or_else(PoisonError::into_inner).is_some_and(|(owner, _)| owner == std::process::id());
    if !ours {
        // No runtime thread of this process ever ran (or the count is a forked parent's).
        return;
    }
    py.detach(|| {
        let started = Instant::now();
        while IN_PYTHON.load(Ordering::SeqCst) > 0 && started.elapsed() < EXIT_GRACE {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}
