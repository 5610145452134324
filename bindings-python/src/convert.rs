//! Results handed to Python once the GIL is held, and nothing else.
//!
//! Requests arrive as plain dicts (made by the package from its generated dataclasses) and are
//! read into the core's request types by the core (`FromPyObject`, behind its `python` feature);
//! responses are the core's models themselves (Python classes derived in the core, with
//! `Decimal` amounts and `datetime` timestamps).

use imburse::{Response, ResponseMeta};
use pyo3::prelude::*;
use pyo3::types::PyDict;

// ----------------------------------------------------------------- responses

/// A value computed without the GIL and turned into a Python object once the GIL is held,
/// by whichever path (blocking or asyncio) delivers it.
pub struct Deferred(ToPython);

type ToPython = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyAny>> + Send>;

impl Deferred {
    pub fn new(convert: impl for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyAny>> + Send + 'static) -> Self {
        Deferred(Box::new(convert))
    }

    /// A call's data with how it went, as `{"data": …, "meta": …}`: the core's model objects.
    pub fn response<T>(response: Response<T>) -> Self
    where
        T: for<'py> IntoPyObject<'py> + Send + 'static,
    {
        Deferred::new(move |py| {
            let out = PyDict::new(py);
            out.set_item("data", response.data)?;
            out.set_item("meta", response.meta)?;
            Ok(out.into_any())
        })
    }

    pub fn meta(meta: ResponseMeta) -> Self {
        Deferred::new(move |py| Ok(meta.into_pyobject(py)?.into_any()))
    }

    pub fn none() -> Self {
        Deferred::new(|py| Ok(py.None().into_bound(py)))
    }
}

impl<'py> IntoPyObject<'py> for Deferred {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (self.0)(py)
    }
}
