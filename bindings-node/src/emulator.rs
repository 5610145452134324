//! `NativeEmulator`: the in-process emulator behind `imburse/testing`, served by napi-rs's
//! tokio runtime. Its control methods are generated from the emulator's declaration
//! (`imburse_emulator::for_each_control!`); a refused operation, or one on a stopped emulator,
//! throws an `Error` saying why.

use std::sync::Arc;

use imburse_emulator::testing::{ControlError, EmulatorInfo, ReceivedRequest, TestEmulator};
use napi::bindgen_prelude::{Result, block_on};
use napi::{Error, Status};
use napi_derive::napi;

fn to_js(error: ControlError) -> Error {
    Error::new(Status::InvalidArg, error.to_string())
}

/// The emulator as the JavaScript layer sees it; use `Emulator` from `imburse/testing`.
#[napi]
pub struct NativeEmulator {
    emulator: Arc<TestEmulator>,
}

#[napi]
impl NativeEmulator {
    /// Starts the demo configuration, or the configuration file's JSON `configJson`, on a free
    /// loopback port (binding it takes no time); the package's `Emulator.start()` wraps it.
    #[napi(factory)]
    pub fn start_native(config_json: Option<String>) -> Result<NativeEmulator> {
        let emulator = block_on(TestEmulator::start_with_json(config_json)).map_err(to_js)?;
        Ok(NativeEmulator { emulator: Arc::new(emulator) })
    }

    /// The URL and demo credentials.
    #[napi(getter)]
    pub fn info(&self) -> EmulatorInfo {
        self.emulator.info()
    }

    /// Whether it still serves.
    #[napi(getter)]
    pub fn running(&self) -> bool {
        self.emulator.running()
    }

    /// Stops serving and waits for open connections to close; stopping twice is harmless.
    #[napi]
    pub async fn stop(&self) -> Result<()> {
        let emulator = Arc::clone(&self.emulator);
        emulator.stop().await;
        Ok(())
    }
}

macro_rules! control_methods {
    ($($(#[$doc:meta])* $name:ident ($($arg:ident : $ty:ty),*) -> $out:ty;)*) => {
        #[napi]
        impl NativeEmulator {
            $(
                $(#[$doc])*
                #[napi]
                pub fn $name(&self, $($arg: $ty),*) -> Result<$out> {
                    self.emulator.$name($($arg),*).map_err(to_js)
                }
            )*
        }
    };
}

imburse_emulator::for_each_control!(control_methods);
