//! The Node.js binding of the Imburse SDK core, built with napi-rs.
//!
//! Everything the SDK does (settings, the HMAC exchange and the cached token, headers,
//! correlation ids, retries, validation, the error model) happens in the `imburse` core; this
//! crate only converts between JavaScript values and the core's types. Its exports are internal:
//! the package's JavaScript layer (`index.js`) wraps them into the public `Client`, maps the
//! core's error kinds to error classes once, and turns an `AbortSignal` into a cancel call.
//!
//! - [`client`]: the native client class, one promise-returning method per core operation.
//! - [`models`]: the JavaScript shapes of requests and results, and their conversions.
//! - [`errors`]: how a core error crosses into JavaScript: the core's report, as an object.
//! - [`emulator`]: the in-process emulator of `imburse/testing`.

mod client;
mod declared;
mod emulator;
mod errors;
mod models;
