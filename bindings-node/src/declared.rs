//! Options objects read with their names checked. napi-rs reads a `#[napi(object)]` field by
//! field and ignores any other property, so a misspelt option (`baseURL`, `timeout`) would be
//! dropped without a word; JavaScript has no keyword arguments to refuse it. [`Declared`] reads
//! the object's own names first and refuses an unknown one as a `TypeError`, worded by the core
//! (`imburse::config::unknown_option`) from the names the core's lists declare.

use napi::bindgen_prelude::{FromNapiValue, Result};
use napi::{Error, Status, sys};

/// The JavaScript names of an options object's fields, from the core's list
/// (`imburse::for_each_setting!`, `imburse::for_each_call_option!`).
pub trait OptionNames {
    /// Every field's JavaScript name.
    const NAMES: &'static [&'static str];
}

/// An options object whose every property names one of its fields.
pub struct Declared<T>(T);

impl<T> Declared<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: FromNapiValue + OptionNames> FromNapiValue for Declared<T> {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> Result<Self> {
        let mut kind = sys::ValueType::napi_undefined;
        let mut names = std::ptr::null_mut();
        // Anything but an object: napi's own conversion below says what was expected.
        // SAFETY: `env` and `value` are the live handles napi passed in; `kind` and `names` are
        // written by the calls on success.
        if unsafe { sys::napi_typeof(env, value, &mut kind) } == sys::Status::napi_ok
            && kind == sys::ValueType::napi_object
            && unsafe { sys::napi_get_property_names(env, value, &mut names) } == sys::Status::napi_ok
        {
            // SAFETY: `names` is the array of strings napi_get_property_names made.
            let given = unsafe { Vec::<String>::from_napi_value(env, names) }?;
            if let Some(message) = imburse::config::unknown_option(given.iter().map(String::as_str), T::NAMES) {
                return Err(Error::new(Status::InvalidArg, message));
            }
        }
        // SAFETY: as above.
        unsafe { T::from_napi_value(env, value) }.map(Declared)
    }
}
