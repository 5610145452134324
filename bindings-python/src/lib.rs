//! `imburse._native`: the Python extension module over the Imburse SDK core.
//!
//! It only converts types and errors; retries, validation, authentication and every default
//! live in the core. The public, typed API is the pure-Python `imburse` package around it.

use pyo3::prelude::*;

mod client;
mod convert;
mod errors;
mod operations;
mod runtime;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", imburse::VERSION)?;
    m.add("NativeError", m.py().get_type::<errors::NativeError>())?;
    m.add_class::<client::NativeClient>()?;
    m.add_function(wrap_pyfunction!(runtime::shutdown, m)?)?;
    Ok(())
}
