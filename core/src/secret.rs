//! Wrappers for secret material (the private key) so that it cannot reach a
//! log line, an error message or a `{:?}` by accident: the only way to the
//! bytes is an explicit `expose` call. [`Secret`] is the public one: a secret the
//! API hands back (a created key's private key), in every language an object whose
//! text form is always `[redacted]`.

use std::fmt;
use std::sync::Arc;

use zeroize::Zeroizing;

/// What every secret prints as in `Debug`.
pub(crate) const REDACTED: &str = "[redacted]";

/// Secret bytes (the decoded private key), wiped from memory on drop.
#[derive(Clone)]
pub(crate) struct SecretBytes(Zeroizing<Vec<u8>>);

impl SecretBytes {
    pub(crate) fn new(bytes: Vec<u8>) -> Self {
        Self(Zeroizing::new(bytes))
    }

    pub(crate) fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// A secret string (the private key as the user typed it, before decoding),
/// wiped from memory on drop.
#[derive(Clone)]
pub(crate) struct SecretString(Zeroizing<String>);

impl SecretString {
    pub(crate) fn new(text: String) -> Self {
        Self(Zeroizing::new(text))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// A secret value the API returned, e.g. a new API key's private key (shown only once, at
/// creation). `Debug`, `Display` and each language's text form (`repr`, `toString`,
/// `toJSON`, `description`) always print `[redacted]`; [`Secret::expose_secret`] (Python and
/// JavaScript `reveal()`, Kotlin and Swift `reveal()`) gives the text, e.g. to store it in a
/// vault.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, from_py_object, module = "imburse"))]
pub struct Secret {
    value: Arc<Zeroizing<String>>,
}

impl Secret {
    /// Holds `text` as a secret.
    pub fn new(text: impl Into<String>) -> Self {
        Secret { value: Arc::new(Zeroizing::new(text.into())) }
    }

    /// The secret text. Every use is a place the secret may leak: store it, never log it.
    pub fn expose_secret(&self) -> &str {
        &self.value
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

#[cfg(feature = "python")]
#[pyo3::pymethods]
impl Secret {
    /// Holds ``value`` as a secret (e.g. a key read from your vault, for a test double).
    #[new]
    fn __new__(value: String) -> Self {
        Secret::new(value)
    }

    /// The secret text: store it, never log it.
    fn reveal(&self) -> String {
        self.expose_secret().to_string()
    }

    fn __repr__(&self) -> String {
        format!("Secret('{REDACTED}')")
    }

    fn __str__(&self) -> String {
        REDACTED.to_string()
    }
}

/// JavaScript sees a [`Secret`] as an instance of the class `Secret` (its own type here, so the
/// core's value can be a Python class too when a build enables both features).
#[cfg(feature = "napi")]
mod js_secret {
    use napi::bindgen_prelude::{ToNapiValue, TypeName, ValueType};
    use napi::sys;

    use super::{REDACTED, Secret};

    /// A secret: `String(secret)`, `JSON.stringify` and `util.inspect` never show it;
    /// `reveal()` gives the text.
    #[napi_derive::napi(js_name = "Secret")]
    pub struct JsSecret {
        secret: Secret,
    }

    #[napi_derive::napi]
    impl JsSecret {
        /// The secret text: store it, never log it.
        #[napi]
        pub fn reveal(&self) -> String {
            self.secret.expose_secret().to_string()
        }

        /// Always `[redacted]`.
        #[napi(js_name = "toString")]
        pub fn to_text(&self) -> String {
            REDACTED.to_string()
        }

        /// Always `"[redacted]"`, so `JSON.stringify` of a result never writes the secret.
        #[napi(js_name = "toJSON")]
        pub fn to_json(&self) -> String {
            REDACTED.to_string()
        }
    }

    impl TypeName for Secret {
        fn type_name() -> &'static str {
            "Secret"
        }

        fn value_type() -> ValueType {
            ValueType::Object
        }
    }

    impl ToNapiValue for Secret {
        unsafe fn to_napi_value(env: sys::napi_env, secret: Self) -> napi::Result<sys::napi_value> {
            // SAFETY: called by napi-rs with a live env, as for any class instance.
            unsafe { JsSecret::to_napi_value(env, JsSecret { secret }) }
        }
    }
}

/// Kotlin and Swift see a [`Secret`] as an object (`SecretValue`, aliased `Secret`): records
/// cannot hold uniffi objects other than behind an `Arc`, which the other languages' fields do
/// not use, so the core's value crosses as this handle.
#[cfg(feature = "uniffi")]
mod uniffi_secret {
    use std::sync::Arc;

    use super::{REDACTED, Secret};

    /// A secret: `toString()`/`description` always `[redacted]`; `reveal()` gives the text.
    #[derive(uniffi::Object)]
    #[uniffi::export(Display, Debug)]
    pub struct SecretValue(pub(crate) Secret);

    #[uniffi::export]
    impl SecretValue {
        /// Holds `value` as a secret (a private key, a proxy URL with a password).
        #[uniffi::constructor]
        pub fn new(value: String) -> Self {
            SecretValue(Secret::new(value))
        }

        /// The secret text: store it, never log it.
        pub fn reveal(&self) -> String {
            self.0.expose_secret().to_string()
        }
    }

    impl std::fmt::Display for SecretValue {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(REDACTED)
        }
    }

    impl std::fmt::Debug for SecretValue {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(REDACTED)
        }
    }

    uniffi::custom_type!(Secret, Arc<SecretValue>, {
        lower: |secret| Arc::new(SecretValue(secret)),
        try_lift: |value| Ok(value.0.clone()),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let bytes = SecretBytes::new(b"top-secret-bytes".to_vec());
        let text = SecretString::new("top-secret-text".to_owned());
        assert_eq!(format!("{bytes:?}"), REDACTED);
        assert_eq!(format!("{text:?}"), REDACTED);
        assert_eq!(format!("{bytes:#?}"), REDACTED);
        assert_eq!(bytes.expose(), b"top-secret-bytes");
        assert_eq!(text.expose(), "top-secret-text");
    }

    #[test]
    fn a_returned_secret_prints_redacted_and_reads_from_json() {
        let secret: Secret = serde_json::from_str("\"AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=\"").unwrap();
        assert_eq!(format!("{secret:?} {secret} {secret:#?}"), format!("{REDACTED} {REDACTED} {REDACTED}"));
        assert_eq!(secret.expose_secret(), "AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=");
    }
}
