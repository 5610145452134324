//! The client settings and per-call options as Kotlin/Swift see them, turned into the core's
//! builder calls.
//!
//! Every setting is optional except the credentials and the account: an unset one is simply not
//! passed to the core's builder, so the defaults and every check stay in the core
//! (`ClientConfigBuilder::build`), and a bad setting comes back as the core's configuration
//! error. Secrets are held in [`Secret`], an object whose text form never shows the value, so a
//! logged `ClientConfig` (a Kotlin data class, a Swift struct) cannot leak the private key.

use std::sync::Arc;
use std::time::Duration;

use zeroize::Zeroizing;

/// The user-agent names this binding: one native library serves both Kotlin and Swift and cannot
/// tell which language loaded it.
const HOST_LANGUAGE: &str = "uniffi";
const HOST_VERSION: &str = "0.32";

/// A secret setting (the private key, a proxy URL with a password). Its `toString()` /
/// `description` is always `Secret(<redacted>)`.
#[derive(uniffi::Object)]
#[uniffi::export(Display, Debug)]
pub struct Secret {
    value: Zeroizing<String>,
}

#[uniffi::export]
impl Secret {
    #[uniffi::constructor]
    pub fn new(value: String) -> Self {
        Secret { value: Zeroizing::new(value) }
    }
}

