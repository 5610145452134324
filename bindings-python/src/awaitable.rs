//! Asyncio awaitables over core futures, settled without a runtime thread ever taking the GIL.
//!
//! A finished call is queued in its event loop's [`Inbox`], and the loop is woken through a
//! socket it watches (`loop.add_reader`): one byte per burst of results, so 64 calls finishing
//! together cost the loop one wake-up and the runtime threads no wait for the GIL. The loop then
//! settles every queued future on its own thread. A loop that cannot watch a socket (Windows'
//! proactor loop) gets pyo3-async-runtimes' awaitables instead, which hand each result over
//! from a runtime thread holding the GIL.

use std::future::Future;
use std::io::{ErrorKind, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex, PoisonError};

use pyo3::exceptions::PyRuntimeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use crate::convert::Deferred;
use crate::runtime;

/// A finished call waiting for its loop: the asyncio future and what it resolves to.
type Finished = (Py<PyAny>, PyResult<Deferred>);

/// Where a loop's finished calls wait, and the socket pair that wakes it.
struct Inbox {
    finished: Mutex<Vec<Finished>>,
    /// Written (one byte) by the runtime when the queue stops being empty.
    waker: UnixStream,
    /// Watched by the loop; drained before the queue is taken, so no wake-up is lost.
    watched: UnixStream,
}

impl Inbox {
    fn new() -> std::io::Result<Self> {
        let (waker, watched) = UnixStream::pair()?;
        waker.set_nonblocking(true)?;
        watched.set_nonblocking(true)?;
        Ok(Inbox { finished: Mutex::default(), waker, watched })
    }

    /// Called on a runtime thread: queues the result and wakes the loop if it is not already
    /// due to drain.
    fn deliver(&self, finished: Finished) {
        let first = {
            let mut queue = self.finished.lock().unwrap_or_else(PoisonError::into_inner);
            queue.push(finished);
            queue.len() == 1
        };
        if first {
            // A full socket (WouldBlock) already holds a pending wake-up.
            let _ = (&self.waker).write(&[1]);
        }
    }
}

/// One event loop's inbox as Python holds it: its `drain` is the loop's reader callback.
#[pyclass(frozen, module = "imburse._native")]
pub struct LoopInbox(Arc<Inbox>);

#[pymethods]
impl LoopInbox {
    /// Settles every finished call's future (the loop calls this when the socket is readable).
    fn drain(&self, py: Python<'_>) {
        let mut bytes = [0u8; 64];
        loop {
            match (&self.0.watched).read(&mut bytes) {
                Ok(n) if n == bytes.len() => continue,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                _ => break,
            }
        }
        let finished = std::mem::take(&mut *self.0.finished.lock().unwrap_or_else(PoisonError::into_inner));
        for (future, result) in finished {
            if let Err(error) = settle(py, future.bind(py), result) {
                // One future's failure must not strand the others; Python reports it.
                error.write_unraisable(py, Some(future.bind(py)));
            }
        }
    }
}

fn settle(py: Python<'_>, future: &Bound<'_, PyAny>, result: PyResult<Deferred>) -> PyResult<()> {
    // A cancelled future is done already, and would refuse a result.
    if future.call_method0(intern!(py, "done"))?.is_truthy()? {
        return Ok(());
    }
    match result.and_then(|deferred| deferred.into_pyobject(py)) {
        Ok(value) => future.call_method1(intern!(py, "set_result"), (value,))?,
        Err(error) => future.call_method1(intern!(py, "set_exception"), (error.into_value(py),))?,
    };
    Ok(())
}

/// Drops its call when the future is done: a no-op after a result, the cancellation otherwise.
#[pyclass(frozen, module = "imburse._native")]
pub struct AbortOnDone(tokio::task::AbortHandle);

#[pymethods]
impl AbortOnDone {
    fn __call__(&self, _future: &Bound<'_, PyAny>) {
        self.0.abort();
    }
}

/// Per event loop: its [`LoopInbox`], or `None` for a loop that cannot watch a socket. Weak
/// keys, so a closed loop's inbox (and sockets) go with the loop.
static INBOXES: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
/// The loop of the last call and its entry, so a call on the same loop skips the lookup; held
/// strongly, so the address cannot be reused by another loop.
static LAST: Mutex<Option<(Py<PyAny>, Option<Py<LoopInbox>>)>> = Mutex::new(None);

/// The running loop's inbox, registered with the loop on first use; `None` when the loop cannot
/// watch a socket.
fn inbox_of(py: Python<'_>, event_loop: &Bound<'_, PyAny>) -> PyResult<Option<Py<LoopInbox>>> {
    if let Some((last, inbox)) = &*LAST.lock().unwrap_or_else(PoisonError::into_inner)
        && last.is(event_loop)
    {
        return Ok(inbox.as_ref().map(|i| i.clone_ref(py)));
    }
    let inboxes = INBOXES
        .get_or_try_init(py, || py.import("weakref")?.getattr("WeakKeyDictionary")?.call0().map(Bound::unbind))?
        .bind(py);
    let known = match inboxes.call_method1(intern!(py, "get"), (event_loop, false)) {
        Ok(known) => known,
        // A loop without weak references: the fallback serves it.
        Err(error) if error.is_instance_of::<pyo3::exceptions::PyTypeError>(py) => return Ok(None),
        Err(error) => return Err(error),
    };
    let inbox: Option<Py<LoopInbox>> = if known.is_none() {
        None
    } else if let Ok(inbox) = known.cast::<LoopInbox>() {
        Some(inbox.clone().unbind())
    } else {
        let inbox = Bound::new(
            py,
            LoopInbox(Arc::new(
                Inbox::new()
                    .map_err(|e| PyRuntimeError::new_err(format!("cannot make the loop's wake-up socket: {e}")))?,
            )),
        )?;
        let fd = inbox.get().0.watched.as_raw_fd();
        match event_loop.call_method1(intern!(py, "add_reader"), (fd, inbox.getattr(intern!(py, "drain"))?)) {
            Ok(_) => {
                inboxes.set_item(event_loop, &inbox)?;
                Some(inbox.unbind())
            }
            Err(error) if error.is_instance_of::<pyo3::exceptions::PyNotImplementedError>(py) => {
                inboxes.set_item(event_loop, py.None())?;
                None
            }
            Err(error) => return Err(error),
        }
    };
    let entry = inbox.as_ref().map(|i| i.clone_ref(py));
    *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some((event_loop.clone().unbind(), entry));
    Ok(inbox)
}

/// Turns `future` into an asyncio future of the running loop; cancelling it drops the future
/// (and with it the call).
pub fn awaitable<'py, F>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = PyResult<Deferred>> + Send + 'static,
{
    static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let event_loop = GET_RUNNING_LOOP
        .get_or_try_init(py, || py.import("asyncio")?.getattr("get_running_loop").map(Bound::unbind))?
        .bind(py)
        .call0()?;
    let Some(inbox) = inbox_of(py, &event_loop)? else {
        return runtime::awaitable(py, future);
    };
    let inbox = Arc::clone(&inbox.get().0);
    let awaited = event_loop.call_method0(intern!(py, "create_future"))?;
    let settles = awaited.clone().unbind();
    let task = runtime::get()?.spawn(async move {
        let result = future.await;
        inbox.deliver((settles, result));
    });
    awaited.call_method1(intern!(py, "add_done_callback"), (AbortOnDone(task.abort_handle()),))?;
    Ok(awaited)
}
