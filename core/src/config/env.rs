//! Reading settings from the `IMBURSE_*` environment variables into a builder.

use std::ffi::OsString;

use super::builder::EnvironmentSource;
use super::*;
use crate::secret::SecretString;

impl ClientConfigBuilder {
    /// A builder filled from `IMBURSE_PUBLIC_KEY`, `IMBURSE_PRIVATE_KEY`,
    /// `IMBURSE_ACCOUNT_ID`, `IMBURSE_TENANT_ID`, and `IMBURSE_BASE_URL` or
    /// `IMBURSE_ENVIRONMENT` (`sandbox`|`production`; the URL wins when both
    /// are set). Unset or blank variables leave the default; later builder
    /// calls override what was read.
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var_os(name))
    }

    /// `from_env` over any variable source, so tests need not touch the
    /// process environment.
    pub(crate) fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> Self {
        let mut non_utf8 = None;
        let mut read = |name: &'static str| -> Option<String> {
            match lookup(name)?.into_string() {
                Ok(text) if text.trim().is_empty() => None,
                Ok(text) => Some(text),
                Err(_) => {
                    non_utf8.get_or_insert(name);
                    None
                }
            }
        };
        let public_key = read(ENV_PUBLIC_KEY);
        let private_key = read(ENV_PRIVATE_KEY).map(SecretString::new);
        let account_id = read(ENV_ACCOUNT_ID);
        let tenant_id = read(ENV_TENANT_ID);
        let base_url = read(ENV_BASE_URL);
        let environment = read(ENV_ENVIRONMENT);

        let mut builder = Self::new();
        builder.public_key = public_key;
        builder.private_key = private_key;
        builder.account_id = account_id;
        builder.tenant_id = tenant_id;
        if let Some(url) = base_url {
            builder.environment = EnvironmentSource::BaseUrl(url);
        } else if let Some(name) = environment {
            builder.environment = EnvironmentSource::Named(name);
        }
        builder.non_utf8_env_var = non_utf8;
        builder
    }
}
