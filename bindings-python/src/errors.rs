//! How a core [`imburse::Error`] crosses into Python: one internal exception, `NativeError`,
//! whose one argument is the core's error report, the same report every language receives.
//!
//! The Python package (`imburse/_errors.py`) turns it into the public class for its kind, so the
//! kind → class mapping exists once, in the language it serves.

use pyo3::prelude::*;

pyo3::create_exception!(
    _native,
    NativeError,
    pyo3::exceptions::PyException,
    "Raised by the native module for every SDK error; the imburse package re-raises it as the public class."
);

/// The Python exception for a core error: `NativeError(report)`, where `report` is the core's
/// [`imburse::ErrorReport`] as a dict (durations in seconds). Built lazily, so it can be made
/// without the GIL.
pub fn to_py(error: imburse::Error) -> PyErr {
    NativeError::new_err(error.report())
}
