//! `NativeEmulator`: the in-process emulator behind `imburse.testing.Emulator`, served by the
//! extension's own runtime. Its control methods are generated from the emulator's declaration
//! (`imburse_emulator::for_each_control!`); a refused operation raises `ValueError`, one on a
//! stopped emulator `RuntimeError`.

use imburse_emulator::testing::{ControlError, EmulatorInfo, ReceivedRequest, TestEmulator};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::runtime;

fn to_py(error: ControlError) -> PyErr {
    match error {
        ControlError::Refused(message) => PyValueError::new_err(message),
        stopped @ ControlError::Stopped => PyRuntimeError::new_err(stopped.to_string()),
    }
}

#[pyclass(frozen, subclass, module = "imburse._native")]
pub struct NativeEmulator {
    emulator: TestEmulator,
}

#[pymethods]
impl NativeEmulator {
    /// Starts the demo configuration, or the configuration file's JSON `config_json`, on a
    /// free loopback port.
    #[new]
    #[pyo3(signature = (config_json=None))]
    fn new(py: Python<'_>, config_json: Option<String>) -> PyResult<Self> {
        let emulator =
            runtime::block_on(py, async move { TestEmulator::start_with_json(config_json).await.map_err(to_py) })?;
        Ok(NativeEmulator { emulator })
    }

    /// The URL and demo credentials.
    #[getter]
    fn info(&self) -> EmulatorInfo {
        self.emulator.info()
    }

    /// Whether it still serves.
    #[getter]
    fn running(&self) -> bool {
        self.emulator.running()
    }

    /// Stops serving and waits for open connections to close; stopping twice is harmless.
    fn stop(slf: Py<Self>, py: Python<'_>) -> PyResult<()> {
        runtime::block_on(py, async move {
            slf.get().emulator.stop().await;
            Ok(())
        })
    }
}

macro_rules! control_methods {
    ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty),*) -> $out:ty;)*) => {
        #[pymethods]
        impl NativeEmulator {
            $(
                $(#[$doc])*
                fn $name(&self, $($arg: $ty),*) -> PyResult<$out> {
                    self.emulator.$name($($arg),*).map_err(to_py)
                }
            )*
        }
    };
}

imburse_emulator::for_each_control!(control_methods);

/// Runs the `imburse-emulator` command with `args` (the program's name first) and returns its
/// exit status; serves until SIGINT or SIGTERM. The package's `imburse-emulator` script.
#[pyfunction]
pub fn run_emulator_command(py: Python<'_>, args: Vec<String>) -> i32 {
    py.detach(|| imburse_emulator::command::run(args))
}
