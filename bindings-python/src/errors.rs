//! How a core [`imburse::Error`] crosses into Python: one internal exception, `NativeError`,
//! whose arguments are the error's one-line description and every field of it.
//!
//! The Python package (`imburse/_errors.py`) turns it into the public class for its kind, so the
//! kind → class mapping exists once, in the language it serves.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

pyo3::create_exception!(
    _native,
    NativeError,
    pyo3::exceptions::PyException,
    "Raised by the native module for every SDK error; the imburse package re-raises it as the public class."
);

/// Everything a Python error needs, collected while the call runs without the GIL and turned
/// into Python objects only when the exception is raised.
pub struct ErrorPayload {
    description: String,
    kind: &'static str,
    message: String,
    status: Option<u16>,
    code: Option<String>,
    entries: Vec<imburse::ErrorEntry>,
    correlation_id: Option<String>,
    client_correlation_id: Option<String>,
    attempts: u32,
    retry_after_ms: Option<u64>,
    raw_body: Option<String>,
}

impl From<&imburse::Error> for ErrorPayload {
    fn from(error: &imburse::Error) -> Self {
        ErrorPayload {
            description: error.to_string(),
            kind: error.kind().as_str(),
            message: error.message().to_string(),
            status: error.status(),
            code: error.code().map(str::to_string),
            entries: error.errors().to_vec(),
            correlation_id: error.correlation_id().map(str::to_string),
            client_correlation_id: error.client_correlation_id().map(str::to_string),
            attempts: error.attempts(),
            // Whole milliseconds, as the conformance records report them.
            retry_after_ms: error.retry_after().map(|d| d.as_millis() as u64),
            raw_body: error.raw_body().map(str::to_string),
        }
    }
}

impl<'py> IntoPyObject<'py> for ErrorPayload {
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let entries = PyList::empty(py);
        for entry in &self.entries {
            let item = PyDict::new(py);
            item.set_item("code", &entry.code)?;
            item.set_item("message", entry.rendered_message())?;
            item.set_item("message_template", &entry.message_template)?;
            item.set_item("metadata", &entry.metadata)?;
            entries.append(item)?;
        }
        let details = PyDict::new(py);
        details.set_item("kind", self.kind)?;
        details.set_item("message", self.message)?;
        details.set_item("status", self.status)?;
        details.set_item("code", self.code)?;
        details.set_item("errors", entries)?;
        details.set_item("correlation_id", self.correlation_id)?;
        details.set_item("client_correlation_id", self.client_correlation_id)?;
        details.set_item("attempts", self.attempts)?;
        details.set_item("retry_after_ms", self.retry_after_ms)?;
        details.set_item("raw_body", self.raw_body)?;
        PyTuple::new(py, [self.description.into_pyobject(py)?.into_any(), details.into_any()])
    }
}

/// The Python exception for a core error; built lazily, so it can be made without the GIL.
pub fn to_py(error: imburse::Error) -> PyErr {
    NativeError::new_err(ErrorPayload::from(&error))
}