impl Secret {
    pub(crate) fn expose(&self) -> &str {
        &self.value
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// A named Imburse deployment. For anything else (a dedicated environment, the emulator) set
/// `baseUrl`.
#[derive(uniffi::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Sandbox,
    Production,
}

/// Client settings. Unset (null) values take the core's defaults: sandbox, 10 s connect,
/// 30 s per attempt, 60 s per call, 3 attempts, 0.5 s backoff capped at 5 s, Retry-After
/// honoured up to 20 s, token renewed 60 s before it expires, proxy from the environment.
#[derive(uniffi::Record, Debug)]
pub struct ClientConfig {
    /// The API public key.
    pub public_key: String,
    /// The API private key as issued (base64).
    pub private_key: Arc<Secret>,
    /// The account id (a UUID), sent as `x-account-id`.
    pub account_id: String,
    /// The default tenant id (a UUID) for tenant-scoped calls; a call may name another.
    #[uniffi(default)]
    pub tenant_id: Option<String>,
    /// Sandbox or production; `baseUrl` wins when both are set.
    #[uniffi(default)]
    pub environment: Option<Environment>,
    /// Any other base URL (http or https), e.g. the emulator's.
    #[uniffi(default)]
    pub base_url: Option<String>,
    #[uniffi(default)]
    pub connect_timeout_ms: Option<u64>,
    /// Time allowed for one attempt, body included; at most `callTimeoutMs`.
    #[uniffi(default)]
    pub attempt_timeout_ms: Option<u64>,
    /// Time allowed for the whole call: every attempt, token refresh and backoff.
    #[uniffi(default)]
    pub call_timeout_ms: Option<u64>,
    /// Attempts per call, the first included (1 disables retries).
    #[uniffi(default)]
    pub max_attempts: Option<u32>,
    #[uniffi(default)]
    pub backoff_base_ms: Option<u64>,
    #[uniffi(default)]
    pub backoff_cap_ms: Option<u64>,
    /// The longest Retry-After worth waiting for; a longer one ends the call with its value.
    #[uniffi(default)]
    pub retry_after_cap_ms: Option<u64>,
    /// Renew the access token this long before it expires.
    #[uniffi(default)]
    pub token_refresh_margin_ms: Option<u64>,
    /// An explicit proxy URL (may carry `user:password@`, hence a secret).
    #[uniffi(default)]
    pub proxy: Option<Arc<Secret>>,
    /// Whether `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are honoured.
    #[uniffi(default)]
    pub use_env_proxy: Option<bool>,
}

impl ClientConfig {
    /// The core's validated configuration, or its configuration error.
    pub(crate) fn to_core(&self) -> Result<imburse::ClientConfig, imburse::Error> {
        let ms = Duration::from_millis;
        let mut builder = imburse::ClientConfig::builder()
            .public_key(self.public_key.as_str())
            .private_key(self.private_key.expose())
            .account_id(self.account_id.as_str())
            .host(HOST_LANGUAGE, HOST_VERSION);
        // The base URL is applied last so that it wins, as it does in the core's `from_env`.
        if let Some(environment) = self.environment {
            builder = builder.environment(match environment {
                Environment::Sandbox => imburse::Environment::Sandbox,
                Environment::Production => imburse::Environment::Production,
            });
        }
        if let Some(url) = &self.base_url {
            builder = builder.base_url(url.as_str());
        }
        if let Some(tenant_id) = &self.tenant_id {
            builder = builder.tenant_id(tenant_id.as_str());
        }
        if let Some(v) = self.connect_timeout_ms {
            builder = builder.connect_timeout(ms(v));
        }
        if let Some(v) = self.attempt_timeout_ms {
            builder = builder.attempt_timeout(ms(v));
        }
        if let Some(v) = self.call_timeout_ms {
            builder = builder.call_timeout(ms(v));
        }
        if let Some(v) = self.max_attempts {
            builder = builder.max_attempts(v);
        }
        if let Some(v) = self.backoff_base_ms {
            builder = builder.backoff_base(ms(v));
        }
        if let Some(v) = self.backoff_cap_ms {
            builder = builder.backoff_cap(ms(v));
        }
        if let Some(v) = self.retry_after_cap_ms {
            builder = builder.retry_after_cap(ms(v));
        }
        if let Some(v) = self.token_refresh_margin_ms {
            builder = builder.token_refresh_margin(ms(v));
        }
        if let Some(proxy) = &self.proxy {
            builder = builder.proxy(proxy.expose());
        }
        if let Some(honour) = self.use_env_proxy {
            builder = builder.use_env_proxy(honour);
        }
        builder.build()
    }
}

/// Per-call options: the caller's correlation id (otherwise the SDK generates a UUID) and a
/// tenant to act for instead of the client's default.
#[derive(uniffi::Record, Clone, Debug, Default)]
pub struct CallOptions {
    #[uniffi(default)]
    pub correlation_id: Option<String>,
    #[uniffi(default)]
    pub tenant_id: Option<String>,
}

impl CallOptions {
    pub(crate) fn to_core(options: Option<CallOptions>) -> imburse::CallOptions {
        let options = options.unwrap_or_default();
        imburse::CallOptions { correlation_id: options.correlation_id, tenant_id: options.tenant_id }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> ClientConfig {
        ClientConfig {
            public_key: "a123456b-c12c-123d-1ab4-18bd8c8e88a3".into(),
            private_key: Arc::new(Secret::new("AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=".into())),
            account_id: "6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6".into(),
            tenant_id: None,
            environment: None,
            base_url: None,
            connect_timeout_ms: None,
            attempt_timeout_ms: None,
            call_timeout_ms: None,
            max_attempts: None,
            backoff_base_ms: None,
            backoff_cap_ms: None,
            retry_after_cap_ms: None,
            token_refresh_margin_ms: None,
            proxy: None,
            use_env_proxy: None,
        }
    }

    #[test]
    fn unset_settings_keep_the_core_defaults() {
        let core = config().to_core().unwrap();
        let defaults = imburse::ClientConfig::builder()
            .public_key("a123456b-c12c-123d-1ab4-18bd8c8e88a3")
            .private_key("AGHYR1aWYgHgyjhJLkVCd7b8XfAVeA4tuFwCQl3X64Y=")
            .account_id("6d2c1f0e-8a4b-4c3d-9e5f-a1b2c3d4e5f6")
            .build()
            .unwrap();
        assert_eq!(core.base_url(), defaults.base_url());
        assert_eq!(core.connect_timeout(), defaults.connect_timeout());
        assert_eq!(core.attempt_timeout(), defaults.attempt_timeout());
        assert_eq!(core.call_timeout(), defaults.call_timeout());
        assert_eq!(core.retry_policy(), defaults.retry_policy());
        assert_eq!(core.token_refresh_margin(), defaults.token_refresh_margin());
        assert!(core.use_env_proxy());
        assert!(core.user_agent().contains("uniffi/0.32;"), "{}", core.user_agent());
    }

    #[test]
    fn the_base_url_wins_over_the_environment() {
        let mut settings = config();
        settings.environment = Some(Environment::Production);
        settings.base_url = Some("http://127.0.0.1:9/".into());
        assert_eq!(settings.to_core().unwrap().base_url().as_str(), "http://127.0.0.1:9/");
        settings.base_url = None;
        assert_eq!(settings.to_core().unwrap().base_url().as_str(), "https://api.imbursepayments.com/");
    }

    #[test]
    fn every_setting_reaches_the_core() {
        let mut settings = config();
        settings.tenant_id = Some("0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c".into());
        settings.connect_timeout_ms = Some(1500);
        settings.attempt_timeout_ms = Some(2500);
        settings.call_timeout_ms = Some(9000);
        settings.token_refresh_margin_ms = Some(5000);
        settings.use_env_proxy = Some(false);
        settings.proxy = Some(Arc::new(Secret::new("http://user:pw@127.0.0.1:3128".into())));
        let core = settings.to_core().unwrap();
        assert_eq!(core.tenant_id().unwrap().to_string(), "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c");
        assert_eq!(core.connect_timeout(), Duration::from_millis(1500));
        assert_eq!(core.attempt_timeout(), Duration::from_millis(2500));
        assert_eq!(core.call_timeout(), Duration::from_millis(9000));
        assert_eq!(core.token_refresh_margin(), Duration::from_millis(5000));
        assert!(!core.use_env_proxy());
        assert_eq!(core.proxy().map(|u| u.host_str()), Some(Some("127.0.0.1")));
    }

    #[test]
    fn a_refused_setting_is_the_cores_configuration_error() {
        let mut settings = config();
        settings.max_attempts = Some(0);
        let error = settings.to_core().unwrap_err();
        assert_eq!(error.kind(), imburse::ErrorKind::Configuration);
        assert!(error.message().starts_with("max_attempts"), "{}", error.message());
    }

    #[test]
    fn secrets_never_show() {
        let mut settings = config();
        settings.proxy = Some(Arc::new(Secret::new("http://user:hunter2@proxy:3128".into())));
        let text = format!("{settings:?}");
        assert!(!text.contains("AGHYR1aW"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("Secret(<redacted>)"), "{text}");
    }
}
