//! Wrappers for secret material (the private key) so that it cannot reach a
//! log line, an error message or a `{:?}` by accident: the only way to the
//! bytes is an explicit, crate-private `expose` call.

use std::fmt;

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
}
